package main

import (
	"fmt"
	"math/rand"
	"sort"
)

func main() {
	r := rand.New(rand.NewSource(42))
	for i := 0; i < 5; i++ {
		fmt.Print(r.Intn(100), " ")
	}
	fmt.Println()
	fmt.Println(r.Int63(), r.Int31(), r.Uint32(), r.Uint64(), r.Int(), r.Int63n(1000000007), r.Int31n(77))
	fmt.Println(r.Float64(), r.Float32(), r.NormFloat64(), r.ExpFloat64())
	fmt.Println(r.Perm(10))
	a := []string{"a", "b", "c", "d", "e", "f", "g"}
	r.Shuffle(len(a), func(i, j int) { a[i], a[j] = a[j], a[i] })
	fmt.Println(a)
	p := make([]byte, 10)
	r.Read(p)
	fmt.Println(p)
	r.Seed(7)
	fmt.Println(r.Intn(1000), r.Intn(1<<40), r.Int63n(1<<62+3))
	r2 := rand.New(rand.NewSource(-1))
	fmt.Println(r2.Int63(), r2.Float64())
	// global source, explicitly seeded
	rand.Seed(99)
	fmt.Println(rand.Intn(10), rand.Float64(), rand.Perm(5))
	// histogram of dice
	var h [6]int
	r3 := rand.New(rand.NewSource(2023))
	for i := 0; i < 60000; i++ {
		h[r3.Intn(6)]++
	}
	fmt.Println(h)
	xs := make([]int, 20)
	for i := range xs {
		xs[i] = r3.Intn(50)
	}
	sort.Ints(xs)
	fmt.Println(xs)
	fmt.Println(rand.New(rand.NewSource(1)).Int(), rand.New(rand.NewSource(0)).Int())
	defer func() { fmt.Println("recovered:", recover()) }()
	r.Intn(0)
}
