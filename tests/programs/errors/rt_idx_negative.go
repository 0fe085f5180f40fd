// runtime failure: idx negative
package main

import "fmt"

func main() {
	s := []int{1, 2, 3}
	i := -1
	fmt.Println(s[i])
}
