// Methods named _ may be declared any number of times, next to fields named
// _; they are not part of the method set (from Go's test/blank.go).
package main

import "fmt"

type T struct {
	_, _, _ int
	n       int
}

func (T) _() {}

func (T) _() {}

func (t *T) _() { t.n++ }

type I interface{ M() int }

func (t T) M() int { return t.n }

func main() {
	var i I = T{n: 3}
	fmt.Println(i.M(), T{n: 1} == T{n: 1})
}
