// runtime failure: dl range chan
package main

import "fmt"

func main() {
	c := make(chan int, 2)
	c <- 1
	c <- 2
	for v := range c {
		fmt.Println(v)
	}
}
