// compile error: arg wrong type
package main

import "fmt"

func f(n int) int { return n }

func main() {
	fmt.Println(f("hi"))
}
