// Package-level variables initialize in declaration order once their
// dependencies (also through functions and methods) are initialized.
package main

import "fmt"

var (
	x1 = trace("x1", y1+1)
	y1 = trace("y1", 10)
	z1 = get()
	w1 = trace("w1", 5)
	p, q = pair()
	r = trace("r", q*2)
)

var counter int

func get() int    { return trace("z1 via get", w1*2) }
func pair() (int, int) { counter++; return trace("p", 1), trace("q", 2) }
func trace(s string, v int) int {
	fmt.Println("init", s, v)
	return v
}

type T struct{ n int }

func (t T) val() int { return t.n + base }

var viaMethod = T{1}.val()
var base = trace("base", 100)

func main() {
	fmt.Println(x1, y1, z1, w1, p, q, r, counter, viaMethod)
}
