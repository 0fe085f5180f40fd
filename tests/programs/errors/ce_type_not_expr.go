// compile error: type not expr
package main

import "fmt"

type T int

func main() {
	fmt.Println(T)
}
