// runtime failure: nil iface method
package main

import "fmt"

type I interface{ M() }

func main() {
	var i I
	fmt.Println("x")
	i.M()
}
