package main

import "fmt"

func main() {
	for i, r := range "abc" {
		var s string = r
		fmt.Println(i, s)
	}
}
