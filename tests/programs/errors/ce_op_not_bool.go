// compile error: op not bool
package main

import "fmt"

func main() {
	a := 1
	fmt.Println(!a)
}
