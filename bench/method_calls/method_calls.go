// method_calls: interface dispatch - 10 million calls through an interface
// whose dynamic type alternates among three shapes.
package main

import "fmt"

type Shape interface {
	Area() int
}

type Square struct{ s int }
type Rect struct{ w, h int }
type Tri struct{ b, h int }

func (q Square) Area() int { return q.s * q.s }
func (r *Rect) Area() int  { return r.w * r.h }
func (t Tri) Area() int    { return t.b * t.h / 2 }

func main() {
	shapes := []Shape{Square{3}, &Rect{2, 5}, Tri{4, 6}}
	total := 0
	for i := 0; i < 10000000; i++ {
		total += shapes[i%3].Area()
	}
	fmt.Println(total)
}
