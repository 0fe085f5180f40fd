// impossible type assertion and type switch case with a method of the wrong type, and no follow-on error for ok
package main

import "fmt"

type I interface{ M() int }
type T struct{}

func (T) M() string { return "" }

func main() {
	var i I
	if t, ok := i.(T); ok {
		fmt.Println(t)
	}
	switch i.(type) {
	case T:
	}
}
