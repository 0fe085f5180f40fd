// a field name in the wrong case
package main

import "fmt"

type T struct{ name string }

func main() {
	t := T{}
	fmt.Println(t.Name)
}
