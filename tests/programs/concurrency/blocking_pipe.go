// blocking_pipe: a goroutine blocked in a real read (bufio.Scanner on a
// pipe) does not stop the others, even with one processor. Each line is
// written by main only after the reader has acknowledged the previous one,
// so the reader blocks in read() every time and main must keep running
// while it does. A second reader blocks reading a pipe with one byte at a
// time while a third goroutine counts.
package main

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
)

func main() {
	runtime.GOMAXPROCS(1)
	r, w, err := os.Pipe()
	if err != nil {
		fmt.Println(err)
		return
	}
	acks := make(chan string)
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			acks <- sc.Text()
		}
		close(acks)
	}()
	for i := 0; i < 100; i++ {
		fmt.Fprintf(w, "line %d\n", i)
		if got := <-acks; got != fmt.Sprintf("line %d", i) {
			fmt.Println("wrong line:", got)
		}
	}
	w.Close()
	_, open := <-acks
	fmt.Println("100 lines echoed; reader saw EOF:", !open)

	// One-byte reads: every read blocks until main writes.
	r2, w2, _ := os.Pipe()
	got := make(chan int)
	go func() {
		buf := make([]byte, 1)
		n := 0
		for {
			k, err := r2.Read(buf)
			if err != nil {
				break
			}
			n += k
		}
		got <- n
	}()
	counted := make(chan int)
	go func() {
		c := 0
		for i := 0; i < 1000000; i++ {
			c++
		}
		counted <- c
	}()
	fmt.Println("counter finished while the reader waits:", <-counted)
	for i := 0; i < 50; i++ {
		w2.Write([]byte{'x'})
		runtime.Gosched()
	}
	w2.Close()
	fmt.Println("bytes read:", <-got)
}
