// impossible type assertion: the method has a pointer receiver
package main

import "fmt"

type I interface{ M() }
type T struct{}

func (*T) M() {}

func main() {
	var i I = &T{}
	t := i.(T)
	fmt.Println(t)
}
