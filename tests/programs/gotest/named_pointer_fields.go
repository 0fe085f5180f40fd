// A defined pointer type selects the fields of its base type, x.f meaning
// (*x).f, also through embedded fields (from Go's test/chan/powser2.go).
package main

import "fmt"

type Inner struct{ n int }

type T struct {
	Inner
	name string
	ch   chan int
}

type P *T

type PP [2]P

func main() {
	var p P = &T{name: "t", ch: make(chan int, 1)}
	p.n = 5
	p.name += "!"
	p.ch <- 7
	fmt.Println(p.n, p.name, <-p.ch, (*p).Inner.n)

	q := &p
	(*q).n++
	fmt.Println(p.n)

	var pp PP
	pp[0] = p
	pp[0].Inner = Inner{42}
	fmt.Println(p.n, pp[0].name)
}
