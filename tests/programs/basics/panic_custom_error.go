// panic_custom_error: an unrecovered panic with an error value prints
// "panic: " and the error's message, runs the deferred calls of the
// panicking goroutine first, and exits with status 2.
package main

import "fmt"

type configError struct {
	key string
}

func (e *configError) Error() string { return "missing key " + e.key }

func load(key string) {
	defer fmt.Println("load: deferred call runs while panicking")
	panic(&configError{key: key})
}

func main() {
	defer fmt.Println("main: deferred call runs too")
	fmt.Println("loading")
	load("timeout")
	fmt.Println("unreachable")
}
