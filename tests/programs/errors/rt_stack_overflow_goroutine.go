// runtime failure: stack overflow goroutine
package main

import "time"

func f(n int) int { return f(n+1) + 1 }

func main() {
	go f(0)
	time.Sleep(5 * time.Second)
}
