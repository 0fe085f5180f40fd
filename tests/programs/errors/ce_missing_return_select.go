// compile error: missing return select
package main

func f(c chan int) int {
	select {
	case <-c:
		return 1
	default:
	}
}

func main() { f(nil) }
