// an unexported method name of another package, with a hint at the exported one
package main

import "strings"

func main() {
	var r strings.Reader
	r.readRune()
}
