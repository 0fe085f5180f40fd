// pipeline_fanin: a three-stage pipeline (generate -> square in 3 parallel
// workers -> merge) whose results are sorted before printing.
package main

import (
	"fmt"
	"sort"
	"sync"
)

func gen(n int) <-chan int {
	out := make(chan int)
	go func() {
		for i := 1; i <= n; i++ {
			out <- i
		}
		close(out)
	}()
	return out
}

func square(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for v := range in {
			out <- v * v
		}
		close(out)
	}()
	return out
}

func merge(cs ...<-chan int) <-chan int {
	out := make(chan int)
	var wg sync.WaitGroup
	wg.Add(len(cs))
	for _, c := range cs {
		go func(c <-chan int) {
			defer wg.Done()
			for v := range c {
				out <- v
			}
		}(c)
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func main() {
	src := gen(30)
	var got []int
	for v := range merge(square(src), square(src), square(src)) {
		got = append(got, v)
	}
	sort.Ints(got)
	sum := 0
	for _, v := range got {
		sum += v
	}
	fmt.Println(len(got), "values, sum", sum)
	fmt.Println(got[:10])
}
