// Runtime panic messages, recovered and printed: slicing arrays reports
// their length, asserting a nil interface to an interface type says
// "interface is nil".
package main

import "fmt"

type Foo interface{ Foo() }

type Name string

func (n Name) String() string { return string(n) }

func try(name string, f func()) {
	defer func() { fmt.Printf("%s: %v\n", name, recover()) }()
	f()
}

func main() {
	var arr [3]int
	s := arr[:]
	str := "abc"
	n, lo, hi := 4, 2, 1
	try("array [:n]", func() { _ = arr[:n] })
	try("array ptr [:n]", func() { p := &arr; _ = p[:n] })
	try("array [::n]", func() { _ = arr[0:1:n] })
	try("array [lo:hi]", func() { _ = arr[lo:hi] })
	try("slice [:n]", func() { _ = s[:n] })
	try("slice [::n]", func() { _ = s[0:1:n] })
	try("string [:n]", func() { _ = str[:n] })
	try("string [n]", func() { _ = str[n] })
	try("index", func() { _ = s[n] })
	var e interface{}
	var st fmt.Stringer
	try("E2I nil", func() { _ = e.(Foo) })
	try("I2I nil", func() { _ = st.(Foo) })
	try("E2T nil", func() { _ = e.(int) })
	try("I2T nil", func() { _ = st.(Name) })
	e = 3
	try("E2T", func() { _ = e.(string) })
	try("E2I", func() { _ = e.(Foo) })
}
