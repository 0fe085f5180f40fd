// compile error: recv sendonly
package main

import "fmt"

func f(c chan<- int) {
	fmt.Println(<-c)
}

func main() { f(nil) }
