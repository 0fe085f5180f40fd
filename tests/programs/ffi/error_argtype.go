// error_argtype: a Go string is not a *C.char (convert with C.CString).
package main

// size_t strlen(const char *);
import "C"

func main() {
	println(C.strlen("a Go string"))
}
