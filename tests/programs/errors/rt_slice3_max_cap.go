// runtime failure: slice3 max cap
package main

import "fmt"

func main() {
	s := make([]int, 3, 5)
	k := 6
	fmt.Println(s[1:2:k])
}
