// Tests: go statements whose function is a native (a standard-library function or method).
package main

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

func main() {
	go strings.ToUpper("x")
	var wg sync.WaitGroup
	wg.Add(1)
	go wg.Done()
	wg.Wait()
	go time.Sleep(time.Millisecond)
	fmt.Println("ok")
}
