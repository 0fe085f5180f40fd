// compile error: missing return typeswitch
package main

func f(x interface{}) int {
	switch x.(type) {
	case int:
		return 1
	}
}

func main() { f(1) }
