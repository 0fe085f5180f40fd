// a call without results as an argument
package main

import "fmt"

func f() {}

func main() {
	fmt.Println(f())
}
