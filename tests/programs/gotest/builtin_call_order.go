// Calls of built-ins with results (len, cap, append...) are ordered with
// the other calls of a statement, as gc orders them (from Go's
// test/fixedbugs/bug491.go).
package main

import "fmt"

var s = []int{1}

func f() int { s = []int{1, 2, 3}; return 2 }

func g(a, b, c int) { fmt.Println(a, b, c) }

func main() {
	g(len(s), f(), len(s))
	s = []int{1}
	fmt.Println(len(s), f(), len(s))
	s = []int{1}
	a, b, c := len(s), f(), len(s)
	fmt.Println(a, b, c)
	s = []int{1}
	x := len(s) + f() + len(s)
	fmt.Println(x)
	s = []int{1}
	arr := []int{len(s), f(), cap(s)}
	fmt.Println(arr)
	s = []int{1}
	var y int
	y = len(s) * f()
	fmt.Println(y)
	s = []int{1}
	fmt.Println(s[0], f(), s[0])
	s = []int{1}
	fmt.Println(append(s, 5), f())
}

var c complex128 = 1

func h() int { c = 3i; return 0 }

func init() {
	r, _, i := real(c), h(), imag(c)
	m, _, n := make([]int, len(s)), f(), new(int)
	fmt.Println(r, i, len(m), *n)
	s = []int{1}
}
