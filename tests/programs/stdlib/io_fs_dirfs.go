// io_fs_dirfs: package io/fs with os.DirFS: fs.WalkDir in lexical order
// (with SkipDir), fs.ReadDir, fs.ReadFile, fs.Stat, fs.ValidPath,
// FileInfoToDirEntry, and fs's errors being os's (errors.Is works with
// either).
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
)

func main() {
	dir, err := os.MkdirTemp("", "goi-fs-*")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	for _, d := range []string{"b/skip/deep", "a/x", "c"} {
		os.MkdirAll(dir+"/"+d, 0755)
	}
	files := map[string]string{"a/x/one.txt": "1", "a/two.txt": "22", "b/skip/deep/hidden": "h", "b/z.txt": "zzz", "top.txt": "top"}
	for name, data := range files {
		os.WriteFile(dir+"/"+name, []byte(data), 0644)
	}

	fsys := os.DirFS(dir)
	err = fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "skip" {
			fmt.Println("skipping", path)
			return fs.SkipDir
		}
		info, _ := d.Info()
		size := info.Size()
		if d.IsDir() {
			size = 0
		}
		fmt.Println("walk:", path, d.IsDir(), d.Type(), size)
		return nil
	})
	fmt.Println("WalkDir:", err)

	// Stopping the walk with an error.
	stop := errors.New("stop here")
	n := 0
	err = fs.WalkDir(fsys, "a", func(path string, d fs.DirEntry, err error) error {
		n++
		if path == "a/x" {
			return stop
		}
		return nil
	})
	fmt.Println("stopped:", err, n)
	err = fs.WalkDir(fsys, "missing", func(path string, d fs.DirEntry, err error) error {
		fmt.Println("callback for missing root:", path, d == nil, strings.ReplaceAll(err.Error(), dir, "$TMP"))
		return err
	})
	fmt.Println("missing root:", strings.ReplaceAll(err.Error(), dir, "$TMP"))

	entries, err := fs.ReadDir(fsys, "a")
	for _, e := range entries {
		fmt.Println("ReadDir:", e.Name(), e.IsDir())
	}
	data, err := fs.ReadFile(fsys, "b/z.txt")
	fmt.Printf("ReadFile: %q %v\n", data, err)
	fi, err := fs.Stat(fsys, "top.txt")
	fmt.Println("Stat:", fi.Name(), fi.Size(), err)
	_, err = fsys.Open("../etc/passwd")
	fmt.Println("invalid path:", err, errors.Is(err, fs.ErrInvalid), errors.Is(err, os.ErrInvalid))
	_, err = fsys.Open("nothing.txt")
	fmt.Println("missing:", errors.Is(err, fs.ErrNotExist), errors.Is(err, os.ErrNotExist), os.IsNotExist(err))
	var pe *fs.PathError
	fmt.Println("as fs.PathError:", errors.As(err, &pe), pe.Op)
	var ope *os.PathError = pe
	fmt.Println("same type:", ope == pe)

	for _, p := range []string{".", "a", "a/b", "/a", "a/", "a//b", "a/./b", "a/../b", "", "..", "x/.."} {
		fmt.Printf("ValidPath(%q) = %v\n", p, fs.ValidPath(p))
	}
	de := fs.FileInfoToDirEntry(fi)
	fmt.Println("FileInfoToDirEntry:", de.Name(), de.IsDir(), de.Type(), fs.FileInfoToDirEntry(nil) == nil)
	var m fs.FileMode = os.ModeDir | 0750
	fmt.Println(m, os.FileMode(0644), fs.ModePerm, m.Perm())
	fmt.Println(fs.ErrInvalid, "|", fs.ErrPermission, "|", fs.ErrExist, "|", fs.ErrNotExist, "|", fs.ErrClosed, "|", fs.SkipDir)
	fmt.Println(fs.ErrNotExist == os.ErrNotExist, fs.ErrClosed == os.ErrClosed)
}
