// ffi_math: calling the C math library (libm) from Go with import "C".
// goi reads no C headers: the comment just above import "C" (the preamble)
// declares each C function the program uses, and "#cgo LDFLAGS: -lm" names
// the library to load. C types are spelled C.double, C.int, ...; Go's
// conversion rules apply at the boundary, as with cgo.
package main

// #cgo LDFLAGS: -lm
// #include <math.h>
//
// double sqrt(double);
// double cbrt(double);
// double pow(double, double);
// double hypot(double, double);
// double atan2(double, double);
// double exp(double);
// double log(double);
// double floor(double);
// double ceil(double);
// double fmod(double, double);
// double frexp(double x, int *exp);
// double modf(double x, double *iptr);
// double erf(double);
// double tgamma(double);
// float sqrtf(float);
// long lround(double);
import "C"

import "fmt"

func main() {
	// A C function takes C types; untyped constants convert by themselves.
	fmt.Printf("sqrt(2)      = %.15f\n", float64(C.sqrt(2)))
	fmt.Printf("cbrt(27)     = %.10g\n", float64(C.cbrt(27)))
	fmt.Printf("pow(2, 10)   = %g\n", float64(C.pow(2, 10)))
	fmt.Printf("hypot(3, 4)  = %g\n", float64(C.hypot(3, 4)))

	// Go values need an explicit conversion, as in cgo.
	x := 1.0
	pi := 4 * float64(C.atan2(C.double(x), C.double(x)))
	fmt.Printf("pi           = %.15f\n", pi)
	fmt.Printf("e            = %.15f\n", float64(C.exp(1)))
	fmt.Printf("log(e*e)     = %g\n", float64(C.log(C.exp(2))))

	// Rounding functions, and long results.
	for _, v := range []float64{-2.5, -0.5, 0.5, 2.5} {
		fmt.Printf("%5.1f: floor %3g  ceil %3g  lround %2d\n", v,
			float64(C.floor(C.double(v))), float64(C.ceil(C.double(v))), int64(C.lround(C.double(v))))
	}
	fmt.Printf("fmod(10, 3)  = %g\n", float64(C.fmod(10, 3)))

	// Out-parameters: pass the address of a Go variable of the C type.
	var e C.int
	m := C.frexp(48, &e)
	fmt.Printf("48 = %g * 2^%d\n", float64(m), int(e))
	var whole C.double
	frac := C.modf(3.75, &whole)
	fmt.Printf("modf(3.75)   = %g + %g\n", float64(whole), float64(frac))

	// float is C.float (float32).
	r := C.sqrtf(2)
	fmt.Printf("sqrtf(2)     = %v (%T)\n", float32(r), float32(r))

	// A small table: the gamma function at n+1 is n!.
	for n := 1; n <= 5; n++ {
		fmt.Printf("tgamma(%d) = %3.0f  ", n+1, float64(C.tgamma(C.double(n+1))))
	}
	fmt.Println()
	fmt.Printf("erf(1)       = %.12f\n", float64(C.erf(1)))
}
