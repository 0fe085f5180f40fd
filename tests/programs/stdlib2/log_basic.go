package main

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"strings"
)

func main() {
	log.SetFlags(0)
	log.SetOutput(os.Stdout)
	log.Println("plain", 1, 2)
	log.Printf("formatted %d", 3)
	log.Print("no newline")
	log.SetPrefix("[app] ")
	log.Print("with prefix")
	log.SetFlags(log.Lshortfile)
	log.Println("short file")
	log.SetFlags(log.Lmsgprefix | log.Lshortfile)
	log.Println("msgprefix")
	fmt.Println(log.Flags(), log.Prefix())
	var buf bytes.Buffer
	l := log.New(&buf, "L: ", 0)
	l.Println("to buffer")
	l.Printf("x=%v", []int{1})
	fmt.Print(buf.String())
	fmt.Println(l.Prefix(), l.Flags(), l.Writer() == &buf)
	l.SetFlags(log.LUTC | log.Ldate)
	buf.Reset()
	l.Print("dated")
	fmt.Println(len(buf.String()), strings.HasPrefix(buf.String(), "L: 20"))
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		log.SetFlags(0)
		log.Panicf("bad %s", "thing")
	}()
	log.SetOutput(os.Stderr)
	log.Fatalln("fatal", "error")
}
