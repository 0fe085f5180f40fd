// compile error: assign map struct field
package main

type T struct{ a int }

func main() {
	m := map[string]T{}
	m["x"].a = 1
}
