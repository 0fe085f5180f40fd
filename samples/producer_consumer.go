// producer_consumer: three producers fill a buffered channel that one consumer
// drains. The buffer lets producers run ahead of the consumer by up to 5 items.
// A WaitGroup closes the channel after the last producer finishes, which ends
// the consumer's range loop.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type item struct {
	producer string
	seq      int
	value    int
}

func produce(name string, base int, out chan<- item, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 1; i <= 10; i++ {
		out <- item{producer: name, seq: i, value: base + i}
	}
}

func main() {
	buf := make(chan item, 5)
	fmt.Println("buffer capacity:", cap(buf))

	var wg sync.WaitGroup
	names := []string{"alpha", "beta", "gamma"}
	for i, name := range names {
		wg.Add(1)
		go produce(name, (i+1)*100, buf, &wg)
	}
	go func() {
		wg.Wait()
		close(buf)
	}()

	// The consumer: items from different producers interleave unpredictably,
	// but each producer's own items arrive in the order it sent them.
	count := make(map[string]int)
	sum := make(map[string]int)
	lastSeq := make(map[string]int)
	inOrder := true
	for it := range buf {
		count[it.producer]++
		sum[it.producer] += it.value
		if it.seq != lastSeq[it.producer]+1 {
			inOrder = false
		}
		lastSeq[it.producer] = it.seq
	}

	sort.Strings(names)
	total := 0
	for _, name := range names {
		fmt.Printf("%-5s sent %d items, sum %d\n", name, count[name], sum[name])
		total += sum[name]
	}
	fmt.Println("per-producer FIFO order kept:", inOrder)
	fmt.Println("grand total:", total)
}
