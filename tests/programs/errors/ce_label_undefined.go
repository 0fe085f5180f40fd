// compile error: label undefined
package main

func main() {
	for {
		break L
	}
}
