// runtime failure: rt log fatal
package main

import "log"

func main() {
	log.SetFlags(0)
	log.Fatal("fatal problem")
}
