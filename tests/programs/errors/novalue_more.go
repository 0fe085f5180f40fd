// calls without results used as values everywhere
package main

import "fmt"

func f() {}

func main() {
	x := []int{f()}
	m := map[int]int{1: f()}
	var y int = f()
	z := f() + 1
	if f() {
	}
	s := []int{}
	s[f()] = 1
	c := make(chan int)
	c <- f()
	fmt.Println(x, m, y, z, -f(), !f(), struct{ a int }{f()})
	switch f() {
	}
	for f() {
	}
	return f()
}
