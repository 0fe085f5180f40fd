// Slices of zero-size elements may be as long as an int allows; appending
// past that panics with growslice's "cap out of range" (from Go's
// test/fixedbugs/issue29190.go).
package main

import "fmt"

type T struct{}

const maxInt = int(^uint(0) >> 1)

func try(name string, f func()) {
	defer func() { fmt.Println(name+":", recover()) }()
	f()
}

func main() {
	s := make([]T, maxInt)
	fmt.Println(len(s), cap(s), s[maxInt-1])
	try("append one", func() { s = append(s, T{}) })
	one := make([]T, 1)
	try("append slice", func() { s = append(s, one...) })
	e := make([]struct{}, 10, maxInt)
	e = append(e, struct{}{})
	fmt.Println(len(e), cap(e))
	try("make", func() { _ = make([]int, maxInt) })
}
