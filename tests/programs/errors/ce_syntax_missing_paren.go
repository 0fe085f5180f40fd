// compile error: syntax missing paren
package main

import "fmt"

func main() {
	fmt.Println("x"
}
