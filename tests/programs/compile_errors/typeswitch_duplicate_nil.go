package main

import "fmt"

func describe(v interface{}) string {
	switch v.(type) {
	case nil:
		return "nil"
	case int, nil:
		return "int"
	}
	return "other"
}

func main() { fmt.Println(describe(1)) }
