// A panic that is the last statement of a function with deferred calls is
// reported at its own line, not at the closing brace.
package main

import "fmt"

func f(xs []int) {
	defer fmt.Println("deferred")
	panic(fmt.Sprintf("want 4 items, have %d", len(xs)))
}

func main() {
	defer fmt.Println("main deferred")
	f([]int{1})
}
