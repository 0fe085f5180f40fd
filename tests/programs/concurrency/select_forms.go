// select_forms: every form of select case (v := <-ch, v, ok := <-ch, <-ch,
// ch <- expr, assignment to existing variables and index expressions),
// default, nil channels disabling cases, break out of a select (and out of
// the loop around it with a label), several cases on one channel, send and
// receive of the same channel in one select. The channel and value
// operands of every case are evaluated exactly once, in source order, on
// entry — also the cases that are not chosen.
package main

import "fmt"

var trace []string

func ch(name string, c chan int) chan int { trace = append(trace, "chan "+name); return c }
func val(name string, v int) int          { trace = append(trace, "value "+name); return v }

func main() {
	a := make(chan int, 1)
	b := make(chan int) // never ready
	c := make(chan int) // never ready
	a <- 1
	select {
	case v := <-ch("a", a):
		fmt.Println("received from a:", v)
	case ch("b", b) <- val("b", 2):
		fmt.Println("sent on b")
	case v, ok := <-ch("c", c):
		fmt.Println("received from c:", v, ok)
	case ch("b2", b) <- val("b2", 3):
		fmt.Println("sent on b2")
	}
	fmt.Println(trace)

	trace = nil
	select {
	case ch("nil1", nil) <- val("nil1", 1):
	case <-ch("nil2", nil):
	default:
		fmt.Println("default")
	}
	fmt.Println(trace)

	d := make(chan int, 1)
	close(c)
	select {
	case v, ok := <-c:
		fmt.Println("closed:", v, ok)
	case <-b:
	}
	select {
	case <-c:
		fmt.Println("closed, value dropped")
	}
	d <- 5
	select {
	case <-d:
		fmt.Println("value dropped")
	}

	// Assignments to existing variables, an index expression and a map entry.
	arr := make([]int, 2)
	m := map[string]bool{}
	var x int
	d <- 8
	select {
	case arr[1], m["ok"] = <-d:
	}
	d <- 9
	select {
	case x = <-d:
	}
	fmt.Println(arr, m, x)

	// break leaves the select; a labelled break leaves the loop.
	e := make(chan int, 10)
	for i := 0; i < 10; i++ {
		e <- i
	}
	sum := 0
loop:
	for {
		select {
		case v := <-e:
			if v == 7 {
				break loop
			}
			if v%2 == 0 {
				break
			}
			sum += v
		}
	}
	fmt.Println("sum of odd values before 7:", sum, "left:", len(e))

	// Three cases on one channel: every value arrives exactly once.
	f := make(chan int)
	go func() {
		for i := 1; i <= 100; i++ {
			f <- i
		}
		close(f)
	}()
	total, n := 0, 0
	for {
		var v int
		var ok bool
		select {
		case v, ok = <-f:
		case v, ok = <-f:
		case v, ok = <-f:
		}
		if !ok {
			break
		}
		total += v
		n++
	}
	fmt.Println("three cases on one channel:", n, total)

	// Send and receive on the same buffered channel in one select: the
	// buffer alternates between full and empty.
	g := make(chan int, 1)
	sends, recvs := 0, 0
	for i := 0; i < 1000; i++ {
		select {
		case g <- i:
			sends++
		case <-g:
			recvs++
		}
	}
	fmt.Println("send/receive:", sends, recvs)

	// Only a default.
	select {
	default:
		fmt.Println("only default")
	}

	// A select inside a function literal, in a goroutine, returning a result.
	res := make(chan string)
	h := make(chan struct{})
	go func() {
		select {
		case <-h:
			res <- "h closed"
		}
	}()
	close(h)
	fmt.Println(<-res)
}
