// runtime failure: map key unhashable
package main

import "fmt"

func main() {
	m := map[interface{}]int{}
	m[[]int{1}] = 1
	fmt.Println(m)
}
