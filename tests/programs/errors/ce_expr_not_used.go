// compile error: expr not used
package main

func main() {
	x := 1
	x + 1
}
