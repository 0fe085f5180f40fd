// Tests: an expression evaluator - a tokenizer, a recursive-descent parser
// building an AST of interface values, and evaluation with a type switch.
package main

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

type Expr interface{}

type Num float64
type Var string
type Unary struct {
	Op byte
	X  Expr
}
type Binary struct {
	Op   byte
	L, R Expr
}
type Call struct {
	Fn   string
	Args []Expr
}

type parser struct {
	toks []string
	pos  int
}

func tokenize(s string) []string {
	var toks []string
	for i := 0; i < len(s); {
		c := rune(s[i])
		switch {
		case unicode.IsSpace(c):
			i++
		case unicode.IsDigit(c) || c == '.':
			j := i
			for j < len(s) && (unicode.IsDigit(rune(s[j])) || s[j] == '.') {
				j++
			}
			toks = append(toks, s[i:j])
			i = j
		case unicode.IsLetter(c):
			j := i
			for j < len(s) && unicode.IsLetter(rune(s[j])) {
				j++
			}
			toks = append(toks, s[i:j])
			i = j
		default:
			toks = append(toks, string(c))
			i++
		}
	}
	return toks
}

func (p *parser) peek() string {
	if p.pos < len(p.toks) {
		return p.toks[p.pos]
	}
	return ""
}

func (p *parser) next() string { t := p.peek(); p.pos++; return t }

func (p *parser) expr() Expr {
	l := p.term()
	for p.peek() == "+" || p.peek() == "-" {
		op := p.next()[0]
		l = Binary{op, l, p.term()}
	}
	return l
}

func (p *parser) term() Expr {
	l := p.factor()
	for p.peek() == "*" || p.peek() == "/" || p.peek() == "%" {
		op := p.next()[0]
		l = Binary{op, l, p.factor()}
	}
	return l
}

func (p *parser) factor() Expr {
	t := p.next()
	switch {
	case t == "-":
		return Unary{'-', p.factor()}
	case t == "(":
		e := p.expr()
		p.next() // ")"
		return e
	case unicode.IsDigit(rune(t[0])) || t[0] == '.':
		f, err := strconv.ParseFloat(t, 64)
		if err != nil {
			panic(err)
		}
		return Num(f)
	default:
		if p.peek() == "(" {
			p.next()
			var args []Expr
			for p.peek() != ")" {
				args = append(args, p.expr())
				if p.peek() == "," {
					p.next()
				}
			}
			p.next()
			return Call{t, args}
		}
		return Var(t)
	}
}

func eval(e Expr, env map[string]float64) (result float64, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("eval: %v", r)
		}
	}()
	return evalRec(e, env), nil
}

func evalRec(e Expr, env map[string]float64) float64 {
	switch e := e.(type) {
	case Num:
		return float64(e)
	case Var:
		v, ok := env[string(e)]
		if !ok {
			panic("undefined variable " + string(e))
		}
		return v
	case Unary:
		return -evalRec(e.X, env)
	case Binary:
		l, r := evalRec(e.L, env), evalRec(e.R, env)
		switch e.Op {
		case '+':
			return l + r
		case '-':
			return l - r
		case '*':
			return l * r
		case '/':
			if r == 0 {
				panic("division by zero")
			}
			return l / r
		default:
			return float64(int(l) % int(r))
		}
	case Call:
		args := make([]float64, len(e.Args))
		for i, a := range e.Args {
			args[i] = evalRec(a, env)
		}
		switch e.Fn {
		case "max":
			m := args[0]
			for _, a := range args[1:] {
				if a > m {
					m = a
				}
			}
			return m
		case "sum":
			s := 0.0
			for _, a := range args {
				s += a
			}
			return s
		}
		panic(fmt.Sprintf("unknown function %s/%d", e.Fn, len(args)))
	default:
		panic(fmt.Sprintf("bad node %T", e))
	}
}

func show(e Expr) string {
	switch e := e.(type) {
	case Num:
		return strconv.FormatFloat(float64(e), 'g', -1, 64)
	case Var:
		return string(e)
	case Unary:
		return "(-" + show(e.X) + ")"
	case Binary:
		return "(" + show(e.L) + " " + string(e.Op) + " " + show(e.R) + ")"
	case Call:
		parts := make([]string, len(e.Args))
		for i, a := range e.Args {
			parts[i] = show(a)
		}
		return e.Fn + "(" + strings.Join(parts, ", ") + ")"
	}
	return "?"
}

func main() {
	env := map[string]float64{"x": 3, "y": 4.5, "zero": 0}
	for _, src := range []string{
		"1 + 2 * 3",
		"(1 + 2) * 3",
		"-x * -(y - 1)",
		"max(x, y, 2) + sum(1, 2, 3)",
		"10 % 4 + 0.25",
		"x / zero",
		"w + 1",
		"nope(1)",
	} {
		p := &parser{toks: tokenize(src)}
		e := p.expr()
		v, err := eval(e, env)
		if err != nil {
			fmt.Printf("%-28s %-32s %v\n", src, show(e), err)
			continue
		}
		fmt.Printf("%-28s %-32s = %g\n", src, show(e), v)
	}
}
