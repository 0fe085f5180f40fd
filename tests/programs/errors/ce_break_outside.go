// compile error: break outside
package main

func main() {
	break
}
