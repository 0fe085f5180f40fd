// compile error: undef pkg member
package main

import "fmt"

func main() {
	fmt.Printx("hi")
}
