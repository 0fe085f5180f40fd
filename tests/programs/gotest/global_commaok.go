// Package-level variables initialised by a comma-ok expression: a map
// index, a type assertion or a receive (from Go's test/fixedbugs/bug227.go,
// bug244.go, bug291.go, issue53619.go).
package main

import "fmt"

var (
	m      = map[string]string{"a": "A"}
	a, aok = m["a"]
	b, bok = m["b"]

	i                = interface{}(7)
	n, isInt         = i.(int)
	s, isString      = i.(string)
	x, y         any = any(nil).(bool)

	ch     = makeChan()
	r, rok = <-ch
	ok     bool
	_, ok2 = (m["a"])
)

func makeChan() chan int {
	c := make(chan int, 1)
	c <- 42
	return c
}

func main() {
	fmt.Printf("%q %v %q %v\n", a, aok, b, bok)
	fmt.Println(n, isInt, s == "", isString)
	fmt.Println(x, y)
	fmt.Println(r, rok, ok, ok2)
}
