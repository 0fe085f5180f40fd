// a dot import used only through its names (a type and a function) is used
package main

import (
	"fmt"
	. "strings"
)

func main() {
	var b Builder
	b.WriteString(ToUpper("x"))
	fmt.Println(b.String())
}
