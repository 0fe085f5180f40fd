// min and max of floats: a NaN argument makes the result NaN, and -0 is
// below +0 (Go 1.21 built-ins; the reference Go 1.19 has no min and max,
// so the expected output follows the spec's definition).
package main

import (
	"fmt"
	"math"
)

func main() {
	nan := math.NaN()
	negz := math.Copysign(0, -1)
	fmt.Println(min(1.0, nan), max(nan, 1.0), min(2.0, 1.0, 3.0), max(2.0, 5.0, 3.0))
	fmt.Println(math.Signbit(min(0.0, negz)), math.Signbit(min(negz, 0.0)))
	fmt.Println(math.Signbit(max(0.0, negz)), math.Signbit(max(negz, 0.0)))
	var f32 float32 = 1.5
	fmt.Println(min(f32, 2.5), max(f32, -1), min(3, 2, 1), max("b", "a"))
	x, y := 0.5, -0.5
	fmt.Println(min(x, y), max(x, y), min(x, y, nan))
}
