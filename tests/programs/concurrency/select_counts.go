// select_counts: five senders on three channels, one receiver selecting over
// all of them with a quit channel; only totals are printed.
package main

import (
	"fmt"
	"sync"
)

func main() {
	a, b, c := make(chan int), make(chan int, 3), make(chan int)
	quit := make(chan struct{})
	var wg sync.WaitGroup
	send := func(ch chan int, n, v int) {
		defer wg.Done()
		for i := 0; i < n; i++ {
			ch <- v
		}
	}
	wg.Add(5)
	go send(a, 100, 1)
	go send(a, 50, 2)
	go send(b, 200, 3)
	go send(c, 70, 4)
	go send(c, 30, 5)
	go func() {
		wg.Wait()
		close(quit)
	}()

	counts := map[int]int{}
	total := 0
	for done := false; !done; {
		select {
		case v := <-a:
			counts[v]++
			total += v
		case v := <-b:
			counts[v]++
			total += v
		case v := <-c:
			counts[v]++
			total += v
		case <-quit:
			done = true
		}
	}
	// quit is closed only after every send completed; b may still hold
	// buffered values, so drain it.
	for len(b) > 0 {
		v := <-b
		counts[v]++
		total += v
	}
	fmt.Println("per value:", counts[1], counts[2], counts[3], counts[4], counts[5])
	fmt.Println("total:", total)
}
