// A type declared as another named type whose declaration refers back to
// it through a pointer, slice, map, chan or func is fine (from Go's
// test/fixedbugs/bug336.go).
package main

import "fmt"

type T1 struct {
	Next *T2
	N    int
}

type T2 T1

type T3 struct {
	Next *T4
}

type T4 T5
type T5 T6
type T6 T3

type List []Tree
type Tree List

type M map[string]Node
type Node M

type F func(int) G
type G F

func (t T2) String() string { return fmt.Sprintf("T2(%d)", t.N) }

func main() {
	a := T1{N: 1}
	b := T2{Next: (*T2)(&a), N: 2}
	a.Next = &b
	fmt.Println(a.Next.N, a.Next.Next.N, b, T2(a))

	var t T3
	t.Next = &T4{}
	t.Next.Next = (*T4)(&t)
	fmt.Println(t.Next.Next.Next.Next == nil)

	tree := Tree{Tree{}, Tree{Tree{}}}
	fmt.Println(len(tree), len(tree[1]))

	n := Node{"a": Node{"b": nil}}
	fmt.Println(len(n["a"]), n["a"]["b"] == nil)

	var f F
	f = func(i int) G { fmt.Println("f", i); return G(f) }
	f(1)(2)
}
