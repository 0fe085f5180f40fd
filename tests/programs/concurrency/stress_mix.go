// stress_mix: thousands of randomized rounds mixing unbuffered and buffered
// channels, plain and select sends and receives (with defaults and timer
// cases), closes, sleeps, timers and a mutex-protected counter, checking
// that no message is lost or duplicated and nothing hangs. The mix of each
// round comes from a fixed-seed generator, so the totals printed at the end
// are the same on every run and every GOMAXPROCS (meson runs it with
// GOMAXPROCS=2, 3 and 4 too); which goroutine gets which message is up to
// the scheduler.
package main

import (
	"fmt"
	"sync"
	"time"
)

const rounds = 2000

// xorshift64*: deterministic, independent of any library generator.
type rng uint64

func (r *rng) next() uint64 {
	x := uint64(*r)
	x ^= x >> 12
	x ^= x << 25
	x ^= x >> 27
	*r = rng(x)
	return x * 2685821657736338717
}

func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

type stats struct {
	mu       sync.Mutex
	received int
	sum      uint64
	xor      uint64
}

func (s *stats) add(v uint64) {
	s.mu.Lock()
	s.received++
	s.sum += v
	s.xor ^= v * 0x9E3779B97F4A7C15
	s.mu.Unlock()
}

// send delivers v on one of chs (a random way), blocking until it is taken.
func send(r *rng, chs []chan uint64, v uint64) {
	a := chs[r.intn(len(chs))]
	b := chs[r.intn(len(chs))]
	switch r.intn(5) {
	case 0:
		a <- v
	case 1:
		select {
		case a <- v:
		case b <- v:
		}
	case 2:
		select {
		case a <- v:
		default:
			b <- v // a was not ready: fall back to a plain send
		}
	case 3:
		for sent := false; !sent; {
			select {
			case a <- v:
				sent = true
			case <-time.After(time.Millisecond):
				// a timer case that fires only if nobody takes v for a while
			}
		}
	case 4:
		if r.intn(4) == 0 {
			time.Sleep(time.Duration(r.intn(20)) * time.Microsecond)
		}
		b <- v
	}
}

// receive takes values from chs until all of them are closed: plain
// receives on one channel, or selects over two, maybe with a timer case.
func receive(r *rng, chs []chan uint64, st *stats) {
	live := make([]chan uint64, len(chs))
	copy(live, chs)
	open := len(live)
	useTimer := r.intn(3) == 0
	for open > 0 {
		i := r.intn(len(live))
		if live[i] == nil {
			continue
		}
		if r.intn(3) == 0 { // a plain receive on one channel
			v, ok := <-live[i]
			if !ok {
				live[i] = nil
				open--
				continue
			}
			st.add(v)
			continue
		}
		// A select over the first two live channels found from i (a nil
		// channel disables its case), maybe with a timer case.
		var x, y chan uint64
		for k := 0; k < len(live) && y == nil; k++ {
			c := live[(i+k)%len(live)]
			if c == nil {
				continue
			}
			if x == nil {
				x = c
			} else {
				y = c
			}
		}
		var timeout <-chan time.Time
		if useTimer {
			timeout = time.After(500 * time.Microsecond)
		}
		select {
		case v, ok := <-x:
			if !ok {
				closeIn(live, x)
				open--
				continue
			}
			st.add(v)
		case v, ok := <-y:
			if !ok {
				closeIn(live, y)
				open--
				continue
			}
			st.add(v)
		case <-timeout:
		}
	}
}

func closeIn(live []chan uint64, c chan uint64) {
	for k := range live {
		if live[k] == c {
			live[k] = nil
		}
	}
}

func round(seed uint64) (sent int, sum, xor uint64, ok bool) {
	r := rng(seed*0x9E3779B97F4A7C15 + 1)
	nch := 1 + r.intn(4)
	chs := make([]chan uint64, nch)
	for i := range chs {
		chs[i] = make(chan uint64, r.intn(4)) // capacity 0..3
	}
	nprod := 1 + r.intn(4)
	ncons := 1 + r.intn(4)
	var st stats
	var pwg, cwg sync.WaitGroup
	// Every channel has a consumer of its own, so a random consumer blocked
	// on one channel can never leave another without a receiver.
	for _, ch := range chs {
		cwg.Add(1)
		go func(ch chan uint64) {
			defer cwg.Done()
			for v := range ch {
				st.add(v)
			}
		}(ch)
	}
	for c := 0; c < ncons; c++ {
		cwg.Add(1)
		cr := rng(r.next() | 1)
		go func() {
			defer cwg.Done()
			receive(&cr, chs, &st)
		}()
	}
	for p := 0; p < nprod; p++ {
		n := r.intn(40)
		pr := rng(r.next() | 1)
		for i := 0; i < n; i++ {
			v := seed<<32 | uint64(p)<<16 | uint64(i)
			sent++
			sum += v
			xor ^= v * 0x9E3779B97F4A7C15
		}
		pwg.Add(1)
		go func(p, n int) {
			defer pwg.Done()
			for i := 0; i < n; i++ {
				send(&pr, chs, seed<<32|uint64(p)<<16|uint64(i))
			}
		}(p, n)
	}
	pwg.Wait()
	for _, c := range chs {
		close(c)
	}
	cwg.Wait()
	ok = st.received == sent && st.sum == sum && st.xor == xor
	return sent, sum, xor, ok
}

func main() {
	total, bad := 0, 0
	var check uint64
	for s := uint64(1); s <= rounds; s++ {
		n, sum, xor, ok := round(s)
		total += n
		check = check*31 + sum ^ xor
		if !ok {
			bad++
			if bad <= 5 {
				fmt.Println("round", s, "lost or duplicated messages")
			}
		}
	}
	fmt.Println("rounds:", rounds, "messages:", total, "bad rounds:", bad)
	fmt.Printf("checksum: %x\n", check)
}
