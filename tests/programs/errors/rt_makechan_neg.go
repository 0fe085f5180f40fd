// runtime failure: makechan neg
package main

import "fmt"

func main() {
	n := -1
	c := make(chan int, n)
	fmt.Println(c)
}
