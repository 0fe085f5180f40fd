// indexing an undefined name uses the index
package main

func main() {
	i := 1
	_ = undefinedThing[i]
}
