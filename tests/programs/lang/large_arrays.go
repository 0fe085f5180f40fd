// Large arrays (more slots than registers): locals, globals, fields,
// copies, ranges, new(), pointers, and elements beyond 65535 slots.
package main

import "fmt"

const N = 70000

type Table struct {
	name string
	data [N]int32
}

var g [N]int

func sum(p *[N]int) (s int) {
	for _, v := range p {
		s += v
	}
	return
}

func main() {
	var a [N]int
	for i := range a {
		a[i] = i
	}
	a[N-1] = -5
	b := a
	b[0] = 99
	fmt.Println(a[0], b[0], a[N-1], b[N-1], len(b))
	g = a
	g[1] = 7
	fmt.Println(g[1], a[1], sum(&g), sum(&a))
	t := new(Table)
	t.name = "t"
	t.data[N-1] = 3
	t2 := *t
	t2.data[N-1] = 4
	fmt.Println(t.name, t.data[N-1], t2.data[N-1])
	p := &a
	p[N-2] = 11
	fmt.Println(a[N-2])
	c := 0
	for i, v := range a {
		if i == 0 {
			a[N-2] = 0 // the range works on a copy
		}
		if v == 11 {
			c++
		}
	}
	fmt.Println(c, a[N-2])
	var grid [300][300]int
	grid[299][299] = 1
	grid[250][10] = 2
	fmt.Println(grid[299][299], grid[250][10], grid[0][0])
	idx := N
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(a[idx])
}
