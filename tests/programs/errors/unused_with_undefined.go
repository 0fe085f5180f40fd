// an unused variable is reported along with a hard error, as gc does
package main

import "fmt"

func main() {
	x := 1
	fmt.Println(undefinedThing)
}
