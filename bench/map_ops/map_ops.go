// map_ops: maps — 1,000,000 int keys and 1,000,000 string keys inserted,
// looked up (half of the lookups miss), half deleted, and looked up again.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	const n = 1000000
	m := make(map[int]int)
	for i := 0; i < n; i++ {
		m[i*7919%n] = i
	}
	sum := 0
	for i := 0; i < 2*n; i += 2 {
		if v, ok := m[i]; ok {
			sum += v
		}
	}
	for i := 0; i < n; i += 2 {
		delete(m, i)
	}
	hits := 0
	for i := 0; i < n; i++ {
		if _, ok := m[i]; ok {
			hits++
		}
	}
	fmt.Println(len(m), sum, hits)

	keys := make([]string, n)
	for i := range keys {
		keys[i] = "k" + strconv.Itoa(i*7919%n)
	}
	s := make(map[string]int)
	for i, k := range keys {
		s[k] = i
	}
	sum = 0
	for i := 0; i < n; i++ {
		sum += s[keys[i]]
	}
	for i := 0; i < n; i += 2 {
		delete(s, keys[i])
	}
	hits = 0
	for i := 0; i < n; i++ {
		if _, ok := s[keys[i]]; ok {
			hits++
		}
	}
	fmt.Println(len(s), sum, hits)
}
