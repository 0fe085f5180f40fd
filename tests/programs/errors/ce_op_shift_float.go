// compile error: op shift float
package main

import "fmt"

func main() {
	a := 1.5
	fmt.Println(a << 2)
}
