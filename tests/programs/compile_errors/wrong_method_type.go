package main

type I interface{ M(x int) string }
type T struct{}

func (T) M(s string) int { return 0 }

func main() {
	var i I = T{}
	_ = i
}
