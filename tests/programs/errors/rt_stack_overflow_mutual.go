// runtime failure: stack overflow mutual
package main

func a(n int) int { return b(n) + 1 }
func b(n int) int { return a(n) + 1 }

func main() {
	a(0)
}
