// recovered runtime errors have the types of Go's runtime (%T)
package main

import "fmt"

func try(f func()) {
	defer func() {
		r := recover()
		err, ok := r.(error)
		fmt.Printf("%T %v %v\n", r, ok, err)
	}()
	f()
}

func main() {
	try(func() { var s []int; _ = s[1] })
	try(func() { var m map[int]int; m[1] = 1 })
	try(func() { var p *int; _ = *p })
	try(func() { a, b := 1, 0; _ = a / b })
	try(func() { var i interface{} = 1; _ = i.(string) })
	try(func() { c := make(chan int); close(c); close(c) })
	try(func() { s := []int{1}; i := 3; _ = s[:i] })
	try(func() { panic("str") })
	try(func() { panic(fmt.Errorf("e")) })
	try(func() { n := -1; _ = make([]int, n) })
	try(func() { var a, b interface{} = []int{}, []int{}; _ = a == b })
	try(func() { m := map[interface{}]int{}; m[[]int{}] = 1 })
	try(func() { x := -1; _ = 1 << x })
}
