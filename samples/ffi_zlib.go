// ffi_zlib: checksums and compression with zlib through import "C".
// The preamble declares zlib's typedefs and the functions used; goi reads
// no headers (the #include is there for cgo and ignored by goi), and
// "#cgo LDFLAGS: -lz" loads libz. Go byte slices are passed as C pointers
// the way cgo programs do it: (*C.Bytef)(unsafe.Pointer(&b[0])).
package main

// #cgo LDFLAGS: -lz
// #include <zlib.h>
//
// typedef unsigned long uLong;
// typedef unsigned int uInt;
// typedef unsigned char Bytef;
//
// uLong crc32(uLong crc, const Bytef *buf, uInt len);
// uLong adler32(uLong adler, const Bytef *buf, uInt len);
// uLong compressBound(uLong sourceLen);
// int compress2(Bytef *dest, uLong *destLen, const Bytef *source, uLong sourceLen, int level);
// int uncompress(Bytef *dest, uLong *destLen, const Bytef *source, uLong sourceLen);
import "C"

import (
	"fmt"
	"strings"
	"unsafe"
)

// bytef is the C view of a non-empty Go byte slice.
func bytef(b []byte) *C.Bytef { return (*C.Bytef)(unsafe.Pointer(&b[0])) }

func crc32(crc uint32, b []byte) uint32 {
	if len(b) == 0 {
		return crc
	}
	return uint32(C.crc32(C.uLong(crc), bytef(b), C.uInt(len(b))))
}

func adler32(b []byte) uint32 {
	return uint32(C.adler32(1, bytef(b), C.uInt(len(b))))
}

func main() {
	for _, s := range []string{"a", "abc", "hello, world", "The quick brown fox jumps over the lazy dog"} {
		b := []byte(s)
		fmt.Printf("%-45q crc32 %08x  adler32 %08x\n", s, crc32(0, b), adler32(b))
	}

	// A CRC can be computed piece by piece.
	whole := []byte("The quick brown fox jumps over the lazy dog")
	crc := uint32(0)
	for _, word := range strings.SplitAfter(string(whole), " ") {
		crc = crc32(crc, []byte(word))
	}
	fmt.Printf("piece by piece %08x == whole %08x: %v\n", crc, crc32(0, whole), crc == crc32(0, whole))

	// Compress and uncompress: sizes travel through *C.uLong out-parameters.
	src := []byte(strings.Repeat("goi calls zlib through libffi. ", 40))
	bound := C.compressBound(C.uLong(len(src)))
	packed := make([]byte, int(bound))
	n := bound
	if rc := C.compress2(bytef(packed), &n, bytef(src), C.uLong(len(src)), 9); rc != 0 {
		fmt.Println("compress2 failed:", rc)
		return
	}
	packed = packed[:int(n)]
	fmt.Printf("compressed %d bytes: smaller than a tenth: %v\n", len(src), len(packed) < len(src)/10)

	out := make([]byte, len(src))
	m := C.uLong(len(out))
	if rc := C.uncompress(bytef(out), &m, bytef(packed), C.uLong(len(packed))); rc != 0 {
		fmt.Println("uncompress failed:", rc)
		return
	}
	fmt.Printf("uncompressed %d bytes, same as the original: %v\n", int(m), string(out[:int(m)]) == string(src))
}
