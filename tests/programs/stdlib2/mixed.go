package main

import (
	"errors"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"
)

type Animal interface{ Sound() string }
type Base struct{ ID int }
type Dog struct {
	Base
	Name string
	Born time.Time
	Tags []string
	err  error
}

func (d Dog) Sound() string   { return "woof" }
func (b Base) String() string { return "Base#" + strconv.Itoa(b.ID) }

type Grid [3][3]rune

func main() {
	d := Dog{Base{7}, "rex", time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC), []string{"a"}, errors.New("hidden")}
	fmt.Println(d)
	fmt.Printf("%+v\n", d)
	fmt.Printf("%v %s\n", d.Base, &d.Base)
	var a Animal = d
	fmt.Printf("%T %v\n", a, a.Sound())
	var g Grid
	for i := range g {
		for j := range g[i] {
			g[i][j] = '.'
		}
	}
	g[1][1] = 'X'
	for _, row := range g {
		fmt.Println(string(row[:]))
	}
	fmt.Println(g)
	fmt.Printf("%c\n", g)
	fmt.Printf("%q\n", g[1])
	fmt.Println(math.Sqrt(2), math.Floor(-2.5), math.MaxInt64, math.Pi*2)
	fmt.Printf("%.2f %6.3f %e %g\n", math.Pi, math.E, 123456.789, 1e-9)
	scores := map[string][]int{"bob": {90, 80}, "alice": {70}, "carol": nil}
	names := make([]string, 0)
	for n := range scores {
		names = append(names, n)
	}
	sort.Strings(names)
	for i, n := range names {
		fmt.Printf("%2d. %-6s|%5v|%v\n", i+1, n, len(scores[n]), scores[n])
	}
	fmt.Println(scores)
	fmt.Println(strings.Fields(" a  b "), len(os.Args) >= 1)
	fmt.Printf("%08.3f|%-8d|%+d|%x|%X|%o|%b|%U\n", -3.14159, 42, 42, 3054, 3054, 8, 5, 'A')
	fmt.Printf("%s %v\n", time.Duration(1500)*time.Millisecond, []time.Duration{time.Second, 90 * time.Minute})
	var np *Dog
	fmt.Println(np == nil, np)
	fmt.Printf("%v %+v\n", []*Base{}, struct{ B *Base }{})
	type pair struct {
		k string
		v float64
	}
	ps := []pair{{"x", 1.5}, {"y", -2}}
	fmt.Printf("%v %+v\n", ps, ps)
	fmt.Println(fmt.Sprint("a", "b", 1, 2, 'c', true, nil), fmt.Sprintln("end"))
	i, err := strconv.Atoi("12x")
	fmt.Println(i, err)
	var sb strings.Builder
	for i := 3; i > 0; i-- {
		fmt.Fprintf(&sb, "%d...", i)
	}
	sb.WriteString("liftoff")
	fmt.Println(sb.String())
}
