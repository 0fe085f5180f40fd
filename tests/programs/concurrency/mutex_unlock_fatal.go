// mutex_unlock_fatal: unlocking an unlocked sync.Mutex is a fatal error in
// Go (not a panic: recover cannot stop it); exit status 2.
package main

import (
	"fmt"
	"sync"
)

func main() {
	defer func() { fmt.Println("not reached:", recover()) }()
	var mu sync.Mutex
	mu.Lock()
	mu.Unlock()
	fmt.Println("unlocking again")
	mu.Unlock()
}
