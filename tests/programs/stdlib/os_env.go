// os_env: environment variables: Setenv, Getenv, LookupEnv, Unsetenv,
// Environ, Expand, ExpandEnv, and Setenv's error for invalid names.
package main

import (
	"fmt"
	"os"
	"strings"
)

func inEnviron(kv string) bool {
	for _, e := range os.Environ() {
		if e == kv {
			return true
		}
	}
	return false
}

func main() {
	v, ok := os.LookupEnv("GOI_TEST_UNSET_VARIABLE")
	fmt.Printf("unset: %q %v %q\n", v, ok, os.Getenv("GOI_TEST_UNSET_VARIABLE"))
	fmt.Println(os.Setenv("GOI_TEST_VAR", "hello world"))
	v, ok = os.LookupEnv("GOI_TEST_VAR")
	fmt.Printf("set: %q %v %v\n", v, ok, inEnviron("GOI_TEST_VAR=hello world"))
	os.Setenv("GOI_TEST_VAR", "changed")
	fmt.Println("changed:", os.Getenv("GOI_TEST_VAR"), inEnviron("GOI_TEST_VAR=changed"), inEnviron("GOI_TEST_VAR=hello world"))
	os.Setenv("GOI_EMPTY", "")
	v, ok = os.LookupEnv("GOI_EMPTY")
	fmt.Printf("empty: %q %v %v\n", v, ok, inEnviron("GOI_EMPTY="))
	fmt.Println(os.Unsetenv("GOI_TEST_VAR"))
	v, ok = os.LookupEnv("GOI_TEST_VAR")
	fmt.Printf("after unset: %q %v %v\n", v, ok, inEnviron("GOI_TEST_VAR=changed"))
	fmt.Println("unset missing:", os.Unsetenv("GOI_NEVER_SET"))

	fmt.Println("bad names:", os.Setenv("", "x"), "|", os.Setenv("A=B", "x"), "|", os.Setenv("NUL\x00", "x"), "|", os.Setenv("V", "a\x00b"))

	for _, e := range os.Environ() {
		if !strings.Contains(e, "=") {
			fmt.Println("malformed:", e)
		}
	}

	os.Setenv("GOI_NAME", "gopher")
	os.Setenv("GOI_N", "3")
	fmt.Println(os.ExpandEnv("hi $GOI_NAME, ${GOI_N} times; $GOI_MISSING|${GOI_NAME}s $$ $ ${} ${ end"))
	fmt.Println(os.Expand("$a + ${b} = $c $1 $* ${@}", func(k string) string { return "<" + k + ">" }))
	fmt.Println(os.Expand("no vars", nil))
	fmt.Println(os.ExpandEnv("trailing $"))

	home, err := os.UserHomeDir()
	fmt.Println("home:", home == os.Getenv("HOME"), err)
	fmt.Println("tempdir:", os.TempDir() != "")
}
