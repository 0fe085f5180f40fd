package main

import (
	"encoding/json"
	"fmt"
	web "net/http"
	"strings"
)

type T struct {
	H web.Handler
}

func main() {
	b, _ := json.Marshal(1)
	fmt.Println(string(b), strings.Bar, T{})
}
