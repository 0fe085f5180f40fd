// io_pipe: io.Pipe connects goroutines synchronously: a Write blocks until
// readers have consumed all of it, Close gives the reader EOF,
// CloseWithError passes an error, and a closed pipe reports ErrClosedPipe.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
)

func main() {
	// A writer goroutine and io.ReadAll.
	pr, pw := io.Pipe()
	go func() {
		for i := 0; i < 5; i++ {
			fmt.Fprintf(pw, "line %d\n", i)
		}
		pw.Close()
	}()
	data, err := io.ReadAll(pr)
	fmt.Printf("%q %v\n", data, err)

	// A large write consumed by small reads: Write returns only once all
	// of it has been read.
	pr, pw = io.Pipe()
	done := make(chan int)
	go func() {
		n, err := pw.Write([]byte(strings.Repeat("x", 1000)))
		fmt.Println("writer wrote", n, err)
		pw.Close()
		done <- n
	}()
	buf := make([]byte, 64)
	total, reads := 0, 0
	for {
		n, err := pr.Read(buf)
		total += n
		if n > 0 {
			reads++
		}
		if err == io.EOF {
			break
		}
	}
	<-done
	fmt.Println("read", total, "bytes in", reads, "reads")

	// CloseWithError on the write side: the reader sees the error.
	pr, pw = io.Pipe()
	go func() {
		pw.Write([]byte("partial"))
		pw.CloseWithError(errors.New("producer failed"))
	}()
	data, err = io.ReadAll(pr)
	fmt.Printf("%q %v\n", data, err)

	// Closing the read side: writes fail with ErrClosedPipe, or with the
	// error given to CloseWithError.
	pr, pw = io.Pipe()
	pr.Close()
	n, err := pw.Write([]byte("nobody listens"))
	fmt.Println(n, err, err == io.ErrClosedPipe)
	pr, pw = io.Pipe()
	pr.CloseWithError(errors.New("consumer gone"))
	n, err = pw.Write([]byte("x"))
	fmt.Println(n, err)
	// Reading after the read side closed.
	n, err = pr.Read(buf)
	fmt.Println(n, err)
	// Writing after the write side closed.
	pr, pw = io.Pipe()
	pw.Close()
	n, err = pw.Write([]byte("late"))
	fmt.Println(n, err)
	n, err = pr.Read(buf)
	fmt.Println(n, err)
	// Closing twice is fine; the first error sticks.
	pr, pw = io.Pipe()
	pw.CloseWithError(errors.New("first"))
	pw.CloseWithError(errors.New("second"))
	_, err = pr.Read(buf)
	fmt.Println(err)

	// A pipeline: producer -> uppercase filter -> scanner, through two pipes.
	r1, w1 := io.Pipe()
	r2, w2 := io.Pipe()
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		bw := bufio.NewWriter(w1)
		for _, word := range []string{"alpha", "beta", "gamma", "delta"} {
			bw.WriteString(word + "\n")
		}
		bw.Flush()
		w1.Close()
	}()
	go func() {
		defer wg.Done()
		sc := bufio.NewScanner(r1)
		for sc.Scan() {
			io.WriteString(w2, strings.ToUpper(sc.Text())+"\n")
		}
		w2.Close()
	}()
	sc := bufio.NewScanner(r2)
	for sc.Scan() {
		fmt.Println("got", sc.Text())
	}
	wg.Wait()
	fmt.Println("scanner err:", sc.Err())

	// io.Copy between pipes with several writers serialized.
	pr, pw = io.Pipe()
	var wg2 sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg2.Add(1)
		go func(i int) {
			defer wg2.Done()
			pw.Write([]byte(strings.Repeat(string(rune('a'+i)), 100)))
		}(i)
	}
	go func() {
		wg2.Wait()
		pw.Close()
	}()
	var sb strings.Builder
	w, err := io.Copy(&sb, pr)
	counts := map[rune]int{}
	for _, c := range sb.String() {
		counts[c]++
	}
	fmt.Println("copied", w, err, counts['a'], counts['b'], counts['c'])
}
