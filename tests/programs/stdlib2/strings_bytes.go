package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode"
)

func main() {
	s := "Hello, World! Hello, Go!"
	fmt.Println(strings.Contains(s, "World"), strings.ContainsAny(s, "xyz!"), strings.ContainsRune(s, 'G'))
	fmt.Println(strings.Count(s, "Hello"), strings.Count("five", ""), strings.Index(s, "Go"), strings.LastIndex(s, "Hello"))
	fmt.Println(strings.IndexByte(s, 'W'), strings.IndexRune("chicken", 'k'), strings.IndexAny("golang", "ny"), strings.LastIndexAny("golang", "go"))
	fmt.Println(strings.IndexFunc("Hello, 世界", unicode.IsUpper), strings.LastIndexFunc("go123", unicode.IsLetter), strings.LastIndexByte("abca", 'a'))
	fmt.Printf("%q\n", strings.Split("a,b,,c", ","))
	fmt.Printf("%q\n", strings.Split("abc", ""))
	fmt.Printf("%q\n", strings.Split("", ","))
	fmt.Printf("%q\n", strings.SplitN("a,b,c,d", ",", 2))
	fmt.Printf("%q\n", strings.SplitN("a,b,c,d", ",", 0))
	fmt.Printf("%q\n", strings.SplitN("a,b,c,d", ",", -1))
	fmt.Printf("%q\n", strings.SplitAfter("a,b,c", ","))
	fmt.Printf("%q\n", strings.SplitAfterN("a,b,c", ",", 2))
	fmt.Printf("%q\n", strings.Fields("  foo bar\tbaz\n\u00a0qux  "))
	fmt.Printf("%q\n", strings.FieldsFunc("a1b2c3;;d", func(r rune) bool { return unicode.IsDigit(r) || r == ';' }))
	fmt.Println(strings.Join([]string{"a", "b", "c"}, "-"), strings.Join(nil, ","), strings.Repeat("ab", 3))
	fmt.Println(strings.Replace("oink oink oink", "k", "ky", 2), strings.Replace("oink oink", "oink", "moo", -1), strings.ReplaceAll("aaa", "", "-"))
	fmt.Println(strings.ToUpper("héllo wörld ß"), strings.ToLower("HÉLLO İ"), strings.ToTitle("loud ǆ"))
	fmt.Println(strings.Title("hello wide world"))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.EqualFold("σ", "Σ"), strings.EqualFold("K", "\u212a"), strings.EqualFold("a", "b"))
	fmt.Println(strings.HasPrefix(s, "Hell"), strings.HasSuffix(s, "Go!"), strings.Compare("a", "b"), strings.Compare("b", "a"), strings.Compare("x", "x"))
	fmt.Printf("[%s][%s][%s]\n", strings.TrimSpace("  \t x y \n"), strings.Trim("xxhixx", "x"), strings.TrimLeft("xxhixx", "x"))
	fmt.Printf("[%s][%s][%s]\n", strings.TrimRight("xxhixx", "x"), strings.TrimPrefix("prefix-body", "prefix-"), strings.TrimSuffix("a.go", ".go"))
	fmt.Printf("[%s][%s]\n", strings.TrimFunc("123abc456", unicode.IsDigit), strings.TrimLeftFunc("  x ", unicode.IsSpace))
	fmt.Printf("[%s]\n", strings.TrimRightFunc("  x ", unicode.IsSpace))
	before, after, found := strings.Cut("key=value=x", "=")
	fmt.Println(before, after, found)
	before, after, found = strings.Cut("novalue", "=")
	fmt.Printf("%q %q %v\n", before, after, found)
	rot13 := func(r rune) rune {
		switch {
		case r >= 'A' && r <= 'Z':
			return 'A' + (r-'A'+13)%26
		case r >= 'a' && r <= 'z':
			return 'a' + (r-'a'+13)%26
		}
		return r
	}
	fmt.Println(strings.Map(rot13, "'Twas brillig"), strings.Map(func(r rune) rune {
		if r == 'a' {
			return -1
		}
		return r
	}, "banana"))
	fmt.Println(strings.ToValidUTF8("a\xffb\xfe\xfdc", "?"), strings.Clone("clone"))

	// Builder
	var b strings.Builder
	fmt.Println(b.Len(), b.Cap(), b.String() == "")
	for i := 0; i < 10; i++ {
		b.WriteString("ab")
		b.WriteByte('c')
		b.WriteRune('é')
		fmt.Print(b.Len(), ":", b.Cap(), " ")
	}
	fmt.Println()
	b.Write([]byte("xyz"))
	b.Grow(100)
	fmt.Println(b.Len(), b.Cap())
	fmt.Println(b.String())
	b.Reset()
	fmt.Println(b.Len(), b.Cap(), b.String())
	var b2 strings.Builder
	fmt.Printf("%v|%+v\n", b2, b2)

	// Reader
	r := strings.NewReader("hello reader")
	buf := make([]byte, 5)
	n, err := r.Read(buf)
	fmt.Println(n, err, string(buf[:n]), r.Len(), r.Size())
	c, _ := r.ReadByte()
	fmt.Println(c)
	r.UnreadByte()
	rest, _ := io.ReadAll(r)
	fmt.Println(string(rest))
	n, err = r.Read(buf)
	fmt.Println(n, err)
	r.Seek(6, io.SeekStart)
	ch, size, _ := r.ReadRune()
	fmt.Println(string(ch), size)
	r.Reset("new")
	var sb strings.Builder
	io.Copy(&sb, r)
	fmt.Println(sb.String())

	// Replacer
	rep := strings.NewReplacer("<", "&lt;", ">", "&gt;", "&", "&amp;")
	fmt.Println(rep.Replace("<a href=\"x&y\">"))
	rep2 := strings.NewReplacer("a", "1", "aa", "2", "aaa", "3")
	fmt.Println(rep2.Replace("aaaa"))
	rep3 := strings.NewReplacer("", "X")
	fmt.Println(rep3.Replace("abc"))
	rep4 := strings.NewReplacer("hello", "HI", "world", "EARTH")
	rep4.WriteString(&sb, "hello world")
	fmt.Println(sb.String())

	// bytes
	bs := []byte("  Hello, Bytes  ")
	fmt.Printf("%q %q %q\n", bytes.TrimSpace(bs), bytes.ToUpper(bs), bytes.Title([]byte("ab cd")))
	fmt.Println(bytes.Equal([]byte("a"), []byte("a")), bytes.Compare([]byte("a"), []byte("b")), bytes.Contains(bs, []byte("Hello")))
	fmt.Println(bytes.Index(bs, []byte("Bytes")), bytes.IndexByte(bs, 'B'), bytes.Count(bs, []byte("l")), bytes.HasPrefix(bs, []byte("  H")))
	fmt.Printf("%q\n", bytes.Split([]byte("a b c"), []byte(" ")))
	fmt.Printf("%q\n", bytes.Fields([]byte(" x  y z ")))
	fmt.Printf("%q\n", bytes.Join([][]byte{[]byte("1"), []byte("2")}, []byte(", ")))
	fmt.Printf("%s\n", bytes.Repeat([]byte("-"), 10))
	fmt.Printf("%s\n", bytes.ReplaceAll([]byte("aXbXc"), []byte("X"), []byte("--")))
	fmt.Println(bytes.EqualFold([]byte("GoLang"), []byte("golang")))
	bb, ba, bf := bytes.Cut([]byte("k:v"), []byte(":"))
	fmt.Printf("%s %s %v\n", bb, ba, bf)
	fmt.Printf("%s\n", bytes.Map(unicode.ToUpper, []byte("map me")))
	fmt.Printf("%q\n", bytes.Runes([]byte("héllo")))
	fmt.Printf("%q %q\n", bytes.TrimLeft([]byte("xxa"), "x"), bytes.TrimPrefix([]byte("prefix"), []byte("pre")))
	var buf2 bytes.Buffer
	buf2.WriteString("hello ")
	buf2.Write([]byte("world"))
	buf2.WriteByte('!')
	buf2.WriteRune('✓')
	fmt.Println(buf2.Len(), buf2.String())
	line, err := buf2.ReadString(' ')
	fmt.Printf("%q %v %d\n", line, err, buf2.Len())
	nb := buf2.Next(3)
	fmt.Printf("%s\n", nb)
	by, _ := buf2.ReadByte()
	fmt.Println(by)
	buf2.UnreadByte()
	rr, sz, _ := buf2.ReadRune()
	fmt.Println(rr, sz)
	buf2.Truncate(2)
	fmt.Println(buf2.String())
	buf2.Reset()
	fmt.Println(buf2.Len(), buf2.String() == "")
	b3 := bytes.NewBufferString("line1\nline2\nline3")
	for {
		l, err := b3.ReadBytes('\n')
		fmt.Printf("%q %v\n", l, err)
		if err != nil {
			break
		}
	}
	b4 := bytes.NewBuffer([]byte("data"))
	var out strings.Builder
	b4.WriteTo(&out)
	fmt.Println(out.String(), b4.Len())
	br := bytes.NewReader([]byte("bytes reader"))
	p := make([]byte, 6)
	br.Read(p)
	fmt.Println(string(p), br.Len())
	fmt.Println(bytes.ContainsAny([]byte("abc"), "xc"), bytes.ContainsRune([]byte("abc"), 'b'), bytes.IndexAny([]byte("abc"), "cb"), bytes.LastIndex([]byte("abab"), []byte("ab")))
	fmt.Printf("%v %v\n", bytes.HasSuffix([]byte("abc"), []byte("bc")), bytes.IndexRune([]byte("héllo"), 'l'))
	fmt.Printf("%q\n", bytes.SplitN([]byte("a,b,c"), []byte(","), 2))
	fmt.Printf("%q\n", bytes.FieldsFunc([]byte("a1b2c"), unicode.IsDigit))
	fmt.Printf("%q %q\n", bytes.TrimRight([]byte("abccc"), "c"), bytes.Trim([]byte("  a  "), " "))
	fmt.Printf("%q\n", bytes.ToLower([]byte("ABC")))
	var nilbuf *bytes.Buffer
	_ = nilbuf
	fmt.Printf("%v %s\n", bytes.NewBufferString("x"), bytes.NewBufferString("y"))
}
