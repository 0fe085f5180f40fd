// runtime failure: idx nil slice
package main

import "fmt"

func main() {
	var s []string
	fmt.Println(s[0])
}
