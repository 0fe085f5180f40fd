// The built-in println prints nil interfaces and slices with 0x0 pointers.
package main

import "fmt"

func main() {
	var e error
	var s []int
	fmt.Println("stdout")
	println("nil error", e, s == nil)
	println(len(s), s)
}
