// deadlock_report: when every goroutine is blocked, Go's report lists each
// goroutine with its wait reason and stack, and the exit status is 2.
// goi adds "why:" lines under each blocked goroutine: the channel it waits
// on, where it was made, and whether another goroutine could still
// complete the operation — blocked on it too, holding it (here through a
// map of slices of structs captured by a closure, or a package variable),
// or nobody.
package main

import (
	"fmt"
	"sync"
)

type job struct {
	id    int
	reply chan int
}

var results = make(chan int) // a package-level channel nobody receives from

var mu sync.Mutex

func worker(wg *sync.WaitGroup) {
	defer wg.Done()
	results <- 1
}

// Run as a goroutine that ends at once: the receiver is then the only
// goroutine that has lonely.
func startLonely() {
	lonely := make(chan string)
	go func() {
		fmt.Println(<-lonely)
	}()
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go worker(&wg)
	go worker(&wg)

	jobs := []*job{{1, make(chan int)}, {2, make(chan int)}}
	byName := map[string][]*job{"all": jobs}
	mu.Lock()
	go func() {
		mu.Lock() // blocks forever, holding byName
		for _, js := range byName {
			for _, j := range js {
				j.reply <- j.id
			}
		}
	}()
	go startLonely()
	go func() {
		<-jobs[1].reply
		wg.Done()
	}()
	wg.Wait()
}
