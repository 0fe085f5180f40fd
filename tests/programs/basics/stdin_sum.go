// stdin_sum: reads lines from stdin (stdin_sum.in), sums the numbers and
// reports the lines that are not numbers.
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
	sum, lines := 0, 0
	for sc.Scan() {
		lines++
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			continue
		}
		n, err := strconv.Atoi(text)
		if err != nil {
			fmt.Printf("line %d: not a number: %q\n", lines, text)
			continue
		}
		sum += n
	}
	fmt.Println("lines:", lines, "sum:", sum)
}
