// chan_types: channels of every kind of element (structs, interfaces, slices,
// arrays, maps, funcs, pointers, channels of channels, struct{}), directional
// channel types and conversions to them, len/cap, nil and closed channels.
package main

import "fmt"

type P struct {
	X, Y int
	S    string
}

type Shape interface{ Area() int }
type Sq struct{ s int }

func (q Sq) Area() int { return q.s * q.s }

func producer(out chan<- int, n int) {
	for i := 0; i < n; i++ {
		out <- i
	}
	close(out)
}

func consumer(in <-chan int) int {
	s := 0
	for v := range in {
		s += v
	}
	return s
}

func main() {
	cs := make(chan P, 2)
	cs <- P{1, 2, "a"}
	cs <- P{3, 4, "b"}
	fmt.Println(<-cs, <-cs, len(cs), cap(cs))
	ci := make(chan Shape, 1)
	ci <- Sq{3}
	sh := <-ci
	fmt.Println(sh.Area())
	var e interface{} = 5
	ce := make(chan interface{}, 3)
	ce <- e
	ce <- "str"
	ce <- nil
	fmt.Println(<-ce, <-ce, <-ce)
	csl := make(chan []int)
	go func() { csl <- []int{1, 2, 3}; close(csl) }()
	fmt.Println(<-csl)
	v, ok := <-csl
	fmt.Println(v, ok, v == nil)
	cc := make(chan chan int, 1)
	inner := make(chan int, 1)
	cc <- inner
	(<-cc) <- 42
	fmt.Println(<-inner)
	done := make(chan struct{})
	go func() { done <- struct{}{} }()
	<-done
	close(done)
	x, ok2 := <-done
	fmt.Println(x, ok2)
	ch := make(chan int)
	go producer(ch, 100)
	fmt.Println(consumer(ch))
	// directional conversions
	bi := make(chan int, 1)
	var so chan<- int = bi
	var ro <-chan int = bi
	so <- 7
	fmt.Println(<-ro, len(ro), cap(so))
	fmt.Printf("%T %T %T\n", bi, so, ro)
	// closed with buffered values
	b := make(chan string, 3)
	b <- "x"
	b <- "y"
	close(b)
	for s := range b {
		fmt.Print(s, " ")
	}
	s, ok3 := <-b
	fmt.Printf("%q %v\n", s, ok3)
	// struct channel zero value
	cp := make(chan P)
	close(cp)
	fmt.Println(<-cp)
	// array channel
	ca := make(chan [3]int, 1)
	ca <- [3]int{1, 2, 3}
	fmt.Println(<-ca)
	// func channel
	cf := make(chan func() int, 1)
	cf <- func() int { return 9 }
	fmt.Println((<-cf)())
	// map channel
	cm := make(chan map[string]int, 1)
	cm <- map[string]int{"a": 1}
	fmt.Println(<-cm)
	// nil channel len/cap
	var nc chan int
	fmt.Println(len(nc), cap(nc), nc == nil)
	// float, complex, string
	cfl := make(chan complex128, 1)
	cfl <- 1 + 2i
	fmt.Println(<-cfl)
	// channels as map keys, equality
	m := map[chan int]int{bi: 1}
	fmt.Println(m[bi], bi == bi)
	// pointer channel
	cptr := make(chan *P, 1)
	cptr <- &P{X: 5}
	fmt.Println((<-cptr).X)
	// unbuffered struct handoff with goroutines
	big := make(chan [10]int)
	go func() {
		var a [10]int
		for i := range a {
			a[i] = i * i
		}
		big <- a
	}()
	fmt.Println(<-big)
	// nested send of received
	c1 := make(chan int, 1)
	c2 := make(chan int, 1)
	c1 <- 3
	c2 <- <-c1
	fmt.Println(<-c2)
	// empty struct buffered
	es := make(chan struct{}, 5)
	for i := 0; i < 5; i++ {
		es <- struct{}{}
	}
	fmt.Println(len(es), cap(es))
}
