// runtime failure: panic defer recovered then new
package main

import "fmt"

func main() {
	defer func() {
		panic("second")
	}()
	defer func() {
		fmt.Println(recover())
	}()
	panic("first")
}
