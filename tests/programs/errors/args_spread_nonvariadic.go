// spreading a slice into a non-variadic function
package main

import "fmt"

func f(a int) int { return 0 }

func main() {
	s := []int{1}
	fmt.Println(f(s...))
}
