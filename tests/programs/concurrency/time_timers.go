// time_timers: Sleep, After, Tick, NewTimer (Stop, Reset, C), NewTicker
// (Stop, Reset), AfterFunc, Now, Since, Until, Sub, Before/After, Duration
// arithmetic, printing and unit constants. Timing checks have wide margins
// and only check lower bounds that Go guarantees.
package main

import (
	"fmt"
	"time"
)

func main() {
	fmt.Println(1500*time.Millisecond, 250*time.Millisecond, time.Duration(0), 90*time.Minute, 3*time.Microsecond, 7*time.Nanosecond)
	fmt.Println(time.Hour+2*time.Minute+3*time.Second+4*time.Millisecond, -time.Second, time.Duration(1<<63-1))
	d := 2 * time.Second
	fmt.Println(d.Seconds(), d.Milliseconds(), d.Minutes(), d/3, d%time.Millisecond, d.String(), d.Hours())
	fmt.Println(time.Nanosecond, time.Microsecond, time.Millisecond, time.Second, time.Minute, time.Hour)
	fmt.Println(d.Round(time.Hour), (1234567 * time.Microsecond).Truncate(time.Millisecond))
	start := time.Now()
	time.Sleep(20 * time.Millisecond)
	el := time.Since(start)
	fmt.Println(el >= 20*time.Millisecond, el < 2*time.Second)
	t2 := time.Now()
	fmt.Println(t2.Sub(start) >= 20*time.Millisecond, t2.After(start), start.Before(t2), time.Until(start) < 0)
	v := <-time.After(10 * time.Millisecond)
	fmt.Println(v.After(start))
	tm := time.NewTimer(time.Hour)
	fmt.Println(tm.Stop(), tm.Stop())
	tm.Reset(5 * time.Millisecond)
	<-tm.C
	fmt.Println("timer fired", tm.Stop())
	tk := time.NewTicker(2 * time.Millisecond)
	for i := 0; i < 3; i++ {
		<-tk.C
	}
	tk.Reset(1 * time.Millisecond)
	<-tk.C
	tk.Stop()
	fmt.Println("ticker ok")
	done := make(chan bool)
	af := time.AfterFunc(5*time.Millisecond, func() { done <- true })
	<-done
	fmt.Println("afterfunc", af.Stop())
	af2 := time.AfterFunc(time.Hour, func() { panic("no") })
	fmt.Println(af2.Stop())
	tc := time.Tick(time.Millisecond)
	<-tc
	<-tc
	fmt.Println("tick")
	// timeout select
	c := make(chan int)
	select {
	case <-c:
	case <-time.After(5 * time.Millisecond):
		fmt.Println("timeout")
	}
	fmt.Println(time.Duration(1500) * time.Microsecond)
	dd, err := time.ParseDuration("1h15m30.5s")
	fmt.Println(dd, err)
	var zero time.Time
	fmt.Println(zero.IsZero())
	tt := time.NewTimer(0)
	time.Sleep(time.Millisecond)
	fmt.Println(tt.Reset(time.Millisecond))
	<-tt.C
	fmt.Println("end")
}
