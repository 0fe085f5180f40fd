package main

import (
	"errors"
	"fmt"
	"math"
)

type point struct {
	X, Y int
}

type named int

func (n named) String() string { return fmt.Sprintf("named<%d>", int(n)) }

type errT struct{ msg string }

func (e *errT) Error() string { return "errT:" + e.msg }

type color uint8

type valErr struct{ s string }

func (e valErr) Error() string { return "valErr " + e.s }

type inner struct {
	A []int
	M map[string]int
	P *point
}

type outer struct {
	Name  string
	In    inner
	S     fmt.Stringer
	E     error
	Ptr   *int
	Iface any
}

func main() {
	verbs := []string{"v", "+v", "#v", "T", "d", "b", "o", "O", "x", "X", "c", "q", "U", "#U", "e", "E", "f", "F", "g", "G", "s", "t", "p"}
	flags := []string{"", "+", "-", "#", " ", "0", "8", "-8", "08", ".3", "8.3", "-8.3", "+08", "#x", " x"}
	values := []any{
		0, 42, -42, int8(-128), uint8(255), int64(math.MaxInt64), int64(math.MinInt64), uint64(math.MaxUint64),
		uintptr(0x1234), 3.14159, -0.0, 1e21, 1e-7, 0.1 + 0.2, float32(0.1), float32(3.4e38), math.Inf(1), math.Inf(-1), math.NaN(),
		complex(1, -2), complex64(complex(0.5, 0.25)),
		"", "hello", "héllo\n\"q\"", "\x00\xff", []byte("abc"), true, false, 'x', '世', rune(0x10FFFF),
		nil, []int{1, -2, 3}, [3]string{"a", "b", "c"}, map[string]int{"b": 2, "a": 1}, map[int]bool{3: true, 1: false},
		point{1, 2}, &point{3, 4}, named(7), color(9), errors.New("boom"), &errT{"x"},
		[]any{1, "a", nil, 2.5}, struct{}{}, []string{}, map[string]int(nil), []int(nil),
	}
	for _, v := range values {
		for _, verb := range verbs {
			if verb == "p" {
				continue // addresses differ
			}
			fmt.Printf("%%%s\t%T\t[%"+verb+"]\n", verb, v, v)
		}
	}
	for _, v := range values {
		for _, f := range flags {
			for _, verb := range []string{"v", "d", "x", "s", "q", "f", "e", "g"} {
				spec := "%" + f + verb
				if f == "#x" || f == " x" {
					spec = "%" + f
				}
				fmt.Printf("%s\t%T\t[%s]\n", spec, v, fmt.Sprintf(spec, v))
			}
		}
	}
	var np *point
	var ne error
	var ns fmt.Stringer
	x := 5
	o := outer{Name: "n", In: inner{A: []int{1}, M: map[string]int{"k": 1}, P: nil}, S: named(3), E: valErr{"e"}, Ptr: nil, Iface: []named{1, 2}}
	_ = x
	for _, v := range []any{np, ne, ns, o, &o, []*point{nil}, map[point]string{{1, 2}: "a", {0, 1}: "b"}, [][]int{{1, 2}, {3}}, []fmt.Stringer{named(1), nil}, struct {
		a int
		b string
	}{1, "x"}, []error{valErr{"a"}, nil}} {
		fmt.Printf("%v|%+v|%T\n", v, v, v)
		fmt.Printf("%#v\n", v)
	}
	// bad verbs and arg counts
	fmt.Printf("%d\n", "hi")
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%!\n")
	fmt.Printf("%z\n", 3)
	fmt.Printf("%[2]d %[1]d\n", 1, 2)
	fmt.Printf("%[3]d\n", 1, 2)
	fmt.Printf("%[0]d\n", 1)
	fmt.Printf("%*d|%-*d|%.*f\n", 5, 1, 5, 2, 2, 3.14159)
	fmt.Printf("%*d\n", "x", 1)
	fmt.Printf("%.*d\n", -1, 1)
	fmt.Printf("%s\n", nil)
	fmt.Printf("%d\n", nil)
	fmt.Printf("%x\n", "hello")
	fmt.Printf("% x\n", []byte{1, 2, 255})
	fmt.Printf("%#x\n", []byte{1, 2, 255})
	fmt.Printf("% #X\n", "hi")
	fmt.Printf("%08.3f|%-08.3f|%+.2e|%x|%X\n", 3.14159, 3.14159, 12345.678, 3.5, -1.25)
	fmt.Printf("%6.2f%%\n", 99.5)
	fmt.Printf("%v %v %v %v\n", 0.1+0.2, 1e21, 1e20, float32(0.1)+float32(0.2))
	fmt.Println(0.1+0.2, 1e21, 1e20, 100000000.0, 1e-5, 123456789.0, float32(1)/3, 2.0/3)
	fmt.Println(float32(16777216), float32(1e10), math.MaxFloat64, math.SmallestNonzeroFloat64, math.MaxFloat32)
	fmt.Printf("%5t|%-7t|%q|%#q|%+q\n", true, false, "a`b", "ab", "héllo")
	fmt.Printf("%c|%c|%U|%#U|%q|%+q\n", 65, 0x1F600, 0x1F600, 0x1F600, 0x1F600, 0x1F600)
	fmt.Printf("%10.4v|%-10v|%010v\n", 3.14159265, "ab", 42)
	fmt.Printf("%v %d %s\n", []byte("hi"), []byte("hi"), []byte("hi"))
	fmt.Printf("%x %X\n", []int{10, 255}, [2]uint8{1, 171})
	fmt.Printf("%o %#o %O %b %#b\n", 8, 8, 8, 5, 5)
	fmt.Printf("%e %g %G\n", 1e100, 1e-100, 1e21)
	fmt.Printf("%.0f %.0f %.0f %.1f\n", 0.5, 1.5, 2.5, 0.05)
	fmt.Printf("%#g %#.3g %#e %#f\n", 1.0, 2.0, 3.0, 4.0)
	fmt.Printf("%v %.3v %10.3v\n", complex(1.5, -2), complex(1.5, -2), complex(1, 1))
	fmt.Printf("%s %v %d\n", errors.New("e1"), &errT{"y"}, named(4))
	fmt.Printf("%x %X %s %q\n", named(255), named(255), named(1), named(2))
	fmt.Printf("%v\n", []*int{nil})
	fmt.Printf("%t\n", 1)
	fmt.Printf("%s\n", 12)
	fmt.Printf("%d\n", 3.5)
	fmt.Printf("%.2s|%.10s|%5.1s|\n", "hello", "hi", "xyz")
	fmt.Printf("%-5d|%5d|%05d|%+d|% d|%+ d\n", -3, -3, -3, 3, 3, 3)
	fmt.Printf("%#v %#v %#v %#v %#v\n", 1.0, 1e6, 1e21, float32(2.5), "s")
	fmt.Printf("%#v %#v %#v %#v\n", []byte{1}, map[string]bool{}, [0]int{}, (*int)(nil))
	fmt.Printf("%#v\n", any(nil))
	fmt.Printf("%v %+v\n", struct{ P *int }{nil}, struct{ A []string }{nil})
	fmt.Print("a", "b", 1, 2, "c", 3.5, nil, "\n")
	fmt.Print(1, 2, "\n")
	fmt.Println("x", 1, nil, []int(nil), map[int]int(nil), error(nil))
	fmt.Printf("%6.3d|%-6.3d|%.0d|%.0d|\n", 7, 7, 0, 1)
	fmt.Printf("%x|%#x|%#o|%X\n", -255, -255, -8, uint64(1)<<63)
	fmt.Printf("%U|%#U|%c\n", -1, 0xD800, -1)
	fmt.Printf("%q %q %q\n", '\'', '"', '\n')
	fmt.Printf("%08.3e|%+g|% g\n", -1.5, 2.0, 2.0)
	fmt.Printf("%.3g|%.10g|%g|%g\n", 1234567.0, 1.0/3, 1e-4, 1e-5)
	fmt.Printf("%b %b\n", 1.0, float32(1))
	fmt.Printf("%x %X %.3x\n", 1.0, 1e10, 3.14159)
	fmt.Printf("%v\n", [][]string{{"a"}, nil, {}})
	fmt.Printf("%T %T %T %T %T\n", nil, []any{}, map[string][]int{}, func(int) string { return "" }, make(chan int))
	fmt.Printf("%T %T %T\n", struct{ A int }{}, &x, [2]error{})
}
