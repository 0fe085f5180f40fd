// compile error: label unused
package main

func main() {
L:
	for {
	}
}
