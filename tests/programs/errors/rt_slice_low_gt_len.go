// runtime failure: slice low gt len
package main

import "fmt"

func main() {
	s := make([]int, 3, 10)
	i := 5
	fmt.Println(s[i:])
}
