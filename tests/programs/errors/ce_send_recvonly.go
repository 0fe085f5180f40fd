// compile error: send recvonly
package main

func f(c <-chan int) {
	c <- 1
}

func main() { f(nil) }
