// runtime failure: slice3 high max
package main

import "fmt"

func main() {
	s := make([]int, 3, 5)
	j, k := 4, 3
	fmt.Println(s[1:j:k])
}
