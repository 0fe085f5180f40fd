// gen_stdlib_cases prints the tables of tests/unit/test_stdlib.c with the
// results real Go produces for strings, unicode, unicode/utf8, math and
// sort:
//
//	go run stdlib/tools/gen_stdlib_cases.go
//
// Sections are separated by lines "@@ name".
package main

import (
	"fmt"
	"hash/fnv"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

func cstr(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '?':
			b.WriteString(`\?`)
		case c >= 0x20 && c < 0x7f:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "\\%03o", c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func main() {
	strs := []string{"", "a", "abc", "Hello, World", "héllo wörld", "  spaced  out\t\n", "a,b,,c,", "日本語テキスト",
		"aaaa", "ǅungla ǆ", "\xff\xfeab\xc3", "Straße", "ΣΑΣ σας", "go-lang_is fun", "\u00a0x\u2003y\u3000"}
	seps := []string{"", "a", ",", "l", "o", "ab", "日本", " ", "\xff", "xyz"}

	fmt.Println("@@ strings2")
	for _, s := range strs {
		for _, t := range seps {
			split := strings.Split(s, t)
			fmt.Printf("    {%s, %s, %d, %d, %d, %d, %d, %d, %d, %d, %s, %s, %s, %s},\n", cstr(s), cstr(t),
				strings.Index(s, t), strings.LastIndex(s, t), strings.Count(s, t), b2i(strings.HasPrefix(s, t)),
				b2i(strings.EqualFold(s, t)), strings.IndexAny(s, t), strings.LastIndexAny(s, t), len(split),
				cstr(strings.Join(split, "|")), cstr(strings.Trim(s, t)), cstr(strings.Replace(s, t, "<>", 2)),
				cstr(strings.Join(strings.SplitAfterN(s, t, 3), "|")))
		}
	}

	fmt.Println("@@ strings1")
	for _, s := range append(strs, "hello world foo", "ÀÉÎ õü", "ǳ ǲ", "ﬀ", "İı", "ß", "x\u0345y") {
		fmt.Printf("    {%s, %s, %s, %s, %s, %s, %d, %s, %s},\n", cstr(s), cstr(strings.ToUpper(s)),
			cstr(strings.ToLower(s)), cstr(strings.ToTitle(s)), cstr(strings.Title(s)), cstr(strings.TrimSpace(s)),
			len(strings.Fields(s)), cstr(strings.Join(strings.Fields(s), "|")), cstr(strings.ToValidUTF8(s, "?")))
	}
	fmt.Println("@@ builder")
	var b strings.Builder
	for i := 0; i < 40; i++ {
		b.WriteString(strings.Repeat("x", i*7))
		fmt.Printf("    {%d, %d},\n", b.Len(), b.Cap())
	}

	fmt.Println("@@ unicode")
	// One hash over every predicate and mapping for every rune: any
	// disagreement with Go anywhere changes it.
	h := fnv.New64a()
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		flags := []bool{unicode.IsControl(r), unicode.IsLetter(r), unicode.IsUpper(r), unicode.IsLower(r),
			unicode.IsDigit(r), unicode.IsNumber(r), unicode.IsPunct(r), unicode.IsSymbol(r), unicode.IsSpace(r),
			unicode.IsPrint(r), unicode.IsGraphic(r), unicode.IsMark(r), unicode.IsTitle(r)}
		var bits uint16
		for i, f := range flags {
			if f {
				bits |= 1 << i
			}
		}
		m := []rune{unicode.ToUpper(r), unicode.ToLower(r), unicode.ToTitle(r), unicode.SimpleFold(r)}
		h.Write([]byte{byte(bits), byte(bits >> 8)})
		for _, x := range m {
			h.Write([]byte{byte(x), byte(x >> 8), byte(x >> 16), byte(x >> 24)})
		}
	}
	fmt.Printf("    0x%016xULL,\n", h.Sum64())

	fmt.Println("@@ utf8")
	for _, s := range []string{"", "a", "é", "世", "😀", "\xff", "\xc3", "\xe4\xb8", "\xf0\x9f\x98", "\xed\xa0\x80",
		"\xc0\xaf", "\xf4\x90\x80\x80", "a\xffb", "é\xff", "\x80", "\xf5"} {
		r, n := utf8.DecodeRuneInString(s)
		lr, ln := utf8.DecodeLastRuneInString(s)
		fmt.Printf("    {%s, %d, %d, %d, %d, %d, %d, %d},\n", cstr(s), r, n, lr, ln, utf8.RuneCountInString(s),
			b2i(utf8.ValidString(s)), b2i(utf8.FullRuneInString(s)))
	}

	fmt.Println("@@ math1")
	xs := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, -0.5, 2, 10, 1e-300, 1e300, math.Inf(1), math.Inf(-1),
		math.NaN(), 3.7, -3.7, 2.5, -2.5, 1e10, 0.1, 100, 1 << 30, 1e-7, 7e22, 1.0000000001}
	f1 := []struct {
		name string
		f    func(float64) float64
	}{{"Sqrt", math.Sqrt}, {"Floor", math.Floor}, {"Ceil", math.Ceil}, {"Trunc", math.Trunc},
		{"Round", math.Round}, {"RoundToEven", math.RoundToEven}, {"Abs", math.Abs}, {"Exp", math.Exp},
		{"Log", math.Log}, {"Log2", math.Log2}, {"Log10", math.Log10}, {"Log1p", math.Log1p},
		{"Expm1", math.Expm1}, {"Exp2", math.Exp2}, {"Sin", math.Sin}, {"Cos", math.Cos}, {"Tan", math.Tan},
		{"Asin", math.Asin}, {"Acos", math.Acos}, {"Atan", math.Atan}, {"Sinh", math.Sinh}, {"Cosh", math.Cosh},
		{"Tanh", math.Tanh}, {"Asinh", math.Asinh}, {"Acosh", math.Acosh}, {"Atanh", math.Atanh},
		{"Cbrt", math.Cbrt}, {"Erfinv", math.Erfinv}, {"Logb", math.Logb}}
	for _, fn := range f1 {
		for _, x := range xs {
			fmt.Printf("    {%s, 0x%016xULL, 0x%016xULL},\n", cstr(fn.name), math.Float64bits(x), math.Float64bits(fn.f(x)))
		}
	}
	fmt.Println("@@ math2")
	f2 := []struct {
		name string
		f    func(float64, float64) float64
	}{{"Pow", math.Pow}, {"Atan2", math.Atan2}, {"Hypot", math.Hypot}, {"Mod", math.Mod},
		{"Remainder", math.Remainder}, {"Max", math.Max}, {"Min", math.Min}, {"Dim", math.Dim},
		{"Copysign", math.Copysign}, {"Nextafter", math.Nextafter}}
	ys := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 2, -3, 3, 10, math.Inf(1), math.Inf(-1), math.NaN(), 2.5, -0.5}
	for _, fn := range f2 {
		for _, x := range xs[:14] {
			for _, y := range ys {
				fmt.Printf("    {%s, 0x%016xULL, 0x%016xULL, 0x%016xULL},\n", cstr(fn.name), math.Float64bits(x),
					math.Float64bits(y), math.Float64bits(fn.f(x, y)))
			}
		}
	}

	fmt.Println("@@ sortfloats")
	in := []float64{3, math.Copysign(0, -1), 0, 1, math.NaN(), -1, 0, math.Copysign(0, -1), 2, math.Inf(-1),
		math.NaN(), 0, 5, 4, math.Copysign(0, -1), 7, 6, 0, 9, 8, math.Inf(1), 0, math.Copysign(0, -1), 11, 10}
	for i := 0; i < 60; i++ {
		in = append(in, float64((i*37)%11)-5, math.Copysign(0, float64(i%3-1)))
	}
	out := append([]float64(nil), in...)
	sort.Float64s(out)
	for i := range in {
		fmt.Printf("    {0x%016xULL, 0x%016xULL},\n", math.Float64bits(in[i]), math.Float64bits(out[i]))
	}
}
