// variadic: calling printf-style C functions. Extra arguments travel as C's
// default argument promotions would pass them; C's stdout and fmt's
// output appear in program order.
package main

// #include <stdio.h>
// int printf(const char *format, ...);
// int puts(const char *);
// int snprintf(char *buf, size_t n, const char *format, ...);
// int sprintf(char *buf, const char *format, ...);
import "C"

import (
	"fmt"
	"unsafe"
)

func main() {
	f := C.CString("printf: %d %s %.3f %c %ld %p\n")
	defer C.free(unsafe.Pointer(f))
	fmt.Println("fmt: before printf")
	n := C.printf(f, C.int(42), "a Go string", 2.0/3, 'G', 1<<40, nil)
	fmt.Println("fmt: printf returned", n)
	C.puts(C.CString("puts: no variadic arguments"))
	fmt.Println("fmt: after puts")

	// No extra arguments at all.
	C.printf(C.CString("printf: 100%% plain\n"))

	// Results in goi memory.
	buf := make([]C.char, 32)
	C.sprintf(&buf[0], C.CString("%05d|%-4s|%x"), 42, "ab", uint32(0xbeef))
	fmt.Println("sprintf:", C.GoString(&buf[0]))
	// snprintf truncates, and returns what it would have written.
	k := C.snprintf(&buf[0], 8, C.CString("%s"), "a long string that does not fit")
	fmt.Printf("snprintf: %q wanted %d\n", C.GoString(&buf[0]), k)

	// Pointers: to goi memory they are copied in and out around the call.
	var count C.int
	C.printf(C.CString("printf: %s%n\n"), "counted", &count)
	fmt.Println("fmt: %n stored", count)

	// Arguments C cannot take are refused at run time.
	defer func() { fmt.Println("recovered:", recover()) }()
	C.printf(C.CString("%d\n"), []int{1, 2})
}
