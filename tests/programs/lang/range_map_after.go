// The instruction right after a range-over-map loop must run once the
// iteration ends (MAPNEXT's exit jump used to skip it).
package main

import "fmt"

func main() {
	m := map[string]int{"a": 1, "b": 2, "c": 3}
	sum := 0
	for _, v := range m {
		sum += v
	}
	n := len(m)
	fmt.Println(sum, n)

	for k := range m {
		delete(m, k)
	}
	fmt.Println(len(m))

	var empty map[int]bool
	for range empty {
	}
	x := 42
	fmt.Println(x)
}
