// bufio_reader: bufio.Reader's methods over readers that return little data
// per call: Read, ReadByte/UnreadByte, ReadRune/UnreadRune, ReadString,
// ReadBytes, ReadSlice, ReadLine (with isPrefix), Peek, Buffered, Discard,
// Reset, WriteTo, Size, and their error values.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

type chunkReader struct {
	s string
	n int
}

func (r *chunkReader) Read(p []byte) (int, error) {
	if len(r.s) == 0 {
		return 0, io.EOF
	}
	k := r.n
	if k > len(p) {
		k = len(p)
	}
	if k > len(r.s) {
		k = len(r.s)
	}
	copy(p, r.s[:k])
	r.s = r.s[k:]
	return k, nil
}

type errAfter struct {
	s   string
	err error
}

func (r *errAfter) Read(p []byte) (int, error) {
	if len(r.s) == 0 {
		return 0, r.err
	}
	n := copy(p, r.s)
	r.s = r.s[n:]
	return n, nil
}

type emptyReader struct{}

func (emptyReader) Read(p []byte) (int, error) { return 0, nil }

func main() {
	// Sizes.
	fmt.Println(bufio.NewReader(strings.NewReader("")).Size(), bufio.NewReaderSize(strings.NewReader(""), 5).Size(),
		bufio.NewReaderSize(strings.NewReader(""), 100).Size())
	br := bufio.NewReaderSize(strings.NewReader("x"), 32)
	fmt.Println("same reader:", bufio.NewReaderSize(br, 16) == br, bufio.NewReaderSize(br, 64) == br)

	// ReadString over small chunks, last piece without delimiter.
	r := bufio.NewReader(&chunkReader{"alpha,beta,,gamma", 3})
	for {
		s, err := r.ReadString(',')
		fmt.Printf("ReadString %q %v\n", s, err)
		if err != nil {
			break
		}
	}
	// ReadString across several full buffers.
	r = bufio.NewReaderSize(&chunkReader{strings.Repeat("abc", 20) + "\nrest", 5}, 16)
	s, err := r.ReadString('\n')
	fmt.Println("long ReadString:", len(s), err)
	b, err := r.ReadBytes('\n')
	fmt.Printf("ReadBytes: %q %v\n", b, err)
	b, err = r.ReadBytes('\n')
	fmt.Printf("ReadBytes at EOF: %q %v %v\n", b, err, b == nil)

	// ReadSlice and ErrBufferFull.
	r = bufio.NewReaderSize(strings.NewReader(strings.Repeat("z", 20)+"|tail"), 16)
	sl, err := r.ReadSlice('|')
	fmt.Printf("ReadSlice: %q %v\n", sl, err)
	sl, err = r.ReadSlice('|')
	fmt.Printf("ReadSlice: %q %v\n", sl, err)
	sl, err = r.ReadSlice('|')
	fmt.Printf("ReadSlice: %q %v\n", sl, err)

	// ReadLine: CRLF handling, isPrefix for long lines, last line.
	r = bufio.NewReaderSize(&chunkReader{"short\r\n" + strings.Repeat("L", 40) + "\nmid\r\r\nend", 7}, 16)
	for {
		line, isPrefix, err := r.ReadLine()
		fmt.Printf("ReadLine %q %v %v\n", line, isPrefix, err)
		if err != nil {
			break
		}
	}
	// "\r\n" straddling the buffer boundary.
	r = bufio.NewReaderSize(strings.NewReader(strings.Repeat("a", 15)+"\r\nb"), 16)
	for {
		line, isPrefix, err := r.ReadLine()
		fmt.Printf("ReadLine %q %v %v\n", line, isPrefix, err)
		if err != nil {
			break
		}
	}

	// ReadByte / UnreadByte.
	r = bufio.NewReader(strings.NewReader("xy"))
	fmt.Println("UnreadByte first:", r.UnreadByte())
	c, err := r.ReadByte()
	fmt.Println(string(c), err, r.UnreadByte(), r.UnreadByte())
	c, _ = r.ReadByte()
	c2, _ := r.ReadByte()
	_, err = r.ReadByte()
	fmt.Println(string(c), string(c2), err)
	fmt.Println("UnreadByte at EOF:", r.UnreadByte())
	c, err = r.ReadByte()
	fmt.Println(string(c), err)

	// ReadRune / UnreadRune, invalid UTF-8, runes split across reads.
	r = bufio.NewReader(&chunkReader{"aé€😀\xff!", 1})
	for {
		ch, size, err := r.ReadRune()
		if err != nil {
			fmt.Println("ReadRune end:", err)
			break
		}
		fmt.Printf("%q %d ", ch, size)
	}
	fmt.Println()
	r = bufio.NewReader(strings.NewReader("€x"))
	ch, size, _ := r.ReadRune()
	fmt.Println(string(ch), size, r.UnreadRune(), r.UnreadRune())
	ch, _, _ = r.ReadRune()
	r.ReadByte()
	fmt.Println(string(ch), "UnreadRune after ReadByte:", r.UnreadRune())
	fmt.Println(bufio.ErrInvalidUnreadByte, "|", bufio.ErrInvalidUnreadRune, "|", bufio.ErrBufferFull, "|", bufio.ErrNegativeCount)

	// Peek, Buffered, Discard.
	r = bufio.NewReaderSize(&chunkReader{"0123456789abcdefghijklmnop", 4}, 16)
	p, err := r.Peek(6)
	fmt.Printf("Peek %q %v buffered=%d\n", p, err, r.Buffered())
	p, err = r.Peek(20)
	fmt.Printf("Peek too big %q %v\n", p, err)
	p, err = r.Peek(-1)
	fmt.Println("Peek negative:", p, err)
	n, err := r.Discard(10)
	fmt.Println("Discard:", n, err, r.Buffered())
	n, err = r.Discard(-1)
	fmt.Println("Discard negative:", n, err)
	rest, _ := io.ReadAll(r)
	fmt.Printf("rest %q\n", rest)
	n, err = r.Discard(3)
	fmt.Println("Discard at EOF:", n, err)
	r = bufio.NewReader(strings.NewReader("abc"))
	p, err = r.Peek(5)
	fmt.Printf("Peek past EOF %q %v\n", p, err)
	n, err = r.Discard(5)
	fmt.Println("Discard past EOF:", n, err)

	// Read: small reads come from the buffer, large ones bypass it.
	r = bufio.NewReaderSize(&chunkReader{strings.Repeat("r", 100), 30}, 16)
	buf := make([]byte, 10)
	n, err = r.Read(buf)
	fmt.Println("Read:", n, err, r.Buffered())
	big := make([]byte, 50)
	n, err = r.Read(big)
	fmt.Println("Read rest of buffer:", n, err)
	n, err = r.Read(big)
	fmt.Println("Read direct:", n, err, r.Buffered())
	n, err = r.Read(nil)
	fmt.Println("Read empty:", n, err)
	r = bufio.NewReader(&errAfter{"ab", errors.New("boom")})
	n, err = r.Read(buf)
	fmt.Println(n, err)
	n, err = r.Read(buf)
	fmt.Println(n, err)
	n, err = r.Read(buf)
	fmt.Println(n, err)

	// A reader that never makes progress.
	r = bufio.NewReader(emptyReader{})
	_, err = r.ReadByte()
	fmt.Println("no progress:", err)

	// WriteTo, and Reset.
	r = bufio.NewReader(&chunkReader{"write me out", 5})
	r.ReadByte()
	var sb strings.Builder
	w, err := r.WriteTo(&sb)
	fmt.Printf("WriteTo %d %q %v\n", w, sb.String(), err)
	r.Reset(strings.NewReader("second source"))
	s, err = r.ReadString(' ')
	fmt.Printf("after Reset %q %v\n", s, err)
	var zero bufio.Reader
	zero.Reset(strings.NewReader("zero value"))
	s, _ = zero.ReadString('\n')
	fmt.Printf("zero Reader %q size=%d\n", s, zero.Size())

	// io.Copy uses WriteTo; ReadWriter combines both halves.
	sb.Reset()
	io.Copy(&sb, bufio.NewReader(strings.NewReader("copied")))
	fmt.Println(sb.String())
	var out strings.Builder
	rw := bufio.NewReadWriter(bufio.NewReader(strings.NewReader("in\n")), bufio.NewWriter(&out))
	line, _ := rw.ReadString('\n')
	rw.WriteString("echo: " + line)
	rw.Flush()
	fmt.Printf("%q\n", out.String())
}
