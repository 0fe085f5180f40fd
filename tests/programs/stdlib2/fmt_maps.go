package main

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"time"
)

type key struct {
	A string
	B int
}

type wrap struct {
	D time.Duration
	T time.Month
	M map[string][]int
	p *int
}

func main() {
	fmt.Println(map[any]int{1: 1, "a": 2, 2.5: 3, false: 4, int8(3): 5, "b": 6, 0: 7, true: 8, nil: 9})
	fmt.Println(map[float64]string{math.NaN(): "nan", math.Inf(-1): "-inf", 0: "zero", -1: "neg", math.Inf(1): "inf"})
	fmt.Println(map[key]bool{{"b", 1}: true, {"a", 2}: false, {"a", 1}: true})
	fmt.Println(map[[2]int]string{{2, 1}: "x", {1, 2}: "y", {1, 1}: "z"})
	fmt.Println(map[bool]int{true: 1, false: 0}, map[rune]string{'b': "B", 'a': "A"})
	fmt.Printf("%v\n%+v\n%#v\n", wrap{D: 1500 * time.Millisecond, T: time.May, M: map[string][]int{"z": {1}, "a": nil}}, wrap{}, wrap{T: 2})
	fmt.Printf("[%10v][%-10v][%10s][%x][% x][%X]\n", []int{1, 2}, []string{"a"}, []string{"ab", "c"}, []string{"hi", "yo"}, "hey", []byte("hey"))
	fmt.Printf("[%5.1f][%-8.3v][%08b][%3c][%-4q][%#o][%#X]\n", []float64{1.25, 2}, []float64{3.14159}, []uint8{5}, []rune("ab"), []rune("xy"), []int{8}, []int{255})
	fmt.Printf("%v %v\n", [3]bool{true}, struct {
		A, B any
	}{1, nil})
	fmt.Printf("%s|%v|%d\n", []any{"a", 1, nil}, &[]int{1}, &map[string]int{"a": 1})
	var ip *int
	var m map[string]int
	var sl []string
	var fn func()
	var ch chan int
	var e error
	fmt.Println(ip, m, sl, fn == nil, ch, e)
	fmt.Printf("%v %v %v %v %d %s\n", ip, m, sl, e, sl, sl)
	fmt.Printf("%#v %#v %#v %#v\n", m, sl, e, ch)
	fmt.Printf("%6.2v|%.0v|%.1v|%10.3v\n", "hello", "x", 3.99, math.Pi)
	fmt.Printf("%t %v %08.3f %+.2e %x %X %o\n", true, false, -3.14159, 0.000123, 255, uint16(65535), 64)
	fmt.Printf("%5s|%-5s|%.1s|%q|%x\n", "é", "é", "éa", "é", "é")
	fmt.Printf("%c%c%c %U\n", 'G', 'o', 0x4E16, 'G')
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%d-%d", 1, 2)
	var sb strings.Builder
	fmt.Fprint(&sb, buf.String(), " ", 3.0, " ", float32(2.5), " ", 1e6, " ", 1e-6, " ", 123456789.0, " ", 1e21)
	fmt.Println(sb.String())
	fmt.Println(1e6, 1e20, 1e21, 123456789.0, 0.000001, 0.0000001, float32(1e-7), 100.0, -0.0, 2.0/3.0)
	fmt.Println(complex(1, 2), complex64(complex(-1.5, 0.25)), 3+0i)
	type celsius float64
	type list []int
	type dict map[string]celsius
	fmt.Println(celsius(36.6), list{1, 2}, dict{"x": 1.5})
	fmt.Printf("%v %T %T %T\n", dict{"x": 1}, celsius(1), list{}, dict{})
	fmt.Printf("%d %s\n", []any{1, "x"}, []any{1, "x"})
	fmt.Printf("%v %.2f\n", []any{1.5, 2}, []any{1.5, 2})
	fmt.Printf("%[2]*[1]d|%-[2]*[1]d|\n", 7, 5)
	fmt.Printf("%[1]d %[1]x %[1]o %[1]b %[1]q\n", 65)
	fmt.Printf("%.3[1]f %[2]*.[3]*[1]f\n", math.E, 10, 2)
	fmt.Printf("%!%d\n", 1)
	fmt.Printf("%-+#0 8.3d\n", 42)
	fmt.Printf("100%%\n")
	fmt.Printf("%", 1)
	fmt.Println()
	fmt.Printf("%d %d %d\n", 1, 2)
	fmt.Printf("no verbs\n", "extra", 2)
	fmt.Printf("%s %s\n", "one")
	fmt.Printf("%v %v\n", struct{}{}, [0]int{})
}
