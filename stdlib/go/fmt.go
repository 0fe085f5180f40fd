// Package fmt implements formatted I/O with functions analogous to C's
// printf and scanf. This is goi's version: the formatting engine is native
// (stdlib/fmt.c, following Go's print.go and format.go verb by verb).
//
// Not supported yet: the Scan family.
package fmt

import (
	"errors"
	"io"
)

// Stringer is implemented by any value that has a String method, which
// defines the "native" format for that value.
type Stringer interface {
	String() string
}

// GoStringer is implemented by any value that has a GoString method, which
// defines the Go syntax for that value (the %#v format).
type GoStringer interface {
	GoString() string
}

// State represents the printer state passed to custom formatters.
type State interface {
	Write(b []byte) (n int, err error)
	Width() (wid int, ok bool)
	Precision() (prec int, ok bool)
	Flag(c int) bool
}

// Formatter is implemented by any value that has a Format method.
type Formatter interface {
	Format(f State, verb rune)
}

// fmtState is the State a Formatter's Format method receives: the engine
// fills in the flags, width and precision of the verb, Format writes into
// buf, and the engine copies buf into the output. Its layout is known to
// stdlib/fmt.c.
type fmtState struct {
	buf    []byte
	wid    int
	prec   int
	widOK  bool
	precOK bool
	flags  string // the flags present, among "-+# 0"
}

func (s *fmtState) Write(b []byte) (n int, err error) {
	s.buf = append(s.buf, b...)
	return len(b), nil
}

func (s *fmtState) WriteString(str string) (n int, err error) {
	s.buf = append(s.buf, str...)
	return len(str), nil
}

func (s *fmtState) Width() (wid int, ok bool) { return s.wid, s.widOK }

func (s *fmtState) Precision() (prec int, ok bool) { return s.prec, s.precOK }

func (s *fmtState) Flag(c int) bool {
	for i := 0; i < len(s.flags); i++ {
		if int(s.flags[i]) == c {
			return true
		}
	}
	return false
}

// registerState tells the engine the type of the states it creates (the
// dynamic type of s, a *fmtState).
func registerState(s any) bool

var _ = registerState(&fmtState{})

// Natives: formatting into strings, and printing to standard output.

func Sprint(a ...any) string
func Sprintf(format string, a ...any) string
func Sprintln(a ...any) string
func Print(a ...any) (n int, err error)
func Printf(format string, a ...any) (n int, err error)
func Println(a ...any) (n int, err error)

// errorf formats like Sprintf and returns the index of the operand of the
// %w verb, or -1.
func errorf(format string, a []any) (string, int)

// Fprint formats using the default formats and writes to w.
func Fprint(w io.Writer, a ...any) (n int, err error) {
	return writeString(w, Sprint(a...))
}

// Fprintf formats according to a format specifier and writes to w.
func Fprintf(w io.Writer, format string, a ...any) (n int, err error) {
	return writeString(w, Sprintf(format, a...))
}

// Fprintln formats using the default formats, adds spaces between operands
// and a newline, and writes to w.
func Fprintln(w io.Writer, a ...any) (n int, err error) {
	return writeString(w, Sprintln(a...))
}

// writeString avoids converting to []byte when w can take a string.
func writeString(w io.Writer, s string) (int, error) {
	if sw, ok := w.(io.StringWriter); ok {
		return sw.WriteString(s)
	}
	return w.Write([]byte(s))
}

func Append(b []byte, a ...any) []byte { return append(b, Sprint(a...)...) }

func Appendf(b []byte, format string, a ...any) []byte {
	return append(b, Sprintf(format, a...)...)
}

func Appendln(b []byte, a ...any) []byte { return append(b, Sprintln(a...)...) }

// Errorf formats according to a format specifier and returns the string as
// a value that satisfies error. With a %w verb whose operand is an error,
// the result has an Unwrap method returning that operand.
func Errorf(format string, a ...any) error {
	s, wrapped := errorf(format, a)
	if wrapped < 0 {
		return errors.New(s)
	}
	return &wrapError{s, a[wrapped].(error)}
}

type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string { return e.msg }

func (e *wrapError) Unwrap() error { return e.err }
