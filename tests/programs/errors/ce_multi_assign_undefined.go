// two variables assigned from an undefined call
package main

func main() {
	a, b := 1, 2
	a, b = undefinedFn()
}
