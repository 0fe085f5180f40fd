// goroutine_panic_trace: an unrecovered panic in a goroutine (here a custom
// error value, three calls deep, while main waits on a WaitGroup) prints
// that goroutine's traceback — every frame, then who created it — and
// ends the program with exit status 2. Deferred calls of the panicking
// goroutine run first; other goroutines' do not.
package main

import (
	"fmt"
	"sync"
)

type parseError struct {
	line int
}

func (e *parseError) Error() string { return fmt.Sprintf("parse error on line %d", e.line) }

func parse(line int) {
	if line == 3 {
		panic(&parseError{line})
	}
}

func parseAll(lines int) {
	for i := 1; i <= lines; i++ {
		parse(i)
	}
}

func worker(wg *sync.WaitGroup, started chan<- bool) {
	defer fmt.Println("worker's deferred call runs")
	started <- true
	parseAll(5)
	wg.Done()
}

func main() {
	defer fmt.Println("main's deferred call does not run")
	var wg sync.WaitGroup
	wg.Add(1)
	started := make(chan bool)
	go worker(&wg, started)
	<-started
	wg.Wait()
}
