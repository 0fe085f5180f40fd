// compile error: mismatch andand
package main

import "fmt"

func main() {
	a := 1
	b := true
	fmt.Println(a && b)
}
