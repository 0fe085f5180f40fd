// compile error: iota outside
package main

import "fmt"

func main() {
	fmt.Println(iota)
}
