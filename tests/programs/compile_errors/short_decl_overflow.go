package main

import "fmt"

func main() {
	big := 1 << 64
	fmt.Println(big)
}
