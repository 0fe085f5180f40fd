// fib: Fibonacci numbers three ways — recursion, a loop, and memoisation
// with a map — to show functions, multiple assignment and maps.
package main

import "fmt"

// fibRec is the textbook recursive definition: exponential time, but short.
func fibRec(n int) int {
	if n < 2 {
		return n
	}
	return fibRec(n-1) + fibRec(n-2)
}

// fibLoop walks the sequence once with a parallel assignment.
func fibLoop(n int) int {
	a, b := 0, 1
	for i := 0; i < n; i++ {
		a, b = b, a+b
	}
	return a
}

// fibMemo remembers every value it has computed.
func fibMemo(n int, memo map[int]int) int {
	if n < 2 {
		return n
	}
	if v, ok := memo[n]; ok {
		return v
	}
	v := fibMemo(n-1, memo) + fibMemo(n-2, memo)
	memo[n] = v
	return v
}

func main() {
	for i := 0; i <= 15; i++ {
		if i > 0 {
			fmt.Print(" ")
		}
		fmt.Print(fibLoop(i))
	}
	fmt.Println()

	fmt.Println("fibRec(20) =", fibRec(20))
	fmt.Println("fibLoop(50) =", fibLoop(50))
	memo := make(map[int]int)
	fmt.Println("fibMemo(90) =", fibMemo(90, memo))
	fmt.Println("memo entries:", len(memo))
	// int is 64 bits: fib(92) is the largest that fits, fib(93) wraps around.
	fmt.Println("fibLoop(92) =", fibLoop(92))
	fmt.Println("fibLoop(93) =", fibLoop(93), "(overflowed)")
}
