// Untyped integer constants up to gc's 512-bit precision, and shifts of
// constants far beyond 64 bits, evaluate exactly.
package main

import "fmt"

const (
	a = 1 << 511
	b = a>>500 + 1
	c = (a - 1) >> 505
	d = -a >> 509
	e = 1 << 100 * 3 / 7 >> 90
)

func main() {
	fmt.Println(b, c, d, e)
	const f = 1e300 * 1e300 / 1e590
	fmt.Println(f)
	var x uint64 = 1<<64 - 1
	fmt.Println(x, x>>63, int64(x>>1))
}
