// an unexported field of another package is not visible
package main

import "strings"

func main() {
	var b strings.Builder
	_ = b.buf
}
