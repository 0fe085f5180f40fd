// runtime failure: idx array dyn
package main

import "fmt"

func main() {
	var a [3]int
	i := 3
	a[i] = 1
	fmt.Println(a)
}
