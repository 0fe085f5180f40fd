// bufio_scanner: bufio.Scanner with the four split functions, custom split
// functions (ErrFinalToken, errors, empty tokens), Buffer and ErrTooLong,
// long lines, readers that return little data per call, and misuse panics.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// oneByteReader returns one byte per Read.
type oneByteReader struct{ s string }

func (r *oneByteReader) Read(p []byte) (int, error) {
	if len(r.s) == 0 {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	p[0] = r.s[0]
	r.s = r.s[1:]
	return 1, nil
}

// errReader returns its data, then an error.
type errReader struct {
	s   string
	err error
}

func (r *errReader) Read(p []byte) (int, error) {
	if len(r.s) == 0 {
		return 0, r.err
	}
	n := copy(p, r.s)
	r.s = r.s[n:]
	return n, nil
}

// emptyReader never returns data or an error.
type emptyReader struct{}

func (emptyReader) Read(p []byte) (int, error) { return 0, nil }

func scanAll(name string, r io.Reader, split bufio.SplitFunc) {
	sc := bufio.NewScanner(r)
	if split != nil {
		sc.Split(split)
	}
	var toks []string
	for sc.Scan() {
		toks = append(toks, fmt.Sprintf("%q", sc.Text()))
	}
	fmt.Printf("%s: %d %v err=%v\n", name, len(toks), toks, sc.Err())
}

func main() {
	scanAll("lines", strings.NewReader("a\nb\r\nc\n\nd"), nil)
	scanAll("lines trailing newline", strings.NewReader("a\nb\n"), nil)
	scanAll("lines only newlines", strings.NewReader("\n\n\n"), nil)
	scanAll("lines empty", strings.NewReader(""), nil)
	scanAll("lines CR only", strings.NewReader("x\r"), nil)
	scanAll("lines one byte reads", &oneByteReader{"one\ntwo\r\nthree"}, nil)
	scanAll("words", strings.NewReader("  the quick\tbrown\n\n fox\u00a0jumps\u2003over\u3000 "), bufio.ScanWords)
	scanAll("words one byte reads", &oneByteReader{"héllo wörld \u2028 end"}, bufio.ScanWords)
	scanAll("words empty", strings.NewReader("   \n\t "), bufio.ScanWords)
	scanAll("runes", strings.NewReader("añ€😀\xffz\xe2\x82"), bufio.ScanRunes)
	scanAll("runes one byte reads", &oneByteReader{"é€x"}, bufio.ScanRunes)
	scanAll("bytes", strings.NewReader("hé"), bufio.ScanBytes)

	// Bytes shares the buffer; Text copies.
	sc := bufio.NewScanner(strings.NewReader("first\nsecond\n"))
	sc.Scan()
	b := sc.Bytes()
	t := sc.Text()
	fmt.Println(string(b), t, len(b), cap(b) >= len(b))

	// Errors from the reader stop the scan after the data before them.
	sc = bufio.NewScanner(&errReader{"x\ny\npartial", errors.New("read failed")})
	for sc.Scan() {
		fmt.Printf("tok %q\n", sc.Text())
	}
	fmt.Println("err:", sc.Err())

	// A long line grows the buffer (start 4096, doubling).
	long := strings.Repeat("0123456789", 2000)
	sc = bufio.NewScanner(strings.NewReader(long + "\nshort\n"))
	for sc.Scan() {
		fmt.Println("len", len(sc.Text()))
	}
	fmt.Println("err:", sc.Err())

	// A token longer than MaxScanTokenSize: ErrTooLong.
	fmt.Println("MaxScanTokenSize:", bufio.MaxScanTokenSize)
	sc = bufio.NewScanner(strings.NewReader("ok\n" + strings.Repeat("x", bufio.MaxScanTokenSize+10) + "\nafter\n"))
	for sc.Scan() {
		fmt.Println("tok len", len(sc.Text()))
	}
	fmt.Println("err:", sc.Err(), sc.Err() == bufio.ErrTooLong)

	// Buffer sets the initial buffer and the maximum token size.
	sc = bufio.NewScanner(strings.NewReader("1234567890\n12345\n"))
	sc.Buffer(make([]byte, 4), 8)
	for sc.Scan() {
		fmt.Println("tok", sc.Text())
	}
	fmt.Println("err:", sc.Err())
	sc = bufio.NewScanner(strings.NewReader(strings.Repeat("y", 200000) + "\n"))
	sc.Buffer(make([]byte, 0, 100), 1<<20)
	for sc.Scan() {
		fmt.Println("big tok", len(sc.Text()))
	}
	fmt.Println("err:", sc.Err())

	// Custom split: comma-separated values, the last one final.
	onComma := func(data []byte, atEOF bool) (int, []byte, error) {
		for i := 0; i < len(data); i++ {
			if data[i] == ',' {
				return i + 1, data[:i], nil
			}
		}
		if !atEOF {
			return 0, nil, nil
		}
		return 0, data, bufio.ErrFinalToken
	}
	scanAll("comma final", strings.NewReader("1,22,,333,4444"), onComma)
	scanAll("comma final empty", strings.NewReader(""), onComma)

	// A split function that stops with an error.
	stopAtX := func(data []byte, atEOF bool) (int, []byte, error) {
		adv, tok, err := bufio.ScanWords(data, atEOF)
		if err == nil && tok != nil && string(tok) == "X" {
			return 0, nil, errors.New("found X")
		}
		return adv, tok, err
	}
	scanAll("stop at X", strings.NewReader("a b X c"), stopAtX)

	// Bad advance counts.
	neg := func(data []byte, atEOF bool) (int, []byte, error) { return -1, nil, nil }
	scanAll("negative advance", strings.NewReader("abc"), neg)
	far := func(data []byte, atEOF bool) (int, []byte, error) { return len(data) + 1, nil, nil }
	scanAll("advance too far", strings.NewReader("abc"), far)

	// Empty tokens at EOF are delivered (up to a limit, then panic).
	count := 0
	emptyAtEOF := func(data []byte, atEOF bool) (int, []byte, error) {
		if atEOF {
			count++
			if count > 3 {
				return 0, nil, bufio.ErrFinalToken
			}
			return 0, []byte{}, nil
		}
		return len(data), nil, nil
	}
	scanAll("empty tokens", strings.NewReader("zz"), emptyAtEOF)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		forever := func(data []byte, atEOF bool) (int, []byte, error) { return 0, []byte{}, nil }
		scanAll("forever", strings.NewReader(""), forever)
	}()

	// A reader that makes no progress.
	scanAll("no progress", emptyReader{}, nil)

	// Split or Buffer after Scan panics.
	sc = bufio.NewScanner(strings.NewReader("a\nb\n"))
	sc.Scan()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		sc.Split(bufio.ScanWords)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		sc.Buffer(nil, 10)
	}()
	// Scanning after the end keeps returning false.
	for sc.Scan() {
	}
	fmt.Println(sc.Scan(), sc.Scan(), sc.Err())

	// The split functions called directly.
	adv, tok, err := bufio.ScanLines([]byte("abc"), false)
	fmt.Println(adv, tok == nil, err)
	adv, tok, err = bufio.ScanLines([]byte("ab\r\ncd"), false)
	fmt.Printf("%d %q %v\n", adv, tok, err)
	adv, tok, err = bufio.ScanWords([]byte("  ab"), false)
	fmt.Println(adv, tok == nil, err)
	adv, tok, err = bufio.ScanRunes([]byte("\xe2\x82"), false)
	fmt.Println(adv, tok == nil, err)
	adv, tok, err = bufio.ScanRunes([]byte("\xe2\x82"), true)
	fmt.Printf("%d %q %v\n", adv, tok, err)
	fmt.Println(bufio.ErrTooLong, "|", bufio.ErrNegativeAdvance, "|", bufio.ErrAdvanceTooFar, "|", bufio.ErrFinalToken)
}
