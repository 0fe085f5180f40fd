// select_empty_deadlock: select {} blocks forever; with nothing else left the
// program ends with Go's deadlock report and exit status 2.
package main

import "fmt"

func main() {
	done := make(chan bool)
	go func() {
		fmt.Println("worker ran")
		done <- true
	}()
	<-done
	select {}
}
