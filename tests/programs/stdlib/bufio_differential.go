// bufio_differential: pseudo-random sequences of bufio.Reader operations,
// Scanner splits and Writer writes over random text (UTF-8, invalid bytes,
// CRLF) read in random chunk sizes; each iteration prints a hash of
// everything the operations returned (the expected hashes come from Go).
package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

var seed uint64 = 12345

func rnd(n int) int {
	seed = seed*6364136223846793005 + 1442695040888963407
	return int((seed >> 33) % uint64(n))
}

type chunkReader struct {
	s string
	n int
}

func (r *chunkReader) Read(p []byte) (int, error) {
	if len(r.s) == 0 {
		return 0, io.EOF
	}
	k := 1 + rnd(r.n)
	if rnd(7) == 0 {
		k = 0
	}
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

func genText() string {
	alphabet := []string{"a", "b", " ", "\n", "\r\n", "é", "€", "😀", "\xff", "\t", "xyz", "\u2003"}
	var sb strings.Builder
	n := rnd(300)
	for i := 0; i < n; i++ {
		sb.WriteString(alphabet[rnd(len(alphabet))])
	}
	return sb.String()
}

// fnv hashes a string (FNV-1a, 64 bits).
func fnv(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

func main() {
	for iter := 0; iter < 200; iter++ {
		text := genText()
		r := bufio.NewReaderSize(&chunkReader{text, 1 + rnd(20)}, 16+rnd(20))
		var out strings.Builder
		for step := 0; step < 60; step++ {
			switch rnd(10) {
			case 0:
				b, err := r.ReadByte()
				fmt.Fprintf(&out, "RB %d %v;", b, err)
			case 1:
				fmt.Fprintf(&out, "UB %v;", r.UnreadByte())
			case 2:
				c, s, err := r.ReadRune()
				fmt.Fprintf(&out, "RR %q %d %v;", c, s, err)
			case 3:
				fmt.Fprintf(&out, "UR %v;", r.UnreadRune())
			case 4:
				s, err := r.ReadString('\n')
				fmt.Fprintf(&out, "RS %q %v;", s, err)
			case 5:
				l, p, err := r.ReadLine()
				fmt.Fprintf(&out, "RL %q %v %v;", l, p, err)
			case 6:
				p, err := r.Peek(rnd(40))
				fmt.Fprintf(&out, "PK %q %v;", p, err)
			case 7:
				n, err := r.Discard(rnd(10))
				fmt.Fprintf(&out, "DC %d %v;", n, err)
			case 8:
				buf := make([]byte, rnd(50))
				n, err := r.Read(buf)
				fmt.Fprintf(&out, "RD %q %v;", buf[:n], err)
			case 9:
				fmt.Fprintf(&out, "BF %d;", r.Buffered())
			}
		}
		fmt.Printf("%d reader %x\n", iter, fnv(out.String()))
		// scanner
		sc := bufio.NewScanner(&chunkReader{text, 1 + rnd(30)})
		splits := []bufio.SplitFunc{bufio.ScanLines, bufio.ScanWords, bufio.ScanRunes, bufio.ScanBytes}
		k := rnd(4)
		sc.Split(splits[k])
		if rnd(3) == 0 {
			sc.Buffer(make([]byte, rnd(10)), 8+rnd(40))
		}
		var toks []string
		for sc.Scan() {
			toks = append(toks, sc.Text())
		}
		fmt.Printf("%d scan%d %d %x %v\n", iter, k, len(toks), fnv(fmt.Sprintf("%q", toks)), sc.Err())
		// writer
		var sb strings.Builder
		w := bufio.NewWriterSize(&sb, 1+rnd(20))
		for step := 0; step < 20; step++ {
			switch rnd(4) {
			case 0:
				w.WriteString(text[:rnd(len(text)+1)])
			case 1:
				w.WriteRune(rune(rnd(0x20000)))
			case 2:
				w.WriteByte(byte(rnd(256)))
			case 3:
				w.Write([]byte(text[:rnd(len(text)+1)]))
			}
		}
		w.Flush()
		fmt.Printf("%d writer %d %x\n", iter, len(sb.String()), fnv(sb.String()))
	}
}
