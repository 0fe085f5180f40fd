package main

import (
	"fmt"
	"sort"
	"strings"
)

type person struct {
	name string
	age  int
}

type byAge []person

func (a byAge) Len() int           { return len(a) }
func (a byAge) Less(i, j int) bool { return a[i].age < a[j].age }
func (a byAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }

func lcg(n int, seed uint32) []int {
	out := make([]int, n)
	for i := range out {
		seed = seed*1664525 + 1013904223
		out[i] = int(seed>>16) % 50
	}
	return out
}

func main() {
	xs := []int{5, 2, 8, -1, 0, 8, 3}
	sort.Ints(xs)
	fmt.Println(xs, sort.IntsAreSorted(xs), sort.SearchInts(xs, 3), sort.SearchInts(xs, 4), sort.SearchInts(xs, 100))
	fs := []float64{2.5, -1, 3.25, 0, -0.5}
	sort.Float64s(fs)
	fmt.Println(fs, sort.Float64sAreSorted(fs), sort.SearchFloat64s(fs, 1))
	ss := []string{"pear", "apple", "fig", "Banana", "apple2", ""}
	sort.Strings(ss)
	fmt.Printf("%q %v %d\n", ss, sort.StringsAreSorted(ss), sort.SearchStrings(ss, "fig"))

	// stability and equal-element order: many equal keys
	var people []person
	for i, k := range lcg(200, 7) {
		people = append(people, person{fmt.Sprintf("p%d", i), k % 10})
	}
	p1 := append([]person(nil), people...)
	sort.Sort(byAge(p1))
	fmt.Println(p1[:40])
	p2 := append([]person(nil), people...)
	sort.Stable(byAge(p2))
	fmt.Println(p2[:40])
	p3 := append([]person(nil), people...)
	sort.Slice(p3, func(i, j int) bool { return p3[i].age > p3[j].age })
	fmt.Println(p3[:40])
	p4 := append([]person(nil), people...)
	sort.SliceStable(p4, func(i, j int) bool { return p4[i].age > p4[j].age })
	fmt.Println(p4[:40])
	fmt.Println(sort.IsSorted(byAge(p2)), sort.SliceIsSorted(p3, func(i, j int) bool { return p3[i].age > p3[j].age }))
	p5 := append([]person(nil), people...)
	sort.Sort(sort.Reverse(byAge(p5)))
	fmt.Println(p5[:40])
	// small inputs (insertion sort paths) and larger (heap sort fallback patterns)
	for _, n := range []int{0, 1, 2, 12, 13, 50, 1000} {
		v := lcg(n, uint32(n))
		w := make([]person, n)
		for i := range v {
			w[i] = person{fmt.Sprint(i), v[i]}
		}
		sort.Slice(w, func(i, j int) bool { return w[i].age < w[j].age })
		h := 0
		for _, p := range w {
			h = h*31 + len(p.name)*7 + int(p.name[0])
			h %= 1000000007
		}
		fmt.Println(n, h)
	}
	// patterns: sorted, reversed, all equal
	a := make([]int, 300)
	for i := range a {
		a[i] = 300 - i
	}
	sort.Sort(sort.Reverse(sort.IntSlice(a)))
	fmt.Println(a[:10])
	sort.IntSlice(a).Sort()
	fmt.Println(a[:10], sort.IntSlice(a).Search(150))
	sort.Sort(sort.StringSlice(ss))
	fmt.Println(sort.StringSlice(ss).Search("pear"))
	sort.Sort(sort.Float64Slice(fs))
	fmt.Println(fs)
	i := sort.Search(100, func(i int) bool { return i*i >= 50 })
	fmt.Println(i)
	j, found := sort.Find(len(ss), func(i int) int { return strings.Compare("fig", ss[i]) })
	fmt.Println(j, found)
	// counting comparisons: Go's exact algorithm
	cnt := 0
	v := lcg(500, 99)
	sort.Slice(v, func(i, j int) bool { cnt++; return v[i] < v[j] })
	fmt.Println("cmp", cnt)
	cnt = 0
	v = lcg(500, 99)
	sort.SliceStable(v, func(i, j int) bool { cnt++; return v[i] < v[j] })
	fmt.Println("cmp stable", cnt)
	defer func() { fmt.Println("recovered:", recover()) }()
	sort.Slice(42, func(i, j int) bool { return false })
}
