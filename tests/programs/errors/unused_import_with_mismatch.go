// an unused import is reported along with a hard error, as gc does
package main

import "os"

func main() {
	x := 1
	var y int = "s"
}
