// a package imported twice
package main

import (
	"fmt"
	"fmt"
)

func main() {
	fmt.Println()
}
