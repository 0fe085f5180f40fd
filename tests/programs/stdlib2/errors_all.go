package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
)

var ErrNotFound = errors.New("not found")

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

type codeErr int

func (c codeErr) Error() string { return "code " + strconv.Itoa(int(c)) }
func (c codeErr) Is(target error) bool {
	t, ok := target.(codeErr)
	return ok && (t == 0 || t == c)
}

type asTarget struct{ s string }

func (a asTarget) Error() string { return a.s }
func (a asTarget) As(target any) bool {
	if p, ok := target.(*codeErr); ok {
		*p = 42
		return true
	}
	return false
}

func find(k string) error {
	if k == "" {
		return &QueryError{"find", ErrNotFound}
	}
	return nil
}

func main() {
	e := errors.New("x")
	fmt.Println(e, e == errors.New("x"), errors.Unwrap(e))
	err := find("")
	fmt.Println(err, errors.Is(err, ErrNotFound), errors.Is(err, io.EOF))
	var qe *QueryError
	fmt.Println(errors.As(err, &qe), qe.Query)
	wrapped := fmt.Errorf("layer2: %w", fmt.Errorf("layer1: %w", err))
	fmt.Println(wrapped, errors.Is(wrapped, ErrNotFound), errors.As(wrapped, &qe))
	fmt.Println(errors.Unwrap(errors.Unwrap(wrapped)) == err)
	fmt.Println(errors.Is(codeErr(5), codeErr(0)), errors.Is(codeErr(5), codeErr(6)), errors.Is(fmt.Errorf("w: %w", codeErr(7)), codeErr(7)))
	var ce codeErr
	fmt.Println(errors.As(asTarget{"t"}, &ce), ce)
	fmt.Println(errors.Is(nil, nil), errors.Is(nil, e), errors.Is(e, nil), errors.Unwrap(nil))
	_, err = os.Open("/definitely/not/here")
	var pe *fs.PathError
	fmt.Println(errors.Is(err, fs.ErrNotExist), errors.Is(err, os.ErrNotExist), errors.As(err, &pe), pe.Path, pe.Err)
	_, err = strconv.Atoi("zz")
	var ne *strconv.NumError
	fmt.Println(errors.As(err, &ne), ne.Func, errors.Is(err, strconv.ErrSyntax))
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		errors.As(err, nil)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var s string
		errors.As(err, &s)
	}()
	var target interface{ Timeout() bool }
	fmt.Println(errors.As(err, &target))
	var anyErr error
	fmt.Println(errors.As(wrapped, &anyErr), anyErr == wrapped)
	fmt.Printf("%v %s %q %T\n", wrapped, wrapped, e, err)
}
