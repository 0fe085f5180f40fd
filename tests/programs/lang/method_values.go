// Method values bind their receiver when evaluated (copying it for value
// receivers, even through pointers and embedded fields); method
// expressions work on interface types too.
package main

import "fmt"

type Counter struct{ n int }

func (c Counter) Value() int { return c.n }
func (c *Counter) Inc()      { c.n++ }

type Wrapper struct {
	*Counter
	label string
}

type Inner struct{ v int }

func (i Inner) Get() int { return i.v }

type Outer struct{ Inner }

type Getter interface{ Get() int }

type HasGetter struct{ Getter }

type Stringer interface{ String() string }

type Name string

func (n Name) String() string { return "name:" + string(n) }

func main() {
	c := Counter{1}
	pc := &c
	v := pc.Value // copies *pc now
	pc.n = 100
	fmt.Println(v(), pc.Value())

	inc := c.Inc // binds &c
	inc()
	fmt.Println(c.n)

	w := Wrapper{&Counter{5}, "w"}
	wv := w.Value // copies *w.Counter now
	winc := w.Inc // binds the pointer w.Counter
	w.Counter = &Counter{50}
	winc()
	fmt.Println(wv(), w.n)

	o := Outer{Inner{7}}
	g := o.Get
	o.v = 8
	fmt.Println(g(), o.Get())

	h := HasGetter{Inner{1}}
	hg := h.Get // binds the interface value held now
	h.Getter = Inner{2}
	fmt.Println(hg(), h.Get())

	str := Stringer.String
	fmt.Println(str(Name("x")))
	get := Getter.Get
	fmt.Println(get(Inner{3}), get(Outer{Inner{4}}))

	defer func() { fmt.Println("recovered:", recover()) }()
	var np *Counter
	f := np.Value // dereferences nil now
	fmt.Println("not reached", f)
}
