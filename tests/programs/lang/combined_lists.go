// Tests: pointer data structures - a doubly linked list and a binary
// search tree with insertion, deletion, traversal and methods on pointers.
package main

import (
	"fmt"
	"strings"
)

type node struct {
	val        int
	prev, next *node
}

type List struct {
	head, tail *node
	n          int
}

func (l *List) PushBack(v int) {
	nd := &node{val: v, prev: l.tail}
	if l.tail != nil {
		l.tail.next = nd
	} else {
		l.head = nd
	}
	l.tail = nd
	l.n++
}

func (l *List) PushFront(v int) {
	nd := &node{val: v, next: l.head}
	if l.head != nil {
		l.head.prev = nd
	} else {
		l.tail = nd
	}
	l.head = nd
	l.n++
}

func (l *List) Remove(v int) bool {
	for nd := l.head; nd != nil; nd = nd.next {
		if nd.val != v {
			continue
		}
		if nd.prev != nil {
			nd.prev.next = nd.next
		} else {
			l.head = nd.next
		}
		if nd.next != nil {
			nd.next.prev = nd.prev
		} else {
			l.tail = nd.prev
		}
		l.n--
		return true
	}
	return false
}

func (l *List) Reverse() {
	for nd := l.head; nd != nil; nd = nd.prev {
		nd.prev, nd.next = nd.next, nd.prev
	}
	l.head, l.tail = l.tail, l.head
}

func (l *List) String() string {
	var b strings.Builder
	b.WriteString("[")
	for nd := l.head; nd != nil; nd = nd.next {
		if nd != l.head {
			b.WriteString(" <-> ")
		}
		fmt.Fprint(&b, nd.val)
	}
	b.WriteString("]")
	return b.String()
}

type Tree struct {
	Left, Right *Tree
	Key         string
	Count       int
}

func (t *Tree) Insert(k string) *Tree {
	if t == nil {
		return &Tree{Key: k, Count: 1}
	}
	switch {
	case k < t.Key:
		t.Left = t.Left.Insert(k)
	case k > t.Key:
		t.Right = t.Right.Insert(k)
	default:
		t.Count++
	}
	return t
}

func (t *Tree) Walk(f func(*Tree)) {
	if t == nil {
		return
	}
	t.Left.Walk(f)
	f(t)
	t.Right.Walk(f)
}

func (t *Tree) Height() int {
	if t == nil {
		return 0
	}
	l, r := t.Left.Height(), t.Right.Height()
	if l > r {
		return l + 1
	}
	return r + 1
}

func (t *Tree) Delete(k string) *Tree {
	if t == nil {
		return nil
	}
	switch {
	case k < t.Key:
		t.Left = t.Left.Delete(k)
	case k > t.Key:
		t.Right = t.Right.Delete(k)
	default:
		if t.Left == nil {
			return t.Right
		}
		if t.Right == nil {
			return t.Left
		}
		min := t.Right
		for min.Left != nil {
			min = min.Left
		}
		t.Key, t.Count = min.Key, min.Count
		t.Right = t.Right.Delete(min.Key)
	}
	return t
}

func main() {
	var l List
	for i := 1; i <= 5; i++ {
		l.PushBack(i * 10)
	}
	l.PushFront(5)
	fmt.Println(&l, l.n)
	fmt.Println(l.Remove(30), l.Remove(99), &l)
	l.Reverse()
	fmt.Println(&l, l.head.val, l.tail.val)

	var root *Tree
	for _, w := range strings.Fields("the quick brown fox jumps over the lazy dog the end") {
		root = root.Insert(w)
	}
	var words []string
	root.Walk(func(t *Tree) { words = append(words, fmt.Sprintf("%s:%d", t.Key, t.Count)) })
	fmt.Println(strings.Join(words, " "), "height", root.Height())
	root = root.Delete("the").Delete("fox").Delete("missing")
	words = words[:0]
	root.Walk(func(t *Tree) { words = append(words, t.Key) })
	fmt.Println(words, "height", root.Height())
	var empty *Tree
	fmt.Println(empty.Height(), empty.Delete("x") == nil)
}
