package main

import "fmt"

func f(ok bool) (int, error) {
	if ok {
		return 1, nil
	}
	return "bad", nil, true
}

func main() { fmt.Println(f(true)) }
