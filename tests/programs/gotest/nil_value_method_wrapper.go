// Calling a value method of T through *T's method set with a nil *T panics
// with Go's runtime.panicwrap message; promoted methods and method values
// dereference the nil pointer instead (from Go's test/fixedbugs/issue19040.go).
package main

import "fmt"

type T int

func (t T) F() int { return int(t) }

type S struct{ T }

type I interface{ F() int }

var (
	p  *T
	s  *S
	ip I = p
	is I = s
)

func try(name string, f func()) {
	defer func() {
		e := recover()
		_, isErr := e.(error)
		fmt.Println(name+":", e, isErr)
	}()
	f()
}

func main() {
	try("interface", func() { ip.F() })
	try("promoted", func() { is.F() })
	try("method expression", func() { (*T).F(p) })
	try("method value", func() { f := p.F; f() })
	ip.F()
}
