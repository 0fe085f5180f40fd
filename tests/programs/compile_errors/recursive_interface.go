package main

type Shape interface {
	Area() float64
	Shape
}

func main() {}
