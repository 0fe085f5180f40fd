// an index error in a value method called through an interface (no wrapper frame in the trace)
package main

import "fmt"

type Shape interface{ Area() float64 }
type Poly struct{ sides []float64 }

func (p Poly) Area() float64 { return p.sides[3] }

func main() {
	var s Shape = Poly{sides: []float64{1, 2}}
	fmt.Println(s.Area())
}
