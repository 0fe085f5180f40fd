// real and imag of constants are exact constants (of the complex type's
// float type when typed), and complex of typed constants is a constant
// (from Go's test/fixedbugs/issue30243.go).
package main

import "fmt"

type C complex64

func main() {
	const x = 0.01
	const xi = 0.01i
	fmt.Println(imag(xi) == x, real(complex(x, 0)) == x, imag(xi), xi == complex(0, x))
	const y = imag(xi)
	var z float64 = y
	fmt.Println(z == x)
	const c C = 1.1 + 2.2i
	const r = real(c)
	var f float32 = r
	const k = complex(float32(1.5), 2)
	const k2 = complex(1.5, float64(2))
	fmt.Printf("%T %v %T %v %T %v %T %v\n", r, r, f, f, k, k, k2, k2)
	fmt.Println(real(5), imag(5), real('a'))
	const big = 1e300i
	fmt.Println(imag(big*big) > 1e308)
	var q = imag(big*big) / 1e300
	fmt.Println(q)
}
