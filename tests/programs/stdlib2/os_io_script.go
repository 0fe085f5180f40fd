package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strings"
)

func check(err error) {
	if err != nil {
		fmt.Println("error:", err)
	}
}

func main() {
	fmt.Println(len(os.Args) > 0, os.Args[1:])
	os.Setenv("GOI_TEST_VAR", "v1")
	fmt.Println(os.Getenv("GOI_TEST_VAR"), os.Getenv("GOI_NOPE_XYZ") == "")
	v, ok := os.LookupEnv("GOI_NOPE_XYZ")
	fmt.Printf("%q %v\n", v, ok)

	dir, err := os.MkdirTemp("", "goitest")
	check(err)
	defer os.RemoveAll(dir)
	path := dir + "/data.txt"
	check(os.WriteFile(path, []byte("line one\nline two\n\nlast line no newline"), 0644))
	data, err := os.ReadFile(path)
	fmt.Println(len(data), err)
	_, err = os.ReadFile(dir + "/missing.txt")
	fmt.Println(strings.Replace(err.Error(), dir, "DIR", 1), errors.Is(err, fs.ErrNotExist), os.IsNotExist(err))
	var pe *fs.PathError
	fmt.Println(errors.As(err, &pe), pe.Op)

	f, err := os.Open(path)
	check(err)
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		fmt.Printf("%d: %q\n", n, sc.Text())
	}
	check(sc.Err())
	f.Close()

	f, _ = os.Open(path)
	sc = bufio.NewScanner(f)
	sc.Split(bufio.ScanWords)
	words := map[string]int{}
	for sc.Scan() {
		words[sc.Text()]++
	}
	f.Close()
	keys := make([]string, 0, len(words))
	for k := range words {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Print(k, "=", words[k], " ")
	}
	fmt.Println()

	out, err := os.Create(dir + "/out.txt")
	check(err)
	w := bufio.NewWriter(out)
	for i := 0; i < 3; i++ {
		fmt.Fprintf(w, "row %d\n", i)
	}
	w.WriteString("end\n")
	fmt.Println(w.Buffered())
	check(w.Flush())
	check(out.Close())
	content, _ := os.ReadFile(dir + "/out.txt")
	fmt.Print(string(content))

	af, _ := os.OpenFile(dir+"/out.txt", os.O_APPEND|os.O_WRONLY, 0644)
	af.WriteString("appended\n")
	af.Close()
	rf, _ := os.Open(dir + "/out.txt")
	br := bufio.NewReader(rf)
	for {
		line, err := br.ReadString('\n')
		if err == io.EOF {
			fmt.Printf("EOF %q\n", line)
			break
		}
		fmt.Printf("%q\n", line)
	}
	rf.Close()
	st, err := os.Stat(dir + "/out.txt")
	fmt.Println(st.Name(), st.Size(), st.IsDir(), st.Mode().IsRegular(), st.Mode().Perm(), err)

	// io
	all, err := io.ReadAll(strings.NewReader("read all of this"))
	fmt.Println(string(all), err)
	var bb bytes.Buffer
	nn, err := io.Copy(&bb, strings.NewReader("copied"))
	fmt.Println(nn, err, bb.String())
	lr := io.LimitReader(strings.NewReader("0123456789"), 4)
	b4, _ := io.ReadAll(lr)
	fmt.Println(string(b4))
	p := make([]byte, 3)
	_, err = io.ReadFull(strings.NewReader("ab"), p)
	fmt.Println(err, err == io.ErrUnexpectedEOF)
	mr := io.MultiReader(strings.NewReader("a"), strings.NewReader("b"))
	ab, _ := io.ReadAll(mr)
	var b1, b2 bytes.Buffer
	mw := io.MultiWriter(&b1, &b2)
	io.WriteString(mw, "both")
	fmt.Println(string(ab), b1.String(), b2.String())
	var tb bytes.Buffer
	tr := io.TeeReader(strings.NewReader("tee"), &tb)
	io.ReadAll(tr)
	fmt.Println(tb.String(), io.EOF, io.ErrShortWrite)
	var r io.Reader = strings.NewReader("x")
	_, isWT := r.(io.WriterTo)
	fmt.Println(isWT)
	_, err = os.Open("/nonexistent/file")
	fmt.Println(err)
	err = os.Remove(dir + "/nope")
	fmt.Println(strings.Replace(err.Error(), dir, "DIR", 1))
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		fmt.Println(e.Name(), e.IsDir())
	}
	fmt.Fprintln(os.Stderr, "to stderr")
	defer fmt.Println("deferred not run")
	os.Exit(3)
}
