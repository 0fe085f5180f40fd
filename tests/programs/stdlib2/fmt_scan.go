package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

type celsius float64
type level int
type name string

func main() {
	var a, b int
	var s string
	var f float64
	n, err := fmt.Sscanf("10 20 abc 3.5", "%d %d %s %f", &a, &b, &s, &f)
	fmt.Println(n, err, a, b, s, f)
	n, err = fmt.Sscanf("x=5,y=7", "x=%d,y=%d", &a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Sscanf("12abc", "%d%s", &a, &s)
	fmt.Println(n, err, a, s)
	n, err = fmt.Sscanf("abc", "%d", &a)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("1", "%d %d", &a, &b)
	fmt.Println(n, err)
	n, err = fmt.Sscan("  7\n 8  hello 1e3", &a, &b, &s, &f)
	fmt.Println(n, err, a, b, s, f)
	n, err = fmt.Sscanln("1 2\n3", &a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Sscanln("1\n2", &a, &b)
	fmt.Println(n, err, a)
	var x8 int8
	n, err = fmt.Sscan("300", &x8)
	fmt.Println(n, err, x8)
	var u uint
	n, err = fmt.Sscan("-1", &u)
	fmt.Println(n, err, u)
	var bo bool
	var r rune
	n, err = fmt.Sscanf("true Z", "%t %c", &bo, &r)
	fmt.Println(n, err, bo, r)
	var h int
	n, err = fmt.Sscanf("ff 0x1F 0b101 017", "%x %v %v %v", &h, &a, &b, &u)
	fmt.Println(n, err, h, a, b, u)
	var q string
	n, err = fmt.Sscanf(`"hi there" rest`, "%q %s", &q, &s)
	fmt.Println(n, err, q, s)
	var by []byte
	n, err = fmt.Sscan("bytes", &by)
	fmt.Println(n, err, string(by))
	n, err = fmt.Sscan("", &a)
	fmt.Println(n, err)
	var c celsius
	var l level
	var nm name
	n, err = fmt.Sscan("36.6 3 bob", &c, &l, &nm)
	fmt.Println(n, err, c, l, nm)
	n, err = fmt.Sscanf("5%", "%d%%", &a)
	fmt.Println(n, err, a)

	// from stdin
	var count int
	fmt.Scan(&count)
	total := 0
	for i := 0; i < count; i++ {
		var v int
		fmt.Scan(&v)
		total += v
	}
	fmt.Println("total", total)
	var w1, w2 string
	n, err = fmt.Scanln(&w1, &w2)
	fmt.Println(n, err, w1, w2)
	n, err = fmt.Scanln(&w1, &w2)
	fmt.Println(n, err, w1, w2)
	var fa, fb float64
	n, err = fmt.Scanf("%f,%f\n", &fa, &fb)
	fmt.Println(n, err, fa, fb)
	rd := bufio.NewReader(os.Stdin)
	line, err := rd.ReadString('\n')
	fmt.Printf("%q %v\n", line, err)
	n, err = fmt.Fscan(rd, &a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Fscan(rd, &a)
	fmt.Println(n, err)
	n, err = fmt.Fscan(strings.NewReader("9 10"), &a, &b)
	fmt.Println(n, err, a, b)
}
