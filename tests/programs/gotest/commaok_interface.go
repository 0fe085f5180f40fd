// The ok of a comma-ok assignment is an untyped bool: it may be assigned to an
// interface (from Go's test/fixedbugs/issue52535.go).
package main

import "fmt"

type Stringer interface{ String() string }

func main() {
	m := map[int]int{1: 2}
	var ok any
	_, ok = m[1]
	fmt.Printf("%v %T\n", ok, ok)
	var i interface{} = "s"
	var v string
	v, ok = i.(string)
	fmt.Println(v, ok)
	ch := make(chan int, 1)
	ch <- 3
	x, ok := <-ch
	fmt.Println(x, ok)
	type B bool
	var b B
	_, b = m[5]
	fmt.Println(b)
}
