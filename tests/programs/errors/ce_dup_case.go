// compile error: dup case
package main

import "fmt"

func main() {
	x := 1
	switch x {
	case 1:
	case 2, 1:
	}
	fmt.Println()
}
