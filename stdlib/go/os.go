// Package os provides a platform-independent interface to operating system
// functionality. This is goi's version of Go 1.19's package for Linux: the
// system calls are natives (stdlib/os.c) that return raw errno values, and
// this file builds Go's error values from them (PathError, LinkError,
// SyscallError wrapping an errno whose Is method matches ErrNotExist,
// ErrExist and ErrPermission), so messages read exactly as Go's:
// "open nofile.txt: no such file or directory".
//
// As in Go, FileInfo, FileMode, DirEntry, PathError and the portable
// errors are aliases of package io/fs's.
package os

import (
	"errors"
	"io"
	"io/fs"
	"time"
)

// ---------------------------------------------------------------- natives

func sysOpen(name string, flag int, perm uint32) (fd int, errno int)
func sysClose(fd int) int
func sysRead(fd int, b []byte, block bool) (n int, errno int)
func sysPread(fd int, b []byte, off int64, block bool) (n int, errno int)
func sysWrite(fd int, b []byte, block bool) (n int, errno int)
func sysPwrite(fd int, b []byte, off int64, block bool) (n int, errno int)
func sysWriteString(fd int, s string, block bool) (n int, errno int)
func sysMayBlock(fd int) bool
func sysSeek(fd int, off int64, whence int) (int64, int)
func sysFsync(fd int) int
func sysFtruncate(fd int, size int64) int
func sysFchmod(fd int, mode uint32) int
func sysFchdir(fd int) int
func sysStat(name string, follow bool) (mode uint32, size, msec, mnsec int64, dev, ino uint64, errno int)
func sysFstat(fd int) (mode uint32, size, msec, mnsec int64, dev, ino uint64, errno int)
func sysReadDir(fd int, sorted bool) (names []string, types string, errno int)
func sysUnlink(name string) int
func sysRmdir(name string) int
func sysChdir(name string) int
func sysMkdir(name string, perm uint32) int
func sysChmod(name string, mode uint32) int
func sysTruncate(name string, size int64) int
func sysRename(oldname, newname string) int
func sysLink(oldname, newname string) int
func sysSymlink(oldname, newname string) int
func sysReadlink(name string) (string, int)
func sysChown(name string, uid, gid int, follow bool) int
func sysFchown(fd, uid, gid int) int
func sysChtimes(name string, atime, mtime int64) int
func sysPipe() (r, w int, errno int)
func sysGetwd() (string, int)
func sysGetenv(key string) (string, bool)
func sysSetenv(key, value string) int
func sysUnsetenv(key string)
func sysClearenv()
func sysEnviron() []string
func runtimeArgs() []string
func sysErrnoString(e int) string
func sysHostname() (string, int)
func sysIds() (pid, ppid, uid, euid, gid, egid int)
func fastrand() uint32
func sysUmask(mask int) int

// ----------------------------------------------------------------- errno

// syscallErrno is an error number of the operating system, as Go's
// syscall.Errno: its message is the C library's, lowercased like Go's.
type syscallErrno uintptr

// Linux errno values used here.
const (
	ePERM     syscallErrno = 1
	eNOENT    syscallErrno = 2
	eINTR     syscallErrno = 4
	eBADF     syscallErrno = 9
	eAGAIN    syscallErrno = 11
	eACCES    syscallErrno = 13
	eEXIST    syscallErrno = 17
	eNOTDIR   syscallErrno = 20
	eISDIR    syscallErrno = 21
	eINVAL    syscallErrno = 22
	eNOTEMPTY syscallErrno = 39
	eTIMEDOUT syscallErrno = 110
)

func (e syscallErrno) Error() string { return sysErrnoString(int(e)) }

// Is makes errors.Is(err, ErrNotExist) (and ErrExist, ErrPermission) true
// for the errno values that mean it.
func (e syscallErrno) Is(target error) bool {
	switch target {
	case ErrPermission:
		return e == eACCES || e == ePERM
	case ErrExist:
		return e == eEXIST || e == eNOTEMPTY
	case ErrNotExist:
		return e == eNOENT
	}
	return false
}

func (e syscallErrno) Temporary() bool {
	return e == eINTR || e == eAGAIN || e.Timeout()
}

func (e syscallErrno) Timeout() bool { return e == eAGAIN || e == eTIMEDOUT }

// errnoErr is nil for 0 and the errno as an error otherwise.
func errnoErr(e int) error {
	if e == 0 {
		return nil
	}
	return syscallErrno(e)
}

// ---------------------------------------------------------------- errors

// Portable analogs of some common system call errors: the same values as
// io/fs's (set by init below).
var (
	ErrInvalid    error // "invalid argument"
	ErrPermission error // "permission denied"
	ErrExist      error // "file already exists"
	ErrNotExist   error // "file does not exist"
	ErrClosed     error // "file already closed"

	ErrNoDeadline       = errors.New("file type does not support deadline")
	ErrDeadlineExceeded = errors.New("i/o timeout")
	ErrProcessDone      = errors.New("os: process already finished")
)

// WORKAROUND (see io/fs's init): goi may initialise io/fs after os, so
// the shared errors are created here when io/fs has not made them yet.
// Once the compiler initialises imports first, this is just
// `ErrInvalid = fs.ErrInvalid` etc. in the var block.
func init() {
	if fs.ErrInvalid == nil {
		fs.ErrInvalid = errors.New("invalid argument")
		fs.ErrPermission = errors.New("permission denied")
		fs.ErrExist = errors.New("file already exists")
		fs.ErrNotExist = errors.New("file does not exist")
		fs.ErrClosed = errors.New("file already closed")
	}
	ErrInvalid = fs.ErrInvalid
	ErrPermission = fs.ErrPermission
	ErrExist = fs.ErrExist
	ErrNotExist = fs.ErrNotExist
	ErrClosed = fs.ErrClosed
}

var errPatternHasSeparator = errors.New("pattern contains path separator")
var errWriteAtInAppendMode = errors.New("os: invalid use of WriteAt on file opened with O_APPEND")

// PathError records an error and the operation and file path that caused it.
type PathError = fs.PathError

// LinkError records an error during a link or symlink or rename system
// call and the paths that caused it.
type LinkError struct {
	Op  string
	Old string
	New string
	Err error
}

func (e *LinkError) Error() string {
	return e.Op + " " + e.Old + " " + e.New + ": " + e.Err.Error()
}

func (e *LinkError) Unwrap() error { return e.Err }

// SyscallError records an error from a specific system call.
type SyscallError struct {
	Syscall string
	Err     error
}

func (e *SyscallError) Error() string { return e.Syscall + ": " + e.Err.Error() }

func (e *SyscallError) Unwrap() error { return e.Err }

// Timeout reports whether this error represents a timeout.
func (e *SyscallError) Timeout() bool {
	t, ok := e.Err.(interface{ Timeout() bool })
	return ok && t.Timeout()
}

// NewSyscallError returns, as an error, a new SyscallError with the given
// system call name and error details. If err is nil, it returns nil.
func NewSyscallError(syscall string, err error) error {
	if err == nil {
		return nil
	}
	return &SyscallError{syscall, err}
}

// IsExist reports whether the error is known to report that a file or
// directory already exists. It only unwraps PathError, LinkError and
// SyscallError (use errors.Is(err, ErrExist) for wrapped errors).
func IsExist(err error) bool { return underlyingErrorIs(err, ErrExist) }

// IsNotExist reports whether the error is known to report that a file or
// directory does not exist.
func IsNotExist(err error) bool { return underlyingErrorIs(err, ErrNotExist) }

// IsPermission reports whether the error is known to report that
// permission is denied.
func IsPermission(err error) bool { return underlyingErrorIs(err, ErrPermission) }

// IsTimeout reports whether the error is known to report that a timeout
// occurred.
func IsTimeout(err error) bool {
	terr, ok := underlyingError(err).(interface{ Timeout() bool })
	return ok && terr.Timeout()
}

func underlyingErrorIs(err, target error) bool {
	err = underlyingError(err)
	if err == target {
		return true
	}
	e, ok := err.(syscallErrno)
	return ok && e.Is(target)
}

func underlyingError(err error) error {
	switch err := err.(type) {
	case *PathError:
		return err.Err
	case *LinkError:
		return err.Err
	case *SyscallError:
		return err.Err
	}
	return err
}

// -------------------------------------------------------------- FileMode

// A FileMode represents a file's mode and permission bits.
type FileMode = fs.FileMode

// The defined file mode bits are the most significant bits of the FileMode.
const (
	ModeDir        = fs.ModeDir        // d: is a directory
	ModeAppend     = fs.ModeAppend     // a: append-only
	ModeExclusive  = fs.ModeExclusive  // l: exclusive use
	ModeTemporary  = fs.ModeTemporary  // T: temporary file; Plan 9 only
	ModeSymlink    = fs.ModeSymlink    // L: symbolic link
	ModeDevice     = fs.ModeDevice     // D: device file
	ModeNamedPipe  = fs.ModeNamedPipe  // p: named pipe (FIFO)
	ModeSocket     = fs.ModeSocket     // S: Unix domain socket
	ModeSetuid     = fs.ModeSetuid     // u: setuid
	ModeSetgid     = fs.ModeSetgid     // g: setgid
	ModeCharDevice = fs.ModeCharDevice // c: Unix character device, when ModeDevice is set
	ModeSticky     = fs.ModeSticky     // t: sticky
	ModeIrregular  = fs.ModeIrregular  // ?: non-regular file; nothing else is known about this file

	// Mask for the type bits. For regular files, none will be set.
	ModeType = fs.ModeType

	ModePerm = fs.ModePerm // Unix permission bits, 0o777
)

// syscallMode returns the Unix mode bits of a FileMode.
func syscallMode(i FileMode) uint32 {
	o := uint32(i.Perm())
	if i&ModeSetuid != 0 {
		o |= 04000
	}
	if i&ModeSetgid != 0 {
		o |= 02000
	}
	if i&ModeSticky != 0 {
		o |= 01000
	}
	return o
}

// fileModeOf converts a Unix st_mode to a FileMode.
func fileModeOf(m uint32) FileMode {
	mode := FileMode(m & 0777)
	switch m & 0170000 {
	case 0060000:
		mode |= ModeDevice
	case 0020000:
		mode |= ModeDevice | ModeCharDevice
	case 0040000:
		mode |= ModeDir
	case 0010000:
		mode |= ModeNamedPipe
	case 0120000:
		mode |= ModeSymlink
	case 0140000:
		mode |= ModeSocket
	}
	if m&02000 != 0 {
		mode |= ModeSetgid
	}
	if m&04000 != 0 {
		mode |= ModeSetuid
	}
	if m&01000 != 0 {
		mode |= ModeSticky
	}
	return mode
}

// -------------------------------------------------------------- FileInfo

// A FileInfo describes a file and is returned by Stat and Lstat.
type FileInfo = fs.FileInfo

type fileStat struct {
	name    string
	size    int64
	mode    FileMode
	modTime time.Time
	dev     uint64
	ino     uint64
}

func (fs *fileStat) Name() string       { return fs.name }
func (fs *fileStat) IsDir() bool        { return fs.mode.IsDir() }
func (fs *fileStat) Size() int64        { return fs.size }
func (fs *fileStat) Mode() FileMode     { return fs.mode }
func (fs *fileStat) ModTime() time.Time { return fs.modTime }
func (fs *fileStat) Sys() any           { return nil }

func newFileStat(name string, mode uint32, size, msec, mnsec int64, dev, ino uint64) *fileStat {
	return &fileStat{
		name:    basename(name),
		size:    size,
		mode:    fileModeOf(mode),
		modTime: time.Unix(msec, mnsec),
		dev:     dev,
		ino:     ino,
	}
}

// SameFile reports whether fi1 and fi2 describe the same file.
func SameFile(fi1, fi2 FileInfo) bool {
	fs1, ok1 := fi1.(*fileStat)
	fs2, ok2 := fi2.(*fileStat)
	if !ok1 || !ok2 {
		return false
	}
	return fs1.dev == fs2.dev && fs1.ino == fs2.ino
}

// basename removes trailing slashes and the leading directory name.
func basename(name string) string {
	i := len(name) - 1
	for i > 0 && name[i] == '/' {
		name = name[0:i]
		i--
	}
	for i--; i >= 0; i-- {
		if name[i] == '/' {
			name = name[i+1:]
			break
		}
	}
	return name
}

func statNolog(name string, follow bool) (FileInfo, error) {
	mode, size, msec, mnsec, dev, ino, e := sysStat(name, follow)
	if e != 0 {
		return nil, errnoErr(e)
	}
	return newFileStat(name, mode, size, msec, mnsec, dev, ino), nil
}

// Stat returns a FileInfo describing the named file.
func Stat(name string) (FileInfo, error) {
	fi, err := statNolog(name, true)
	if err != nil {
		return nil, &PathError{Op: "stat", Path: name, Err: err}
	}
	return fi, nil
}

// Lstat returns a FileInfo describing the named file; a symbolic link is
// described itself, not followed.
func Lstat(name string) (FileInfo, error) {
	fi, err := statNolog(name, false)
	if err != nil {
		return nil, &PathError{Op: "lstat", Path: name, Err: err}
	}
	return fi, nil
}

// -------------------------------------------------------------- DirEntry

// A DirEntry is an entry read from a directory (with ReadDir or File.ReadDir).
type DirEntry = fs.DirEntry

type unixDirent struct {
	parent string
	name   string
	typ    FileMode
	info   FileInfo
}

func (d *unixDirent) Name() string   { return d.name }
func (d *unixDirent) IsDir() bool    { return d.typ.IsDir() }
func (d *unixDirent) Type() FileMode { return d.typ }

func (d *unixDirent) Info() (FileInfo, error) {
	if d.info != nil {
		return d.info, nil
	}
	return Lstat(d.parent + "/" + d.name)
}

// dirTypeMode converts a dirent d_type to FileMode type bits; ok is false
// for DT_UNKNOWN.
func dirTypeMode(t byte) (FileMode, bool) {
	switch t {
	case 1: // DT_FIFO
		return ModeNamedPipe, true
	case 2: // DT_CHR
		return ModeDevice | ModeCharDevice, true
	case 4: // DT_DIR
		return ModeDir, true
	case 6: // DT_BLK
		return ModeDevice, true
	case 8: // DT_REG
		return 0, true
	case 10: // DT_LNK
		return ModeSymlink, true
	case 12: // DT_SOCK
		return ModeSocket, true
	}
	return ^FileMode(0), false
}

func newUnixDirent(parent, name string, t byte) (DirEntry, error) {
	ude := &unixDirent{parent: parent, name: name}
	if typ, ok := dirTypeMode(t); ok {
		ude.typ = typ
		return ude, nil
	}
	info, err := Lstat(parent + "/" + name)
	if err != nil {
		return nil, err
	}
	ude.typ = info.Mode().Type()
	ude.info = info
	return ude, nil
}

// ------------------------------------------------------------------ File

// Flags to OpenFile (Linux values).
const (
	O_RDONLY int = 0x0
	O_WRONLY int = 0x1
	O_RDWR   int = 0x2
	O_APPEND int = 0x400
	O_CREATE int = 0x40
	O_EXCL   int = 0x80
	O_SYNC   int = 0x101000
	O_TRUNC  int = 0x200
)

// Seek whence values (deprecated in Go: use io.SeekStart etc.).
const (
	SEEK_SET int = 0
	SEEK_CUR int = 1
	SEEK_END int = 2
)

const (
	PathSeparator     = '/'
	PathListSeparator = ':'
)

// DevNull is the name of the operating system's "null device".
const DevNull = "/dev/null"

// File represents an open file descriptor.
type File struct {
	fd         int
	name       string
	closed     bool
	appendMode bool
	block      bool     // I/O may wait (not a regular file): release the processor meanwhile
	dir        *dirInfo // directory listing being read by ReadDir/Readdir
}

// dirInfo buffers a directory listing for the incremental ReadDir calls.
type dirInfo struct {
	names []string
	types string
	pos   int
}

// Stdin, Stdout, and Stderr are open Files pointing to the standard input,
// standard output, and standard error file descriptors. Writes to Stdout
// and Stderr go through goi's ordered output, like fmt.Print.
var (
	Stdin  = NewFile(0, "/dev/stdin")
	Stdout = NewFile(1, "/dev/stdout")
	Stderr = NewFile(2, "/dev/stderr")
)

// Args hold the command-line arguments, starting with the program name
// (under goi: the path of the script as given on the command line).
var Args []string

func init() { Args = runtimeArgs() }

// NewFile returns a new File with the given file descriptor and name.
func NewFile(fd uintptr, name string) *File {
	if int(fd) < 0 {
		return nil
	}
	return &File{fd: int(fd), name: name, block: sysMayBlock(int(fd))}
}

// Name returns the name of the file as presented to Open.
func (f *File) Name() string { return f.name }

// Fd returns the integer Unix file descriptor referencing the open file.
func (f *File) Fd() uintptr {
	if f == nil {
		return ^uintptr(0)
	}
	return uintptr(f.fd)
}

// checkValid checks whether f is valid for use.
func (f *File) checkValid(op string) error {
	if f == nil {
		return ErrInvalid
	}
	if f.closed {
		return &PathError{Op: op, Path: f.name, Err: ErrClosed}
	}
	return nil
}

// wrapErr wraps an error that occurred during an operation on an open file.
func (f *File) wrapErr(op string, err error) error {
	if err == nil || err == io.EOF {
		return err
	}
	return &PathError{Op: op, Path: f.name, Err: err}
}

// Read reads up to len(b) bytes from the File and stores them in b. At end
// of file, Read returns 0, io.EOF.
func (f *File) Read(b []byte) (n int, err error) {
	if err := f.checkValid("read"); err != nil {
		return 0, err
	}
	if len(b) == 0 {
		return 0, nil
	}
	n, e := sysRead(f.fd, b, f.block)
	if e != 0 {
		return 0, f.wrapErr("read", syscallErrno(e))
	}
	if n == 0 {
		return 0, io.EOF
	}
	return n, nil
}

// ReadAt reads len(b) bytes from the File starting at byte offset off.
// ReadAt always returns a non-nil error when n < len(b); at end of file,
// that error is io.EOF.
func (f *File) ReadAt(b []byte, off int64) (n int, err error) {
	if err := f.checkValid("read"); err != nil {
		return 0, err
	}
	if off < 0 {
		return 0, &PathError{Op: "readat", Path: f.name, Err: errors.New("negative offset")}
	}
	for len(b) > 0 {
		m, e := sysPread(f.fd, b, off, f.block)
		if e != 0 {
			err = f.wrapErr("read", syscallErrno(e))
			break
		}
		if m == 0 {
			return n, io.EOF
		}
		n += m
		b = b[m:]
		off += int64(m)
	}
	return
}

// Write writes len(b) bytes from b to the File.
func (f *File) Write(b []byte) (n int, err error) {
	if err := f.checkValid("write"); err != nil {
		return 0, err
	}
	n, e := sysWrite(f.fd, b, f.block)
	if n < 0 {
		n = 0
	}
	if n != len(b) {
		err = io.ErrShortWrite
	}
	if e != 0 {
		err = f.wrapErr("write", syscallErrno(e))
	}
	return n, err
}

// WriteString is like Write, but writes the contents of string s.
func (f *File) WriteString(s string) (n int, err error) {
	if err := f.checkValid("write"); err != nil {
		return 0, err
	}
	n, e := sysWriteString(f.fd, s, f.block)
	if n < 0 {
		n = 0
	}
	if n != len(s) {
		err = io.ErrShortWrite
	}
	if e != 0 {
		err = f.wrapErr("write", syscallErrno(e))
	}
	return n, err
}

// WriteAt writes len(b) bytes to the File starting at byte offset off.
func (f *File) WriteAt(b []byte, off int64) (n int, err error) {
	if err := f.checkValid("write"); err != nil {
		return 0, err
	}
	if f.appendMode {
		return 0, errWriteAtInAppendMode
	}
	if off < 0 {
		return 0, &PathError{Op: "writeat", Path: f.name, Err: errors.New("negative offset")}
	}
	n, e := sysPwrite(f.fd, b, off, f.block)
	if e != 0 {
		return n, f.wrapErr("write", syscallErrno(e))
	}
	return n, nil
}

// Seek sets the offset for the next Read or Write on file to offset,
// interpreted according to whence: 0 means relative to the origin of the
// file, 1 means relative to the current offset, and 2 means relative to
// the end.
func (f *File) Seek(offset int64, whence int) (ret int64, err error) {
	if err := f.checkValid("seek"); err != nil {
		return 0, err
	}
	f.dir = nil // a directory listing starts again after a seek
	r, e := sysSeek(f.fd, offset, whence)
	if e != 0 {
		return 0, f.wrapErr("seek", syscallErrno(e))
	}
	return r, nil
}

// Close closes the File, rendering it unusable for I/O.
func (f *File) Close() error {
	if f == nil {
		return ErrInvalid
	}
	if f.closed {
		return &PathError{Op: "close", Path: f.name, Err: ErrClosed}
	}
	f.closed = true
	if e := sysClose(f.fd); e != 0 {
		return &PathError{Op: "close", Path: f.name, Err: syscallErrno(e)}
	}
	return nil
}

// Stat returns the FileInfo structure describing file.
func (f *File) Stat() (FileInfo, error) {
	if f == nil {
		return nil, ErrInvalid
	}
	mode, size, msec, mnsec, dev, ino, e := sysFstat(f.fd)
	if e != 0 {
		return nil, &PathError{Op: "stat", Path: f.name, Err: syscallErrno(e)}
	}
	return newFileStat(f.name, mode, size, msec, mnsec, dev, ino), nil
}

// Sync commits the current contents of the file to stable storage.
func (f *File) Sync() error {
	if err := f.checkValid("sync"); err != nil {
		return err
	}
	if e := sysFsync(f.fd); e != 0 {
		return f.wrapErr("sync", syscallErrno(e))
	}
	return nil
}

// Truncate changes the size of the file.
func (f *File) Truncate(size int64) error {
	if err := f.checkValid("truncate"); err != nil {
		return err
	}
	if e := sysFtruncate(f.fd, size); e != 0 {
		return f.wrapErr("truncate", syscallErrno(e))
	}
	return nil
}

// Chmod changes the mode of the file to mode.
func (f *File) Chmod(mode FileMode) error {
	if err := f.checkValid("chmod"); err != nil {
		return err
	}
	if e := sysFchmod(f.fd, syscallMode(mode)); e != 0 {
		return f.wrapErr("chmod", syscallErrno(e))
	}
	return nil
}

// Chown changes the numeric uid and gid of the file.
func (f *File) Chown(uid, gid int) error {
	if err := f.checkValid("chown"); err != nil {
		return err
	}
	if e := sysFchown(f.fd, uid, gid); e != 0 {
		return f.wrapErr("chown", syscallErrno(e))
	}
	return nil
}

// ReadFrom implements io.ReaderFrom (by copying through a buffer, as Go
// does for files it cannot splice).
func (f *File) ReadFrom(r io.Reader) (n int64, err error) {
	if err := f.checkValid("write"); err != nil {
		return 0, err
	}
	return io.Copy(onlyWriter{f}, r)
}

// onlyWriter hides File's ReadFrom from io.Copy.
type onlyWriter struct {
	io.Writer
}

// Chdir changes the current working directory to the file, which must be
// a directory.
func (f *File) Chdir() error {
	if err := f.checkValid("chdir"); err != nil {
		return err
	}
	if e := sysFchdir(f.fd); e != 0 {
		return f.wrapErr("chdir", syscallErrno(e))
	}
	return nil
}

// readdirLoad reads the directory listing once.
func (f *File) readdirLoad(sorted bool) error {
	if f.dir != nil {
		return nil
	}
	names, types, e := sysReadDir(f.fd, sorted)
	if e != 0 {
		return &PathError{Op: "readdirent", Path: f.name, Err: syscallErrno(e)}
	}
	f.dir = &dirInfo{names: names, types: types}
	return nil
}

// readdirCount is how many entries a ReadDir(n)-style call takes now, and
// the error to return when there are none.
func (f *File) readdirCount(n int) (int, error) {
	left := len(f.dir.names) - f.dir.pos
	if n > 0 {
		if left == 0 {
			return 0, io.EOF
		}
		if n < left {
			left = n
		}
	}
	return left, nil
}

func (f *File) readDir(n int, sorted bool) ([]DirEntry, error) {
	if f == nil {
		return nil, ErrInvalid
	}
	if f.closed {
		return nil, &PathError{Op: "readdirent", Path: f.name, Err: ErrClosed}
	}
	if err := f.readdirLoad(sorted); err != nil {
		return []DirEntry{}, err
	}
	count, err := f.readdirCount(n)
	list := make([]DirEntry, 0, count)
	d := f.dir
	for count > 0 && d.pos < len(d.names) {
		name := d.names[d.pos]
		t := d.types[d.pos]
		d.pos++
		de, e := newUnixDirent(f.name, name, t)
		if IsNotExist(e) {
			// The file vanished between the listing and the lstat.
			continue
		}
		if e != nil {
			return list, e
		}
		list = append(list, de)
		count--
	}
	return list, err
}

// ReadDir reads the contents of the directory associated with the file f
// and returns a slice of DirEntry values in directory order. With n > 0 it
// returns at most n entries (and io.EOF at the end); with n <= 0 it
// returns all the remaining entries.
func (f *File) ReadDir(n int) ([]DirEntry, error) { return f.readDir(n, false) }

// Readdir reads the contents of the directory associated with file and
// returns a slice of FileInfo values, as would be returned by Lstat.
func (f *File) Readdir(n int) ([]FileInfo, error) {
	if f == nil {
		return nil, ErrInvalid
	}
	if f.closed {
		return nil, &PathError{Op: "readdirent", Path: f.name, Err: ErrClosed}
	}
	if err := f.readdirLoad(false); err != nil {
		return []FileInfo{}, err
	}
	count, err := f.readdirCount(n)
	list := make([]FileInfo, 0, count)
	d := f.dir
	for count > 0 && d.pos < len(d.names) {
		name := d.names[d.pos]
		d.pos++
		info, e := Lstat(f.name + "/" + name)
		if IsNotExist(e) {
			continue
		}
		if e != nil {
			return list, e
		}
		list = append(list, info)
		count--
	}
	return list, err
}

// Readdirnames reads the contents of the directory associated with file
// and returns a slice of names of files in the directory.
func (f *File) Readdirnames(n int) (names []string, err error) {
	if f == nil {
		return nil, ErrInvalid
	}
	if f.closed {
		return nil, &PathError{Op: "readdirent", Path: f.name, Err: ErrClosed}
	}
	if err := f.readdirLoad(false); err != nil {
		return []string{}, err
	}
	count, err := f.readdirCount(n)
	d := f.dir
	names = make([]string, count)
	copy(names, d.names[d.pos:d.pos+count])
	d.pos += count
	return names, err
}

// ReadDir reads the named directory, returning all its directory entries
// sorted by filename.
func ReadDir(name string) ([]DirEntry, error) {
	f, err := Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.readDir(-1, true)
}

// DirFS returns a file system (an fs.FS) for the tree of files rooted at
// the directory dir.
func DirFS(dir string) fs.FS { return dirFS(dir) }

type dirFS string

func (dir dirFS) Open(name string) (fs.File, error) {
	fullname, err := dir.join(name)
	if err != nil {
		return nil, &PathError{Op: "stat", Path: name, Err: err}
	}
	f, err := Open(fullname)
	if err != nil {
		return nil, err // nil fs.File
	}
	return f, nil
}

func (dir dirFS) Stat(name string) (fs.FileInfo, error) {
	fullname, err := dir.join(name)
	if err != nil {
		return nil, &PathError{Op: "stat", Path: name, Err: err}
	}
	f, err := Stat(fullname)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// join returns the path for name in dir.
func (dir dirFS) join(name string) (string, error) {
	if dir == "" {
		return "", errors.New("os: DirFS with empty root")
	}
	if !fs.ValidPath(name) {
		return "", ErrInvalid
	}
	for i := 0; i < len(name); i++ {
		if name[i] == 0 {
			return "", ErrInvalid
		}
	}
	if dir[len(dir)-1] == '/' {
		return string(dir) + name, nil
	}
	return string(dir) + "/" + name, nil
}

// Open opens the named file for reading.
func Open(name string) (*File, error) { return OpenFile(name, O_RDONLY, 0) }

// Create creates or truncates the named file (mode 0666 before umask).
func Create(name string) (*File, error) {
	return OpenFile(name, O_RDWR|O_CREATE|O_TRUNC, 0666)
}

// OpenFile is the generalized open call: it opens the named file with the
// specified flag (O_RDONLY etc.) and, when creating it, perm (before umask).
func OpenFile(name string, flag int, perm FileMode) (*File, error) {
	fd, e := sysOpen(name, flag, syscallMode(perm))
	if e != 0 {
		return nil, &PathError{Op: "open", Path: name, Err: syscallErrno(e)}
	}
	f := NewFile(uintptr(fd), name)
	f.appendMode = flag&O_APPEND != 0
	return f, nil
}

// ReadFile reads the named file and returns the contents.
func ReadFile(name string) ([]byte, error) {
	f, err := Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var size int
	if info, err := f.Stat(); err == nil {
		size64 := info.Size()
		if int64(int(size64)) == size64 {
			size = int(size64)
		}
	}
	size++ // one byte for final read at EOF
	if size < 512 {
		size = 512
	}
	data := make([]byte, 0, size)
	for {
		if len(data) >= cap(data) {
			d := append(data[:cap(data)], 0)
			data = d[:len(data)]
		}
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return data, err
		}
	}
}

// WriteFile writes data to the named file, creating it if necessary (with
// perm, before umask) and truncating it otherwise.
func WriteFile(name string, data []byte, perm FileMode) error {
	f, err := OpenFile(name, O_WRONLY|O_CREATE|O_TRUNC, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err1 := f.Close(); err1 != nil && err == nil {
		err = err1
	}
	return err
}

// ------------------------------------------------------ file system calls

// Remove removes the named file or (empty) directory.
func Remove(name string) error {
	e := sysUnlink(name)
	if e == 0 {
		return nil
	}
	e1 := sysRmdir(name)
	if e1 == 0 {
		return nil
	}
	// Both failed: report the error that makes sense for the kind of file.
	if syscallErrno(e1) != eNOTDIR {
		e = e1
	}
	return &PathError{Op: "remove", Path: name, Err: syscallErrno(e)}
}

// RemoveAll removes path and any children it contains. It removes
// everything it can but returns the first error it encounters. If the
// path does not exist, RemoveAll returns nil.
func RemoveAll(path string) error {
	if path == "" {
		return nil
	}
	if endsWithDot(path) {
		return &PathError{Op: "RemoveAll", Path: path, Err: eINVAL}
	}
	return removeAll(path)
}

func endsWithDot(path string) bool {
	if path == "." {
		return true
	}
	if len(path) >= 2 && path[len(path)-1] == '.' && path[len(path)-2] == '/' {
		return true
	}
	return false
}

func removeAll(path string) error {
	err := Remove(path)
	if err == nil || IsNotExist(err) {
		return nil
	}
	dir, serr := Lstat(path)
	if serr != nil {
		if IsNotExist(serr) {
			return nil
		}
		return serr
	}
	if !dir.IsDir() {
		return err
	}
	var first error
	f, oerr := Open(path)
	if oerr != nil {
		if IsNotExist(oerr) {
			return nil
		}
		return oerr
	}
	names, rerr := f.Readdirnames(-1)
	f.Close()
	if rerr != nil {
		first = rerr
	}
	for _, name := range names {
		if e := removeAll(path + "/" + name); e != nil && first == nil {
			first = e
		}
	}
	err = Remove(path)
	if err == nil || IsNotExist(err) {
		return nil
	}
	if first != nil {
		return first
	}
	return err
}

// Mkdir creates a new directory with the specified name and permission
// bits (before umask).
func Mkdir(name string, perm FileMode) error {
	if e := sysMkdir(name, syscallMode(perm)); e != 0 {
		return &PathError{Op: "mkdir", Path: name, Err: syscallErrno(e)}
	}
	return nil
}

// MkdirAll creates a directory named path, along with any necessary
// parents, and returns nil, or else returns an error.
func MkdirAll(path string, perm FileMode) error {
	dir, err := Stat(path)
	if err == nil {
		if dir.IsDir() {
			return nil
		}
		return &PathError{Op: "mkdir", Path: path, Err: eNOTDIR}
	}
	i := len(path)
	for i > 0 && path[i-1] == '/' { // Skip trailing path separator.
		i--
	}
	j := i
	for j > 0 && path[j-1] != '/' { // Scan backward over element.
		j--
	}
	if j > 1 {
		err = MkdirAll(path[:j-1], perm)
		if err != nil {
			return err
		}
	}
	err = Mkdir(path, perm)
	if err != nil {
		// Handle arguments like "foo/." by double-checking that the
		// directory doesn't exist.
		dir, err1 := Lstat(path)
		if err1 == nil && dir.IsDir() {
			return nil
		}
		return err
	}
	return nil
}

// Rename renames (moves) oldpath to newpath.
func Rename(oldpath, newpath string) error {
	fi, err := Lstat(newpath)
	if err == nil && fi.IsDir() {
		// There are two independent errors this function can return:
		// one for a bad oldpath, and one for a bad newpath.
		if ofi, err := Lstat(oldpath); err != nil {
			if pe, ok := err.(*PathError); ok {
				err = pe.Err
			}
			return &LinkError{"rename", oldpath, newpath, err}
		} else if newpath == oldpath || !SameFile(fi, ofi) {
			return &LinkError{"rename", oldpath, newpath, eEXIST}
		}
	}
	if e := sysRename(oldpath, newpath); e != 0 {
		return &LinkError{"rename", oldpath, newpath, syscallErrno(e)}
	}
	return nil
}

// Link creates newname as a hard link to the oldname file.
func Link(oldname, newname string) error {
	if e := sysLink(oldname, newname); e != 0 {
		return &LinkError{"link", oldname, newname, syscallErrno(e)}
	}
	return nil
}

// Symlink creates newname as a symbolic link to oldname.
func Symlink(oldname, newname string) error {
	if e := sysSymlink(oldname, newname); e != 0 {
		return &LinkError{"symlink", oldname, newname, syscallErrno(e)}
	}
	return nil
}

// Chown changes the numeric uid and gid of the named file (following a
// symbolic link).
func Chown(name string, uid, gid int) error {
	if e := sysChown(name, uid, gid, true); e != 0 {
		return &PathError{Op: "chown", Path: name, Err: syscallErrno(e)}
	}
	return nil
}

// Lchown changes the numeric uid and gid of the named file (not following
// a symbolic link).
func Lchown(name string, uid, gid int) error {
	if e := sysChown(name, uid, gid, false); e != 0 {
		return &PathError{Op: "lchown", Path: name, Err: syscallErrno(e)}
	}
	return nil
}

// Chtimes changes the access and modification times of the named file.
func Chtimes(name string, atime time.Time, mtime time.Time) error {
	if e := sysChtimes(name, atime.UnixNano(), mtime.UnixNano()); e != 0 {
		return &PathError{Op: "chtimes", Path: name, Err: syscallErrno(e)}
	}
	return nil
}

// Pipe returns a connected pair of Files; reads from r return bytes
// written to w.
func Pipe() (r *File, w *File, err error) {
	rfd, wfd, e := sysPipe()
	if e != 0 {
		return nil, nil, NewSyscallError("pipe2", syscallErrno(e))
	}
	return NewFile(uintptr(rfd), "|0"), NewFile(uintptr(wfd), "|1"), nil
}

// IsPathSeparator reports whether c is a directory separator character.
func IsPathSeparator(c uint8) bool { return c == PathSeparator }

// Readlink returns the destination of the named symbolic link.
func Readlink(name string) (string, error) {
	s, e := sysReadlink(name)
	if e != 0 {
		return "", &PathError{Op: "readlink", Path: name, Err: syscallErrno(e)}
	}
	return s, nil
}

// Chdir changes the current working directory to the named directory.
func Chdir(dir string) error {
	if e := sysChdir(dir); e != 0 {
		return &PathError{Op: "chdir", Path: dir, Err: syscallErrno(e)}
	}
	return nil
}

// Chmod changes the mode of the named file to mode.
func Chmod(name string, mode FileMode) error {
	if e := sysChmod(name, syscallMode(mode)); e != 0 {
		return &PathError{Op: "chmod", Path: name, Err: syscallErrno(e)}
	}
	return nil
}

// Truncate changes the size of the named file.
func Truncate(name string, size int64) error {
	if e := sysTruncate(name, size); e != 0 {
		return &PathError{Op: "truncate", Path: name, Err: syscallErrno(e)}
	}
	return nil
}

// Getwd returns a rooted path name corresponding to the current directory
// ($PWD when it names the current directory, as in Go).
func Getwd() (dir string, err error) {
	dot, err := statNolog(".", true)
	if err != nil {
		return "", NewSyscallError("getwd", err)
	}
	dir = Getenv("PWD")
	if len(dir) > 0 && dir[0] == '/' {
		d, err := statNolog(dir, true)
		if err == nil && SameFile(dot, d) {
			return dir, nil
		}
	}
	s, e := sysGetwd()
	if e != 0 {
		return "", NewSyscallError("getwd", syscallErrno(e))
	}
	return s, nil
}

// TempDir returns the default directory to use for temporary files:
// $TMPDIR, or /tmp.
func TempDir() string {
	dir := Getenv("TMPDIR")
	if dir == "" {
		dir = "/tmp"
	}
	return dir
}

// UserHomeDir returns the current user's home directory ($HOME).
func UserHomeDir() (string, error) {
	v := Getenv("HOME")
	if v == "" {
		return "", errors.New("$HOME is not defined")
	}
	return v, nil
}

// UserCacheDir returns the default root directory to use for user-specific
// cached data: $XDG_CACHE_HOME, or $HOME/.cache.
func UserCacheDir() (string, error) {
	dir := Getenv("XDG_CACHE_HOME")
	if dir == "" {
		dir = Getenv("HOME")
		if dir == "" {
			return "", errors.New("neither $XDG_CACHE_HOME nor $HOME are defined")
		}
		dir += "/.cache"
	}
	return dir, nil
}

// UserConfigDir returns the default root directory to use for
// user-specific configuration data: $XDG_CONFIG_HOME, or $HOME/.config.
func UserConfigDir() (string, error) {
	dir := Getenv("XDG_CONFIG_HOME")
	if dir == "" {
		dir = Getenv("HOME")
		if dir == "" {
			return "", errors.New("neither $XDG_CONFIG_HOME nor $HOME are defined")
		}
		dir += "/.config"
	}
	return dir, nil
}

func nextRandom() string { return uitoa(uint(fastrand())) }

func uitoa(u uint) string {
	if u == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	for u > 0 {
		i--
		buf[i] = byte('0' + u%10)
		u /= 10
	}
	return string(buf[i:])
}

func itoa(v int) string {
	if v < 0 {
		return "-" + uitoa(uint(-v))
	}
	return uitoa(uint(v))
}

// prefixAndSuffix splits pattern by the last wildcard "*".
func prefixAndSuffix(pattern string) (prefix, suffix string, err error) {
	for i := 0; i < len(pattern); i++ {
		if pattern[i] == '/' {
			return "", "", errPatternHasSeparator
		}
	}
	for i := len(pattern) - 1; i >= 0; i-- {
		if pattern[i] == '*' {
			return pattern[:i], pattern[i+1:], nil
		}
	}
	return pattern, "", nil
}

func joinPath(dir, name string) string {
	if len(dir) > 0 && dir[len(dir)-1] == '/' {
		return dir + name
	}
	return dir + "/" + name
}

// CreateTemp creates a new temporary file in the directory dir (TempDir
// when empty), opens it for reading and writing, and returns the File. The
// name is pattern with a random string in place of its last "*" (or at its
// end).
func CreateTemp(dir, pattern string) (*File, error) {
	if dir == "" {
		dir = TempDir()
	}
	prefix, suffix, err := prefixAndSuffix(pattern)
	if err != nil {
		return nil, &PathError{Op: "createtemp", Path: pattern, Err: err}
	}
	prefix = joinPath(dir, prefix)
	try := 0
	for {
		name := prefix + nextRandom() + suffix
		f, err := OpenFile(name, O_RDWR|O_CREATE|O_EXCL, 0600)
		if IsExist(err) {
			if try++; try < 10000 {
				continue
			}
			return nil, &PathError{Op: "createtemp", Path: prefix + "*" + suffix, Err: ErrExist}
		}
		return f, err
	}
}

// MkdirTemp creates a new temporary directory in the directory dir and
// returns the pathname of the new directory.
func MkdirTemp(dir, pattern string) (string, error) {
	if dir == "" {
		dir = TempDir()
	}
	prefix, suffix, err := prefixAndSuffix(pattern)
	if err != nil {
		return "", &PathError{Op: "mkdirtemp", Path: pattern, Err: err}
	}
	prefix = joinPath(dir, prefix)
	try := 0
	for {
		name := prefix + nextRandom() + suffix
		err := Mkdir(name, 0700)
		if err == nil {
			return name, nil
		}
		if IsExist(err) {
			if try++; try < 10000 {
				continue
			}
			return "", &PathError{Op: "mkdirtemp", Path: dir + "/" + prefix + "*" + suffix, Err: ErrExist}
		}
		if IsNotExist(err) {
			if _, err := Stat(dir); IsNotExist(err) {
				return "", err
			}
		}
		return "", err
	}
}

// ------------------------------------------------------------ environment

// Getenv retrieves the value of the environment variable named by the key.
func Getenv(key string) string {
	v, _ := sysGetenv(key)
	return v
}

// LookupEnv retrieves the value of the environment variable named by the
// key and reports whether the variable is present.
func LookupEnv(key string) (string, bool) { return sysGetenv(key) }

// Setenv sets the value of the environment variable named by the key.
func Setenv(key, value string) error {
	if e := sysSetenv(key, value); e != 0 {
		return NewSyscallError("setenv", syscallErrno(e))
	}
	return nil
}

// Unsetenv unsets a single environment variable.
func Unsetenv(key string) error {
	sysUnsetenv(key)
	return nil
}

// Clearenv deletes all environment variables.
func Clearenv() { sysClearenv() }

// Environ returns a copy of strings representing the environment, in the
// form "key=value".
func Environ() []string { return sysEnviron() }

// Expand replaces ${var} or $var in the string based on the mapping function.
func Expand(s string, mapping func(string) string) string {
	var buf []byte
	// ${} is all ASCII, so bytes are fine for this operation.
	i := 0
	for j := 0; j < len(s); j++ {
		if s[j] == '$' && j+1 < len(s) {
			if buf == nil {
				buf = make([]byte, 0, 2*len(s))
			}
			buf = append(buf, s[i:j]...)
			name, w := getShellName(s[j+1:])
			if name == "" && w > 0 {
				// Encountered invalid syntax; eat the characters.
			} else if name == "" {
				// Valid syntax, but $ was not followed by a name. Leave
				// the dollar character untouched.
				buf = append(buf, s[j])
			} else {
				buf = append(buf, mapping(name)...)
			}
			j += w
			i = j + 1
		}
	}
	if buf == nil {
		return s
	}
	return string(buf) + s[i:]
}

// ExpandEnv replaces ${var} or $var in the string according to the values
// of the current environment variables.
func ExpandEnv(s string) string { return Expand(s, Getenv) }

func isShellSpecialVar(c uint8) bool {
	switch c {
	case '*', '#', '$', '@', '!', '?', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return true
	}
	return false
}

func isAlphaNum(c uint8) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// getShellName returns the name that begins the string and the number of
// bytes consumed to extract it.
func getShellName(s string) (string, int) {
	switch {
	case s[0] == '{':
		if len(s) > 2 && isShellSpecialVar(s[1]) && s[2] == '}' {
			return s[1:2], 3
		}
		// Scan to closing brace
		for i := 1; i < len(s); i++ {
			if s[i] == '}' {
				if i == 1 {
					return "", 2 // Bad syntax; eat "${}"
				}
				return s[1:i], i + 1
			}
		}
		return "", 1 // Bad syntax; eat "${"
	case isShellSpecialVar(s[0]):
		return s[0:1], 1
	}
	// Scan alphanumerics.
	var i int
	for i = 0; i < len(s) && isAlphaNum(s[i]); i++ {
	}
	return s[:i], i
}

// ---------------------------------------------------------------- process

// Exit causes the current program to exit with the given status code.
// Conventionally, code zero indicates success, non-zero an error. The
// program terminates immediately; deferred functions are not run.
// Buffered standard output is flushed.
func Exit(code int)

// Getpagesize returns the underlying system's memory page size.
func Getpagesize() int

// Hostname returns the host name reported by the kernel.
func Hostname() (name string, err error) {
	s, e := sysHostname()
	if e != 0 {
		return "", NewSyscallError("gethostname", syscallErrno(e))
	}
	return s, nil
}

// Getpid returns the process id of the caller.
func Getpid() int {
	pid, _, _, _, _, _ := sysIds()
	return pid
}

// Getppid returns the process id of the caller's parent.
func Getppid() int {
	_, ppid, _, _, _, _ := sysIds()
	return ppid
}

// Getuid returns the numeric user id of the caller.
func Getuid() int {
	_, _, uid, _, _, _ := sysIds()
	return uid
}

// Geteuid returns the numeric effective user id of the caller.
func Geteuid() int {
	_, _, _, euid, _, _ := sysIds()
	return euid
}

// Getgid returns the numeric group id of the caller.
func Getgid() int {
	_, _, _, _, gid, _ := sysIds()
	return gid
}

// Getegid returns the numeric effective group id of the caller.
func Getegid() int {
	_, _, _, _, _, egid := sysIds()
	return egid
}

// Executable returns the path name for the executable that started the
// current process (under goi: the interpreter).
func Executable() (string, error) {
	return Readlink("/proc/self/exe")
}
