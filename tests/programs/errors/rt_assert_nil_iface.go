// runtime failure: assert nil iface
package main

import "fmt"

func main() {
	var i interface{}
	fmt.Println(i.(int))
}
