// nil == nil
package main

import "fmt"

func main() {
	fmt.Println(nil == nil)
}
