// args: os.Args holds the program name followed by the command-line arguments
// (from args.args, one per line; an argument may contain spaces).
package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	args := os.Args[1:]
	fmt.Println("count:", len(args))
	for i, a := range args {
		fmt.Printf("%d: %q\n", i, a)
	}
	fmt.Println(strings.Join(args, "|"))
}
