// goexit_main_exit: after main calls runtime.Goexit, another goroutine can
// still end the program with os.Exit.
package main

import (
	"fmt"
	"os"
	"runtime"
)

func main() {
	go func() {
		for i := 0; i < 10; i++ {
			runtime.Gosched()
		}
		fmt.Println("exiting with 3")
		os.Exit(3)
	}()
	runtime.Goexit()
}
