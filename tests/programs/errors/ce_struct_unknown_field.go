// compile error: struct unknown field
package main

import "fmt"

type T struct{ a int }

func main() {
	fmt.Println(T{b: 1})
}
