// runtime failure: slice3 low high
package main

import "fmt"

func main() {
	s := make([]int, 3, 5)
	i, j := 3, 2
	fmt.Println(s[i:j:4])
}
