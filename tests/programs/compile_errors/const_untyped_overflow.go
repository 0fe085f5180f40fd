package main

import "fmt"

const huge = 1 << 400

func main() {
	fmt.Println(huge * huge >> 700)
}
