// A panic in a deferred call run at a normal return: the deferring frame
// is at its closing brace (as in Go), its caller at the call.
package main

func g() {
	println("g")
}

func f() {
	defer func() {
		panic("in defer")
	}()
	defer g()
	println("body")
}

func k() {
	defer println("k")
	f()
}

func main() {
	k()
}
