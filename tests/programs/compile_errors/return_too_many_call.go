package main

import "fmt"

func pair() (int, int) { return 1, 2 }

func first() int {
	return pair()
}

func main() { fmt.Println(first()) }
