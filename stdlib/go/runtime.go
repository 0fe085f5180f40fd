// Package runtime exposes goi's scheduler: goroutine counts, GOMAXPROCS,
// yielding, and Goexit.
package runtime

// The Error interface identifies a run time error.
type Error interface {
	error
	RuntimeError()
}

// GOOS and GOARCH name the system goi runs on.
const GOOS = "linux"
const GOARCH = "amd64"

// Compiler is the name of the toolchain that ran the program.
const Compiler = "goi"

func Gosched()
func NumGoroutine() int
func GOMAXPROCS(n int) int
func NumCPU() int
func Goexit()
func GC()
func Version() string

// KeepAlive marks its argument as currently reachable.
func KeepAlive(x any) {}

// MemStats records statistics about the memory allocator (a subset of Go's).
type MemStats struct {
	Alloc      uint64
	TotalAlloc uint64
	Sys        uint64
	HeapAlloc  uint64
	HeapSys    uint64
	NumGC      uint32
}

func ReadMemStats(m *MemStats) {
	m.Alloc, m.TotalAlloc, m.Sys, m.NumGC = memStats()
	m.HeapAlloc = m.Alloc
	m.HeapSys = m.Sys
}

func memStats() (alloc, total, sys uint64, numGC uint32)

// Caller reports the file and line of the function call on the calling
// goroutine's stack: skip 0 is the caller of Caller. goi has no program
// counters; pc is always 0.
func Caller(skip int) (pc uintptr, file string, line int, ok bool) {
	file, line, ok = caller(skip + 1)
	return
}

func caller(skip int) (file string, line int, ok bool)
