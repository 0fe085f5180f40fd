package main

import "fmt"

func pair() (int, string) { return 1, "a" }

func main() {
	var n int
	n = pair()
	fmt.Println(n)
}
