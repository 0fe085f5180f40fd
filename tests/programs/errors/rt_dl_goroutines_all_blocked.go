// runtime failure: dl goroutines all blocked
package main

import "fmt"

func main() {
	c := make(chan int)
	for i := 0; i < 3; i++ {
		go func() { c <- 1 }()
	}
	fmt.Println(<-c)
	d := make(chan int)
	<-d
}
