// panic(nil) is reported as "panic: nil" (Go 1.19) with exit status 2.
package main

import "fmt"

func main() {
	fmt.Println("before")
	var err error
	panic(err)
}
