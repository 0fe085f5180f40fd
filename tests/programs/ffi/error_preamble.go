// error_preamble: goi does not compile C; the preamble only declares.
package main

// static int twice(int x) { return 2 * x; }
import "C"

func main() {
	println(C.twice(2))
}
