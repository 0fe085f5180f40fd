// runtime failure: slice cap
package main

import "fmt"

func main() {
	s := make([]int, 3, 5)
	j := 7
	fmt.Println(s[:j])
}
