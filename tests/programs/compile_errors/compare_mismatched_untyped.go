// Comparing an int with an untyped string constant is a compile error
// (it used to be accepted silently).
package main

import "fmt"

func main() {
	x := 1
	fmt.Println(x == "a")
}
