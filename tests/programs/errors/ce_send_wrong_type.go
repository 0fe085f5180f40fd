// compile error: send wrong type
package main

import "fmt"

func main() {
	c := make(chan int, 1)
	c <- "x"
	fmt.Println(<-c)
}
