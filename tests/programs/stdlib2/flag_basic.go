package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"time"
)

type listFlag []string

func (l *listFlag) String() string     { return fmt.Sprint(*l) }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

func main() {
	n := flag.Int("n", 5, "number of `items`")
	name := flag.String("name", "world", "who to greet")
	v := flag.Bool("v", false, "verbose")
	d := flag.Duration("wait", 2*time.Second, "how long")
	var f float64
	flag.Float64Var(&f, "ratio", 0.5, "a ratio")
	var tags listFlag
	flag.Var(&tags, "tag", "add a tag (repeatable)")
	var u uint
	flag.UintVar(&u, "u", 0, "unsigned")
	flag.Parse()
	fmt.Println(*n, *name, *v, *d, f, tags, u)
	fmt.Println(flag.NArg(), flag.Args(), flag.Arg(0), flag.NFlag())
	flag.Visit(func(fl *flag.Flag) { fmt.Println("set:", fl.Name, fl.Value) })
	flag.VisitAll(func(fl *flag.Flag) { fmt.Print(fl.Name, "=", fl.DefValue, " ") })
	fmt.Println()
	fs := flag.NewFlagSet("sub", flag.ContinueOnError)
	var sb strings.Builder
	fs.SetOutput(&sb)
	x := fs.Int("x", 1, "an int")
	err := fs.Parse([]string{"-x", "notanint"})
	fmt.Println(*x, err)
	err = fs.Parse([]string{"-unknown"})
	fmt.Println(err)
	err = fs.Parse([]string{"-h"})
	fmt.Println(err == flag.ErrHelp)
	fmt.Print(sb.String())
	flag.CommandLine.SetOutput(os.Stdout)
	flag.PrintDefaults()
	fs2 := flag.NewFlagSet("exit", flag.ExitOnError)
	fs2.SetOutput(os.Stdout)
	fs2.Bool("b", true, "a bool")
	fs2.Parse([]string{"-b=maybe"})
}
