package main

import "fmt"

type Bag struct {
	name  string
	items []string
}

func main() {
	a, b := Bag{}, Bag{}
	fmt.Println(a == b)
}
