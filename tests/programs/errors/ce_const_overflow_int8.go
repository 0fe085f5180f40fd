// compile error: const overflow int8
package main

import "fmt"

func main() {
	var x int8 = 200
	fmt.Println(x)
}
