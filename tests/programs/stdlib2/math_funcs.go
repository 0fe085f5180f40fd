package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(math.Pi, math.E, math.Sqrt2, math.SqrtE, math.SqrtPi, math.SqrtPhi, math.Phi, math.Ln2, math.Log2E, math.Ln10, math.Log10E)
	fmt.Println(math.MaxInt8, math.MinInt8, math.MaxInt16, math.MaxInt32, math.MinInt32, math.MaxInt64, math.MinInt64, uint64(math.MaxUint64), math.MaxUint32, math.MaxUint16, math.MaxUint8)
	fmt.Println(math.MaxFloat32, math.SmallestNonzeroFloat32, math.MaxFloat64, math.SmallestNonzeroFloat64, math.MaxInt, math.MinInt, uint(math.MaxUint))
	xs := []float64{0, -0.0, 0.5, 1, -1, 2, 2.5, -2.5, 3.7, -3.7, 10, 100, 1e-10, 1e10, math.Pi, math.Inf(1), math.Inf(-1), math.NaN()}
	f1 := map[string]func(float64) float64{
		"Abs": math.Abs, "Acos": math.Acos, "Acosh": math.Acosh, "Asin": math.Asin, "Asinh": math.Asinh, "Atan": math.Atan, "Atanh": math.Atanh,
		"Cbrt": math.Cbrt, "Ceil": math.Ceil, "Cos": math.Cos, "Cosh": math.Cosh, "Erf": math.Erf, "Erfc": math.Erfc, "Exp": math.Exp, "Exp2": math.Exp2,
		"Expm1": math.Expm1, "Floor": math.Floor, "Log": math.Log, "Log10": math.Log10, "Log1p": math.Log1p, "Log2": math.Log2, "Logb": math.Logb,
		"Round": math.Round, "RoundToEven": math.RoundToEven, "Sin": math.Sin, "Sinh": math.Sinh, "Sqrt": math.Sqrt, "Tan": math.Tan, "Tanh": math.Tanh, "Trunc": math.Trunc,
		"Gamma": math.Gamma,
	}
	names := []string{"Abs", "Acos", "Acosh", "Asin", "Asinh", "Atan", "Atanh", "Cbrt", "Ceil", "Cos", "Cosh", "Erf", "Erfc", "Exp", "Exp2", "Expm1", "Floor", "Log", "Log10", "Log1p", "Log2", "Logb", "Round", "RoundToEven", "Sin", "Sinh", "Sqrt", "Tan", "Tanh", "Trunc", "Gamma"}
	for _, n := range names {
		fmt.Print(n, ":")
		for _, x := range xs {
			fmt.Print(" ", f1[n](x))
		}
		fmt.Println()
	}
	pairs := [][2]float64{{2, 10}, {2, 0.5}, {-8, 1.0 / 3}, {0, -1}, {math.Inf(1), 2}, {3, 4}, {-7, 2}, {7, -2}, {1, math.NaN()}, {5.5, 1.5}}
	for _, p := range pairs {
		x, y := p[0], p[1]
		fmt.Println(math.Pow(x, y), math.Atan2(x, y), math.Hypot(x, y), math.Mod(x, y), math.Remainder(x, y), math.Max(x, y), math.Min(x, y), math.Dim(x, y), math.Copysign(x, y), math.Nextafter(x, y))
	}
	fr, ex := math.Frexp(12.5)
	ip, fp := math.Modf(-3.75)
	lg, sg := math.Lgamma(-2.5)
	s, c := math.Sincos(1)
	fmt.Println(fr, ex, ip, fp, lg, sg, s, c, math.Ldexp(0.5, 4), math.Ilogb(1000), math.Pow10(3), math.Pow10(-2), math.Pow10(400))
	fmt.Println(math.IsNaN(math.NaN()), math.IsInf(math.Inf(-1), -1), math.IsInf(1, 0), math.Signbit(-0.0), math.Signbit(math.Copysign(0, -1)), math.Inf(0))
	fmt.Println(math.Float64bits(1.5), math.Float64frombits(0x4000000000000000), math.Float32bits(1.5), math.Float32frombits(0x40000000))
	fmt.Println(math.FMA(2, 3, 4), math.Erfinv(0.5), math.Erfcinv(0.5), math.J0(1), math.Y0(1), math.Jn(2, 1), math.Cbrt(27), math.Nextafter32(1, 2))
	fmt.Println(math.Sqrt(-1), math.Log(-1), math.Log(0), 1/math.Inf(1), -1/math.Inf(1), math.Max(math.Inf(1), math.NaN()), math.Min(-0.0, 0))
	var z float64
	fmt.Println(1/z, -1/z, z/z, int64(math.Float64bits(z/z)>>52))
	fmt.Println(math.Round(0.5), math.Round(-0.5), math.Round(2.5), math.RoundToEven(2.5), math.Trunc(-2.7), math.Floor(-0.5), math.Ceil(-0.5))
}
