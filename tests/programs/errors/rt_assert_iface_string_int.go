// runtime failure: assert iface string int
package main

import "fmt"

func main() {
	var i interface{} = "hello"
	n := i.(int)
	fmt.Println(n)
}
