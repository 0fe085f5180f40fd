// error_undeclared: a C function without a prototype in the preamble is a
// compile error saying how to declare it (goi reads no headers).
package main

// #include <math.h>
// double cos(double);
import "C"

import "fmt"

func main() {
	fmt.Println("not printed")
	fmt.Println(C.cos(0), C.sin(0))
}
