// an unexported field of another package in a keyed struct literal
package main

import "strings"

func main() {
	b := strings.Builder{buf: nil}
	_ = b
}
