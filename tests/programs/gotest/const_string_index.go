// A byte of a constant string is no constant: arithmetic on it wraps at run
// time instead of overflowing (from Go's test/fixedbugs/issue11370.go).
package main

import "fmt"

const s = "abc"

func main() {
	fmt.Println(-"abc"[1] >> 1)
	x := s[1] + 200
	var y = "héllo"[2] * 2
	fmt.Println(x, y, s[0] == 'a', "xyz"[2])
	fmt.Printf("%T %v\n", s[1], s[1])
}
