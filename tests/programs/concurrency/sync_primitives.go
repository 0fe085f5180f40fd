// sync_primitives: Mutex (with TryLock), RWMutex (with TryLock/TryRLock and
// writers excluding readers), WaitGroup (and Go's panic on a negative
// counter), Once, Cond with Wait/Signal/Broadcast, sync.Map, and the
// sync/atomic functions and types (Int32, Int64, Uint32, Uint64, Bool,
// Value). Shared counters are checked after many goroutines hammered them.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

func main() {
	var mu sync.Mutex
	n := 0
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 1000; j++ {
				mu.Lock()
				n++
				if j%100 == 0 {
					runtime.Gosched() // yield while holding the lock
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println("mutex counter:", n)
	fmt.Println("TryLock:", mu.TryLock(), mu.TryLock())
	mu.Unlock()

	// RWMutex: readers share, a writer excludes everybody.
	var rw sync.RWMutex
	rw.RLock()
	rw.RLock()
	fmt.Println("TryLock with readers:", rw.TryLock(), "TryRLock:", rw.TryRLock())
	rw.RUnlock()
	rw.RUnlock()
	rw.RUnlock()
	rw.Lock()
	fmt.Println("TryRLock with writer:", rw.TryRLock())
	rw.Unlock()
	var readers, maxReaders, writes int32
	var bad int32
	var rwg sync.WaitGroup
	for i := 0; i < 20; i++ {
		rwg.Add(2)
		go func() {
			defer rwg.Done()
			for j := 0; j < 200; j++ {
				rw.RLock()
				r := atomic.AddInt32(&readers, 1)
				for {
					m := atomic.LoadInt32(&maxReaders)
					if r <= m || atomic.CompareAndSwapInt32(&maxReaders, m, r) {
						break
					}
				}
				runtime.Gosched()
				atomic.AddInt32(&readers, -1)
				rw.RUnlock()
			}
		}()
		go func() {
			defer rwg.Done()
			for j := 0; j < 50; j++ {
				rw.Lock()
				if atomic.LoadInt32(&readers) != 0 {
					atomic.AddInt32(&bad, 1)
				}
				writes++
				rw.Unlock()
			}
		}()
	}
	rwg.Wait()
	fmt.Println("rwmutex writes:", writes, "writer saw readers:", bad)
	rl := rw.RLocker()
	rl.Lock()
	rl.Unlock()

	var once sync.Once
	calls := 0
	var owg sync.WaitGroup
	for i := 0; i < 10; i++ {
		owg.Add(1)
		go func() {
			defer owg.Done()
			once.Do(func() { calls++ })
		}()
	}
	owg.Wait()
	fmt.Println("once calls:", calls)

	// Cond: a queue with Signal for items and Broadcast for the end.
	var cmu sync.Mutex
	cond := sync.NewCond(&cmu)
	queue := []int{}
	closed := false
	got := make(chan int)
	for w := 0; w < 4; w++ {
		go func() {
			sum := 0
			for {
				cmu.Lock()
				for len(queue) == 0 && !closed {
					cond.Wait()
				}
				if len(queue) == 0 {
					cmu.Unlock()
					got <- sum
					return
				}
				v := queue[0]
				queue = queue[1:]
				cmu.Unlock()
				sum += v
			}
		}()
	}
	for i := 1; i <= 1000; i++ {
		cmu.Lock()
		queue = append(queue, i)
		cmu.Unlock()
		cond.Signal()
	}
	cmu.Lock()
	closed = true
	cmu.Unlock()
	cond.Broadcast()
	total := 0
	for w := 0; w < 4; w++ {
		total += <-got
	}
	fmt.Println("cond queue total:", total)

	var m sync.Map
	m.Store("a", 1)
	m.Store("b", 2)
	v, ok := m.Load("a")
	act, loaded := m.LoadOrStore("a", 9)
	m.Delete("b")
	_, okb := m.Load("b")
	fmt.Println("sync.Map:", v, ok, act, loaded, okb)

	// sync/atomic functions.
	var i32 int32
	var i64 int64
	var u32 uint32
	var u64 uint64
	fmt.Println(atomic.AddInt32(&i32, 5), atomic.AddInt64(&i64, -5), atomic.AddUint32(&u32, 3), atomic.AddUint64(&u64, 10))
	fmt.Println(atomic.LoadInt32(&i32), atomic.LoadInt64(&i64), atomic.LoadUint32(&u32), atomic.LoadUint64(&u64))
	atomic.StoreInt32(&i32, 1)
	atomic.StoreInt64(&i64, 2)
	atomic.StoreUint32(&u32, 3)
	atomic.StoreUint64(&u64, 4)
	fmt.Println(atomic.SwapInt32(&i32, 10), atomic.SwapInt64(&i64, 20), atomic.SwapUint32(&u32, 30), atomic.SwapUint64(&u64, 40))
	fmt.Println(atomic.CompareAndSwapInt32(&i32, 10, 11), atomic.CompareAndSwapInt64(&i64, 0, 1),
		atomic.CompareAndSwapUint32(&u32, 30, 31), atomic.CompareAndSwapUint64(&u64, 40, 41))
	fmt.Println(i32, i64, u32, u64)
	atomic.AddUint32(&u32, ^uint32(0)) // subtract 1
	fmt.Println(u32)

	// sync/atomic types.
	var ai atomic.Int64
	var a32 atomic.Int32
	var ab atomic.Bool
	var av atomic.Value
	var au atomic.Uint64
	var au32 atomic.Uint32
	fmt.Println(ai.Add(3), ai.Load(), ai.Swap(9), ai.CompareAndSwap(9, 10), ai.Load())
	a32.Store(4)
	fmt.Println(a32.Add(1), a32.Load(), a32.Swap(7), a32.CompareAndSwap(7, 8), a32.Load())
	fmt.Println(ab.Load(), ab.Swap(true), ab.Load(), ab.CompareAndSwap(true, false), ab.Load())
	fmt.Println(av.Load() == nil)
	av.Store("hello")
	fmt.Println(av.Load(), av.Swap("x"), av.CompareAndSwap("x", "y"), av.Load())
	fmt.Println(au.Add(5), au32.Add(2))
	var cnt atomic.Int64
	var awg sync.WaitGroup
	for i := 0; i < 8; i++ {
		awg.Add(1)
		go func() {
			for j := 0; j < 10000; j++ {
				cnt.Add(1)
			}
			awg.Done()
		}()
	}
	awg.Wait()
	fmt.Println("atomic counter:", cnt.Load())

	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var neg sync.WaitGroup
		neg.Add(-1)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var v atomic.Value
		v.Store(1)
		v.Store("string")
	}()
}
