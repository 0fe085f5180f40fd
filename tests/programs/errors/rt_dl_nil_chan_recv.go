// runtime failure: dl nil chan recv
package main

func main() {
	var c chan int
	<-c
}
