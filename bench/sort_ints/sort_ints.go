// sort_ints: sorting — sort.Ints on 1,000,000 pseudo-random ints from a
// fixed linear congruential generator, then a checksum of the result.
package main

import (
	"fmt"
	"sort"
)

func main() {
	const n = 1000000
	xs := make([]int, n)
	seed := 42
	for i := range xs {
		seed = (seed*1103515245 + 12345) % 2147483648
		xs[i] = seed
	}
	sort.Ints(xs)
	sum := 0
	for i := 0; i < n; i += 1000 {
		sum = (sum*31 + xs[i]) % 1000000007
	}
	fmt.Println(xs[0], xs[n/2], xs[n-1], sum)
}
