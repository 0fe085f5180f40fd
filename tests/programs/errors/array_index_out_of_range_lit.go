// array literal index beyond the length
package main

import "fmt"

func main() {
	a := [2]int{5: 1}
	fmt.Println(a)
}
