// x op= y with mismatched types shows op=
package main

func main() {
	x := 1
	x += "a"
}
