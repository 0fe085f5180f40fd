package main

import "fmt"

// A String method that prints another Stringer runs fmt, which calls back
// into Go: each level nests the interpreter once more on the C stack.

type S struct{ s fmt.Stringer }

func (s S) String() string {
	if s.s == nil {
		return "x"
	}
	return fmt.Sprint(s.s)
}

func main() {
	var s fmt.Stringer = S{}
	for i := 0; i < 100000; i++ {
		s = S{s}
	}
	fmt.Println(len(s.String()))
}
