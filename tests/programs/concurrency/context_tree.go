// context_tree: Background, TODO, WithCancel, WithTimeout, WithDeadline,
// WithValue; Done, Err, Deadline, Value; Canceled and DeadlineExceeded;
// cancellation propagating from parents to children (also to a child with
// a later deadline, and through a custom Context); String forms.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

type key string

func main() {
	bg := context.Background()
	fmt.Println(bg, context.TODO(), bg.Err(), bg.Done() == nil)
	_, ok := bg.Deadline()
	fmt.Println(ok)
	ctx, cancel := context.WithCancel(bg)
	child, ccancel := context.WithCancel(ctx)
	defer ccancel()
	vctx := context.WithValue(child, key("k"), "v")
	gchild, gcancel := context.WithTimeout(vctx, time.Hour)
	defer gcancel()
	fmt.Println(vctx.Value(key("k")), vctx.Value(key("z")), gchild.Value(key("k")))
	fmt.Println(ctx.Err(), child.Err())
	cancel()
	<-child.Done()
	<-gchild.Done()
	fmt.Println(ctx.Err(), child.Err(), gchild.Err(), vctx.Err())
	fmt.Println(errors.Is(gchild.Err(), context.Canceled))
	tctx, tcancel := context.WithTimeout(bg, 10*time.Millisecond)
	defer tcancel()
	dl, ok := tctx.Deadline()
	fmt.Println(ok, time.Until(dl) <= 10*time.Millisecond)
	select {
	case <-tctx.Done():
		fmt.Println(tctx.Err(), tctx.Err() == context.DeadlineExceeded)
	case <-time.After(10 * time.Second):
		fmt.Println("late")
	}
	dctx, dcancel := context.WithDeadline(bg, time.Now().Add(-time.Second))
	fmt.Println(dctx.Err())
	dcancel()
	fmt.Println(context.Canceled, context.DeadlineExceeded)
	var de interface{ Timeout() bool }
	fmt.Println(errors.As(context.DeadlineExceeded, &de), de != nil && de.Timeout())
	// worker cancellation
	wctx, wcancel := context.WithCancel(bg)
	res := make(chan int)
	go func() {
		n := 0
		for {
			select {
			case <-wctx.Done():
				res <- n
				return
			default:
				n++
				if n == 1000 {
					wcancel()
				}
			}
		}
	}()
	fmt.Println(<-res >= 1000)
	// parent with shorter deadline
	p, pc := context.WithTimeout(bg, time.Millisecond)
	defer pc()
	c2, cc2 := context.WithTimeout(p, time.Hour)
	defer cc2()
	<-c2.Done()
	fmt.Println(c2.Err())
	fmt.Printf("%v\n", ctx)
	fmt.Println(vctx)
}

type myCtx struct{ context.Context }

func init() {
	fmt.Println(context.WithValue(context.Background(), 1, 2.5))
	fmt.Println(context.WithValue(myCtx{context.Background()}, "k", time.Second))
	c, cancel := context.WithCancel(myCtx{context.TODO()})
	defer cancel()
	fmt.Println(c)
}
