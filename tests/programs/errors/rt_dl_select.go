// runtime failure: dl select
package main

func main() {
	c := make(chan int)
	d := make(chan string)
	select {
	case <-c:
	case d <- "x":
	}
}
