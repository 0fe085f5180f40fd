// error_library: a library that cannot be loaded is reported with
// dlerror's text before the program runs.
package main

// #cgo LDFLAGS: -lm -lgoi_no_such_library
// double cos(double);
import "C"

func main() {
	println("not printed", C.cos(0))
}
