// runtime failure: goroutine panic
package main

import (
	"fmt"
	"time"
)

func worker() {
	panic("in goroutine")
}

func main() {
	fmt.Println("main")
	go worker()
	time.Sleep(time.Second)
	fmt.Println("not reached")
}
