// compile error: missing return for break
package main

func f(x int) int {
	for {
		if x > 0 {
			break
		}
		return 1
	}
}

func main() { f(1) }
