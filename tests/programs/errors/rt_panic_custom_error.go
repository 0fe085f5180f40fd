// runtime failure: panic custom error
package main

type MyErr struct{ code int }

func (e MyErr) Error() string { return "myerr" }

func main() {
	panic(MyErr{3})
}
