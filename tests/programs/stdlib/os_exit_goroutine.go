// os_exit_goroutine: os.Exit called from a goroutine ends the whole program
// while main is blocked.
package main

import (
	"fmt"
	"os"
)

func main() {
	done := make(chan bool)
	go func() {
		fmt.Println("worker exiting")
		os.Exit(7)
	}()
	<-done
	fmt.Println("unreachable")
}
