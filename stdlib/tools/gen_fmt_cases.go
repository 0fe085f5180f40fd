// gen_fmt_cases prints the table of fmt test cases of tests/unit/test_fmt.c
// with the output real Go produces for each:
//
//	go run stdlib/tools/gen_fmt_cases.go > /tmp/cases.inc
//
// Operands are written as small specs that the C test parses too:
// "i:42" int, "i8:-5" ... "u64:..", "uptr:7", "f:1.5" float64, "f32:1.1",
// "c:1.5,-2" complex128, "c64:..", "b:true", "s:\"text\"" string (Go-quoted),
// "bs:\"..\"" or "bs:nil" []byte, "mystr:\"..\"" main.MyStr, "celsius:36.6"
// main.Celsius, "nil", and "fix:NAME" for the composite fixtures below.
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

type Point struct{ X, Y int }

type Rec struct {
	Name   string
	Age    int
	Tags   []string
	P      *Point
	Any    interface{}
	hidden float64
}

type Outer struct {
	Point
	Z int
}

type MyStr string

type Celsius float64

var fixtures = map[string]interface{}{
	"point":     Point{1, 2},
	"ppoint":    &Point{3, -4},
	"ppointnil": (*Point)(nil),
	"rec":       Rec{"bob", 30, []string{"a", "b"}, nil, 42, 1.5},
	"recstr":    Rec{Name: "x y", Any: "str", Tags: []string{}},
	"reczero":   Rec{},
	"outer":     Outer{Point{1, 2}, 3},
	"anon": struct {
		A int
		B string
	}{1, "x"},
	"empty":    struct{}{},
	"slint":    []int{1, 2, 3},
	"slintnil": []int(nil),
	"slstr":    []string{"a", "b c", ""},
	"slany":    []interface{}{1, "a", nil, []int{2}, map[string]int{"k": 3}},
	"slfloat":  []float64{1.5, 2, -0.25},
	"slbool":   []bool{true, false},
	"slpoint":  []Point{{1, 2}, {3, 4}},
	"runes":    []rune("hey"),
	"arrint":   [3]int{1, 2, 3},
	"arr2":     [2][2]int{{1, 2}, {3, 4}},
	"arrbyte":  [3]byte{'a', 'b', 'c'},
	"msi":      map[string]int{"zeta": 26, "alpha": 1, "mid": 13},
	"msinil":   map[string]int(nil),
	"mis":      map[int]string{10: "ten", -1: "neg", 3: "three"},
	"mbool":    map[bool]int{true: 1, false: 0},
	"mfloat":   map[float64]string{2.5: "x", -1: "y", 0: "z"},
	"mnested":  map[string][]int{"b": {2, 2}, "a": {1}},
	"mdeep":    map[string]map[string]int{"x": {"y": 1, "b": 2}, "a": {}},
	"mpoint":   map[Point]string{{1, 2}: "a", {0, 5}: "b", {1, -1}: "c"},
	"many":     map[string]interface{}{"x": 1, "y": "s", "z": nil, "w": []int{1}},
	"pslint":   &[]int{1, 2},
	"pmsi":     &map[string]int{"a": 1},
	"parr":     &[2]int{1, 2},
	"slslint":  [][]int{{1}, nil, {}},
	"mstrs":    map[MyStr]Celsius{"b": 1.5, "a": -2},
}

func parse(spec string) interface{} {
	if spec == "nil" {
		return nil
	}
	i := strings.IndexByte(spec, ':')
	kind, v := spec[:i], spec[i+1:]
	unq := func() string {
		s, err := strconv.Unquote(v)
		if err != nil {
			panic(spec)
		}
		return s
	}
	num := func(bits int) int64 { n, _ := strconv.ParseInt(v, 0, bits); return n }
	unum := func(bits int) uint64 { n, _ := strconv.ParseUint(v, 0, bits); return n }
	flt := func(bits int) float64 { f, _ := strconv.ParseFloat(v, bits); return f }
	cpx := func(bits int) (float64, float64) {
		parts := strings.Split(v, ",")
		r, _ := strconv.ParseFloat(parts[0], bits)
		m, _ := strconv.ParseFloat(parts[1], bits)
		return r, m
	}
	switch kind {
	case "i":
		return int(num(64))
	case "i8":
		return int8(num(8))
	case "i16":
		return int16(num(16))
	case "i32":
		return int32(num(32))
	case "i64":
		return num(64)
	case "u":
		return uint(unum(64))
	case "u8":
		return uint8(unum(8))
	case "u16":
		return uint16(unum(16))
	case "u32":
		return uint32(unum(32))
	case "u64":
		return unum(64)
	case "uptr":
		return uintptr(unum(64))
	case "f":
		return flt(64)
	case "f32":
		return float32(flt(32))
	case "c":
		r, m := cpx(64)
		return complex(r, m)
	case "c64":
		r, m := cpx(32)
		return complex64(complex(r, m))
	case "b":
		return v == "true"
	case "s":
		return unq()
	case "bs":
		if v == "nil" {
			return []byte(nil)
		}
		return []byte(unq())
	case "mystr":
		return MyStr(unq())
	case "celsius":
		return Celsius(flt(64))
	case "fix":
		f, ok := fixtures[v]
		if !ok {
			panic(spec)
		}
		return f
	}
	panic(spec)
}

type tcase struct {
	format string // "SPRINT" and "SPRINTLN" select Sprint and Sprintln
	args   []string
}

var cases []tcase

func add(format string, args ...string) { cases = append(cases, tcase{format, args}) }

func cross(formats []string, values []string) {
	for _, v := range values {
		for _, f := range formats {
			add(f, v)
		}
	}
}

func build() {
	ints := []string{"i:0", "i:1", "i:-1", "i:42", "i:-42", "i:255", "i:4611686018427387904",
		"i64:-9223372036854775808", "u64:18446744073709551615", "i8:-128", "u8:200", "i16:-300",
		"u16:65535", "i32:-7", "u32:7", "uptr:4096", "i32:0x1F600"}
	cross([]string{"%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%x", "%X", "%#x", "%#X", "%o", "%#o",
		"%O", "%b", "%#b", "%c", "%q", "%+q", "%U", "%#U", "%.3d", "%6.3d", "%-+6d|", "%08x", "%v",
		"%#v", "%+v", "%T", "%s", "%t", "%e", "%10.4x", "%.0d", "%5.0d|", "%-08d|", "%x|%X", "%#08x",
		"% x", "%+x", "%.20d"}, ints)

	floats := []string{"f:0", "f:-0", "f:1", "f:-1", "f:0.1", "f:1.5", "f:3.14159265", "f:100000",
		"f:1e6", "f:1e21", "f:1e20", "f:1e-5", "f:0.0001", "f:123456789.123", "f:-2.345", "f:2.5",
		"f:3.5", "f:0.05", "f:1.005", "f:+Inf", "f:-Inf", "f:NaN", "f:5e-324",
		"f:1.7976931348623157e308", "f32:1.1", "f32:16777216", "f32:0.1", "f32:3.4e38",
		"f:0.30000000000000004", "f:12345678", "celsius:36.6"}
	cross([]string{"%v", "%f", "%.2f", "%8.3f", "%-8.2f|", "%08.3f", "%+.1f", "% .2f", "%e", "%E",
		"%.3e", "%g", "%G", "%.3g", "%.10g", "%#g", "%#.3g", "%#v", "%b", "%x", "%X", "%.2x", "%#.0f",
		"%#.0e", "%10v", "%-10v|", "%010v", "%+v", "%F", "%T", "%d", "%+010.2f", "%.0f", "% e",
		"%#x", "%.1g", "%#.4x", "%12.4e", "%-+12.3g|", "%.3v"}, floats)

	cross([]string{"%v", "%.2f", "%+.1e", "%g", "%#v", "%T", "%8.1f", "%d"},
		[]string{"c:1,2", "c:-1.5,0.25", "c:0,-0", "c:+Inf,NaN", "c64:1.1,2.2"})

	strs := []string{`s:""`, `s:"hello"`, `s:"gopher"`, `s:"日本語"`, `s:"tab\there"`,
		`s:"quote\"back\\slash"`, `s:"\x00\x7f\xff"`, "s:\"has`tick\"", `s:"héllo"`,
		`s:"\u2028"`, `s:"😀x"`, `s:"\ufeffbom"`, `mystr:"named"`}
	cross([]string{"%s", "%q", "%+q", "%#q", "%x", "%X", "% x", "%#x", "% #x", "%10s|", "%-10s|",
		"%.3s", "%8.2s|", "%v", "%#v", "%5q", "%.2q", "%T", "%d", "%010s", "%c", "%.1x", "%-5q|",
		"%+v", "%#+q"}, strs)

	cross([]string{"%s", "%q", "%x", "%X", "% x", "%v", "%#v", "%d", "%T", "%5s|", "%.1x", "%c",
		"%o", "%#x"}, []string{`bs:"AB"`, `bs:""`, "bs:nil", `bs:"日本"`, "fix:arrbyte"})

	cross([]string{"%t", "%v", "%5t|", "%-6t|", "%#v", "%d", "%T", "%q", "%s"}, []string{"b:true", "b:false"})

	cross([]string{"%v", "%+v", "%#v", "%d", "%s", "%x", "%q", "%T", "%5v", "%-3v|", "%08v", "%.1f"},
		[]string{"fix:point", "fix:ppointnil", "fix:rec", "fix:recstr", "fix:reczero", "fix:outer",
			"fix:anon", "fix:empty", "fix:slint", "fix:slintnil", "fix:slstr", "fix:slany",
			"fix:slfloat", "fix:slbool", "fix:slpoint", "fix:runes", "fix:arrint", "fix:arr2",
			"fix:msi", "fix:msinil", "fix:mis", "fix:mbool", "fix:mfloat", "fix:mnested", "fix:mdeep",
			"fix:mpoint", "fix:many", "fix:pslint", "fix:pmsi", "fix:parr", "fix:slslint",
			"fix:mstrs", "fix:ppoint"})
	add("%p", "fix:ppointnil")
	add("%p", "fix:slintnil")
	add("%p", "fix:msinil")
	add("%p", "i:1")
	add("%p", "s:\"x\"")

	// Printf's own errors and argument handling.
	add("%d %d", "i:1")
	add("%d", "i:1", "s:\"x\"", "nil")
	add("%!")
	add("%z", "i:3")
	add("%")
	add("abc%")
	add("%.")
	add("%-")
	add("%[2]d %[1]d", "i:1", "i:2")
	add("%[3]d", "i:1", "i:2")
	add("%[0]d", "i:1")
	add("%[x]d", "i:1")
	add("%[1]d %d %d", "i:1", "i:2")
	add("%*d", "s:\"w\"", "i:5")
	add("%*d|", "i:-6", "i:7")
	add("%*d|", "i:6", "i:7")
	add("%-*d|", "i:6", "i:7")
	add("%.*f", "i:-1", "f:3.14159")
	add("%.*f", "i:2", "f:3.14159")
	add("%*.*f|", "i:10", "i:3", "f:2.71828")
	add("%*d", "i:10000000", "i:1")
	add("%*d", "u8:3", "i:1")
	add("%[2]*[1]d|", "i:12", "i:5")
	add("%[1]*d|", "i:4")
	add("%[3]*.[2]*[1]f|", "f:12", "i:2", "i:6")
	add("%v %v", "i:1")
	add("%v")
	add("100%%")
	add("%5%|")
	add("%ü", "i:1")
	add("%!d", "i:1")
	add("%d %s", "nil", "nil")
	add("%v %T", "nil", "nil")
	add("%x", "nil")
	add("%.3[1]d", "i:7")
	add("%[1]2d", "i:7")
	add("%3c|%-3c|", "i32:0x263A", "i32:65")
	add("%w", "i:1")
	add("%s", "fix:slstr")
	add("%6.2f|%6.2f|%6.2f", "f:1", "f:22.333", "f:-333.4444")
	add("%-4d|%4d|%-4s|%4s|", "i:1", "i:2", "s:\"ab\"", "s:\"cd\"")
	add("%+08.1f|%08.1f|% 08.1f", "f:3.14159", "f:-3.14159", "f:3.14159")
	add("%x %X", "fix:slint", "bs:\"\\xfe\\xff\"")
	add("%d %d", "fix:slint", "fix:mis")
	add("%08.3f|%-08.3f|%+08d|%-+8d|", "f:-1.5", "f:-1.5", "i:42", "i:42")
	add("%#o %#x %#X %#b %O", "i:0", "i:0", "i:0", "i:0", "i:0")
	add("%06s|%-06s|%06q", "s:\"ab\"", "s:\"ab\"", "s:\"ab\"")
	add("%.0s|%.5s|%.1s", "s:\"日本語\"", "s:\"日本語\"", "s:\"日本語\"")
	add("%U %#U %#.6U %.2U", "i32:0x41", "i32:0xFFFFFFF", "i32:0x41", "i32:0x1F600")
	add("%e %g", "f32:1e-45", "f32:1e-45")

	// Sprint spacing: a space between operands when neither is a string.
	add("SPRINT", "i:1", "i:2")
	add("SPRINT", `s:"a"`, "i:1", "i:2", `s:"b"`, `s:"c"`, "f:3.5", "nil", `mystr:"x"`, "i:5")
	add("SPRINT", "fix:point", "fix:slint", "b:true")
	add("SPRINT")
	add("SPRINT", `s:""`, `s:""`)
	add("SPRINT", "f:1", "f:2.5", "f:1e6", "f:1e-7")
	add("SPRINTLN", "i:1", "i:2")
	add("SPRINTLN", `s:"a"`, "i:1", `s:"b"`, "nil", "fix:msi", "fix:ppointnil")
	add("SPRINTLN")
	add("SPRINTLN", "fix:pslint", "fix:pmsi", "fix:parr", "fix:ppoint", "celsius:-0.5")
}

// cstr writes s as a C string literal; octal escapes cannot swallow the
// characters that follow them, unlike \x.
func cstr(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '?':
			b.WriteString(`\?`) // no trigraphs
		case c >= 0x20 && c < 0x7f:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "\\%03o", c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func main() {
	build()
	w := os.Stdout
	for _, c := range cases {
		args := make([]interface{}, len(c.args))
		for i, a := range c.args {
			args[i] = parse(a)
		}
		var out string
		switch c.format {
		case "SPRINT":
			out = fmt.Sprint(args...)
		case "SPRINTLN":
			out = fmt.Sprintln(args...)
		default:
			out = fmt.Sprintf(c.format, args...)
		}
		specs := make([]string, len(c.args))
		for i, a := range c.args {
			specs[i] = cstr(a)
		}
		specs = append(specs, "NULL")
		fmt.Fprintf(w, "    {%s, {%s}, %s},\n", cstr(c.format), strings.Join(specs, ", "), cstr(out))
	}
}
