// compile error: op not defined string minus
package main

import "fmt"

func main() {
	a := "x"
	b := "y"
	fmt.Println(a - b)
}
