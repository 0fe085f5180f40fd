// compile error: syntax else newline
package main

import "fmt"

func main() {
	if true {
		fmt.Println()
	}
	else {
	}
}
