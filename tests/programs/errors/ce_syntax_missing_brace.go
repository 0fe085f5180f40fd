// compile error: syntax missing brace
package main

import "fmt"

func main() {
	fmt.Println("x")
