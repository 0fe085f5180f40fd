// slicing an unaddressable array
package main

import "fmt"

func f() [3]int { return [3]int{} }

func main() {
	fmt.Println(f()[1:])
}
