package main

import "fmt"

func log(s string) { fmt.Println(s) }

func main() {
	p := &log("x")
	fmt.Println(p)
}
