// compile error: not enough args method
package main

import "fmt"

type T struct{}

func (T) M(a string, b int) {}

func main() {
	var t T
	t.M("x")
	fmt.Println()
}
