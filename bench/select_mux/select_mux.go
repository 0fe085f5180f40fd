// select_mux: select fan-in — 4 producers send 250,000 messages each on
// their own unbuffered channel; one loop receives all 1,000,000 with a
// select over the 4 channels. Prints the count and the sum.
package main

import "fmt"

const producers = 4
const perProducer = 250000

func produce(id int, out chan<- int) {
	for i := 0; i < perProducer; i++ {
		out <- id*perProducer + i
	}
	close(out)
}

func main() {
	var chs [producers]chan int
	for i := range chs {
		chs[i] = make(chan int)
		go produce(i, chs[i])
	}
	a, b, c, d := chs[0], chs[1], chs[2], chs[3]
	n, sum, open := 0, 0, producers
	for open > 0 {
		var v int
		var ok bool
		select {
		case v, ok = <-a:
			if !ok {
				a = nil
			}
		case v, ok = <-b:
			if !ok {
				b = nil
			}
		case v, ok = <-c:
			if !ok {
				c = nil
			}
		case v, ok = <-d:
			if !ok {
				d = nil
			}
		}
		if !ok {
			open--
			continue
		}
		n++
		sum += v
	}
	fmt.Println(n, sum)
}
