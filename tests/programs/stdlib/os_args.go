// os_args: os.Args holds the program followed by its arguments, which may
// be empty or contain spaces and quotes; flags are plain strings to os.
package main

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	fmt.Println("len:", len(os.Args))
	fmt.Println("program set:", os.Args[0] != "")
	for i, a := range os.Args[1:] {
		fmt.Printf("arg %d: %q\n", i+1, a)
	}
	sum := 0
	for _, a := range os.Args[1:] {
		if n, err := strconv.Atoi(a); err == nil {
			sum += n
		}
	}
	fmt.Println("sum of numbers:", sum)
	// os.Args is an ordinary slice: it can be modified.
	os.Args = append(os.Args[:1], "replaced")
	fmt.Println(len(os.Args), os.Args[1])
}
