// Valid gotos: backward loops, jumping out of blocks, forward over no
// declarations, and labels in nested blocks reached from inside them.
package main

import "fmt"

func main() {
	i := 0
loop:
	if i < 3 {
		fmt.Print(i, " ")
		i++
		goto loop
	}
	fmt.Println()

	for j := 0; j < 10; j++ {
		if j == 2 {
			goto done
		}
		fmt.Print("j", j, " ")
	}
done:
	fmt.Println("done")

	n := 0
	{
	again:
		n++
		if n < 3 {
			goto again
		}
	}
	fmt.Println(n)

	goto skip
skip:
	var x = 5
	fmt.Println(x)

	switch {
	case true:
		k := 0
	inner:
		k++
		if k < 4 {
			goto inner
		}
		fmt.Println("k", k)
	}
}
