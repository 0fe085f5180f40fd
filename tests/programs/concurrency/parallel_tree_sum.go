// parallel_tree_sum: divide and conquer with a goroutine per half down to a
// cut-off, joined with channels; about two thousand goroutines in all.
package main

import "fmt"

func sum(xs []int, out chan<- int) {
	if len(xs) <= 16 {
		s := 0
		for _, x := range xs {
			s += x
		}
		out <- s
		return
	}
	mid := len(xs) / 2
	left, right := make(chan int), make(chan int)
	go sum(xs[:mid], left)
	go sum(xs[mid:], right)
	out <- <-left + <-right
}

func main() {
	xs := make([]int, 20000)
	for i := range xs {
		xs[i] = i % 1000
	}
	out := make(chan int)
	go sum(xs, out)
	fmt.Println("sum:", <-out)
}
