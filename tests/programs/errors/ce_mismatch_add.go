// compile error: mismatch add
package main

import "fmt"

func main() {
	a := 1
	b := "x"
	fmt.Println(a + b)
}
