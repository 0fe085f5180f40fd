// an unused dot import
package main

import (
	"fmt"
	. "strings"
)

func main() {
	fmt.Println()
}
