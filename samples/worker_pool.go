// worker_pool: a fixed number of workers take jobs from one channel and send
// results on another. A sync.WaitGroup tells when every worker is done so the
// results channel can be closed. Results arrive in any order, so they are
// collected and sorted before printing.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type job struct {
	id int
	n  int
}

type result struct {
	id     int
	n      int
	steps  int
	worker int
}

// collatz counts the steps of the Collatz sequence from n down to 1.
func collatz(n int) int {
	steps := 0
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		steps++
	}
	return steps
}

func worker(id int, jobs <-chan job, results chan<- result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs { // ends when jobs is closed and drained
		results <- result{id: j.id, n: j.n, steps: collatz(j.n), worker: id}
	}
}

func main() {
	const numWorkers = 4
	const numJobs = 20

	jobs := make(chan job)
	results := make(chan result)
	var wg sync.WaitGroup

	for w := 1; w <= numWorkers; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}

	// Feed the jobs from their own goroutine so main can read results meanwhile.
	go func() {
		for i := 0; i < numJobs; i++ {
			jobs <- job{id: i, n: 27 + i*7}
		}
		close(jobs)
	}()

	// Close results once every worker has returned.
	go func() {
		wg.Wait()
		close(results)
	}()

	var all []result
	perWorker := make(map[int]int)
	for r := range results {
		all = append(all, r)
		perWorker[r.worker]++
	}
	sort.Slice(all, func(i, j int) bool { return all[i].id < all[j].id })

	total := 0
	for _, r := range all {
		fmt.Printf("job %2d: collatz(%3d) takes %3d steps\n", r.id, r.n, r.steps)
		total += r.steps
	}
	// Which worker did which job depends on scheduling; the sum does not.
	handled := 0
	for w := 1; w <= numWorkers; w++ {
		handled += perWorker[w]
	}
	fmt.Println("jobs handled:", handled, "total steps:", total)
}
