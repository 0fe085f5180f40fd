// runtime failure: panic custom error ptr
package main

type MyErr struct{ code int }

func (e *MyErr) Error() string { return "myerr ptr" }

func main() {
	panic(&MyErr{3})
}
