// Package errors implements functions to manipulate errors. This is goi's
// version of Go 1.19's package; the reflection that As needs is done by
// natives (stdlib/errors.c).
package errors

// New returns an error that formats as the given text. Each call returns
// a distinct error value even if the text is identical.
func New(text string) error {
	return &errorString{text}
}

type errorString struct {
	s string
}

func (e *errorString) Error() string {
	return e.s
}

// Unwrap returns the result of calling the Unwrap method on err, if err's
// type contains an Unwrap method returning error. Otherwise, Unwrap
// returns nil.
func Unwrap(err error) error {
	u, ok := err.(interface {
		Unwrap() error
	})
	if !ok {
		return nil
	}
	return u.Unwrap()
}

// Is reports whether any error in err's chain matches target: it is equal
// to target, or has an Is(error) bool method that says so.
func Is(err, target error) bool {
	if target == nil {
		return err == target
	}
	isComparable := typeComparable(target)
	for {
		if isComparable && err == target {
			return true
		}
		if x, ok := err.(interface{ Is(error) bool }); ok && x.Is(target) {
			return true
		}
		if err = Unwrap(err); err == nil {
			return false
		}
	}
}

// As finds the first error in err's chain that matches target, and if one
// is found, sets target to that error value and returns true. target must
// be a non-nil pointer to an interface type or to a type implementing
// error.
func As(err error, target any) bool {
	if target == nil {
		panic("errors: target cannot be nil")
	}
	switch checkTarget(target) {
	case 1:
		panic("errors: target must be a non-nil pointer")
	case 2:
		panic("errors: *target must be interface or implement error")
	}
	for err != nil {
		if assignTo(err, target) {
			return true
		}
		if x, ok := err.(interface{ As(any) bool }); ok && x.As(target) {
			return true
		}
		err = Unwrap(err)
	}
	return false
}

// typeComparable reports whether the dynamic type of err supports ==.
func typeComparable(err error) bool

// checkTarget validates As's target: 0 ok, 1 not a non-nil pointer,
// 2 pointee neither an interface nor an error type.
func checkTarget(target any) int

// assignTo stores err in *target if its type is assignable there.
func assignTo(err error, target any) bool
