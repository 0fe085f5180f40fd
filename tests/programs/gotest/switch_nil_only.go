// Switches on slices, maps and funcs (which compare with nil only), and
// interface cases in a tagless switch, which compare with true (from Go's
// test/switch.go).
package main

import "fmt"

func kind(f func(), m map[int]int, a []int) string {
	s := ""
	switch f {
	case nil:
		s += "nil-func "
	default:
		s += "func "
	}
	switch m {
	case nil:
		s += "nil-map "
	default:
		s += "map "
	}
	switch a {
	case nil:
		s += "nil-slice"
	default:
		s += "slice"
	}
	return s
}

func truth(i interface{}) string {
	switch {
	case i:
		return "true"
	case false:
		return "false"
	}
	return "neither"
}

type Stringer interface{ String() string }

func main() {
	fmt.Println(kind(nil, nil, nil))
	fmt.Println(kind(func() {}, map[int]int{}, []int{}))
	fmt.Println(truth(true), truth(false), truth(1), truth(nil))
	var s Stringer
	switch {
	case s == nil:
		fmt.Println("nil Stringer")
	}
}
