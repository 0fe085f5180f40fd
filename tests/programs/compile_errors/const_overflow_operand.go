package main

import "fmt"

func main() {
	var small int8 = 100
	fmt.Println(small + 300)
}
