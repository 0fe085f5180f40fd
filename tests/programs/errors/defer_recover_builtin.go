// defer recover() does not recover: recover is then not called by a deferred function
package main

func main() {
	defer recover()
	defer panic(1)
}
