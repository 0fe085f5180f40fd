package main

import (
	"fmt"
	"time"
)

type Zed int
type alpha string
type Pt struct{ X int }
type Bb int
type Aa int
type M int

func (M) X() {}
func (M) Y() {}

type S struct{ A, B, C int }
type P struct{ X int }

func (P) Str() string { return "" }

// Maps with interface keys of several dynamic types print in the order of
// gc's type descriptors (by size, then name).
func main() {
	fmt.Println(map[any]int{int(1): 1, uint(2): 2, "s": 3, float32(1.5): 4, true: 5, int64(6): 6, uint8(7): 7, [1]int{8}: 8, Zed(9): 9, alpha("a"): 10, 'r': 11, complex(1, 1): 12, struct{ A int }{13}: 13, int16(14): 14, uintptr(15): 15})
	fmt.Println(map[any]int{[2]string{"a", "b"}: 1, struct{}{}: 2, [1]string{"c"}: 3, Pt{4}: 4, [1]int{5}: 5, struct{ A int }{6}: 6, Zed(7): 7, 8: 8, "s": 9, [1]Zed{10}: 10, struct{ B string }{"11"}: 11, [3]int{}: 12, int8(13): 13})
	fmt.Println(map[any]int{Bb(1): 1, Aa(2): 2, M(3): 3, [1]int{4}: 4, S{}: 5, struct{ A, B, C, D int }{}: 6, struct{ Z int }{}: 7, P{}: 8, 1.5: 10, [2][1]int{}: 11, time.Second: 12, time.May: 13})
	fmt.Println(map[any]string{nil: "nil", 2: "two", 1: "one", "b": "B", "a": "A", false: "f", true: "t"})
	fmt.Println(map[fmt.Stringer]int{time.Second: 1, time.Minute: 2, time.March: 3})
}
