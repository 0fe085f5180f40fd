// Within a statement, gc evaluates calls and receives first (left to right)
// and reads the other operands afterwards; goi follows the same order.
package main

import "fmt"

var i int

func bump() int { i++; return 100 }

type S struct{ a, b int }

func get() *S { return &S{1, 2} }

func main() {
	i = 0
	x := i + bump()
	fmt.Println("1:", x)
	i = 0
	fmt.Println("2:", i, bump(), i)
	i = 0
	y := []int{i, bump()}
	fmt.Println("3:", y)
	i = 0
	s := S{i, bump()}
	fmt.Println("4:", s)
	i = 0
	m := map[int]int{i: bump()}
	fmt.Println("5:", m)
	i = 0
	arr := [2]int{}
	arr[i] = bump()
	fmt.Println("6:", arr)
	i = 0
	z := bump() + i
	fmt.Println("7:", z)
	i = 0
	var w int
	w, i = i, bump()
	fmt.Println("8:", w, i)
	i = 0
	loc := 0
	f := func() int { loc++; return 10 }
	v := loc + f()
	fmt.Println("9:", v)
	i = 0
	s2 := []int{5, 6, 7}
	r := s2[i] + bump()
	fmt.Println("10:", r)
	i = 0
	if i < bump() {
		fmt.Println("11:", i)
	}
	i = 0
	ptr := &S{1, 1}
	q := ptr.a + func() int { ptr = &S{50, 50}; return 0 }()
	fmt.Println("12:", q)
	i = 0
	str := fmt.Sprint(i) + fmt.Sprint(bump(), i)
	fmt.Println("13:", str)
	i = 0
	cond := i == 0 && bump() > 0 && i == 1
	fmt.Println("14:", cond)
}
