// Package fmt implements formatted I/O with functions analogous to C's
// printf and scanf. This is goi's version: the formatting engine is native
// (stdlib/fmt.c, following Go's print.go and format.go verb by verb).
//
// The Scan family supports operands that are pointers to basic types,
// []byte, named types with those underlying types, and Scanners.
package fmt

import (
	"errors"
	"io"
	"strconv"
	"unicode/utf8"
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

// ldexp is math.Ldexp. fmt does not import math: math is large, and most
// programs print without it.
func ldexp(frac float64, exp int) float64

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

// ------------------------------------------------------------- scanning
//
// The Scan family, as Go's scan.go behaves for operands that are pointers
// to basic types, []byte, or Scanners: Scan treats newlines as space,
// Scanln stops at them, Scanf follows its format. Input is read one rune at
// a time (standard input one byte per read, as Go does, so scanning mixes
// with other readers of os.Stdin).

// ScanState represents the scanner state passed to custom scanners.
type ScanState interface {
	ReadRune() (r rune, size int, err error)
	UnreadRune() error
	SkipSpace()
	Token(skipSpace bool, f func(rune) bool) (token []byte, err error)
	Width() (wid int, ok bool)
	Read(buf []byte) (n int, err error)
}

// Scanner is implemented by any value that has a Scan method.
type Scanner interface {
	Scan(state ScanState, verb rune) error
}

// readStdin reads into p from standard input: n bytes, or 0 at end of
// input; failed reports a read error.
func readStdin(p []byte) (n int, failed bool)

type stdinReader struct{}

func (stdinReader) Read(p []byte) (int, error) {
	n, failed := readStdin(p)
	if failed {
		return 0, errors.New("read /dev/stdin: input/output error")
	}
	if n == 0 && len(p) > 0 {
		return 0, io.EOF
	}
	return n, nil
}

func Scan(a ...any) (n int, err error)                 { return Fscan(stdinReader{}, a...) }
func Scanln(a ...any) (n int, err error)               { return Fscanln(stdinReader{}, a...) }
func Scanf(format string, a ...any) (n int, err error) { return Fscanf(stdinReader{}, format, a...) }

type stringReader struct{ s string }

func (r *stringReader) Read(b []byte) (n int, err error) {
	n = copy(b, r.s)
	r.s = r.s[n:]
	if n == 0 {
		err = io.EOF
	}
	return
}

func Sscan(str string, a ...any) (n int, err error) { return Fscan(&stringReader{str}, a...) }

func Sscanln(str string, a ...any) (n int, err error) { return Fscanln(&stringReader{str}, a...) }

func Sscanf(str string, format string, a ...any) (n int, err error) {
	return Fscanf(&stringReader{str}, format, a...)
}

func Fscan(r io.Reader, a ...any) (n int, err error) {
	return newScanState(r, true, false).doScan(a)
}

func Fscanln(r io.Reader, a ...any) (n int, err error) {
	return newScanState(r, false, true).doScan(a)
}

func Fscanf(r io.Reader, format string, a ...any) (n int, err error) {
	return newScanState(r, false, false).doScanf(format, a)
}

// scanError carries an error out of the scanner by panicking.
type scanError struct {
	err error
}

const (
	eof     = -1
	hugeWid = 1 << 30
)

// runeReader reads runes one byte at a time from a plain io.Reader, with
// one rune of push-back.
type runeReader struct {
	r        io.Reader
	pending  []byte // bytes read past a bad UTF-8 sequence
	peekRune rune   // >= 0: the next rune; < 0: ^(the previous rune)
}

func (r *runeReader) readByte() (byte, error) {
	if len(r.pending) > 0 {
		b := r.pending[0]
		r.pending = r.pending[1:]
		return b, nil
	}
	var b [1]byte
	n, err := io.ReadFull(r.r, b[:])
	if n != 1 {
		return 0, err
	}
	return b[0], nil
}

func (r *runeReader) ReadRune() (rr rune, size int, err error) {
	if r.peekRune >= 0 {
		rr = r.peekRune
		r.peekRune = ^rr
		return rr, utf8.RuneLen(rr), nil
	}
	var buf [utf8.UTFMax]byte
	buf[0], err = r.readByte()
	if err != nil {
		return 0, 0, err
	}
	n := 1
	if buf[0] >= utf8.RuneSelf {
		for ; !utf8.FullRune(buf[:n]); n++ {
			buf[n], err = r.readByte()
			if err != nil {
				if err != io.EOF {
					return 0, 0, err
				}
				err = nil
				break
			}
		}
	}
	rr, size = utf8.DecodeRune(buf[:n])
	if size < n {
		r.pending = append(r.pending, buf[size:n]...)
	}
	r.peekRune = ^rr
	return rr, size, nil
}

func (r *runeReader) UnreadRune() error {
	if r.peekRune >= 0 {
		return errors.New("fmt: scanning called UnreadRune with no rune available")
	}
	r.peekRune = ^r.peekRune
	return nil
}

// ss is the scanner's state.
type ss struct {
	rs        io.RuneScanner
	buf       []byte // token accumulator
	count     int    // runes consumed so far
	atEOF     bool
	nlIsEnd   bool // a newline ends the scan (Scanln)
	nlIsSpace bool // a newline is white space (Scan)
	argLimit  int  // max value of count for this operand
	limit     int  // max value of count
	maxWid    int  // width of this operand
}

func newScanState(r io.Reader, nlIsSpace, nlIsEnd bool) *ss {
	s := &ss{nlIsSpace: nlIsSpace, nlIsEnd: nlIsEnd, limit: hugeWid, argLimit: hugeWid, maxWid: hugeWid}
	if rs, ok := r.(io.RuneScanner); ok {
		s.rs = rs
	} else {
		s.rs = &runeReader{r: r, peekRune: -1}
	}
	return s
}

func (s *ss) Read(buf []byte) (n int, err error) {
	return 0, errors.New("ScanState's Read should not be called. Use ReadRune")
}

func (s *ss) ReadRune() (r rune, size int, err error) {
	if s.atEOF || s.count >= s.argLimit {
		return 0, 0, io.EOF
	}
	r, size, err = s.rs.ReadRune()
	if err == nil {
		s.count++
		if s.nlIsEnd && r == '\n' {
			s.atEOF = true
		}
	} else if err == io.EOF {
		s.atEOF = true
	}
	return
}

func (s *ss) Width() (wid int, ok bool) {
	if s.maxWid == hugeWid {
		return 0, false
	}
	return s.maxWid, true
}

func (s *ss) getRune() rune {
	r, _, err := s.ReadRune()
	if err != nil {
		if err == io.EOF {
			return eof
		}
		s.error(err)
	}
	return r
}

func (s *ss) mustReadRune() rune {
	r := s.getRune()
	if r == eof {
		s.error(io.ErrUnexpectedEOF)
	}
	return r
}

func (s *ss) UnreadRune() error {
	s.rs.UnreadRune()
	s.atEOF = false
	s.count--
	return nil
}

func (s *ss) error(err error) { panic(scanError{err}) }

func (s *ss) errorString(err string) { panic(scanError{errors.New(err)}) }

func (s *ss) Token(skipSpace bool, f func(rune) bool) (tok []byte, err error) {
	defer func() {
		if e := recover(); e != nil {
			if se, ok := e.(scanError); ok {
				err = se.err
			} else {
				panic(e)
			}
		}
	}()
	if f == nil {
		f = notSpace
	}
	s.buf = s.buf[:0]
	tok = s.token(skipSpace, f)
	return
}

// isSpace is Unicode white space as Go's scanner defines it.
func isSpace(r rune) bool {
	switch {
	case r >= 0x09 && r <= 0x0d, r == ' ', r == 0x85, r == 0xa0, r == 0x1680, r >= 0x2000 && r <= 0x200a,
		r == 0x2028, r == 0x2029, r == 0x202f, r == 0x205f, r == 0x3000:
		return true
	}
	return false
}

func notSpace(r rune) bool { return !isSpace(r) }

func (s *ss) SkipSpace() {
	for {
		r := s.getRune()
		if r == eof {
			return
		}
		if r == '\r' && s.peek("\n") {
			continue
		}
		if r == '\n' {
			if s.nlIsSpace {
				continue
			}
			s.errorString("unexpected newline")
			return
		}
		if !isSpace(r) {
			s.UnreadRune()
			return
		}
	}
}

func (s *ss) token(skipSpace bool, f func(rune) bool) []byte {
	if skipSpace {
		s.SkipSpace()
	}
	for {
		r := s.getRune()
		if r == eof {
			break
		}
		if !f(r) {
			s.UnreadRune()
			break
		}
		s.buf = utf8.AppendRune(s.buf, r)
	}
	return s.buf
}

func indexRune(s string, r rune) int {
	for i, c := range s {
		if c == r {
			return i
		}
	}
	return -1
}

// consume reads the next rune and reports whether it is in ok, keeping it
// in the token buffer if accept (and unreading it otherwise).
func (s *ss) consume(ok string, accept bool) bool {
	r := s.getRune()
	if r == eof {
		return false
	}
	if indexRune(ok, r) >= 0 {
		if accept {
			s.buf = utf8.AppendRune(s.buf, r)
		}
		return true
	}
	if accept {
		s.UnreadRune()
	}
	return false
}

func (s *ss) peek(ok string) bool {
	r := s.getRune()
	if r != eof {
		s.UnreadRune()
	}
	return indexRune(ok, r) >= 0
}

func (s *ss) notEOF() {
	if r := s.getRune(); r == eof {
		panic(io.EOF)
	}
	s.UnreadRune()
}

func (s *ss) accept(ok string) bool { return s.consume(ok, true) }

func (s *ss) okVerb(verb rune, okVerbs, typ string) bool {
	for _, v := range okVerbs {
		if v == verb {
			return true
		}
	}
	s.errorString("bad verb '%" + string(verb) + "' for " + typ)
	return false
}

func (s *ss) scanBool(verb rune) bool {
	s.SkipSpace()
	s.notEOF()
	if !s.okVerb(verb, "tv", "boolean") {
		return false
	}
	switch s.getRune() {
	case '0':
		return false
	case '1':
		return true
	case 't', 'T':
		if s.accept("rR") && (!s.accept("uU") || !s.accept("eE")) {
			s.error(errors.New("syntax error scanning boolean"))
		}
		return true
	case 'f', 'F':
		if s.accept("aA") && (!s.accept("lL") || !s.accept("sS") || !s.accept("eE")) {
			s.error(errors.New("syntax error scanning boolean"))
		}
		return false
	}
	return false
}

const (
	binaryDigits      = "01"
	octalDigits       = "01234567"
	decimalDigits     = "0123456789"
	hexadecimalDigits = "0123456789aAbBcCdDeEfF"
	signChars         = "+-"
	floatVerbs        = "beEfFgGv"
)

func (s *ss) getBase(verb rune) (base int, digits string) {
	s.okVerb(verb, "bdoUxXv", "integer")
	switch verb {
	case 'b':
		return 2, binaryDigits
	case 'o':
		return 8, octalDigits
	case 'x', 'X', 'U':
		return 16, hexadecimalDigits
	}
	return 10, decimalDigits
}

func (s *ss) scanNumber(digits string, haveDigits bool) string {
	if !haveDigits {
		s.notEOF()
		if !s.accept(digits) {
			s.errorString("expected integer")
		}
	}
	for s.accept(digits) {
	}
	return string(s.buf)
}

func (s *ss) scanRune(bitSize int) int64 {
	s.notEOF()
	r := s.getRune()
	n := uint(bitSize)
	x := (int64(r) << (64 - n)) >> (64 - n)
	if x != int64(r) {
		s.errorString("overflow on character value " + string(r))
	}
	return int64(r)
}

// scanBasePrefix reads a 0b, 0o, 0x or 0 prefix for %v (base 0 parsing).
func (s *ss) scanBasePrefix() (base int, digits string, zeroFound bool) {
	if !s.peek("0") {
		return 0, decimalDigits + "_", false
	}
	s.accept("0")
	switch {
	case s.peek("bB"):
		s.consume("bB", true)
		return 0, binaryDigits + "_", true
	case s.peek("oO"):
		s.consume("oO", true)
		return 0, octalDigits + "_", true
	case s.peek("xX"):
		s.consume("xX", true)
		return 0, hexadecimalDigits + "_", true
	}
	return 0, octalDigits + "_", true
}

func (s *ss) scanInt(verb rune, bitSize int) int64 {
	if verb == 'c' {
		return s.scanRune(bitSize)
	}
	s.SkipSpace()
	s.notEOF()
	base, digits := s.getBase(verb)
	haveDigits := false
	if verb == 'U' {
		if !s.consume("U", false) || !s.consume("+", false) {
			s.errorString("bad unicode format ")
		}
	} else {
		s.accept(signChars)
		if verb == 'v' {
			base, digits, haveDigits = s.scanBasePrefix()
		}
	}
	tok := s.scanNumber(digits, haveDigits)
	i, err := strconv.ParseInt(tok, base, 64)
	if err != nil {
		s.error(err)
	}
	n := uint(bitSize)
	if x := (i << (64 - n)) >> (64 - n); x != i {
		s.errorString("integer overflow on token " + tok)
	}
	return i
}

func (s *ss) scanUint(verb rune, bitSize int) uint64 {
	if verb == 'c' {
		return uint64(s.scanRune(bitSize))
	}
	s.SkipSpace()
	s.notEOF()
	base, digits := s.getBase(verb)
	haveDigits := false
	if verb == 'U' {
		if !s.consume("U", false) || !s.consume("+", false) {
			s.errorString("bad unicode format ")
		}
	} else if verb == 'v' {
		base, digits, haveDigits = s.scanBasePrefix()
	}
	tok := s.scanNumber(digits, haveDigits)
	i, err := strconv.ParseUint(tok, base, 64)
	if err != nil {
		s.error(err)
	}
	n := uint(bitSize)
	if x := (i << (64 - n)) >> (64 - n); x != i {
		s.errorString("unsigned integer overflow on token " + tok)
	}
	return i
}

func (s *ss) floatToken() string {
	s.buf = s.buf[:0]
	if s.accept("nN") && s.accept("aA") && s.accept("nN") {
		return string(s.buf)
	}
	s.accept(signChars)
	if s.accept("iI") && s.accept("nN") && s.accept("fF") {
		return string(s.buf)
	}
	digits := decimalDigits + "_"
	exp := "eEpP"
	if s.accept("0") && s.accept("xX") {
		digits = hexadecimalDigits + "_"
		exp = "pP"
	}
	for s.accept(digits) {
	}
	if s.accept(".") {
		for s.accept(digits) {
		}
	}
	if s.accept(exp) {
		s.accept(signChars)
		for s.accept(decimalDigits + "_") {
		}
	}
	return string(s.buf)
}

func (s *ss) convertFloat(str string, n int) float64 {
	// A decimal mantissa with a binary exponent ("1.5p3") is accepted.
	if p := indexRune(str, 'p'); p >= 0 && indexRune(str, 'x') < 0 && indexRune(str, 'X') < 0 {
		f, err := strconv.ParseFloat(str[:p], n)
		if err != nil {
			if e, ok := err.(*strconv.NumError); ok {
				e.Num = str
			}
			s.error(err)
		}
		m, err := strconv.Atoi(str[p+1:])
		if err != nil {
			if e, ok := err.(*strconv.NumError); ok {
				e.Num = str
			}
			s.error(err)
		}
		return ldexp(f, m)
	}
	f, err := strconv.ParseFloat(str, n)
	if err != nil {
		s.error(err)
	}
	return f
}

func (s *ss) scanComplex(verb rune, n int) complex128 {
	if !s.okVerb(verb, floatVerbs, "complex") {
		return 0
	}
	s.SkipSpace()
	s.notEOF()
	complexError := errors.New("syntax error scanning complex number")
	parens := s.accept("(")
	sreal := s.floatToken()
	s.buf = s.buf[:0]
	if !s.accept("+-") {
		s.error(complexError)
	}
	imagSign := string(s.buf)
	simag := s.floatToken()
	if !s.accept("i") {
		s.error(complexError)
	}
	if parens && !s.accept(")") {
		s.error(complexError)
	}
	return complex(s.convertFloat(sreal, n/2), s.convertFloat(imagSign+simag, n/2))
}

func (s *ss) convertString(verb rune) string {
	if !s.okVerb(verb, "svqxX", "string") {
		return ""
	}
	s.SkipSpace()
	s.notEOF()
	switch verb {
	case 'q':
		return s.quotedString()
	case 'x', 'X':
		return s.hexString()
	}
	return string(s.token(true, notSpace))
}

func (s *ss) quotedString() string {
	s.notEOF()
	quote := s.getRune()
	switch quote {
	case '`':
		for {
			r := s.mustReadRune()
			if r == quote {
				break
			}
			s.buf = utf8.AppendRune(s.buf, r)
		}
		return string(s.buf)
	case '"':
		s.buf = append(s.buf, '"')
		for {
			r := s.mustReadRune()
			s.buf = utf8.AppendRune(s.buf, r)
			if r == '\\' {
				s.buf = utf8.AppendRune(s.buf, s.mustReadRune())
			} else if r == '"' {
				break
			}
		}
		result, err := strconv.Unquote(string(s.buf))
		if err != nil {
			s.error(err)
		}
		return result
	}
	s.errorString("expected quoted string")
	return ""
}

func hexDigit(d rune) (int, bool) {
	switch {
	case d >= '0' && d <= '9':
		return int(d - '0'), true
	case d >= 'a' && d <= 'f':
		return 10 + int(d-'a'), true
	case d >= 'A' && d <= 'F':
		return 10 + int(d-'A'), true
	}
	return -1, false
}

func (s *ss) hexString() string {
	s.notEOF()
	for {
		r1 := s.getRune()
		if r1 == eof {
			break
		}
		v1, ok := hexDigit(r1)
		if !ok {
			s.UnreadRune()
			break
		}
		v2, ok := hexDigit(s.mustReadRune())
		if !ok {
			s.errorString("illegal hex digit")
		}
		s.buf = append(s.buf, byte(v1<<4|v2))
	}
	if len(s.buf) == 0 {
		s.errorString("no hex data for %x string")
	}
	return string(s.buf)
}

func (s *ss) scanOne(verb rune, arg any) {
	s.buf = s.buf[:0]
	if v, ok := arg.(Scanner); ok {
		if err := v.Scan(s, verb); err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			s.error(err)
		}
		return
	}
	switch v := arg.(type) {
	case *bool:
		*v = s.scanBool(verb)
	case *complex64:
		*v = complex64(s.scanComplex(verb, 64))
	case *complex128:
		*v = s.scanComplex(verb, 128)
	case *int:
		*v = int(s.scanInt(verb, 64))
	case *int8:
		*v = int8(s.scanInt(verb, 8))
	case *int16:
		*v = int16(s.scanInt(verb, 16))
	case *int32:
		*v = int32(s.scanInt(verb, 32))
	case *int64:
		*v = s.scanInt(verb, 64)
	case *uint:
		*v = uint(s.scanUint(verb, 64))
	case *uint8:
		*v = uint8(s.scanUint(verb, 8))
	case *uint16:
		*v = uint16(s.scanUint(verb, 16))
	case *uint32:
		*v = uint32(s.scanUint(verb, 32))
	case *uint64:
		*v = s.scanUint(verb, 64)
	case *uintptr:
		*v = uintptr(s.scanUint(verb, 64))
	case *float32:
		if s.okVerb(verb, floatVerbs, "float32") {
			s.SkipSpace()
			s.notEOF()
			*v = float32(s.convertFloat(s.floatToken(), 32))
		}
	case *float64:
		if s.okVerb(verb, floatVerbs, "float64") {
			s.SkipSpace()
			s.notEOF()
			*v = s.convertFloat(s.floatToken(), 64)
		}
	case *string:
		*v = s.convertString(verb)
	case *[]byte:
		*v = []byte(s.convertString(verb))
	default:
		s.scanNamed(verb, arg)
	}
}

// scanKind reports the kind of *arg when arg points to a value of a named
// type whose underlying type is basic or a byte slice ("int8", "string",
// "[]byte", ...), and "" otherwise. scanSet stores v, a value of the
// predeclared type of that kind, into *arg. Together they stand in for
// reflect in Go's scanner.
func scanKind(arg any) string
func scanSet(arg, v any)

// scanNamed scans into a pointer to a named basic type, as Go's scanner
// does through reflect.
func (s *ss) scanNamed(verb rune, arg any) {
	switch scanKind(arg) {
	case "bool":
		scanSet(arg, s.scanBool(verb))
	case "int":
		scanSet(arg, int(s.scanInt(verb, 64)))
	case "int8":
		scanSet(arg, int8(s.scanInt(verb, 8)))
	case "int16":
		scanSet(arg, int16(s.scanInt(verb, 16)))
	case "int32":
		scanSet(arg, int32(s.scanInt(verb, 32)))
	case "int64":
		scanSet(arg, s.scanInt(verb, 64))
	case "uint":
		scanSet(arg, uint(s.scanUint(verb, 64)))
	case "uint8":
		scanSet(arg, uint8(s.scanUint(verb, 8)))
	case "uint16":
		scanSet(arg, uint16(s.scanUint(verb, 16)))
	case "uint32":
		scanSet(arg, uint32(s.scanUint(verb, 32)))
	case "uint64":
		scanSet(arg, s.scanUint(verb, 64))
	case "uintptr":
		scanSet(arg, uintptr(s.scanUint(verb, 64)))
	case "float32":
		if s.okVerb(verb, floatVerbs, "float32") {
			s.SkipSpace()
			s.notEOF()
			scanSet(arg, float32(s.convertFloat(s.floatToken(), 32)))
		}
	case "float64":
		if s.okVerb(verb, floatVerbs, "float64") {
			s.SkipSpace()
			s.notEOF()
			scanSet(arg, s.convertFloat(s.floatToken(), 64))
		}
	case "complex64":
		scanSet(arg, complex64(s.scanComplex(verb, 64)))
	case "complex128":
		scanSet(arg, s.scanComplex(verb, 128))
	case "string":
		scanSet(arg, s.convertString(verb))
	case "[]byte":
		scanSet(arg, []byte(s.convertString(verb)))
	default:
		s.errorString("can't scan type: " + Sprintf("%T", arg))
	}
}

// errorHandler turns the scanner's panics into the returned error.
func errorHandler(errp *error) {
	if e := recover(); e != nil {
		if se, ok := e.(scanError); ok {
			*errp = se.err
		} else if eofErr, ok := e.(error); ok && eofErr == io.EOF {
			*errp = eofErr
		} else {
			panic(e)
		}
	}
}

func (s *ss) doScan(a []any) (numProcessed int, err error) {
	defer errorHandler(&err)
	for _, arg := range a {
		s.scanOne('v', arg)
		numProcessed++
	}
	if s.nlIsEnd {
		for {
			r := s.getRune()
			if r == '\n' || r == eof {
				break
			}
			if !isSpace(r) {
				s.errorString("expected newline")
				break
			}
		}
	}
	return
}

// advance matches the literal text of the format at its start against the
// input: runs of spaces and newlines as Go documents, other runes exactly.
// It returns the bytes of format consumed, or -1 if a rune did not match.
func (s *ss) advance(format string) (i int) {
	for i < len(format) {
		fmtc, w := utf8.DecodeRuneInString(format[i:])
		if isSpace(fmtc) {
			newlines := 0
			trailingSpace := false
			for isSpace(fmtc) && i < len(format) {
				if fmtc == '\n' {
					newlines++
					trailingSpace = false
				} else {
					trailingSpace = true
				}
				i += w
				fmtc, w = utf8.DecodeRuneInString(format[i:])
			}
			for j := 0; j < newlines; j++ {
				inputc := s.getRune()
				for isSpace(inputc) && inputc != '\n' {
					inputc = s.getRune()
				}
				if inputc != '\n' && inputc != eof {
					s.errorString("newline in format does not match input")
				}
			}
			if trailingSpace {
				inputc := s.getRune()
				if newlines == 0 {
					if !isSpace(inputc) && inputc != eof {
						s.errorString("expected space in input to match format")
					}
					if inputc == '\n' {
						s.errorString("newline in input does not match format")
					}
				}
				for isSpace(inputc) && inputc != '\n' {
					inputc = s.getRune()
				}
				if inputc != eof {
					s.UnreadRune()
				}
			}
			continue
		}
		if fmtc == '%' {
			if i+w == len(format) {
				s.errorString("missing verb: % at end of format string")
			}
			nextc, _ := utf8.DecodeRuneInString(format[i+w:])
			if nextc != '%' {
				return
			}
			i += w // "%%" matches a literal %
		}
		inputc := s.mustReadRune()
		if fmtc != inputc {
			s.UnreadRune()
			return -1
		}
		i += w
	}
	return
}

// scanWidth parses a decimal width at format[i:end]; wid is 0 if absent.
func scanWidth(format string, i, end int) (wid int, present bool, newi int) {
	for newi = i; newi < end && format[newi] >= '0' && format[newi] <= '9'; newi++ {
		if wid > 1e6 {
			return 0, false, end
		}
		wid = wid*10 + int(format[newi]-'0')
		present = true
	}
	return
}

func (s *ss) doScanf(format string, a []any) (numProcessed int, err error) {
	defer errorHandler(&err)
	end := len(format) - 1
	for i := 0; i <= end; {
		w := s.advance(format[i:])
		if w > 0 {
			i += w
			continue
		}
		if format[i] != '%' {
			if w < 0 {
				s.errorString("input does not match format")
			}
			break
		}
		i++ // skip %
		var widPresent bool
		s.maxWid, widPresent, i = scanWidth(format, i, end)
		if !widPresent {
			s.maxWid = hugeWid
		}
		c, w := utf8.DecodeRuneInString(format[i:])
		i += w
		if c != 'c' {
			s.SkipSpace()
		}
		if c == '%' {
			s.SkipSpace()
			s.notEOF()
			if !s.accept("%") {
				s.errorString("missing literal %")
			}
			continue
		}
		s.argLimit = s.limit
		if f := s.count + s.maxWid; f < s.argLimit {
			s.argLimit = f
		}
		if numProcessed >= len(a) {
			s.errorString("too few operands for format '%" + format[i-w:] + "'")
			break
		}
		s.scanOne(c, a[numProcessed])
		numProcessed++
		s.argLimit = s.limit
	}
	if numProcessed < len(a) {
		s.errorString("too many operands")
	}
	return
}
