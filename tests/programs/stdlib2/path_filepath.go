package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

func main() {
	for _, p := range []string{"", ".", "/", "a/b/../c", "/../x", "a//b/./c/", "../../a", "/a/b/c.tar.gz", "noext", "dir/", ".hidden", "a/b.c/d"} {
		dir, file := path.Split(p)
		fmt.Printf("%q: clean=%q base=%q dir=%q ext=%q abs=%v split=(%q,%q)\n", p, path.Clean(p), path.Base(p), path.Dir(p), path.Ext(p), path.IsAbs(p), dir, file)
		fdir, ffile := filepath.Split(p)
		fmt.Printf("  fp: clean=%q base=%q dir=%q ext=%q abs=%v split=(%q,%q)\n", filepath.Clean(p), filepath.Base(p), filepath.Dir(p), filepath.Ext(p), filepath.IsAbs(p), fdir, ffile)
	}
	fmt.Println(path.Join("a", "b", "../c", "/d"), path.Join(), path.Join("", ""), filepath.Join("x", "", "y/", "../z"), filepath.Join("/", "etc"))
	for _, c := range [][2]string{{"*.go", "main.go"}, {"a?c", "abc"}, {"[a-c]x", "bx"}, {"[^a-c]x", "bx"}, {"a/*/c", "a/b/c"}, {"*", "a/b"}, {"[", "a"}, {"\\*", "*"}} {
		m, err := path.Match(c[0], c[1])
		fm, ferr := filepath.Match(c[0], c[1])
		fmt.Println(c, m, err, fm, ferr)
	}
	for _, c := range [][2]string{{"/a/b", "/a/b/c/d"}, {"/a/b/c", "/a/x"}, {"a/b", "a/b"}, {"/a", "b"}, {"../a", "b"}, {"a", "../b"}} {
		r, err := filepath.Rel(c[0], c[1])
		fmt.Printf("Rel(%q,%q) = %q %v\n", c[0], c[1], r, err)
	}
	fmt.Println(filepath.ToSlash("a/b"), filepath.FromSlash("a/b"), filepath.VolumeName("/x"), string(filepath.Separator), string(filepath.ListSeparator), filepath.SplitList("/a:/b::/c"), filepath.SplitList(""))

	dir, _ := os.MkdirTemp("", "fpwalk")
	defer os.RemoveAll(dir)
	for _, f := range []string{"a/x.txt", "a/b/y.go", "a/b/z.go", "c/w.txt", "top.go", "a/b/deep/q.md"} {
		p := filepath.Join(dir, f)
		os.MkdirAll(filepath.Dir(p), 0755)
		os.WriteFile(p, []byte(f), 0644)
	}
	rel := func(p string) string { r, _ := filepath.Rel(dir, p); return r }
	filepath.Walk(dir, func(p string, info fs.FileInfo, err error) error {
		if err != nil {
			return err
		}
		name := info.Name()
		if p == dir {
			name = "ROOT"
		}
		fmt.Println("walk", rel(p), info.IsDir(), name)
		if info.IsDir() && info.Name() == "deep" {
			return filepath.SkipDir
		}
		return nil
	})
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		name := d.Name()
		if p == dir {
			name = "ROOT"
		}
		fmt.Println("walkdir", rel(p), d.IsDir(), name)
		if d.Name() == "c" {
			return filepath.SkipDir
		}
		return nil
	})
	stop := errors.New("stop")
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if strings.HasSuffix(p, ".go") {
			return stop
		}
		return nil
	})
	fmt.Println(err == stop)
	matches, err := filepath.Glob(filepath.Join(dir, "a", "b", "*.go"))
	for _, m := range matches {
		fmt.Println("glob", rel(m))
	}
	fmt.Println(err)
	matches, _ = filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	for _, m := range matches {
		fmt.Println("glob2", rel(m))
	}
	_, err = filepath.Glob("[")
	fmt.Println(err)
	os.Chdir(dir)
	abs, err := filepath.Abs("a/b/../x.txt")
	fmt.Println(rel(abs), err, filepath.IsAbs(abs))
	ev, err := filepath.EvalSymlinks("a/b")
	fmt.Println(ev, err)
	os.Symlink("a/b", "link")
	ev, err = filepath.EvalSymlinks("link/y.go")
	fmt.Println(ev, err)
	_, err = filepath.EvalSymlinks("nope/x")
	fmt.Println(err)
}
