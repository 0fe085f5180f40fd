// select_wakeups: no lost wake-ups when goroutines wait on many channels at
// once. Eight consumers each block in a select over the same eight
// channels; eight producers send 2,000 numbered values each, on their own
// channel, then a quit channel is closed. Every value must arrive exactly
// once (sum and count checked), nothing may hang. Also: a goroutine blocked
// in a select over many channels is woken by a send on any one of them,
// and by a close.
package main

import (
	"fmt"
	"sync"
)

const producers = 8
const consumers = 8
const each = 2000

func main() {
	var chs [producers]chan int
	for i := range chs {
		chs[i] = make(chan int)
	}
	quit := make(chan struct{})
	var pwg, cwg sync.WaitGroup
	counts := make([]int, consumers)
	sums := make([]int, consumers)
	for k := 0; k < consumers; k++ {
		cwg.Add(1)
		go func(k int) {
			defer cwg.Done()
			for {
				var v int
				select {
				case v = <-chs[0]:
				case v = <-chs[1]:
				case v = <-chs[2]:
				case v = <-chs[3]:
				case v = <-chs[4]:
				case v = <-chs[5]:
				case v = <-chs[6]:
				case v = <-chs[7]:
				case <-quit:
					return
				}
				counts[k]++
				sums[k] += v
			}
		}(k)
	}
	for p := 0; p < producers; p++ {
		pwg.Add(1)
		go func(p int) {
			defer pwg.Done()
			for i := 0; i < each; i++ {
				chs[p] <- p*each + i
			}
		}(p)
	}
	pwg.Wait()
	close(quit)
	cwg.Wait()
	n, sum := 0, 0
	for k := 0; k < consumers; k++ {
		n += counts[k]
		sum += sums[k]
	}
	N := producers * each
	fmt.Println("received:", n, "of", N, "sum ok:", sum == N*(N-1)/2)

	// One waiter, many channels: each round a different channel wakes it.
	many := make([]chan int, 16)
	for i := range many {
		many[i] = make(chan int)
	}
	woken := make(chan int)
	for round := 0; round < 16; round++ {
		go func() {
			select {
			case v := <-many[0]:
				woken <- v
			case v := <-many[1]:
				woken <- v
			case v := <-many[2]:
				woken <- v
			case v := <-many[3]:
				woken <- v
			case v := <-many[4]:
				woken <- v
			case v := <-many[5]:
				woken <- v
			case v := <-many[6]:
				woken <- v
			case v := <-many[7]:
				woken <- v
			case v := <-many[8]:
				woken <- v
			case v := <-many[9]:
				woken <- v
			case v := <-many[10]:
				woken <- v
			case v := <-many[11]:
				woken <- v
			case v := <-many[12]:
				woken <- v
			case v := <-many[13]:
				woken <- v
			case v := <-many[14]:
				woken <- v
			case v, ok := <-many[15]:
				if !ok {
					v = -1
				}
				woken <- v
			}
		}()
		if round == 15 {
			close(many[15])
		} else {
			many[round] <- round
		}
		fmt.Print(<-woken, " ")
	}
	fmt.Println()
}
