// Maps of a named map type: inserting and ranging (the VM used to read the
// element type from the named type instead of its underlying map type).
package main

import (
	"fmt"
	"sort"
)

type Env map[string]float64

type Graph map[int][]int

func (g Graph) AddEdge(a, b int) {
	g[a] = append(g[a], b)
	g[b] = append(g[b], a)
}

type Counts map[[2]int]struct{ n int }

func main() {
	env := Env{"x": 3}
	env["y"] = 4
	env["x"] += 0.5
	keys := []string{}
	sum := 0.0
	for k, v := range env {
		keys = append(keys, k)
		sum += v
	}
	sort.Strings(keys)
	fmt.Println(keys, sum, len(env))

	g := Graph{}
	g.AddEdge(1, 2)
	g.AddEdge(1, 3)
	fmt.Println(g[1], g[2], g[3])

	c := Counts{}
	c[[2]int{1, 2}] = struct{ n int }{7}
	for k, v := range c {
		fmt.Println(k, v.n)
	}
}
