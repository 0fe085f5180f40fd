// compile error: close recvonly
package main

func f(c <-chan int) {
	close(c)
}

func main() { f(nil) }
