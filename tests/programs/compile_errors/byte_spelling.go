package main

import "fmt"

func main() {
	s := "hello"
	first := s[0]
	var n int = first
	fmt.Println(n)
}
