// gen_strconv_cases prints the tables of tests/unit/test_strconv.c with the
// results real Go produces:
//
//	go run stdlib/tools/gen_strconv_cases.go
//
// Sections are separated by lines "@@ name"; the test file holds each
// section between BEGIN/END markers.
package main

import (
	"errors"
	"fmt"
	"math"
	"math/rand"
	"strconv"
	"strings"
)

// cstr writes s as a C string literal (octal escapes do not swallow what follows).
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

// code maps an error to the C test's NUM_* codes.
func code(err error) int {
	if err == nil {
		return 0
	}
	var ne *strconv.NumError
	if errors.As(err, &ne) {
		switch {
		case ne.Err == strconv.ErrSyntax:
			return 1
		case ne.Err == strconv.ErrRange:
			return 2
		case strings.HasPrefix(ne.Err.Error(), "invalid base"):
			return 3
		case strings.HasPrefix(ne.Err.Error(), "invalid bit size"):
			return 4
		}
	}
	return 1
}

func main() {
	r := rand.New(rand.NewSource(19))

	fmt.Println("@@ format")
	floats := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 100, 1e6, 1e21, 1e20,
		1e23, 123456789, 1.5e-7, 5e-324, 2.2250738585072014e-308, math.MaxFloat64, math.Inf(1), math.Inf(-1),
		math.NaN(), 2.5, 3.5, 0.05, 1.005, math.Pi, math.E, 9007199254740993, 4503599627370496.5,
		math.MaxFloat32, math.SmallestNonzeroFloat32, 16777217, 0.1 + 0.2, 1e-320, 8.41e21, 5.0e-310}
	for i := 0; i < 60; i++ {
		floats = append(floats, math.Float64frombits(r.Uint64()))
		floats = append(floats, float64(float32(r.NormFloat64()*math.Pow(10, float64(r.Intn(20)-10)))))
		floats = append(floats, math.Ldexp(1, r.Intn(2000)-1000))
	}
	type spec struct {
		fmt  byte
		prec int
		bits int
	}
	specs := []spec{{'g', -1, 64}, {'e', -1, 64}, {'f', -1, 64}, {'g', -1, 32}, {'e', 5, 64}, {'f', 3, 64},
		{'g', 8, 64}, {'G', 3, 64}, {'E', 12, 32}, {'b', -1, 64}, {'x', -1, 64}, {'X', 4, 64}, {'x', 1, 32},
		{'f', 0, 64}, {'e', 0, 64}, {'g', 0, 64}, {'f', 30, 64}, {'e', 25, 64}, {'z', -1, 64}}
	for i, f := range floats {
		for j, s := range specs {
			if (i+j)%3 != 0 && i > 40 { // keep the table a manageable size
				continue
			}
			fmt.Printf("    {0x%016xULL, '%c', %d, %d, %s},\n", math.Float64bits(f), s.fmt, s.prec, s.bits,
				cstr(strconv.FormatFloat(f, s.fmt, s.prec, s.bits)))
		}
	}

	fmt.Println("@@ parsefloat")
	inputs := []string{"0", "-0", "1", "+1", "1.5", ".5", "5.", ".", "", "-", "+", "1e10", "1E-10", "1e", "1e+",
		"1e-400", "1e400", "-1e400", "1.7976931348623157e308", "1.7976931348623159e308", "4.9e-324", "2.4e-324",
		"2.5e-324", "0x1p-2", "0X1.8P3", "0x1.8", "0x.8p1", "0x1p", "0x1_0p0", "1_000", "1__0", "_1", "1_",
		"1_000.5", "1e1_0", "inf", "-Inf", "+INF", "infinity", "-Infinity", "infx", "nan", "NaN", "+nan",
		"-nan", "nanx", "0.1", "0.30000000000000004", "123456789012345678901234567890", "3.4028235e38",
		"3.4028236e38", "1e39", "1.17549435e-38", "1e-46", "7e-46", "0x1.fffffep127", "0x1.fffffffffffff8p1023",
		"00012", "1.2.3", "1e2e3", "٣", " 1", "1 ", "0x", "0x1e", "1e-99999999999", "1e99999999999",
		"0.000000000000000000000000000000000000000000001", "9007199254740993", "1.00000000000000011102230246251565404236316680908203125"}
	for _, s := range inputs {
		for _, bits := range []int{64, 32} {
			f, err := strconv.ParseFloat(s, bits)
			fmt.Printf("    {%s, %d, 0x%016xULL, %d},\n", cstr(s), bits, math.Float64bits(f), code(err))
		}
	}

	fmt.Println("@@ parseint")
	type ic struct {
		s          string
		base, bits int
	}
	var ints []ic
	for _, s := range []string{"0", "1", "-1", "+1", "", "-", "+", "123", "-123", "0x1F", "0X1f", "0b101", "0o17",
		"017", "08", "0x", "1_000", "1__000", "_1", "1_", "0_1", "0x_1", "9223372036854775807",
		"9223372036854775808", "-9223372036854775808", "-9223372036854775809", "18446744073709551615",
		"18446744073709551616", "zz", "ZZ", "12a", "a12", "127", "128", "-128", "-129", "255", "256", "z", "0b",
		"99999999999999999999999"} {
		for _, base := range []int{0, 10, 16, 36, 2, 1, 37} {
			for _, bits := range []int{0, 8, 64, 65, -1} {
				ints = append(ints, ic{s, base, bits})
			}
		}
	}
	for i, c := range ints {
		if i%3 != 0 && c.base != 0 && c.base != 10 {
			continue
		}
		v, err := strconv.ParseInt(c.s, c.base, c.bits)
		u, uerr := strconv.ParseUint(c.s, c.base, c.bits)
		sv := fmt.Sprintf("%dLL", v)
		if v == math.MinInt64 {
			sv = "INT64_MIN"
		}
		fmt.Printf("    {%s, %d, %d, %s, %d, %dULL, %d},\n", cstr(c.s), c.base, c.bits, sv, code(err), u, code(uerr))
	}

	fmt.Println("@@ quote")
	strs := []string{"", "hello", "héllo", "tab\there", "nl\n", "quote\"", "back\\", "\x00\x01\x7f", "\xff\xfe",
		"\u2028\u00a0", "😀", "\U0010ffff", "\ufeff", "`raw`", "日本語", "a\xc3", "\xed\xa0\x80", "\u0300x", "'single'"}
	for _, s := range strs {
		fmt.Printf("    {%s, %d, %s, %s, %s, %d},\n", cstr(s), len(s), cstr(strconv.Quote(s)), cstr(strconv.QuoteToASCII(s)),
			cstr(strconv.QuoteToGraphic(s)), map[bool]int{false: 0, true: 1}[strconv.CanBackquote(s)])
	}

	fmt.Println("@@ quoterune")
	for _, c := range []rune{'a', '\'', '"', '\\', '\n', 0, 0x7f, 0xa0, 0xe9, 0x2028, 0x1F600, -1, 0xD800, 0x110000, 0xFFFD, 0x300} {
		fmt.Printf("    {%d, %s, %s, %s},\n", c, cstr(strconv.QuoteRune(c)), cstr(strconv.QuoteRuneToASCII(c)),
			cstr(strconv.QuoteRuneToGraphic(c)))
	}

	fmt.Println("@@ unquote")
	for _, s := range []string{`""`, `"abc"`, `"a\tb"`, `"\x41\101\u00e9\U0001F600"`, `"\q"`, `"unterminated`,
		`'a'`, `'ab'`, `''`, `'\''`, `'\"'`, `"\'"`, "`raw\\n`", "`a\rb`", `"a"b`, `"\xff"`, "\"\xff\"", "'\xff'",
		`"\777"`, `"\400"`, `"\uD800"`, `'\U00110000'`, `x`, `"`, "\"a\nb\"", `"é"`, `'é'`, `"\a\b\f\v\\"`} {
		u, err := strconv.Unquote(s)
		p, perr := strconv.QuotedPrefix(s + "tail")
		fmt.Printf("    {%s, %s, %d, %s, %d},\n", cstr(s), cstr(u), code(err), cstr(p), code(perr))
	}
}
