// compile error: assign wrong type
package main

import "fmt"

func main() {
	var x int
	x = "hello"
	fmt.Println(x)
}
