// assigning an undefined call: the variable is not reported unused
package main

import "fmt"

func main() {
	x := 1
	x = undefinedFn()
	fmt.Println()
}
