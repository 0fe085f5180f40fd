// methods on a predeclared type
package main

func (x int) M() {}

func main() {}
