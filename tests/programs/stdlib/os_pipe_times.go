// os_pipe_times: os.Pipe between goroutines (reads block until data
// arrives; EOF after the write end closes), bufio over a pipe, File.ReadFrom
// through io.Copy, Chtimes, IsPathSeparator and the user directories.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

func main() {
	r, w, err := os.Pipe()
	fmt.Println("pipe:", r.Name(), w.Name(), err)
	go func() {
		bw := bufio.NewWriter(w)
		for i := 1; i <= 3; i++ {
			fmt.Fprintf(bw, "message %d\n", i)
			bw.Flush()
			time.Sleep(10 * time.Millisecond)
		}
		w.Close()
	}()
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		fmt.Println("received:", sc.Text())
	}
	fmt.Println("scan end:", sc.Err())
	n, err := r.Read(make([]byte, 4))
	fmt.Println("read after EOF:", n, err)
	r.Close()

	// Writing to a pipe whose read end is closed fails with EPIPE.
	r, w, _ = os.Pipe()
	r.Close()
	_, err = w.Write([]byte("x"))
	fmt.Println("broken pipe:", err)
	w.Close()

	// A large io.Copy through a pipe (more than the kernel buffer).
	r, w, _ = os.Pipe()
	go func() {
		_, isRF := io.Writer(w).(io.ReaderFrom)
		n, err := io.Copy(w, strings.NewReader(strings.Repeat("0123456789", 20000)))
		fmt.Println("copied in:", n, err, isRF)
		w.Close()
	}()
	data, err := io.ReadAll(r)
	fmt.Println("copied out:", len(data), err, string(data[:10]))
	r.Close()

	dir, _ := os.MkdirTemp("", "goi-times-*")
	defer os.RemoveAll(dir)
	name := dir + "/f"
	os.WriteFile(name, []byte("x"), 0644)
	mt := time.Date(2001, 2, 3, 4, 5, 6, 700000000, time.UTC)
	err = os.Chtimes(name, mt, mt)
	fi, _ := os.Stat(name)
	fmt.Println("chtimes:", err, fi.ModTime().Unix(), fi.ModTime().Nanosecond(), fi.ModTime().Equal(mt))
	err = os.Chtimes(dir+"/missing", mt, mt)
	fmt.Println(strings.ReplaceAll(err.Error(), dir, "$TMP"))

	fmt.Println(os.IsPathSeparator('/'), os.IsPathSeparator('\\'), os.IsPathSeparator('a'))
	os.Setenv("XDG_CACHE_HOME", "/cache")
	os.Setenv("XDG_CONFIG_HOME", "")
	os.Setenv("HOME", "/home/gopher")
	c, err := os.UserCacheDir()
	fmt.Println(c, err)
	c, err = os.UserConfigDir()
	fmt.Println(c, err)
	os.Unsetenv("HOME")
	c, err = os.UserConfigDir()
	fmt.Printf("%q %v\n", c, err)
	_, err = os.UserHomeDir()
	fmt.Println(err)
}
