// runtime failure: stack overflow goroutine
package main

func f(n int) int { return f(n+1) + 1 }

func main() {
	go f(0)
	select {} // not a deadlock while f runs; no timing (a Sleep ran out first under TSan)
}
