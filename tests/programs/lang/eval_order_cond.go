// Conditions of if, for and switch cases evaluate their calls before the
// other operands, as gc does.
package main

import "fmt"

var n int

func bump() int { n++; return 5 }

func main() {
	n = 0
	switch {
	case n == bump():
		fmt.Println("a")
	case n+4 == bump():
		fmt.Println("b", n)
	default:
		fmt.Println("default", n)
	}
	n = 0
	x := 6
	switch x {
	case n + bump():
		fmt.Println("c", n)
	default:
		fmt.Println("d", n)
	}
	n = 0
	for i := 0; n < bump() && i < 10; i++ {
		fmt.Print(i, n, " ")
	}
	fmt.Println()
}
