package main

func main() {
	var s string
	var f float64
	println(real(s), imag(f), real(true))
}
