// runtime failure: assert iface to concrete
package main

import "fmt"

type I interface{ M() }
type T struct{}
type U struct{}

func (T) M() {}
func (U) M() {}

func main() {
	var i I = T{}
	fmt.Println(i.(U))
}
