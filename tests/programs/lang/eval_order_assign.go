// Assignments (also x op= y) evaluate the calls on the right before reading
// their targets and index operands, as gc does.
package main

import "fmt"

var total int
var arr = []int{10, 20, 30}
var idx int

type Acc struct{ sum int }

func add(n int) int   { total += 1000; return n }
func next() int       { idx++; return idx }
func (a *Acc) bump() int { a.sum += 5; return 1 }

func main() {
	total = 1
	total += add(2)
	fmt.Println(total)
	arr[idx] += next()
	fmt.Println(arr, idx)
	a := &Acc{}
	a.sum += a.bump()
	fmt.Println(a.sum)
	x := 0
	incr := func() int { x++; return x }
	x += incr()
	fmt.Println(x)
	m := map[string]int{"k": 1}
	setk := func() int { m["k"] = 100; return 1 }
	m["k"] += setk()
	fmt.Println(m)
	s := []int{1, 2, 3}
	for i := range s {
		s[i] += incr()
	}
	fmt.Println(s, x)
	total = 0
	var v = total + add(1)
	fmt.Println(v)
	ch := make(chan int, 2)
	ch <- 5
	ch <- 6
	y := 0
	recvSet := func() int { y = <-ch; return y }
	z := y + recvSet() + <-ch
	fmt.Println(z, y)
}
