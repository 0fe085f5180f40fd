#!/usr/bin/env bash
# concurrency_checks.sh - checks of goi's runtime that a program's output
# cannot show: they look at the process from outside.
#
# usage: concurrency_checks.sh GOI CHECK
#   idle_sleep  a program that waits 1 s on timers while other goroutines
#               wait on sync primitives and channels uses (almost) no CPU:
#               user+sys under 0.1 s (bash's times): all of them are parked
#   sigquit     SIGQUIT prints every goroutine's stack and exits with 2
set -u
export LC_ALL=C
goi=$(realpath "$1")
check=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() {
    echo "FAIL $check: $*"
    exit 1
}

case $check in
idle_sleep)
    cat >"$work/sleep.go" <<'GO'
package main

import (
	"fmt"
	"sync"
	"time"
)

// While main waits on timers, other goroutines wait on a Mutex, an
// RWMutex, a Cond, a WaitGroup, a channel and a select: all parked.
func main() {
	var mu sync.Mutex
	var rw sync.RWMutex
	var wg, never sync.WaitGroup
	cond := sync.NewCond(&sync.Mutex{})
	ch := make(chan int)
	mu.Lock()
	rw.Lock()
	never.Add(1)
	wg.Add(6)
	go func() { defer wg.Done(); mu.Lock(); mu.Unlock() }()
	go func() { defer wg.Done(); rw.RLock(); rw.RUnlock() }()
	go func() { defer wg.Done(); cond.L.Lock(); cond.Wait(); cond.L.Unlock() }()
	go func() { defer wg.Done(); <-ch }()
	go func() {
		defer wg.Done()
		select {
		case <-ch:
		case <-time.After(time.Hour):
		}
	}()
	go func() { defer wg.Done(); never.Wait() }()
	done := make(chan bool)
	go func() {
		<-time.After(time.Second)
		done <- true
	}()
	t := time.NewTicker(250 * time.Millisecond)
	n := 0
	for range t.C {
		n++
		if n == 3 {
			break
		}
	}
	time.Sleep(100 * time.Millisecond)
	<-done
	mu.Unlock()
	rw.Unlock()
	cond.L.Lock()
	cond.Broadcast()
	cond.L.Unlock()
	ch <- 1
	ch <- 2
	never.Done()
	wg.Wait()
	fmt.Println("slept")
}
GO
    # CPU time of the child, from the shell's own accounting: no dependency
    # on /usr/bin/time being installed.
    out=$(cd "$work" && "$goi" run sleep.go) || fail "exit status $?"
    [ "$out" = slept ] || fail "printed '$out'"
    # `times` prints the children's "XmY.YYYs XmY.YYYs" (user, sys) last.
    cpu=$(times | tail -n 1 | tr 'ms' '  ' | awk '{ printf "%.3f", $1 * 60 + $2 + $3 * 60 + $4 }')
    echo "1 s of timers: user+sys $cpu s"
    awk -v c="$cpu" 'BEGIN { exit !(c < 0.1) }' || fail "used $cpu s of CPU while sleeping"
    ;;
sigquit)
    cat >"$work/quit.go" <<'GO'
package main

import (
	"fmt"
	"os"
	"time"
)

func blocked(c chan int) { <-c }

func main() {
	c := make(chan int)
	go blocked(c)
	fmt.Println("ready")
	os.Stdout.Sync()
	time.Sleep(time.Hour) // a pending timer: not a deadlock
}
GO
    mkfifo "$work/out"
    (cd "$work" && exec "$goi" run quit.go >"$work/out" 2>"$work/err") &
    pid=$!
    read -r line <"$work/out" # the program is running all its goroutines now
    [ "$line" = ready ] || fail "printed '$line'"
    sleep 0.2 # let the goroutine park (the dump is right either way)
    kill -QUIT "$pid"
    wait "$pid"
    rc=$?
    [ "$rc" = 2 ] || fail "exit status $rc, want 2"
    for want in 'SIGQUIT: quit' 'goroutine 1 [sleep]:' 'main.main()' \
        'goroutine 2 [chan receive]:' 'main.blocked(' 'created by main.main'; do
        grep -qF -- "$want" "$work/err" || fail "stderr lacks '$want':
$(cat "$work/err")"
    done
    echo "SIGQUIT dumped the goroutines, exit 2"
    ;;
*)
    echo "concurrency_checks.sh: unknown check '$check'" >&2
    exit 2
    ;;
esac
