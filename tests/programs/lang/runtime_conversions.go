// Slice to array-pointer conversions check the length; defer of a nil func
// panics only when the deferred call runs; a negative map size hint is
// ignored.
package main

import "fmt"

func deferNil() (out string) {
	defer func() { out = fmt.Sprint("recovered: ", recover()) }()
	var f func()
	defer f()
	fmt.Println("body runs")
	return "returned"
}

func toArr(s []int) (p *[3]int, err interface{}) {
	defer func() { err = recover() }()
	return (*[3]int)(s), nil
}

func main() {
	fmt.Println(deferNil())
	s := []int{1, 2, 3, 4}
	p, err := toArr(s)
	p[2] = 30
	fmt.Println(s, err)
	_, err = toArr(s[:2])
	fmt.Println(err)
	var empty []int
	fmt.Println((*[0]int)(empty) == nil, (*[0]int)(s[:0]) != nil)
	n := -5
	m := make(map[string]int, n)
	m["a"] = 1
	fmt.Println(len(m))
}
