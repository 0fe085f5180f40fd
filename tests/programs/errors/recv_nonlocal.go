// methods on a type of another package
package main

import "strings"

func (b *strings.Builder) M() {}

func main() {}
