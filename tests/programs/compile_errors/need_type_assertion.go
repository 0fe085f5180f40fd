package main

import "fmt"

type S interface{ M() }
type T struct{}

func (T) M() {}

func f(t T) {}

func main() {
	var s S = T{}
	f(s)
	var e error
	var x int = e
	fmt.Println(x)
}
