// runtime failure: rt exit code from deferred exit
package main

import (
	"fmt"
	"os"
)

func main() {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered:", r)
			os.Exit(4)
		}
	}()
	panic("fail")
}
