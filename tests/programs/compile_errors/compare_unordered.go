package main

import "fmt"

type Point struct{ X, Y int }

func main() {
	a, b := Point{1, 2}, Point{3, 4}
	fmt.Println(a < b)
}
