// runtime failure: nil deref field write
package main

type T struct{ x, y int }

func main() {
	var p *T
	p.y = 3
}
