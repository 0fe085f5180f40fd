package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"sort"
	"strings"
)

func main() {
	sc := bufio.NewScanner(os.Stdin)
	counts := map[string]int{}
	lines := 0
	var longest string
	for sc.Scan() {
		line := sc.Text()
		lines++
		if len(line) > len(longest) {
			longest = line
		}
		ws := bufio.NewScanner(strings.NewReader(line))
		ws.Split(bufio.ScanWords)
		for ws.Scan() {
			counts[strings.ToLower(strings.Trim(ws.Text(), ".,;!?"))]++
		}
	}
	type kv struct {
		k string
		v int
	}
	var kvs []kv
	for k, v := range counts {
		kvs = append(kvs, kv{k, v})
	}
	sort.Slice(kvs, func(i, j int) bool {
		if kvs[i].v != kvs[j].v {
			return kvs[i].v > kvs[j].v
		}
		return kvs[i].k < kvs[j].k
	})
	fmt.Printf("%d lines, %d distinct words, longest %q\n", lines, len(kvs), longest)
	for _, e := range kvs[:5] {
		fmt.Printf("%-8s %3d %s\n", e.k, e.v, strings.Repeat("*", e.v))
	}
	// runes and bytes splitters
	rs := bufio.NewScanner(strings.NewReader("héllo"))
	rs.Split(bufio.ScanRunes)
	for rs.Scan() {
		fmt.Print(rs.Text(), "|")
	}
	fmt.Println()
	// token too long
	ls := bufio.NewScanner(strings.NewReader(strings.Repeat("x", 100) + "\nshort\n"))
	ls.Buffer(make([]byte, 10), 50)
	for ls.Scan() {
		fmt.Println(ls.Text())
	}
	fmt.Println(ls.Err())
	// custom split: comma separated
	cs := bufio.NewScanner(strings.NewReader("a,b,,c"))
	cs.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		if i := bytes.IndexByte(data, ','); i >= 0 {
			return i + 1, data[:i], nil
		}
		if atEOF && len(data) > 0 {
			return len(data), data, nil
		}
		return 0, nil, nil
	})
	for cs.Scan() {
		fmt.Printf("%q ", cs.Text())
	}
	fmt.Println()
	// bytes.Buffer growth
	var b bytes.Buffer
	caps := []int{}
	for i := 0; i < 40; i++ {
		b.WriteString("abcdefghij")
		b.WriteByte('!')
		b.WriteRune('é')
		if len(caps) == 0 || caps[len(caps)-1] != b.Cap() {
			caps = append(caps, b.Cap())
		}
	}
	fmt.Println(b.Len(), caps)
	b.Grow(1000)
	fmt.Println(b.Len(), b.Cap())
	b2 := bytes.NewBufferString("x")
	fmt.Println(b2.Len(), b2.Cap())
	b2.ReadFrom(strings.NewReader(strings.Repeat("y", 1000)))
	fmt.Println(b2.Len(), b2.Cap())
	w := bufio.NewWriterSize(os.Stdout, 16)
	fmt.Println(w.Size(), w.Available())
	fmt.Fprintf(w, "%s\n", "this is longer than sixteen bytes")
	fmt.Println(w.Buffered())
	w.Flush()
	r := bufio.NewReader(strings.NewReader("k1=v1\nk2=v2\nrest"))
	for {
		line, err := r.ReadString('\n')
		k, v, _ := strings.Cut(strings.TrimSpace(line), "=")
		fmt.Printf("[%s][%s] %v\n", k, v, err)
		if err != nil {
			break
		}
	}
	r2 := bufio.NewReader(strings.NewReader("ab\ncd"))
	l, p, err := r2.ReadLine()
	fmt.Println(string(l), p, err)
	by, _ := r2.Peek(2)
	fmt.Println(string(by))
	rn, sz, _ := r2.ReadRune()
	fmt.Println(rn, sz, r2.Buffered())
}
