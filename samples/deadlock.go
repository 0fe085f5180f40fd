// deadlock: main waits for a value that no goroutine will ever send. The
// runtime notices that every goroutine is blocked, prints
// "fatal error: all goroutines are asleep - deadlock!" and exits with status 2.
package main

import "fmt"

func main() {
	ch := make(chan int)
	fmt.Println("waiting for a value that never comes...")
	v := <-ch // blocks forever: nobody else can send on ch
	fmt.Println("unreachable", v)
}
