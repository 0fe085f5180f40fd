// types: every C type goi maps, checked through C functions that read and
// write them (sscanf writes each type through a pointer into goi memory;
// snprintf reads each as a variadic argument), results of every width and
// signedness, and the Go types behind the C names.
package main

// #include <stdio.h>
// #include <stdlib.h>
// #include <arpa/inet.h>
// int sscanf(const char *s, const char *format, ...);
// int snprintf(char *buf, size_t n, const char *format, ...);
// int abs(int);
// long labs(long);
// long long llabs(long long);
// unsigned long strtoul(const char *, char **, int);
// unsigned long long strtoull(const char *, char **, int);
// double fabs(double);
// float fabsf(float);
// float ldexpf(float, int);
// uint16_t htons(uint16_t);
// uint32_t htonl(uint32_t);
// size_t strlen(const char *);
// int isdigit(int);
import "C"

import (
	"fmt"
	"unsafe"
)

func cstr(s string) *C.char { return C.CString(s) }

func main() {
	// The Go types behind the C names, as cgo defines them on linux/amd64.
	fmt.Printf("%T %T %T %T %T %T\n", C.char(0), C.schar(0), C.uchar(0), C.short(0), C.ushort(0), C.int(0))
	fmt.Printf("%T %T %T %T %T %T %T\n", C.uint(0), C.long(0), C.ulong(0), C.longlong(0), C.ulonglong(0),
		C.float(0), C.double(0))
	fmt.Println(int8(C.schar(-128)), uint8(C.uchar(255)), int16(C.short(-32768)), uint16(C.ushort(65535)),
		int32(C.int(-2147483648)), uint32(C.uint(4294967295)))
	var u C.uchar = 255
	u++
	var sz C.size_t = 0
	sz--
	fmt.Println("wraparound:", u, uint64(sz) == 1<<64-1)

	// Results of every width, sign- or zero-extended as C defines them.
	fmt.Println("abs:", C.abs(-7), "labs:", C.labs(-1<<40), "llabs:", C.llabs(-1<<62))
	fmt.Println("strtoul:", C.strtoul(cstr("18446744073709551615"), nil, 10))
	fmt.Println("strtoull:", C.strtoull(cstr("ffffffffffffffff"), nil, 16))
	fmt.Println("htons:", C.htons(0x00ff), C.htons(0x1234), "htonl:", C.htonl(0x80), C.htonl(1))
	fmt.Println("fabs:", C.fabs(-2.5), "fabsf:", C.fabsf(-0.1), "ldexpf:", C.ldexpf(1.5, 3))
	fmt.Println("strlen:", C.strlen(cstr("")), C.strlen(cstr("four")))
	fmt.Println("isdigit:", C.isdigit('7') != 0, C.isdigit('x') != 0)

	// Writing each type through a pointer to a goi variable.
	var (
		sc  C.schar
		uc  C.uchar
		sh  C.short
		ush C.ushort
		i   C.int
		ui  C.uint
		l   C.long
		ul  C.ulong
		ll  C.longlong
		ull C.ulonglong
		f   C.float
		d   C.double
		ch  C.char
	)
	in := cstr("-5 250 -300 65000 -70000 4000000000 -5000000000 18000000000000000000 -9000000000000000000 " +
		"18446744073709551615 0.1 2.718281828459045 z")
	format := cstr("%hhd %hhu %hd %hu %d %u %ld %lu %lld %llu %f %lf %c")
	n := C.sscanf(in, format, &sc, &uc, &sh, &ush, &i, &ui, &l, &ul, &ll, &ull, &f, &d, &ch)
	fmt.Println("sscanf read", n)
	fmt.Println(sc, uc, sh, ush, i, ui, l, ul, ll, ull, f, d, string(rune(ch)))

	// Passing each as a variadic argument (default promotions).
	buf := (*C.char)(C.malloc(256))
	defer C.free(unsafe.Pointer(buf))
	C.snprintf(buf, 256, cstr("%hhd %hhu %hd %hu %d %u %ld %lu %lld %llu %.7f %.15f %c %d"),
		sc, uc, sh, ush, i, ui, l, ul, ll, ull, f, d, ch, true)
	fmt.Println(C.GoString(buf))

	// Go's own types pass too: int is a C long, float32 a double, string a C string.
	C.snprintf(buf, 256, cstr("%ld %lu %d %g %s|%s"), -1<<40, uint64(1<<63), int32(-3), float32(0.5), "go", "")
	fmt.Println(C.GoString(buf))
}
