package main

import (
	"fmt"
	"path/filepath"
	"runtime"
)

func where() string {
	_, file, line, ok := runtime.Caller(1)
	return fmt.Sprint(filepath.Base(file), ":", line, " ", ok)
}

func deeper() {
	fmt.Println("deeper at", where())
	_, f, l, ok := runtime.Caller(0)
	fmt.Println(filepath.Base(f), l, ok)
	_, f, l, ok = runtime.Caller(1)
	fmt.Println(filepath.Base(f), l, ok)
}

func main() {
	fmt.Println("main at", where())
	deeper()
	_, _, _, ok := runtime.Caller(50)
	fmt.Println(ok)
	func() {
		fmt.Println("closure at", where())
	}()
}
