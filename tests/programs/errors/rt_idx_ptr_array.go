// runtime failure: idx ptr array
package main

import "fmt"

func main() {
	a := &[2]int{}
	i := 2
	fmt.Println(a[i])
}
