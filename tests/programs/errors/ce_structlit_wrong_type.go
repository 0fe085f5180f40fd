// compile error: structlit wrong type
package main

import "fmt"

type T struct {
	Name string
	Age  int
}

func main() {
	t := T{Name: 3, Age: 4}
	fmt.Println(t)
}
