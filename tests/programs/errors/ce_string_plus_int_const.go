// compile error: string plus int const
package main

import "fmt"

func main() {
	s := "a" + 1
	fmt.Println(s)
}
