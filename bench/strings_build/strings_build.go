// strings_build: string building — 500,000 fmt.Fprintf calls into a
// strings.Builder plus WriteString/WriteByte, then a checksum of the
// result (its length, the number of '7' bytes, its last 24 bytes).
package main

import (
	"fmt"
	"strings"
)

func main() {
	words := []string{"alpha", "beta", "gamma", "delta", "epsilon"}
	var b strings.Builder
	for i := 0; i < 500000; i++ {
		fmt.Fprintf(&b, "%d:%s=%x;", i, words[i%5], i*7)
		if i%10 == 0 {
			b.WriteString(words[i%3])
			b.WriteByte('\n')
		}
	}
	s := b.String()
	fmt.Println(len(s), strings.Count(s, "7"), s[len(s)-24:])
}
