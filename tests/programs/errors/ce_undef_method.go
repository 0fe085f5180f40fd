// compile error: undef method
package main

import "fmt"

type T struct{ a int }

func main() {
	t := T{}
	t.Foo()
	fmt.Println(t)
}
