package main

import (
	"fmt"
	"math"
)

func main() {
	h := uint64(0)
	x := -30.0
	for i := 0; i < 20000; i++ {
		x += 0.00317 * float64(i%7+1)
		l, s := math.Lgamma(x)
		for _, v := range []float64{math.Gamma(x), l, float64(s), math.Erf(x / 10), math.Erfc(x / 10), math.J0(x), math.J1(x), math.Jn(3, x), math.Y0(math.Abs(x)), math.Y1(math.Abs(x)), math.Yn(2, math.Abs(x))} {
			h = h*31 + math.Float64bits(v)
		}
	}
	fmt.Println(h)
}
