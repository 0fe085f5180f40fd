package main

import (
	"errors"
	"fmt"
	"math"
	"strconv"
)

func main() {
	fmt.Println(strconv.Itoa(-45), strconv.Itoa(0), strconv.Itoa(math.MaxInt64))
	for _, s := range []string{"123", "-0", "+5", "", "abc", "12a", "99999999999999999999", "-9223372036854775808", "9223372036854775808", " 1", "1_000", "0x10"} {
		i, err := strconv.Atoi(s)
		fmt.Println(i, err)
	}
	type pi struct {
		s    string
		base int
		bits int
	}
	for _, c := range []pi{{"ff", 16, 64}, {"0xff", 0, 64}, {"0b1010", 0, 8}, {"0o17", 0, 64}, {"017", 0, 64}, {"1_000", 0, 64}, {"1_000", 10, 64},
		{"128", 10, 8}, {"-129", 10, 8}, {"-128", 10, 8}, {"z", 36, 64}, {"12", 1, 64}, {"12", 37, 64}, {"12", 10, 65}, {"", 10, 64}, {"-", 10, 64}, {"0x", 0, 64}} {
		i, err := strconv.ParseInt(c.s, c.base, c.bits)
		fmt.Println(c.s, i, err)
	}
	for _, c := range []pi{{"255", 10, 8}, {"256", 10, 8}, {"-1", 10, 64}, {"18446744073709551615", 10, 64}, {"18446744073709551616", 10, 64}, {"FFFF", 16, 16}, {"0x_1", 0, 64}} {
		u, err := strconv.ParseUint(c.s, c.base, c.bits)
		fmt.Println(c.s, u, err)
	}
	for _, s := range []string{"3.14", "1e308", "1e309", "-1e309", "inf", "-Inf", "NaN", "0x1p-2", "1_0.5", "abc", "", ".5", "5.", "1e", "4.9e-324", "1e-400", "+0", "-0", "0.1", "123456789012345678901234567890"} {
		f, err := strconv.ParseFloat(s, 64)
		fmt.Println(s, f, err)
		f32, err := strconv.ParseFloat(s, 32)
		fmt.Println(" 32:", f32, err)
	}
	for _, s := range []string{"true", "T", "1", "FALSE", "f", "0", "yes", ""} {
		b, err := strconv.ParseBool(s)
		fmt.Println(s, b, err)
	}
	_, err := strconv.Atoi("x")
	var ne *strconv.NumError
	fmt.Println(errors.As(err, &ne), ne.Func, ne.Num, ne.Err, errors.Is(err, strconv.ErrSyntax))
	_, err = strconv.ParseInt("999999999999999999999", 10, 64)
	fmt.Println(errors.Is(err, strconv.ErrRange))

	fmt.Println(strconv.FormatInt(-255, 16), strconv.FormatInt(255, 2), strconv.FormatInt(35, 36), strconv.FormatUint(math.MaxUint64, 10), strconv.FormatBool(true))
	for _, f := range []float64{0, 1, -1.5, 3.14159265358979, 1e21, 1e-7, 123456789, 0.1 + 0.2, math.Inf(1), math.NaN(), 5e-324, math.MaxFloat64} {
		for _, c := range []byte{'f', 'e', 'E', 'g', 'G', 'b', 'x', 'X'} {
			for _, prec := range []int{-1, 0, 3} {
				fmt.Print(strconv.FormatFloat(f, c, prec, 64), " ")
			}
		}
		fmt.Println(strconv.FormatFloat(f, 'g', -1, 32))
	}
	for _, s := range []string{"hello", "tab\there", "quote\"s", "uni☺", "\x00\x7f\xff", "\u2028", "`back`"} {
		fmt.Println(strconv.Quote(s), strconv.QuoteToASCII(s), strconv.QuoteToGraphic(s), strconv.CanBackquote(s))
	}
	for _, r := range []rune{'a', '\'', '\n', '☺', 0x7f, 0x10ffff, -1, 0xd800} {
		fmt.Println(strconv.QuoteRune(r), strconv.QuoteRuneToASCII(r))
	}
	for _, s := range []string{`"hello\n"`, "`raw\\n`", `'a'`, `'ab'`, `"unterminated`, `"\u263a"`, `"\xff"`, `hello`, `"a"b"`, `'\''`, `""`, `"\z"`} {
		u, err := strconv.Unquote(s)
		fmt.Printf("%q %v\n", u, err)
	}
	b := []byte("x=")
	b = strconv.AppendInt(b, -42, 10)
	b = append(b, ' ')
	b = strconv.AppendQuote(b, "q\"")
	b = strconv.AppendBool(b, false)
	b = strconv.AppendFloat(b, 1.5, 'f', 2, 64)
	b = strconv.AppendUint(b, 7, 2)
	b = strconv.AppendQuoteRune(b, 'r')
	b = strconv.AppendQuoteToASCII(b, "é")
	fmt.Println(string(b))
	v, mb, tail, err := strconv.UnquoteChar(`\u00e9rest`, '"')
	fmt.Println(v, mb, tail, err)
	qp, err := strconv.QuotedPrefix(`"abc"def`)
	fmt.Println(qp, err)
	fmt.Println(strconv.IsPrint('a'), strconv.IsPrint('\u00ad'), strconv.IsGraphic('\u00a0'))
	c, err := strconv.ParseComplex("1+2i", 128)
	fmt.Println(c, err, strconv.FormatComplex(complex(1.5, -2), 'f', 2, 128))
	_, err = strconv.ParseFloat("1e1000", 64)
	fmt.Println(err)
	fmt.Println(strconv.IntSize)
}
