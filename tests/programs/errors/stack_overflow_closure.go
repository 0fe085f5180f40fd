// infinite recursion through a closure
package main

func main() {
	var f func(int) int
	f = func(n int) int { return f(n+1) + 1 }
	f(0)
}
