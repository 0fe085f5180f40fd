// a switch case of the wrong type
package main

import "fmt"

func main() {
	x := 1
	switch x {
	case "a":
		fmt.Println()
	}
}
