package main

// Comparing values nested a million levels deep through interfaces
// recursed on the C stack until it crashed; Go's goroutine stack would
// hold it, goi reports a stack overflow as Go does when its stack is
// exhausted.

func main() {
	var a, b any
	for i := 0; i < 1000000; i++ {
		a = [1]any{a}
		b = [1]any{b}
	}
	println(a == b)
}
