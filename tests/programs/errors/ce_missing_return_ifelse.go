// compile error: missing return ifelse
package main

func f(x int) int {
	if x > 0 {
		return 1
	} else if x < 0 {
		return 2
	}
}

func main() { f(1) }
