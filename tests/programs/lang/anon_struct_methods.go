// Unnamed struct types with embedded fields have the promoted methods in
// their method sets (values and pointers), e.g. when put into interfaces.
package main

import "fmt"

type Logger interface{ Log(string) string }

type prefix struct{ p string }

func (l prefix) Log(s string) string { return l.p + s }

type counter struct{ n int }

func (c *counter) Inc() int { c.n++; return c.n }

type Incer interface{ Inc() int }

func main() {
	x := struct {
		prefix
		n int
	}{prefix{"anon:"}, 1}
	var lg Logger = x
	fmt.Println(lg.Log("value"))
	lg = &x
	fmt.Println(lg.Log("pointer"))

	y := &struct {
		*counter
		label string
	}{&counter{}, "y"}
	var inc Incer = y
	inc.Inc()
	fmt.Println(inc.Inc(), y.n)

	items := []interface{}{x, y, struct{ Logger }{prefix{"iface:"}}}
	for _, it := range items {
		if l, ok := it.(Logger); ok {
			fmt.Println(l.Log("!"))
		} else {
			fmt.Printf("%T is not a Logger\n", it)
		}
	}
	fmt.Println(fmt.Sprint(struct{ fmt.Stringer }{nil} == struct{ fmt.Stringer }{}))
}
