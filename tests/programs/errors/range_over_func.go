// range over a function value
package main

func main() {
	f := func() {}
	for x := range f {
		_ = x
	}
}
