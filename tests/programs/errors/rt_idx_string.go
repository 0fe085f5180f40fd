// runtime failure: idx string
package main

import "fmt"

func main() {
	s := "abc"
	i := 10
	fmt.Println(s[i])
}
