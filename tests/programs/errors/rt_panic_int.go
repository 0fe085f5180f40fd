// runtime failure: panic int
package main

func main() {
	panic(42)
}
