// runtime failure: g recover in main doesnt catch
package main

import (
	"fmt"
	"time"
)

func main() {
	defer func() {
		fmt.Println("main recovered:", recover())
	}()
	go func() {
		panic("goroutine boom")
	}()
	time.Sleep(2 * time.Second)
}
