// runtime failure: panic nil
package main

func main() {
	panic(nil)
}
