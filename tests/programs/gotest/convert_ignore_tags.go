// Conversions ignore struct tags, also inside the types being converted
// (from Go's test/fixedbugs/issue50439.go).
package main

import "fmt"

type A struct {
	F string `json:"f"`
	N []struct {
		X int `x:"1"`
	}
}

type B struct {
	F string
	N []struct{ X int }
}

var data = []struct {
	F string `tag`
}{{"a"}, {"b"}}

func main() {
	v := ([]struct{ F string })(data)
	fmt.Println(v, len(v))
	a := A{F: "x", N: []struct {
		X int `x:"1"`
	}{{1}, {2}}}
	b := B(a)
	fmt.Println(b.F, b.N)
	pa := &a
	pb := (*B)(pa)
	pb.F = "changed"
	fmt.Println(a.F)
	m := map[string]struct {
		V int `v`
	}{"k": {3}}
	m2 := (map[string]struct{ V int })(m)
	fmt.Println(m2["k"].V)
}
