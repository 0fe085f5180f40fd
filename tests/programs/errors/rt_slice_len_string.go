// runtime failure: slice len string
package main

import "fmt"

func main() {
	s := "hello"
	j := 7
	fmt.Println(s[:j])
}
