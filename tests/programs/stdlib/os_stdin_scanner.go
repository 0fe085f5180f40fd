// os_stdin_scanner: a bufio.Scanner over os.Stdin: count lines, words and
// bytes, sum the numbers, and report the longest line (the input has CRLF
// line endings in places, blank lines and no final newline).
package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

func main() {
	sc := bufio.NewScanner(os.Stdin)
	lines, words, bytes, sum := 0, 0, 0, 0
	longest := ""
	for sc.Scan() {
		line := sc.Text()
		lines++
		bytes += len(sc.Bytes())
		for _, w := range strings.Fields(line) {
			words++
			if n, err := strconv.Atoi(w); err == nil {
				sum += n
			}
		}
		if len(line) > len(longest) {
			longest = line
		}
		if strings.HasPrefix(line, "#") {
			fmt.Printf("comment at line %d: %q\n", lines, line)
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
	fmt.Println("lines:", lines, "words:", words, "bytes:", bytes, "sum:", sum)
	fmt.Printf("longest: %q\n", longest)
	// Stdin is exhausted now.
	n, err := os.Stdin.Read(make([]byte, 10))
	fmt.Println("after EOF:", n, err)
}
