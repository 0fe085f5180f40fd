// Composite literals of structs and arrays too large for registers are built
// in memory: &T{}, initialisations, assignments, nested literals, package
// variables (from Go's test/fixedbugs/issue15733.go, issue14405.go,
// issue34395.go).
package main

import "fmt"

type S struct {
	a [70000]byte
	n int
}

type Big struct {
	k int
	s S
}

type T struct {
	Slice [1 << 17][]int
	Ptr   *int
}

var g = S{n: 11}
var table = [100000]int{1, 2, 99999: 4}

func New(p *int) *T { return &T{Ptr: p} }

func main() {
	p := &S{n: 3}
	p.a[69999] = 7
	fmt.Println(len(p.a), p.n, p.a[69999])

	s := S{n: 2, a: [70000]byte{5: 1}}
	s2 := s
	s2.n++
	fmt.Println(s.n, s2.n, s.a[5])

	s = S{n: s.n + 40, a: s.a}
	fmt.Println(s.n, s.a[5])

	q := new(S)
	*q = S{n: 7}
	fmt.Println(q.n)

	b := &Big{s: S{n: 5, a: [70000]byte{69999: 9}}, k: 1}
	fmt.Println(b.s.n, b.s.a[69999], b.k)

	a := [70000]int{1, 2, 69999: 3}
	fmt.Println(a[0], a[1], a[2], a[69999])

	x := 42
	t := New(&x)
	fmt.Println(*t.Ptr, len(t.Slice), t.Slice[0] == nil)

	g = S{n: g.n + 1}
	fmt.Println(g.n, table[0], table[99999])
}
