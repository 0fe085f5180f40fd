package main

import "fmt"

const limit int8 = 100

func main() {
	fmt.Println(limit * 2)
}
