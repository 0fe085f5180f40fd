// a select case that is not a communication
package main

func main() {
	x := 1
	select {
	case x:
	}
}
