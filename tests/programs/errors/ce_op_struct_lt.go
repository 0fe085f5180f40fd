// compile error: op struct lt
package main

import "fmt"

type P struct{ x int }

func main() {
	a, b := P{1}, P{2}
	fmt.Println(a < b)
}
