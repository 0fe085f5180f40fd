// runtime failure: panic in init
package main

import "fmt"

func init() {
	panic("init failed")
}

func main() {
	fmt.Println("main")
}
