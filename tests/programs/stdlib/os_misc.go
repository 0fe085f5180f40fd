// os_misc: process information and the standard files: Getpid, Getppid,
// Hostname, Getwd, Getpagesize, Stdin/Stdout/Stderr names and descriptors,
// NewFile, DevNull, writing to Stderr, and stdout ordering between fmt,
// os.Stdout.Write and os.Stdout.WriteString.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	fmt.Println("pid:", os.Getpid() > 0, os.Getppid() > 0, os.Getpid() != os.Getppid())
	fmt.Println("uid:", os.Getuid() >= 0, os.Geteuid() >= 0, os.Getgid() >= 0, os.Getegid() >= 0)
	h, err := os.Hostname()
	fmt.Println("hostname:", h != "", err)
	wd, err := os.Getwd()
	fmt.Println("getwd:", strings.HasPrefix(wd, "/"), err)
	fmt.Println("pagesize:", os.Getpagesize())
	fmt.Println("names:", os.Stdin.Name(), os.Stdout.Name(), os.Stderr.Name())
	fmt.Println("fds:", os.Stdin.Fd(), os.Stdout.Fd(), os.Stderr.Fd())
	fmt.Println("consts:", os.DevNull, string(os.PathSeparator), string(os.PathListSeparator))
	fmt.Println("flags:", os.O_RDONLY, os.O_WRONLY, os.O_RDWR, os.O_APPEND, os.O_CREATE, os.O_EXCL, os.O_SYNC, os.O_TRUNC)
	fmt.Println("errors:", os.ErrInvalid, "|", os.ErrPermission, "|", os.ErrExist, "|", os.ErrNotExist, "|", os.ErrClosed)

	// Ordering: every way of writing to stdout lands in program order.
	fmt.Print("a")
	os.Stdout.Write([]byte("b"))
	os.Stdout.WriteString("c")
	fmt.Fprint(os.Stdout, "d")
	io.WriteString(os.Stdout, "e\n")
	out := os.NewFile(1, "my-stdout")
	fmt.Fprintln(out, "via NewFile(1):", out.Name())
	fmt.Fprintln(os.Stderr, "to stderr")
	n, err := os.Stderr.Write([]byte("stderr bytes\n"))
	fmt.Println("stderr write:", n, err)

	// /dev/null.
	f, err := os.Open(os.DevNull)
	fmt.Println("open devnull:", err)
	n, err = f.Read(make([]byte, 8))
	fmt.Println("read devnull:", n, err)
	f.Close()
	f, _ = os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	n, err = f.WriteString("discarded")
	fmt.Println("write devnull:", n, err)
	fi, err := f.Stat()
	fmt.Println("devnull mode:", fi.Mode()&os.ModeDevice != 0, fi.Mode()&os.ModeCharDevice != 0, fi.Name(), err)
	f.Close()

	// Stdin is /dev/null here.
	n, err = os.Stdin.Read(make([]byte, 4))
	fmt.Println("stdin:", n, err)

	// SyscallError.
	err = os.NewSyscallError("mysyscall", os.ErrPermission)
	fmt.Println(err, os.IsPermission(err), os.NewSyscallError("x", nil) == nil)
}
