// defer of a built-in whose result is discarded
package main

func main() {
	s := []int{}
	defer len(s)
}
