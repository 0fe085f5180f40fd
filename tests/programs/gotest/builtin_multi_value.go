// A built-in taking several arguments may be called as f(g()) with a g of
// several results, like any function (from Go's test/fixedbugs/issue15992.go,
// issue5793.go, issue35576.go, issue22327.go).
package main

import (
	"fmt"
	"strconv"
)

func two() ([]int, int)        { return []int{1}, 2 }
func three() ([]int, int, int) { return []int{0}, 7, 8 }
func pair() (float64, float64) { return 1.5, -2 }
func mk() (map[string]int, string) {
	return map[string]int{"a": 1, "b": 2}, "a"
}
func dst() ([]byte, string) { return make([]byte, 3), "hello" }

var calls int

func counted() (int, int) { calls++; return calls, 10 }

func main() {
	fmt.Println(append(two()))
	fmt.Println(append(three()))
	fmt.Println(complex(pair()))
	m, k := mk()
	delete(mk())
	fmt.Println(len(m), k)
	b, s := dst()
	n := copy(dst())
	fmt.Println(n, len(b), s)
	println(strconv.Atoi("42"))
	println(counted())
	print(counted())
	println()
	defer println(counted())
	func() {
		defer fmt.Println("deferred append:", append(two()))
	}()
	x := len(append(two())) + cap(append(three()))
	fmt.Println(x, calls)
	fmt.Println(copy(make([]byte, 2), "xyz"))
}
