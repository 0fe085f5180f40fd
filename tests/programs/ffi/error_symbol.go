// error_symbol: a declared function that no loaded library defines is
// reported with dlerror's text before the program runs.
package main

// #cgo LDFLAGS: -lm
// double cos(double);
// int goi_no_such_function(int);
import "C"

func main() {
	println("not printed", C.cos(0))
}
