// ordering a pointer against nil
package main

import "fmt"

func main() {
	var p *int
	fmt.Println(p < nil)
}
