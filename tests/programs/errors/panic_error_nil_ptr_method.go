// panic with a nil *T whose Error method dereferences it
package main

type E struct{ msg string }

func (e *E) Error() string { return e.msg }

func main() {
	var e *E
	panic(e)
}
