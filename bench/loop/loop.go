// loop: integer arithmetic in nested loops, no calls and no allocation.
// Prints a checksum.
package main

import "fmt"

func main() {
	const n = 5800
	sum := 0
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			sum = (sum + i*j + (i ^ j)) % 1000003
		}
	}
	fmt.Println(sum)
}
