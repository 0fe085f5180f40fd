// compile error: dup typeswitch case
package main

import "fmt"

func main() {
	var i interface{} = 1
	switch i.(type) {
	case int:
	case string, int:
	}
	fmt.Println()
}
