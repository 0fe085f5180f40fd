// exit_status: os.Exit ends the program at once with the given status;
// deferred calls do not run.
package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("deferred: never printed")
	fmt.Println("about to fail")
	fmt.Fprintln(os.Stderr, "error: configuration file missing")
	os.Exit(3)
}
