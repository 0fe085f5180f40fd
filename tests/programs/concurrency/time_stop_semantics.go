// time_stop_semantics: what Stop and Reset report and when a timer's
// channel has a value: Stop of a pending timer is true and prevents the
// send; Stop after it fired is false and the value stays in C until read;
// AfterFunc's Stop prevents the call; a stopped Ticker sends no more; a
// Reset timer fires once, at the new time; many timers fire in deadline
// order.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	t := time.NewTimer(time.Hour)
	fmt.Println("stop pending:", t.Stop(), "again:", t.Stop())
	select {
	case <-t.C:
		fmt.Println("unexpected value")
	default:
		fmt.Println("no value after Stop")
	}

	t2 := time.NewTimer(time.Millisecond)
	v := <-t2.C
	fmt.Println("fired:", !v.IsZero(), "stop after firing:", t2.Stop())

	t3 := time.NewTimer(time.Millisecond)
	time.Sleep(20 * time.Millisecond) // it has fired; its value waits in C
	fmt.Println("stop fired, unread:", t3.Stop())
	select {
	case <-t3.C:
		fmt.Println("value still in C")
	default:
		fmt.Println("C empty")
	}

	called := false
	f := time.AfterFunc(time.Hour, func() { called = true })
	fmt.Println("AfterFunc stop:", f.Stop(), called)

	var mu sync.Mutex
	var order []int
	var wg sync.WaitGroup
	for _, ms := range []int{30, 10, 20, 5} {
		wg.Add(1)
		ms := ms
		time.AfterFunc(time.Duration(ms)*time.Millisecond, func() {
			mu.Lock()
			order = append(order, ms)
			mu.Unlock()
			wg.Done()
		})
	}
	wg.Wait()
	fmt.Println("AfterFunc order:", order)

	r := time.NewTimer(time.Hour)
	fmt.Println("reset pending:", r.Reset(5*time.Millisecond))
	<-r.C
	select {
	case <-r.C:
		fmt.Println("fired twice")
	case <-time.After(30 * time.Millisecond):
		fmt.Println("reset timer fired once")
	}

	tk := time.NewTicker(time.Millisecond)
	n := 0
	for range tk.C {
		n++
		if n == 5 {
			break
		}
	}
	tk.Stop()
	time.Sleep(10 * time.Millisecond)
	select {
	case <-tk.C: // at most one tick was buffered before Stop
	default:
	}
	select {
	case <-tk.C:
		fmt.Println("tick after Stop")
	case <-time.After(20 * time.Millisecond):
		fmt.Println("ticks:", n, "none after Stop")
	}

	start := time.Now()
	var sw sync.WaitGroup
	for i := 0; i < 100; i++ {
		sw.Add(1)
		go func() {
			time.Sleep(10 * time.Millisecond)
			sw.Done()
		}()
	}
	sw.Wait()
	fmt.Println("100 sleepers, at least 10ms:", time.Since(start) >= 10*time.Millisecond)
	time.Sleep(0)
	time.Sleep(-time.Second)
	fmt.Println("done")
}
