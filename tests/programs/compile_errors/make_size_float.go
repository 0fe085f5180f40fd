package main

import "fmt"

func main() {
	n := 2.5
	s := make([]int, n)
	fmt.Println(s)
}
