package main

import (
	"fmt"
	"strings"
)

func main() {
	var b strings.builder
	fmt.Println(b)
}
