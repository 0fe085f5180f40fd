package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

type temp float64

func (t temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

type pair struct {
	A temp
	B *temp
	c temp
}

type ptrStringer struct{ n int }

func (p *ptrStringer) String() string { return fmt.Sprint("ps", p.n) }

type gs struct{}

func (gs) GoString() string { return "GS!" }

type fm struct{}

func (fm) Format(f fmt.State, c rune) {
	w, wok := f.Width()
	p, pok := f.Precision()
	if !wok {
		w = -1
	}
	if !pok {
		p = -1
	}
	fmt.Fprintf(f, "fm[%c w=%d,%v p=%d,%v +%v -%v #%v]", c, w, wok, p, pok, f.Flag('+'), f.Flag('-'), f.Flag('#'))
}

type myErr struct{ code int }

func (e myErr) Error() string { return fmt.Sprintf("code %d", e.code) }

type panicky struct{}

func (panicky) String() string { panic("oops") }

func main() {
	t := temp(21.5)
	p := pair{A: 1, B: &t, c: 3}
	fmt.Println(p, []temp{1, 2}, map[temp]temp{1: 2})
	fmt.Printf("%v %+v %s %d\n", p, p, []temp{3}, []temp{3})
	fmt.Println(ptrStringer{1}, &ptrStringer{2}, []*ptrStringer{{3}})
	fmt.Printf("%v %#v %+v\n", gs{}, gs{}, []gs{{}})
	fmt.Printf("%v|%+8.2x|%#-d\n", fm{}, fm{}, fm{})
	fmt.Println(fm{})
	fmt.Printf("%v\n", panicky{})
	fmt.Println([]error{myErr{1}}, myErr{2})

	// Errorf
	base := errors.New("base")
	e1 := fmt.Errorf("wrap: %w", base)
	e2 := fmt.Errorf("outer %d: %w", 2, e1)
	fmt.Println(e1, e2, errors.Unwrap(e2) == e1, errors.Is(e2, base))
	var me myErr
	e3 := fmt.Errorf("ctx: %w", myErr{7})
	fmt.Println(errors.As(e3, &me), me.code, e3)
	e4 := fmt.Errorf("no wrap %v", base)
	fmt.Println(errors.Unwrap(e4) == nil, e4)
	fmt.Println(fmt.Errorf("bad %w", "notanerror"))
	fmt.Println(fmt.Errorf("nil %w", nil))
	fmt.Printf("%T %T\n", e1, e4)

	// Fprint family
	fmt.Fprintln(os.Stdout, "stdout", 1)
	fmt.Fprintf(os.Stderr, "stderr %d\n", 2)
	var sb strings.Builder
	n, err := fmt.Fprintf(&sb, "%s-%d", "x", 5)
	fmt.Println(n, err, sb.String(), sb.Len())
	var bb bytes.Buffer
	fmt.Fprint(&bb, "a", 1, 2, "b")
	fmt.Fprintln(&bb, "z", 3.5)
	fmt.Printf("%q\n", bb.String())
	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintf(w, "buffered %v\n", []int{1})
	w.Flush()
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3.0, 4), fmt.Sprintln("x", 1))
	fmt.Println(fmt.Sprint(), fmt.Sprint(nil, nil), fmt.Sprint(1, nil))
	b := fmt.Append([]byte("pre:"), 1, "x")
	b = fmt.Appendf(b, "|%03d", 7)
	b = fmt.Appendln(b, "end")
	fmt.Printf("%q\n", b)
	var wr io.Writer = &sb
	fmt.Fprint(wr, "more")
	fmt.Println(sb.String())

	// %v on strings.Builder value and bytes.Buffer
	var sb2 strings.Builder
	sb2.WriteString("hi")
	fmt.Println(sb2.String(), sb2.Len())
	var bb2 bytes.Buffer
	bb2.WriteString("buf")
	fmt.Println(bb2.String(), &bb2)
	// shortest floats
	fmt.Println(0.1+0.2, 1e21, 1e20, float32(0.1), float32(16777217), 1.0, -0.0, 2.5e-8)
	var f32 float32 = 1.1
	fmt.Println(f32, f32*f32, float64(f32))
	fmt.Println(fmt.Sprintf("%v %v", int64(-1)<<63, ^uint64(0)))
}
