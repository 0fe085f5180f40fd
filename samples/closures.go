// closures: function values that capture variables — counters, adders,
// function slices, and deferred closures.
package main

import (
	"fmt"
	"strings"
)

// counter returns a function that increments and returns its own private count.
func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

// adder returns a function that adds x to its argument.
func adder(x int) func(int) int {
	return func(y int) int { return x + y }
}

// compose returns the function "f after g".
func compose(f, g func(int) int) func(int) int {
	return func(x int) int { return f(g(x)) }
}

// apply calls f on every element and returns the new slice.
func apply(xs []int, f func(int) int) []int {
	out := make([]int, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func deferred() (result string) {
	var log []string
	defer func() {
		// A deferred closure may read and change named results.
		result = strings.Join(log, ",") + " -> done"
	}()
	for i := 0; i < 3; i++ {
		log = append(log, fmt.Sprint(i))
	}
	return "unused"
}

func main() {
	c1, c2 := counter(), counter()
	fmt.Println(c1(), c1(), c1(), c2())

	add5 := adder(5)
	double := func(x int) int { return 2 * x }
	fmt.Println(add5(10), compose(add5, double)(10), compose(double, add5)(10))

	fmt.Println(apply([]int{1, 2, 3, 4}, double))

	// Each closure captures its own copy i of the loop value.
	var fs []func() int
	for i := 0; i < 3; i++ {
		i := i
		fs = append(fs, func() int { return i * i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	// A shared variable is shared by every closure that captures it.
	total := 0
	inc := func(d int) { total += d }
	inc(3)
	inc(4)
	fmt.Println("total:", total)

	fmt.Println(deferred())

	// Recursion through a variable requires declaring it first.
	var fact func(int) int
	fact = func(n int) int {
		if n <= 1 {
			return 1
		}
		return n * fact(n-1)
	}
	fmt.Println("10! =", fact(10))
}
