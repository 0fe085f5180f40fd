// runtime failure: panic named int
package main

type Code int

func main() {
	panic(Code(5))
}
