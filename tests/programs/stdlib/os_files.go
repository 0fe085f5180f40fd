// os_files: files in a temporary directory: Create, OpenFile flags, Write,
// WriteString, Read, ReadAt, WriteAt, Seek, Stat, ReadFile, WriteFile,
// Rename, Remove, RemoveAll, Mkdir, MkdirAll, ReadDir, and Go's error
// messages for each failure (paths printed relative to the temp dir).
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

var dir string

// rel hides the random temp dir name in paths and messages.
func rel(s string) string { return strings.ReplaceAll(s, dir, "$TMP") }

func check(what string, err error) {
	if err != nil {
		fmt.Println(what, "error:", rel(err.Error()))
	}
}

func main() {
	var err error
	dir, err = os.MkdirTemp("", "goi-os-test-*")
	if err != nil {
		fmt.Println("MkdirTemp:", err)
		return
	}
	defer os.RemoveAll(dir)
	fi, err := os.Stat(dir)
	fmt.Println("temp dir:", fi.IsDir(), fi.Mode().IsDir(), fi.Mode().Perm(), strings.HasPrefix(fi.Name(), "goi-os-test-"), err)

	// Create, write, close, read back.
	name := dir + "/hello.txt"
	f, err := os.Create(name)
	check("create", err)
	fmt.Println("name:", rel(f.Name()))
	n, err := f.Write([]byte("hello, "))
	fmt.Println("write:", n, err)
	n, err = f.WriteString("world\nsecond line\n")
	fmt.Println("writestring:", n, err)
	n, err = fmt.Fprintf(f, "third %d\n", 3)
	fmt.Println("fprintf:", n, err)
	fi, err = f.Stat()
	fmt.Println("stat open file:", fi.Name(), fi.Size(), fi.Mode().IsRegular(), fi.IsDir(), err)
	check("close", f.Close())
	err = f.Close()
	fmt.Println("close again:", rel(err.Error()), errors.Is(err, os.ErrClosed))
	_, err = f.Write([]byte("x"))
	fmt.Println("write closed:", rel(err.Error()))
	_, err = f.Read(make([]byte, 1))
	fmt.Println("read closed:", rel(err.Error()))

	data, err := os.ReadFile(name)
	fmt.Printf("ReadFile: %q %v\n", data, err)

	// Read in pieces until EOF.
	f, err = os.Open(name)
	check("open", err)
	buf := make([]byte, 10)
	for {
		n, err := f.Read(buf)
		fmt.Printf("read %d %q %v\n", n, buf[:n], err)
		if err != nil {
			break
		}
	}
	n, err = f.Read(nil)
	fmt.Println("read empty:", n, err)
	// Seek and ReadAt.
	pos, err := f.Seek(7, io.SeekStart)
	fmt.Println("seek:", pos, err)
	n, _ = f.Read(buf[:5])
	fmt.Printf("after seek: %q\n", buf[:n])
	pos, err = f.Seek(-3, io.SeekEnd)
	fmt.Println("seek end:", pos, err)
	pos, err = f.Seek(0, io.SeekCurrent)
	fmt.Println("seek current:", pos, err)
	_, err = f.Seek(-100, io.SeekStart)
	fmt.Println("bad seek:", rel(err.Error()))
	n, err = f.ReadAt(buf[:6], 14)
	fmt.Printf("ReadAt: %d %q %v\n", n, buf[:n], err)
	n, err = f.ReadAt(buf, 35)
	fmt.Printf("ReadAt near end: %d %q %v\n", n, buf[:n], err)
	_, err = f.ReadAt(buf, -1)
	fmt.Println("ReadAt negative:", rel(err.Error()))
	_, err = f.Write([]byte("x"))
	fmt.Println("write to read-only:", rel(err.Error()))
	f.Close()

	// OpenFile flags: append, exclusive create, truncate.
	f, err = os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0644)
	check("open append", err)
	f.WriteString("appended\n")
	_, err = f.WriteAt([]byte("x"), 0)
	fmt.Println("WriteAt in append mode:", err)
	f.Close()
	data, _ = os.ReadFile(name)
	fmt.Printf("after append: %q\n", data)
	_, err = os.OpenFile(name, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0600)
	fmt.Println("excl:", rel(err.Error()), os.IsExist(err), errors.Is(err, os.ErrExist), errors.Is(err, os.ErrNotExist))
	f, err = os.OpenFile(name, os.O_RDWR|os.O_TRUNC, 0)
	check("trunc", err)
	f.WriteString("0123456789")
	f.WriteAt([]byte("AB"), 3)
	f.Close()
	data, _ = os.ReadFile(name)
	fmt.Printf("after trunc+WriteAt: %q\n", data)
	f, _ = os.OpenFile(dir+"/new.txt", os.O_CREATE|os.O_WRONLY, 0640)
	fi, _ = f.Stat()
	fmt.Println("new file mode:", fi.Mode(), fi.Size())
	f.Close()

	// WriteFile and permissions.
	check("writefile", os.WriteFile(dir+"/data.bin", []byte{0, 1, 2, 255}, 0600))
	data, _ = os.ReadFile(dir + "/data.bin")
	fi, _ = os.Stat(dir + "/data.bin")
	fmt.Println("data.bin:", data, fi.Mode(), fi.Mode().IsRegular(), fi.Size())
	check("chmod", os.Chmod(dir+"/data.bin", 0444))
	fi, _ = os.Stat(dir + "/data.bin")
	fmt.Println("after chmod:", fi.Mode())
	check("truncate", os.Truncate(dir+"/data.bin", 2))
	fi, _ = os.Stat(dir + "/data.bin")
	fmt.Println("after truncate:", fi.Size())

	// Missing files: Go's messages, IsNotExist, errors.Is, errors.As.
	_, err = os.Open(dir + "/nofile.txt")
	fmt.Println(rel(err.Error()))
	fmt.Println(os.IsNotExist(err), errors.Is(err, os.ErrNotExist), os.IsExist(err), os.IsPermission(err))
	var pe *os.PathError
	if errors.As(err, &pe) {
		fmt.Println("PathError:", pe.Op, rel(pe.Path), pe.Err)
	}
	_, err = os.Open("nofile.txt")
	fmt.Println(err)
	_, err = os.ReadFile("missing/file")
	fmt.Println(err)
	_, err = os.Stat("nofile.txt")
	fmt.Println(err)
	_, err = os.Lstat("nofile.txt")
	fmt.Println(err)
	wrapped := fmt.Errorf("loading config: %w", err)
	fmt.Println(wrapped, errors.Is(wrapped, os.ErrNotExist), os.IsNotExist(wrapped))
	err = os.Remove(dir + "/nothing")
	fmt.Println(rel(err.Error()))
	_, err = os.Open(dir + "/hello.txt/sub")
	fmt.Println(rel(err.Error()))
	_, err = os.Create(dir + "/nodir/x.txt")
	fmt.Println(rel(err.Error()))

	// Directories.
	check("mkdir", os.Mkdir(dir+"/sub", 0755))
	err = os.Mkdir(dir+"/sub", 0755)
	fmt.Println(rel(err.Error()), os.IsExist(err))
	check("mkdirall", os.MkdirAll(dir+"/sub/a/b/c", 0755))
	check("mkdirall again", os.MkdirAll(dir+"/sub/a/b/c", 0755))
	err = os.MkdirAll(dir+"/hello.txt/x", 0755)
	fmt.Println(rel(err.Error()))
	os.WriteFile(dir+"/sub/a/file1", []byte("1"), 0644)
	os.WriteFile(dir+"/sub/zeta", []byte("zz"), 0644)
	os.WriteFile(dir+"/sub/alpha", []byte("aaa"), 0644)
	entries, err := os.ReadDir(dir + "/sub")
	for _, e := range entries {
		info, _ := e.Info()
		size := info.Size() // a directory's size depends on the file system
		if info.IsDir() {
			size = -1
		}
		fmt.Println("entry:", e.Name(), e.IsDir(), e.Type(), size, info.Name(), info.Mode().Type() == e.Type())
	}
	fmt.Println("readdir err:", err)
	_, err = os.ReadDir(dir + "/none")
	fmt.Println(rel(err.Error()))
	_, err = os.ReadDir(dir + "/hello.txt")
	fmt.Println(rel(err.Error()))
	err = os.Remove(dir + "/sub")
	fmt.Println(rel(err.Error()), errors.Is(err, os.ErrExist))

	// File.ReadDir / Readdirnames in chunks.
	d, _ := os.Open(dir + "/sub")
	total := 0
	for {
		list, err := d.ReadDir(2)
		total += len(list)
		if err != nil {
			fmt.Println("chunks done:", total, err)
			break
		}
	}
	d.Close()
	d, _ = os.Open(dir + "/sub")
	names, err := d.Readdirnames(-1)
	fmt.Println("names:", len(names), err)
	names, err = d.Readdirnames(-1)
	fmt.Println("names again:", len(names), err)
	d.Close()

	// Rename.
	check("rename", os.Rename(dir+"/sub/zeta", dir+"/sub/omega"))
	_, err = os.Stat(dir + "/sub/zeta")
	fmt.Println("old name gone:", os.IsNotExist(err))
	err = os.Rename(dir+"/sub/missing", dir+"/sub/x")
	fmt.Println(rel(err.Error()))
	var le *os.LinkError
	fmt.Println("LinkError:", errors.As(err, &le), os.IsNotExist(err), errors.Is(err, os.ErrNotExist))

	// Symlinks and Lstat.
	check("symlink", os.Symlink("alpha", dir+"/sub/link"))
	li, _ := os.Lstat(dir + "/sub/link")
	si, _ := os.Stat(dir + "/sub/link")
	target, _ := os.Readlink(dir + "/sub/link")
	fmt.Println("link:", li.Mode()&os.ModeSymlink != 0, li.Mode().Type() == os.ModeSymlink, si.Mode().IsRegular(), si.Size(), target)
	fmt.Println("SameFile:", os.SameFile(si, func() os.FileInfo { x, _ := os.Stat(dir + "/sub/alpha"); return x }()))

	// Remove, RemoveAll.
	check("remove", os.Remove(dir+"/sub/alpha"))
	check("removeall", os.RemoveAll(dir+"/sub"))
	_, err = os.Stat(dir + "/sub")
	fmt.Println("sub gone:", os.IsNotExist(err))
	fmt.Println("RemoveAll missing:", os.RemoveAll(dir+"/does/not/exist"))
	fmt.Println("RemoveAll dot:", rel(fmt.Sprint(os.RemoveAll(dir+"/."))))

	// CreateTemp.
	tf, err := os.CreateTemp(dir, "tmp-*.txt")
	check("createtemp", err)
	base := strings.TrimPrefix(tf.Name(), dir+"/")
	fmt.Println("CreateTemp:", strings.HasPrefix(base, "tmp-"), strings.HasSuffix(base, ".txt"))
	tf.Close()
	_, err = os.CreateTemp(dir, "bad/pattern")
	fmt.Println(err)
	_, err = os.MkdirTemp(dir+"/missing", "x")
	fmt.Println(rel(err.Error()))

	// Chdir and relative paths.
	wd, _ := os.Getwd()
	check("chdir", os.Chdir(dir))
	os.WriteFile("relative.txt", []byte("rel"), 0644)
	data, err = os.ReadFile(dir + "/relative.txt")
	fmt.Printf("relative: %q %v\n", data, err)
	err = os.Chdir("/nonexistent-dir")
	fmt.Println(err)
	os.Chdir(wd)

	// Nil *File.
	var nf *os.File
	_, err = nf.Write([]byte("x"))
	fmt.Println("nil file:", err, nf.Close(), err == os.ErrInvalid)

	// FileMode strings.
	for _, m := range []os.FileMode{0, 0644, 0755 | os.ModeDir, os.ModeSymlink | 0777, os.ModeNamedPipe | 0600,
		os.ModeDevice | os.ModeCharDevice | 0666, os.ModeSetuid | os.ModeSticky | 0755, os.ModeSocket} {
		fmt.Println(m, uint32(m), m.IsDir(), m.IsRegular(), m.Perm(), uint32(m.Type()))
	}
}
