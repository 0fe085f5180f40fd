// runtime failure: shift neg
package main

import "fmt"

func main() {
	n := -1
	fmt.Println(1 << n)
}
