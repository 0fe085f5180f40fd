// runtime failure: unlock unlocked
package main

import "sync"

func main() {
	var mu sync.Mutex
	mu.Unlock()
}
