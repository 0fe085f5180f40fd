// callbacks: goi functions passed to C where C wants a function pointer.
// The callback runs on the calling goroutine, nested inside the C call; it
// may call C again, use closures, block on channels, and panic (C then
// gets zero from it and the panic continues once the C function returns).
package main

// #include <stdlib.h>
// #include <string.h>
// void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
// void *bsearch(const void *key, const void *base, size_t n, size_t size,
//               int (*cmp)(const void *, const void *));
// int memcmp(const void *, const void *, size_t);
//
// /* the same qsort, declared with typed pointers: a []C.int in goi memory
//    is then copied to C and back around the call */
// void qsort_ints(int *base, size_t n, size_t size, int (*cmp)(const int *, const int *)) __asm__("qsort");
import "C"

import (
	"fmt"
	"runtime"
	"unsafe"
)

// load reads a C int (little-endian) from C memory.
func load(p *C.int) int32 {
	b := C.GoBytes(unsafe.Pointer(p), 4)
	return int32(uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24)
}

func byteAt(p unsafe.Pointer) C.int { return C.int(C.GoBytes(p, 1)[0]) }

func main() {
	runtime.GOMAXPROCS(1)

	// Sorting goi memory: ints, ascending then by absolute value.
	nums := []C.int{5, -3, 42, 0, -17, 8, 1}
	C.qsort_ints(&nums[0], C.size_t(len(nums)), 4, func(a, b *C.int) C.int {
		x, y := load(a), load(b)
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	})
	fmt.Println("ascending:", nums)
	abs := func(v int32) int32 {
		if v < 0 {
			return -v
		}
		return v
	}
	C.qsort_ints(&nums[0], C.size_t(len(nums)), 4, func(a, b *C.int) C.int {
		return C.int(abs(load(a)) - abs(load(b)))
	})
	fmt.Println("by absolute value:", nums)

	// bsearch over C memory, with a callback that calls C itself.
	letters := []byte("acegikmoqsuwy")
	base := C.CBytes(letters)
	defer C.free(base)
	cmp := func(a, b unsafe.Pointer) C.int { return C.memcmp(a, b, 1) }
	for _, k := range "amyb" {
		key := C.CBytes([]byte{byte(k)})
		p := C.bsearch(key, base, C.size_t(len(letters)), 1, cmp)
		if p == nil {
			fmt.Printf("bsearch %c: not found\n", k)
		} else {
			fmt.Printf("bsearch %c: at %d\n", k, uintptr(p)-uintptr(base))
		}
		C.free(key)
	}

	// A callback that blocks on a channel fed by another goroutine.
	feed := make(chan int)
	go func() {
		for i := 0; ; i++ {
			feed <- i
		}
	}()
	data := C.CBytes([]byte("dcba"))
	defer C.free(data)
	var seen []int
	C.qsort(data, 4, 1, func(a, b unsafe.Pointer) C.int {
		seen = append(seen, <-feed)
		return byteAt(a) - byteAt(b)
	})
	fmt.Printf("sorted %q; the callback received 0, 1, 2, ... in order: %v\n", C.GoBytes(data, 4), inOrder(seen))

	// A panicking callback.
	calls := 0
	func() {
		defer func() { fmt.Println("recovered:", recover(), "- callback ran", calls, "times") }()
		C.qsort(data, 4, 1, func(a, b unsafe.Pointer) C.int {
			calls++
			if calls == 2 {
				panic("comparator gave up")
			}
			return byteAt(a) - byteAt(b)
		})
		fmt.Println("not reached")
	}()
	fmt.Println("after the panic, C memory is intact:", string(C.GoBytes(data, 4)))
}

func inOrder(v []int) bool {
	for i, x := range v {
		if x != i {
			return false
		}
	}
	return len(v) > 0
}
