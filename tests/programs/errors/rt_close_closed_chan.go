// runtime failure: close closed chan
package main

func main() {
	c := make(chan int)
	close(c)
	close(c)
}
