// two defaults in a switch
package main

import "fmt"

func main() {
	x := 1
	switch x {
	default:
	default:
	}
	fmt.Println()
}
