// runtime failure: slice array high
package main

import "fmt"

func main() {
	var a [4]int
	j := 5
	fmt.Println(a[:j])
}
