// bufio_stdin_reader: an interactive-style loop over bufio.NewReader(os.Stdin):
// prompts are printed with fmt.Print before each ReadString('\n'), and the
// last line has no newline (ReadString returns it with io.EOF).
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	in := bufio.NewReader(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	total := 0
	for i := 1; ; i++ {
		fmt.Fprintf(out, "prompt %d> ", i)
		line, err := in.ReadString('\n')
		if line != "" {
			cmd := strings.TrimRight(line, "\r\n")
			fmt.Fprintf(out, "got %q (%d bytes)\n", cmd, len(line))
			if r, _, e := strings.NewReader(cmd).ReadRune(); e == nil && r == 'é' {
				fmt.Fprintln(out, "starts with é")
			}
			total += len(line)
		}
		if err == io.EOF {
			fmt.Fprintln(out, "\nEOF after", total, "bytes")
			break
		}
		if err != nil {
			fmt.Fprintln(out, "error:", err)
			break
		}
	}
	// Further reads keep returning EOF.
	_, err := in.ReadByte()
	fmt.Fprintln(out, "ReadByte:", err)
}
