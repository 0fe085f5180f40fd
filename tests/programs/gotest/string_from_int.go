// Converting an integer to a string gives "\uFFFD" for values that are no
// code point, constants too large for any integer type included (from Go's
// test/fixedbugs/issue15039.go).
package main

import "fmt"

func main() {
	const huge = string(1 << 100)
	const neg = string(-1)
	const r = string('☺')
	u := uint64(0x10001f4a9)
	var i8 int8 = -5
	var surrogate = 0xD800
	fmt.Printf("%q %q %q\n", huge, neg, r)
	fmt.Printf("%q %q %q %q\n", string(u), string(rune(u)), string(surrogate), string(i8))
}
