// A fallthrough statement may carry a label (from Go's test/fixedbugs/bug495.go).
package main

import "fmt"

func f(i int) (s string) {
	switch i {
	case 0:
		s += "zero "
		goto lab
	lab:
		fallthrough
	case 1:
		s += "one "
		if i == 1 {
			goto again
		}
	again:
		fallthrough
	case 2:
		s += "two"
	}
	return
}

func main() {
	fmt.Println(f(0))
	fmt.Println(f(1))
	fmt.Println(f(2))
}
