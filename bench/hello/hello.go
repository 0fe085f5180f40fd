// hello: start-up cost — the time to load, compile and run a trivial program.
package main

import "fmt"

func main() {
	fmt.Println("hello, world")
}
