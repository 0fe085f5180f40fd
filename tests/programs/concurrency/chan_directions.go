// chan_directions: explicit conversions to directional channel types, named
// channel types, channels of directional channels, functions returning
// receive-only channels, type assertions telling directions apart.
package main

import "fmt"

type RecvOnly <-chan int
type Pipe chan int

func gen(n int) <-chan int {
	c := make(chan int, n)
	for i := 0; i < n; i++ {
		c <- i
	}
	close(c)
	return c
}

func main() {
	c := make(chan int, 2)
	r := (<-chan int)(c)
	s := (chan<- int)(c)
	s <- 4
	fmt.Println(<-r)
	var ro RecvOnly = RecvOnly(c)
	c <- 5
	fmt.Println(<-ro)
	p := Pipe(c)
	p <- 6
	fmt.Println(<-c, len(p), cap(ro))
	cc := make(chan chan<- int, 1)
	cc <- c
	(<-cc) <- 7
	fmt.Println(<-c)
	cr := make(chan (<-chan int), 1)
	cr <- gen(3)
	sum := 0
	for v := range <-cr {
		sum += v
	}
	fmt.Println(sum)
	var i interface{} = r
	_, isRecv := i.(<-chan int)
	_, isBi := i.(chan int)
	fmt.Println(isRecv, isBi)
	fmt.Printf("%T %T %T %T\n", ro, p, cc, cr)
	var nilr <-chan int
	fmt.Println(nilr == nil, r != nil)
}
