package main

func main() {
	m := map[int]int{}
	switch m {
	case m:
	}
	a := []int{}
	switch a {
	case nil, a:
	}
}
