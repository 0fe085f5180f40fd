// select_uniform: when several cases are ready, select chooses uniformly at
// random. Two always-ready cases are each chosen 45-55% of 100,000 times
// (buffered channels refilled each round, and closed channels); three
// cases on closed channels about a third each.
package main

import "fmt"

const N = 100000

func within(n, lo, hi int) bool { return n >= N*lo/100 && n <= N*hi/100 }

func main() {
	a := make(chan int, 1)
	b := make(chan int, 1)
	na, nb := 0, 0
	for i := 0; i < N; i++ {
		a <- 1
		b <- 1
		select {
		case <-a:
			na++
			<-b
		case <-b:
			nb++
			<-a
		}
	}
	fmt.Println("buffered:", within(na, 45, 55), within(nb, 45, 55), na+nb)

	// Send cases: both have room.
	ns1, ns2 := 0, 0
	for i := 0; i < N; i++ {
		select {
		case a <- 1:
			ns1++
			<-a
		case b <- 1:
			ns2++
			<-b
		}
	}
	fmt.Println("sends:", within(ns1, 45, 55), within(ns2, 45, 55))

	c := make(chan int)
	d := make(chan int)
	close(c)
	close(d)
	nc, nd := 0, 0
	for i := 0; i < N; i++ {
		select {
		case <-c:
			nc++
		case <-d:
			nd++
		}
	}
	fmt.Println("closed:", within(nc, 45, 55), within(nd, 45, 55))

	var cnt [3]int
	for i := 0; i < N; i++ {
		select {
		case <-c:
			cnt[0]++
		case <-d:
			cnt[1]++
		case <-c:
			cnt[2]++
		}
	}
	fmt.Println("three cases:", within(cnt[0], 30, 37), within(cnt[1], 30, 37), within(cnt[2], 30, 37))

	// A ready case and a default: the default is never taken.
	def := 0
	for i := 0; i < 1000; i++ {
		select {
		case <-c:
		default:
			def++
		}
	}
	fmt.Println("default taken:", def)
}
