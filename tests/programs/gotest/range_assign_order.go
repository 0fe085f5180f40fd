// A range clause that assigns to existing variables is a parallel
// assignment: the index expressions of both targets are evaluated before
// either is stored (from Go's test/range.go).
package main

import "fmt"

func main() {
	x := []int{10, 20}
	i := 1
	for i, x[i] = range []int{99} {
		break
	}
	fmt.Println(i, x)

	m := map[int]int{}
	k := 5
	for k, m[k] = range []int{7} {
	}
	fmt.Println(k, m)

	r := []rune{'a', 'b'}
	j := 1
	for j, r[j] = range "c" {
	}
	fmt.Println(j, string(r))

	y := []int{1, 2, 3}
	n := 1
	for y[n], n = range [1]int{2} {
	}
	fmt.Println(y, n)

	a := [3]string{}
	p := 2
	for p, a[p] = range map[int]string{0: "zero"} {
	}
	fmt.Printf("%d %q\n", p, a)
}
