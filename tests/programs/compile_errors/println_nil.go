package main

func main() {
	println("value:", nil)
}
