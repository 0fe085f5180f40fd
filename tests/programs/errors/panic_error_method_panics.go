// the panic value's Error method panics while the panic is reported
package main

type E struct{}

func (E) Error() string { panic("inner") }

func main() {
	panic(E{})
}
