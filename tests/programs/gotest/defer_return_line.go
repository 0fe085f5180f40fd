// Deferred calls run at a function's return: runtime.Caller and tracebacks show
// the return statement's line, or the closing brace when the function falls
// off its end (from Go's test/fixedbugs/issue14646.go).
package main

import (
	"fmt"
	"runtime"
)

func where() {
	_, _, line, _ := runtime.Caller(2)
	fmt.Println("deferred call run from line", line)
}

func a() {
	defer func() { where() }()
	fmt.Println("a")
}

func b(x int) int {
	defer func() { where() }()
	if x > 0 {
		return x
	}
	fmt.Println("b")
	return -x
}

func c() {
	defer func() {
		where()
	}()
	for i := 0; i < 2; i++ {
		if i == 1 {
			return
		}
	}
}

func main() {
	a()
	b(1)
	b(-1)
	c()
	defer func() { panic("in defer") }()
	fmt.Println("end")
}
