// runtime failure: slice neg high
package main

import "fmt"

func main() {
	s := make([]int, 3, 5)
	j := -1
	fmt.Println(s[:j])
}
