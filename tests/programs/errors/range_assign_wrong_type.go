// range with = into a variable of another type: "in assignment", as gc
package main

import "fmt"

func main() {
	var s string
	for _, s = range []int{1, 2} {
	}
	fmt.Println(s)
}
