// compile error: assign const
package main

const k = 1

func main() {
	k = 2
}
