// hello: the smallest goi program. Run it with `goi run hello.go`.
package main

import "fmt"

func main() {
	fmt.Println("Hello, goi!")
	fmt.Printf("%s has %d letters\n", "goroutine", len("goroutine"))
}
