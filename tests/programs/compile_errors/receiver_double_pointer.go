package main

type Node struct{ next *Node }

func (n **Node) Advance() { *n = (*n).next }

func main() {}
