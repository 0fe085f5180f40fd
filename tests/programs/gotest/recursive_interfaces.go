// An interface may embed one whose declaration is still under way when it
// is reached through a method signature: Node's methods mention Expr, which
// embeds Node (from Go's test/fixedbugs/bug250.go).
package main

import "fmt"

type Node interface {
	Pos() int
	Children() []Expr
}

type Expr interface {
	Node
	Eval() int
}

type Stmt interface {
	Node
	Exec(env map[string]int)
}

type Lit int

func (l Lit) Pos() int          { return 0 }
func (l Lit) Children() []Expr  { return nil }
func (l Lit) Eval() int         { return int(l) }

type Add struct{ X, Y Expr }

func (a Add) Pos() int          { return a.X.Pos() }
func (a Add) Children() []Expr  { return []Expr{a.X, a.Y} }
func (a Add) Eval() int         { return a.X.Eval() + a.Y.Eval() }

type I1 interface {
	m() I2
}

type I2 interface {
	I1
}

type impl struct{}

func (impl) m() I2 { return impl{} }

var i1 I1 = i2
var i2 I2 = impl{}
var i2a I2 = i1

func count(n Node) int {
	c := 1
	for _, k := range n.Children() {
		c += count(k)
	}
	return c
}

func main() {
	var e Expr = Add{Lit(1), Add{Lit(2), Lit(3)}}
	fmt.Println(e.Eval(), count(e))
	var n Node = e
	_, isExpr := n.(Expr)
	_, isStmt := n.(Stmt)
	fmt.Println(isExpr, isStmt)
	fmt.Println(i1.m() != nil, i2a.m().m() != nil)
}
