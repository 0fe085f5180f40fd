// blocking: a C call that blocks leaves the other goroutines running, even
// with a single processor: the calling thread hands its processor to
// another thread for the duration of the call.
//
// Two checks, both without timing assumptions beyond a wide margin:
//  1. a goroutine blocks in read() on an empty pipe; main runs, prints, and
//     only then writes the byte that wakes the reader;
//  2. a goroutine sleeps 1.5 seconds in C (usleep); main counts to a
//     million meanwhile and sees it still asleep.
package main

// #include <unistd.h>
// int pipe(int fds[2]);
// ssize_t read(int fd, void *buf, size_t n);
// ssize_t write(int fd, const void *buf, size_t n);
// int close(int fd);
// int usleep(unsigned int usec);
import "C"

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

func main() {
	runtime.GOMAXPROCS(1)

	fds := make([]C.int, 2)
	if C.pipe(&fds[0]) != 0 {
		fmt.Println("pipe failed")
		return
	}
	got := make(chan string)
	started := make(chan bool)
	go func() {
		buf := C.malloc(1)
		defer C.free(buf)
		started <- true
		n := C.read(fds[0], buf, 1) // blocks until main writes
		got <- fmt.Sprintf("reader: read %d byte %q", n, C.GoBytes(buf, 1))
	}()
	<-started
	// The reader is (about to be) blocked in read(); main still runs.
	for i := 0; i < 3; i++ {
		runtime.Gosched()
	}
	fmt.Println("main: running while the reader waits in C")
	msg := C.CBytes([]byte("!"))
	C.write(fds[1], msg, 1)
	C.free(msg)
	fmt.Println(<-got)
	C.close(fds[0])
	C.close(fds[1])

	var awake int32
	done := make(chan string)
	go func() {
		started <- true
		C.usleep(1500000)
		atomic.StoreInt32(&awake, 1)
		done <- "sleeper: woke up"
	}()
	<-started
	sum := 0
	for i := 0; i < 1000000; i++ {
		sum += i
	}
	fmt.Println("main: counted to a million:", sum, "- sleeper still in C:", atomic.LoadInt32(&awake) == 0)
	fmt.Println(<-done)
}
