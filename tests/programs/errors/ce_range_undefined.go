// range over an undefined name: the iteration variables are not reported unused
package main

func main() {
	for i, v := range undefinedThing {
	}
}
