// runtime failure: slice inverted
package main

import "fmt"

func main() {
	s := make([]int, 10)
	i, j := 10, 3
	fmt.Println(s[i:j])
}
