// bufio_writer: bufio.Writer buffering to os.Stdout interleaved with fmt
// (nothing appears before Flush), WriteString/WriteByte/WriteRune, large
// writes that bypass the buffer, sticky errors, ReadFrom, Available,
// Buffered, Size and Reset.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// recorder logs each Write call it receives.
type recorder struct {
	calls []int
	sb    strings.Builder
}

func (r *recorder) Write(p []byte) (int, error) {
	r.calls = append(r.calls, len(p))
	r.sb.Write(p)
	return len(p), nil
}

type strRecorder struct {
	recorder
	strCalls []int
}

func (r *strRecorder) WriteString(s string) (int, error) {
	r.strCalls = append(r.strCalls, len(s))
	r.sb.WriteString(s)
	return len(s), nil
}

// failing accepts n bytes, then fails.
type failing struct{ left int }

func (f *failing) Write(p []byte) (int, error) {
	if len(p) <= f.left {
		f.left -= len(p)
		return len(p), nil
	}
	n := f.left
	f.left = 0
	return n, errors.New("device full")
}

// shortW accepts half of each write without an error.
type shortW struct{}

func (shortW) Write(p []byte) (int, error) { return len(p) / 2, nil }

func main() {
	// Buffered output to stdout appears only at Flush, after the
	// unbuffered fmt.Println that came later.
	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(w, "1: buffered, flushed third")
	fmt.Println("2: direct, printed first")
	os.Stdout.WriteString("3: os.Stdout direct, printed second\n")
	fmt.Println("buffered bytes:", w.Buffered(), "available:", w.Available(), "size:", w.Size())
	w.Flush()
	fmt.Println("after flush:", w.Buffered(), w.Available())

	// WriteByte, WriteRune, WriteString.
	w.WriteByte('[')
	n, _ := w.WriteRune('é')
	n2, _ := w.WriteRune('x')
	n3, _ := w.WriteRune('😀')
	w.WriteString("]\n")
	w.Flush()
	fmt.Println("rune sizes:", n, n2, n3)

	// Sizes and the buffer boundary.
	rec := &recorder{}
	bw := bufio.NewWriterSize(rec, 16)
	bw.WriteString("0123456789")
	bw.WriteString("abcdefghij") // fills 16, flushes, keeps 4
	bw.Write([]byte(strings.Repeat("Z", 40)))
	bw.Flush()
	fmt.Println("calls:", rec.calls, len(rec.sb.String()))
	rec2 := &recorder{}
	bw = bufio.NewWriterSize(rec2, 8)
	bw.Write([]byte(strings.Repeat("B", 20))) // empty buffer: written directly
	bw.WriteString("small")
	bw.Flush()
	fmt.Println("calls:", rec2.calls)
	srec := &strRecorder{}
	bw = bufio.NewWriterSize(srec, 8)
	bw.WriteString(strings.Repeat("S", 20)) // forwarded to WriteString
	bw.WriteString("ab")
	bw.WriteString(strings.Repeat("T", 20))
	bw.Flush()
	fmt.Println("calls:", srec.calls, "string calls:", srec.strCalls)
	fmt.Println("size default:", bufio.NewWriterSize(rec, 0).Size(), bufio.NewWriterSize(rec, -3).Size())
	same := bufio.NewWriterSize(bw, 4)
	fmt.Println("same writer:", same == bw)

	// Small buffer: WriteRune falls back to WriteString.
	rec3 := &recorder{}
	tiny := bufio.NewWriterSize(rec3, 2)
	tiny.WriteRune('€')
	tiny.Flush()
	fmt.Printf("tiny: %q %v\n", rec3.sb.String(), rec3.calls)

	// Errors are sticky.
	f := &failing{left: 10}
	bw = bufio.NewWriterSize(f, 8)
	n, err := bw.WriteString("0123456789ABCDEF")
	fmt.Println("write:", n, err)
	err = bw.Flush()
	fmt.Println("flush:", err, "buffered:", bw.Buffered())
	fmt.Println("WriteByte:", bw.WriteByte('x'))
	_, err = bw.WriteRune('y')
	fmt.Println("WriteRune:", err)
	bw.Reset(io.Discard)
	fmt.Println("after Reset:", bw.WriteByte('x'), bw.Flush())
	bw = bufio.NewWriter(shortW{})
	bw.WriteString("abcd")
	fmt.Println("short write:", bw.Flush(), bw.Buffered())

	// ReadFrom.
	rec4 := &recorder{}
	bw = bufio.NewWriterSize(rec4, 16)
	bw.WriteString("head:")
	nr, err := bw.ReadFrom(strings.NewReader(strings.Repeat("r", 30)))
	bw.Flush()
	fmt.Println("ReadFrom:", nr, err, rec4.calls)
	nr, err = io.Copy(bufio.NewWriter(io.Discard), strings.NewReader("via copy"))
	fmt.Println("Copy:", nr, err)

	// AvailableBuffer.
	bw = bufio.NewWriterSize(rec, 32)
	bw.WriteString("12345")
	ab := bw.AvailableBuffer()
	fmt.Println("AvailableBuffer:", len(ab), cap(ab))

	// A bufio.Writer on os.Stdout left unflushed at the end loses its data,
	// as in Go.
	lost := bufio.NewWriter(os.Stdout)
	lost.WriteString("this line is never flushed\n")
	fmt.Println("done")
}
