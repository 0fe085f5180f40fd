package main

// A method called through a named pointer type is not in its method set.
// goi crashed looking for a hint among the pointer's struct fields.

type T struct{ x int }
type P *T

func (t *T) Meth() {}

func main() {
	var p P = &T{}
	p.Meth()
}
