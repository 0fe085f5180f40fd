package main

import "fmt"

func main() {
	total := 0
	add := func(n int) { total = n }
	add(3)
	fmt.Println("done")
}
