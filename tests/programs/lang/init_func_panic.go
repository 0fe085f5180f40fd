package main

import "fmt"

var table = build()

func build() map[string]int {
	return map[string]int{"a": 1}
}

func init() {
	fmt.Println("init 1")
}

func init() {
	var m map[string]int
	m["x"] = table["a"]
}

func main() {
	fmt.Println("main")
}
