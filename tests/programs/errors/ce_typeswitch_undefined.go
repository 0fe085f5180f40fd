// a type switch on an undefined name: gc checks no more of the switch, so fmt is unused
package main

import "fmt"

func main() {
	switch v := undefinedThing.(type) {
	case int:
		fmt.Println()
	}
}
