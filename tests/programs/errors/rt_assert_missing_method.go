// runtime failure: assert missing method
package main

import "fmt"

type I interface{ M() }
type T struct{}

func main() {
	var i interface{} = T{}
	fmt.Println(i.(I))
}
