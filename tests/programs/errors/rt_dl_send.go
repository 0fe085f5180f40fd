// runtime failure: dl send
package main

func main() {
	c := make(chan int)
	c <- 1
}
