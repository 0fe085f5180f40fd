// error_arguments: calls are checked against the prototypes like any Go
// call: argument counts and types.
package main

// size_t strlen(const char *);
// double pow(double, double);
import "C"

func main() {
	println("not printed")
	println(C.pow(2))
	println(C.strlen("a Go string"))
}
