// io_basics: the io helpers and combinators over strings.Reader and custom
// readers/writers: ReadAll, ReadFull, ReadAtLeast, Copy, CopyN, CopyBuffer,
// WriteString, LimitReader, MultiReader, MultiWriter, TeeReader, NopCloser,
// Discard, SectionReader, and the error values they return.
package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// chunkReader returns at most n bytes per Read.
type chunkReader struct {
	s string
	n int
}

func (r *chunkReader) Read(p []byte) (int, error) {
	if len(r.s) == 0 {
		return 0, io.EOF
	}
	k := r.n
	if k > len(p) {
		k = len(p)
	}
	if k > len(r.s) {
		k = len(r.s)
	}
	copy(p, r.s[:k])
	r.s = r.s[k:]
	return k, nil
}

// dataEOFReader returns its data together with io.EOF.
type dataEOFReader struct{ s string }

func (r *dataEOFReader) Read(p []byte) (int, error) {
	n := copy(p, r.s)
	r.s = r.s[n:]
	if len(r.s) == 0 {
		return n, io.EOF
	}
	return n, nil
}

// shortWriter accepts at most max bytes per call, without an error.
type shortWriter struct {
	sb  strings.Builder
	max int
}

func (w *shortWriter) Write(p []byte) (int, error) {
	if len(p) > w.max {
		p = p[:w.max]
	}
	w.sb.Write(p)
	return len(p), nil
}

// failWriter fails after limit bytes.
type failWriter struct {
	n, limit int
}

var errFull = errors.New("disk full")

func (w *failWriter) Write(p []byte) (int, error) {
	if w.n+len(p) > w.limit {
		k := w.limit - w.n
		w.n = w.limit
		return k, errFull
	}
	w.n += len(p)
	return len(p), nil
}

// byteWriter only has Write (no WriteString).
type byteWriter struct{ calls []string }

func (w *byteWriter) Write(p []byte) (int, error) {
	w.calls = append(w.calls, "Write:"+string(p))
	return len(p), nil
}

type stringWriter struct{ byteWriter }

func (w *stringWriter) WriteString(s string) (int, error) {
	w.calls = append(w.calls, "WriteString:"+s)
	return len(s), nil
}

// bytesAt is a ReaderAt over a string.
type bytesAt string

func (b bytesAt) ReadAt(p []byte, off int64) (int, error) {
	if off >= int64(len(b)) {
		return 0, io.EOF
	}
	n := copy(p, b[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

func main() {
	fmt.Println("errors:", io.EOF, "|", io.ErrUnexpectedEOF, "|", io.ErrShortWrite, "|",
		io.ErrClosedPipe, "|", io.ErrShortBuffer, "|", io.ErrNoProgress)
	fmt.Println("seek:", io.SeekStart, io.SeekCurrent, io.SeekEnd)

	// ReadAll
	data, err := io.ReadAll(&chunkReader{strings.Repeat("abcdefghij", 300), 7})
	fmt.Println("ReadAll:", len(data), string(data[:12]), string(data[len(data)-5:]), err)
	data, err = io.ReadAll(strings.NewReader(""))
	fmt.Println("ReadAll empty:", len(data), data == nil, err)
	data, err = io.ReadAll(&dataEOFReader{"tail"})
	fmt.Printf("ReadAll data+EOF: %q %v\n", data, err)

	// ReadFull / ReadAtLeast
	buf := make([]byte, 5)
	n, err := io.ReadFull(&chunkReader{"hello world", 2}, buf)
	fmt.Printf("ReadFull: %d %q %v\n", n, buf[:n], err)
	n, err = io.ReadFull(strings.NewReader("abc"), buf)
	fmt.Printf("ReadFull short: %d %q %v %v\n", n, buf[:n], err, err == io.ErrUnexpectedEOF)
	n, err = io.ReadFull(strings.NewReader(""), buf)
	fmt.Printf("ReadFull empty: %d %v %v\n", n, err, err == io.EOF)
	n, err = io.ReadAtLeast(strings.NewReader("abcdef"), buf, 8)
	fmt.Printf("ReadAtLeast big min: %d %v\n", n, err)
	n, err = io.ReadAtLeast(&chunkReader{"abcdef", 2}, buf, 3)
	fmt.Printf("ReadAtLeast: %d %q %v\n", n, buf[:n], err)
	n, err = io.ReadFull(&dataEOFReader{"12345"}, buf)
	fmt.Printf("ReadFull data+EOF: %d %q %v\n", n, buf[:n], err)

	// Copy, CopyN, CopyBuffer
	var sb strings.Builder
	w, err := io.Copy(&sb, &chunkReader{"copy me please", 3})
	fmt.Printf("Copy: %d %q %v\n", w, sb.String(), err)
	sb.Reset()
	w, err = io.Copy(&sb, strings.NewReader("via WriterTo"))
	fmt.Printf("Copy WriterTo: %d %q %v\n", w, sb.String(), err)
	sb.Reset()
	w, err = io.CopyN(&sb, strings.NewReader("0123456789"), 4)
	fmt.Printf("CopyN: %d %q %v\n", w, sb.String(), err)
	sb.Reset()
	w, err = io.CopyN(&sb, strings.NewReader("012"), 4)
	fmt.Printf("CopyN short: %d %q %v\n", w, sb.String(), err)
	sb.Reset()
	w, err = io.CopyBuffer(&sb, &chunkReader{"buffered copy", 100}, make([]byte, 3))
	fmt.Printf("CopyBuffer: %d %q %v\n", w, sb.String(), err)
	sw := &shortWriter{max: 2}
	w, err = io.Copy(sw, &chunkReader{"abcdef", 4})
	fmt.Printf("Copy short writer: %d %q %v\n", w, sw.sb.String(), err)
	fw := &failWriter{limit: 5}
	w, err = io.Copy(fw, &chunkReader{"abcdefgh", 3})
	fmt.Printf("Copy failing writer: %d %v\n", w, err)
	func() {
		defer func() { fmt.Println("CopyBuffer empty buffer panics:", recover()) }()
		io.CopyBuffer(&sb, strings.NewReader("x"), make([]byte, 0))
	}()

	// WriteString picks WriteString when the writer has it.
	bw := &byteWriter{}
	io.WriteString(bw, "one")
	stw := &stringWriter{}
	io.WriteString(stw, "two")
	fmt.Println("WriteString:", bw.calls, stw.calls)

	// LimitReader
	lr := io.LimitReader(strings.NewReader("limited reader"), 7)
	data, _ = io.ReadAll(lr)
	fmt.Printf("LimitReader: %q\n", data)
	l := &io.LimitedReader{R: strings.NewReader("abc"), N: 0}
	n, err = l.Read(buf)
	fmt.Println("LimitedReader N=0:", n, err)

	// MultiReader
	mr := io.MultiReader(strings.NewReader("one "), &chunkReader{"two ", 1}, strings.NewReader(""), strings.NewReader("three"))
	data, err = io.ReadAll(mr)
	fmt.Printf("MultiReader: %q %v\n", data, err)
	mr = io.MultiReader(strings.NewReader("ab"), strings.NewReader("cd"))
	for {
		n, err := mr.Read(buf)
		fmt.Printf("  read %d %q %v\n", n, buf[:n], err)
		if err != nil {
			break
		}
	}
	nested := io.MultiReader(io.MultiReader(strings.NewReader("x"), strings.NewReader("y")), strings.NewReader("z"))
	sb.Reset()
	io.Copy(&sb, nested)
	fmt.Println("nested MultiReader:", sb.String())
	n, err = io.MultiReader().Read(buf)
	fmt.Println("empty MultiReader:", n, err)

	// MultiWriter
	var a, b strings.Builder
	mw := io.MultiWriter(&a, &b)
	fmt.Fprintf(mw, "x=%d;", 1)
	mw.Write([]byte("raw;"))
	io.WriteString(mw, "str")
	fmt.Printf("MultiWriter: %q %q\n", a.String(), b.String())
	mw2 := io.MultiWriter(&a, &shortWriter{max: 1})
	n, err = mw2.Write([]byte("zz"))
	fmt.Println("MultiWriter short:", n, err)
	mw3 := io.MultiWriter(&failWriter{limit: 1}, &a)
	n, err = io.WriteString(mw3, "qq")
	fmt.Println("MultiWriter fail:", n, err)

	// TeeReader
	var tee strings.Builder
	tr := io.TeeReader(strings.NewReader("tee data"), &tee)
	data, _ = io.ReadAll(tr)
	fmt.Printf("TeeReader: %q %q\n", data, tee.String())

	// NopCloser, Discard
	rc := io.NopCloser(strings.NewReader("nop"))
	fmt.Println("NopCloser close:", rc.Close())
	_, isWT := rc.(io.WriterTo)
	rc2 := io.NopCloser(&chunkReader{"x", 1})
	_, isWT2 := rc2.(io.WriterTo)
	fmt.Println("NopCloser WriterTo:", isWT, isWT2)
	n, err = io.Discard.Write([]byte("gone"))
	fmt.Println("Discard:", n, err)
	w, err = io.Copy(io.Discard, &chunkReader{strings.Repeat("z", 10000), 999})
	fmt.Println("Copy to Discard:", w, err)
	_, isRF := io.Discard.(io.ReaderFrom)
	fmt.Println("Discard is ReaderFrom:", isRF)

	// SectionReader
	sr := io.NewSectionReader(bytesAt("0123456789"), 2, 5)
	data, err = io.ReadAll(sr)
	fmt.Printf("SectionReader: %q %v size=%d\n", data, err, sr.Size())
	pos, err := sr.Seek(1, io.SeekStart)
	fmt.Println("Seek:", pos, err)
	n, err = sr.Read(buf[:2])
	fmt.Printf("after seek: %q %v\n", buf[:n], err)
	pos, err = sr.Seek(-1, io.SeekEnd)
	fmt.Println("SeekEnd:", pos, err)
	_, err = sr.Seek(-10, io.SeekCurrent)
	fmt.Println("bad seek:", err)
	_, err = sr.Seek(0, 7)
	fmt.Println("bad whence:", err)
	n, err = sr.ReadAt(buf, 3)
	fmt.Printf("ReadAt: %d %q %v\n", n, buf[:n], err)

	// Interfaces are satisfied as in Go.
	var r io.Reader = strings.NewReader("x")
	_, ok1 := r.(io.ByteScanner)
	_, ok2 := r.(io.RuneScanner)
	_, ok3 := r.(io.Seeker)
	_, ok4 := r.(io.ReaderAt)
	_, ok5 := r.(io.WriterTo)
	_, ok6 := r.(io.ReadWriter)
	fmt.Println("strings.Reader implements:", ok1, ok2, ok3, ok4, ok5, ok6)
	var rwc io.ReadWriteCloser
	fmt.Println("nil ReadWriteCloser:", rwc == nil)
}
