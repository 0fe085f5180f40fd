// runtime failure: dl select empty
package main

func main() {
	select {}
}
