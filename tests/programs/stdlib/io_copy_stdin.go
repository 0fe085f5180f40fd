// io_copy_stdin: io.Copy from os.Stdin to os.Stdout (a cat), preceded and
// followed by fmt output, then io.ReadAll of the exhausted stdin.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	fmt.Println("--- begin")
	n, err := io.Copy(os.Stdout, os.Stdin)
	fmt.Println("--- end:", n, "bytes, err:", err)
	rest, err := io.ReadAll(os.Stdin)
	fmt.Println("rest:", len(rest), err)
	n2, err := io.CopyN(os.Stderr, os.Stdin, 1)
	fmt.Println("CopyN at EOF:", n2, err)
}
