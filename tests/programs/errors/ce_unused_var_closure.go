// compile error: unused variable in a closure
package main

func main() {
	f := func() {
		y := 2
	}
	f()
}
