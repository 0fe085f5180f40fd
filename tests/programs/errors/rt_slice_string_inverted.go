// runtime failure: slice string inverted
package main

import "fmt"

func main() {
	s := "abcdef"
	i, j := 4, 2
	fmt.Println(s[i:j])
}
