// compile error: undef name
package main

import "fmt"

func main() {
	fmt.Println(y)
}
