// runtime failure: g deadlock worker pool
package main

import (
	"fmt"
	"sync"
)

func main() {
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				fmt.Println(j)
			}
		}()
	}
	jobs <- 1
	wg.Wait()
}
