// error_deref: goi never reads C memory as its own: *p on a C pointer is a
// compile error.
package main

// char *getenv(const char *);
import "C"

func main() {
	p := C.getenv(C.CString("HOME"))
	if p != nil {
		println(*p)
	}
}
