// compile error: unused import
package main

import "os"

func main() {
}
