// compile error: const truncated
package main

import "fmt"

func main() {
	var x int = 1.5
	fmt.Println(x)
}
