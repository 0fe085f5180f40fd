// pointers: C pointers are opaque values in goi (compare, convert, pass
// back to C, read with C.GoString/GoBytes); pointers to goi variables are
// copied in and out around a call; goi memory never reaches C through an
// untyped pointer.
package main

// #include <stdio.h>
// #include <stdlib.h>
// FILE *tmpfile(void);
// int fputs(const char *s, FILE *f);
// void rewind(FILE *f);
// char *fgets(char *buf, int n, FILE *f);
// int fclose(FILE *f);
// double strtod(const char *s, char **end);
// char *getenv(const char *name);
// int setenv(const char *name, const char *value, int overwrite);
// void *memset(void *p, int c, size_t n);
// double frexp(double x, int *e);
import "C"

import (
	"fmt"
	"unsafe"
)

func main() {
	// An opaque struct pointer: C's FILE.
	f := C.tmpfile()
	fmt.Println("tmpfile is nil:", f == nil)
	C.fputs(C.CString("line one\nline two\n"), f)
	C.rewind(f)
	buf := (*C.char)(C.malloc(32))
	for C.fgets(buf, 32, f) != nil {
		fmt.Printf("fgets: %q\n", C.GoString(buf))
	}
	C.fclose(f)
	C.free(unsafe.Pointer(buf))

	// **C.char out-parameter, and pointer arithmetic through uintptr.
	s := C.CString("2.5e3 and more")
	var end *C.char
	v := C.strtod(s, &end)
	fmt.Printf("strtod: %g, stopped after %d bytes at %q\n", v, uintptr(unsafe.Pointer(end))-uintptr(unsafe.Pointer(s)),
		C.GoString(end))
	third := (*C.char)(unsafe.Pointer(uintptr(unsafe.Pointer(s)) + 2))
	fmt.Printf("from the third byte: %q\n", C.GoString(third))
	C.free(unsafe.Pointer(s))

	// NULL results.
	name := C.CString("GOI_FFI_TEST_VARIABLE")
	fmt.Println("getenv before setenv is nil:", C.getenv(name) == nil)
	C.setenv(name, C.CString("set from goi"), 1)
	fmt.Printf("getenv after: %q\n", C.GoString(C.getenv(name)))

	// Out-parameters in goi memory: an element of a slice, a struct field.
	exps := make([]C.int, 3)
	for i, x := range []float64{1, 48, 0.125} {
		C.frexp(C.double(x), &exps[i])
	}
	fmt.Println("exponents:", exps)
	var pair struct {
		e    C.int
		name string
	}
	pair.name = "untouched"
	C.frexp(1024, &pair.e)
	fmt.Println("struct field:", pair.e, pair.name)

	// goi memory through void * is refused: its layout is not C's.
	x := 7
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		C.memset(unsafe.Pointer(&x), 0, 8)
	}()
	fmt.Println("x is still", x)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		C.free(unsafe.Pointer(&x))
	}()
}
