package main

// Hashing a map key nested a million levels deep through interfaces (see
// equal_nested_interfaces).

func main() {
	var a any
	for i := 0; i < 1000000; i++ {
		a = [1]any{a}
	}
	m := map[any]int{}
	m[a] = 1
	println(len(m))
}
