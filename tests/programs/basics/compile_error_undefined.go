// compile_error_undefined: a program with an undefined name is rejected
// before anything runs, so nothing is printed and the exit status is 1.
package main

import "fmt"

func main() {
	fmt.Println("this must not be printed")
	fmt.Println(undefinedName)
}
