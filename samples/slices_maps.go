// slices_maps: slices (append, copy, slicing, sharing) and maps (insert,
// lookup, delete, counting), printed in a deterministic order.
package main

import (
	"fmt"
	"sort"
	"strings"
)

func main() {
	// Slices grow with append; len and cap tell how much is used and reserved.
	var s []int
	fmt.Println(s == nil, len(s), cap(s))
	for i := 1; i <= 5; i++ {
		s = append(s, i*i)
	}
	fmt.Println(s, len(s))

	// Slicing shares the underlying array: writing through t changes s.
	t := s[1:3]
	t[0] = 100
	fmt.Println(s, t, len(t))

	// copy makes an independent slice.
	u := make([]int, len(s))
	n := copy(u, s)
	u[0] = -1
	fmt.Println(n, s[0], u[0])

	// A two-dimensional slice: a multiplication table.
	table := make([][]int, 4)
	for i := range table {
		table[i] = make([]int, 4)
		for j := range table[i] {
			table[i][j] = (i + 1) * (j + 1)
		}
	}
	for _, row := range table {
		fmt.Println(row)
	}

	// Maps: count words. Map iteration order is random, so sort before printing.
	text := "the quick brown fox jumps over the lazy dog the fox"
	counts := make(map[string]int)
	for _, w := range strings.Fields(text) {
		counts[w]++
	}
	words := make([]string, 0, len(counts))
	for w := range counts {
		words = append(words, w)
	}
	sort.Slice(words, func(i, j int) bool {
		if counts[words[i]] != counts[words[j]] {
			return counts[words[i]] > counts[words[j]]
		}
		return words[i] < words[j]
	})
	for _, w := range words {
		fmt.Printf("%-5s %d\n", w, counts[w])
	}

	// Lookup with the comma-ok form distinguishes "missing" from "zero".
	v, ok := counts["cat"]
	fmt.Println("cat:", v, ok)
	delete(counts, "the")
	_, ok = counts["the"]
	fmt.Println("the after delete:", ok, "distinct words:", len(counts))

	// fmt prints maps with sorted keys, so this line is deterministic.
	fmt.Println(map[string]int{"b": 2, "a": 1, "c": 3})
}
