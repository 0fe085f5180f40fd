// runtime failure: panic in defer three
package main

func main() {
	defer func() { panic("c") }()
	defer func() { panic("b") }()
	panic("a")
}
