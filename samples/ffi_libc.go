// ffi_libc: the C library from Go through import "C": strings in and out,
// a variadic call (snprintf), a goi function as a C callback (qsort), and
// C memory that the program frees itself.
//
// goi's import "C" is cgo's, plus two things cgo cannot do: calling
// variadic C functions (extra arguments travel as C's default promotions:
// small integers as int, float as double, Go ints as long, Go strings as
// temporary C strings) and passing Go functions where C wants a function
// pointer (valid during that call).
package main

// #include <ctype.h>
// #include <stdlib.h>
// #include <string.h>
// #include <stdio.h>
//
// size_t strlen(const char *s);
// int toupper(int c);
// char *strdup(const char *s);
// char *strstr(const char *haystack, const char *needle);
// long strtol(const char *s, char **end, int base);
// int snprintf(char *buf, size_t size, const char *format, ...);
// void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
import "C"

import (
	"fmt"
	"unsafe"
)

func main() {
	// Go strings become C strings with C.CString (C memory: free it), and
	// come back with C.GoString (a Go copy).
	s := C.CString("hello, cgo world")
	defer C.free(unsafe.Pointer(s))
	fmt.Println("strlen:", C.strlen(s))

	up := []byte(C.GoString(s))
	for i, c := range up {
		up[i] = byte(C.toupper(C.int(c)))
	}
	fmt.Println("toupper:", string(up))

	// C pointers are values: compare them with nil, pass them back to C.
	needle := C.CString("cgo")
	defer C.free(unsafe.Pointer(needle))
	if p := C.strstr(s, needle); p != nil {
		fmt.Println("strstr:", C.GoString(p))
	}
	missing := C.CString("python")
	defer C.free(unsafe.Pointer(missing))
	fmt.Println("strstr finds python:", C.strstr(s, missing) != nil)

	// An out-parameter of pointer type: where strtol stopped.
	num := C.CString("  -1234xyz")
	defer C.free(unsafe.Pointer(num))
	var end *C.char
	n := C.strtol(num, &end, 10)
	fmt.Printf("strtol: %d, rest %q\n", n, C.GoString(end))

	// A copy made by C is C memory too.
	dup := C.strdup(s)
	fmt.Println("strdup:", C.GoString(dup))
	C.free(unsafe.Pointer(dup))

	// snprintf into a malloc'd buffer: a variadic call.
	const size = 64
	buf := (*C.char)(C.malloc(size))
	defer C.free(unsafe.Pointer(buf))
	format := C.CString("%s has %d letters, pi is about %.4f, %c%c")
	defer C.free(unsafe.Pointer(format))
	w := C.snprintf(buf, size, format, "goroutine", C.int(9), 3.14159265, 'o', C.char('k'))
	fmt.Printf("snprintf wrote %d bytes: %s\n", w, C.GoString(buf))

	// qsort with a Go comparison function over C memory (C.CBytes copies
	// Go bytes into malloc'd memory). C pointers are read with C.GoBytes.
	data := []byte("the quick brown fox")
	cdata := C.CBytes(data)
	defer C.free(cdata)
	calls := 0
	C.qsort(cdata, C.size_t(len(data)), 1, func(a, b unsafe.Pointer) C.int {
		calls++
		return C.int(C.GoBytes(a, 1)[0]) - C.int(C.GoBytes(b, 1)[0])
	})
	fmt.Printf("qsort: %q (comparator called: %v)\n", C.GoBytes(cdata, C.int(len(data))), calls > 0)

	// Sort descending: any Go function value works, closures included.
	desc := true
	C.qsort(cdata, C.size_t(len(data)), 1, func(a, b unsafe.Pointer) C.int {
		x, y := C.int(C.GoBytes(a, 1)[0]), C.int(C.GoBytes(b, 1)[0])
		if desc {
			return y - x
		}
		return x - y
	})
	fmt.Printf("qsort descending: %q\n", C.GoBytes(cdata, C.int(len(data))))
}
