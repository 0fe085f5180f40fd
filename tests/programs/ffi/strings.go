// strings: round trips between Go strings and C strings - C.CString,
// C.GoString, C.GoStringN, C.GoBytes, C.CBytes - with C functions working
// on both C memory and goi memory ([]C.char buffers).
package main

// #include <string.h>
// #include <stdlib.h>
// size_t strlen(const char *);
// char *strcpy(char *, const char *);
// char *strcat(char *, const char *);
// char *strncpy(char *, const char *, size_t);
// int strcmp(const char *, const char *);
// char *strchr(const char *, int);
// char *strrchr(const char *, int);
// void *memcpy(void *, const void *, size_t);
// void *memset(void *, int, size_t);
// int memcmp(const void *, const void *, size_t);
// char *strerror(int);
import "C"

import (
	"fmt"
	"unsafe"
)

func main() {
	for _, s := range []string{"", "a", "hello, world", "héllo wörld ✓", "tab\there"} {
		cs := C.CString(s)
		back := C.GoString(cs)
		fmt.Printf("%q: strlen %d, round trip %v\n", s, C.strlen(cs), back == s)
		C.free(unsafe.Pointer(cs))
	}

	// C strings stop at the first NUL; GoStringN and GoBytes take lengths.
	cs := C.CString("before\x00after")
	fmt.Printf("GoString %q, GoStringN %q, GoBytes %q\n", C.GoString(cs), C.GoStringN(cs, 12),
		C.GoBytes(unsafe.Pointer(cs), 12))
	C.free(unsafe.Pointer(cs))

	// Building a string in C memory.
	buf := (*C.char)(C.malloc(64))
	C.strcpy(buf, C.CString("goi"))
	C.strcat(buf, C.CString(" + "))
	C.strcat(buf, C.CString("libffi"))
	fmt.Printf("%q (%d)\n", C.GoString(buf), C.strlen(buf))
	fmt.Println("strchr:", C.GoString(C.strchr(buf, '+')), "strrchr:", C.GoString(C.strrchr(buf, 'i')))
	fmt.Println("strchr miss is nil:", C.strchr(buf, 'z') == nil)
	fmt.Println("strcmp:", C.strcmp(buf, C.CString("goi")) > 0, C.strcmp(C.CString("a"), C.CString("a")))

	// Raw bytes: C.CBytes copies a []byte into C memory.
	raw := C.CBytes([]byte{0, 1, 2, 255, 'x'})
	fmt.Println("CBytes/GoBytes:", C.GoBytes(raw, 5))
	C.memset(raw, 'A', 3)
	fmt.Printf("memset: %q\n", C.GoBytes(raw, 5))
	dst := C.malloc(5)
	C.memcpy(dst, raw, 5)
	fmt.Println("memcpy+memcmp:", C.memcmp(dst, raw, 5))
	C.free(dst)
	C.free(raw)
	C.free(unsafe.Pointer(buf))

	// A []C.char in goi memory is copied to C and back around each call.
	gbuf := make([]C.char, 16)
	C.strncpy(&gbuf[0], C.CString("abcdefghij"), 5)
	fmt.Printf("strncpy into goi memory: %q, then %q\n", C.GoString(&gbuf[0]), C.GoStringN(&gbuf[2], 3))
	fmt.Println("strlen of goi memory:", C.strlen(&gbuf[0]), C.strlen(&gbuf[1]))

	// Strings C owns (strerror's static buffer) are copied out.
	fmt.Println("strerror(2):", C.GoString(C.strerror(2)))
	fmt.Printf("GoString(nil) = %q, GoBytes(nil, 0) = %v\n", C.GoString(nil), C.GoBytes(nil, 0))
}
