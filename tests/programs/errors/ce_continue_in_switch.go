// compile error: continue in switch
package main

func main() {
	switch {
	case true:
		continue
	}
}
