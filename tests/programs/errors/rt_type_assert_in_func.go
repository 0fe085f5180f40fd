// runtime failure: rt type assert in func
package main

import "fmt"

func toInt(v interface{}) int { return v.(int) }

func main() {
	fmt.Println(toInt(1))
	fmt.Println(toInt("two"))
}
