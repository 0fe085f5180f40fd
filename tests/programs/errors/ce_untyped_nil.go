// compile error: untyped nil
package main

func main() {
	x := nil
	_ = x
}
