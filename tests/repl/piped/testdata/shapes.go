package main

import (
	"fmt"
	"math"
)

// Declarations may come in any order, as in any Go file.
func describe(s Shape) string { return fmt.Sprintf("%T with area %.2f", s, s.Area()) }

type Shape interface{ Area() float64 }

type Square struct{ Side float64 }
type Circle struct{ R float64 }

func (s Square) Area() float64 { return s.Side * s.Side }
func (c Circle) Area() float64 { return math.Pi * c.R * c.R }

var unit = Square{1}

func main() {
	fmt.Println("main of shapes.go:", describe(unit))
}
