package main

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

func main() {
	for _, r := range []rune{'a', 'Z', '5', ' ', '\n', '!', 'é', 'ß', 'Σ', 'σ', 'ǅ', '世', '٣', '\u00a0', '\u2028', 0x1F600, '_', '$', '+', 0x300, -1, utf8.MaxRune + 1} {
		fmt.Printf("%U %v %v %v %v %v %v %v %v %v %v %v %v %q %q %q %q\n", r, unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsNumber(r), unicode.IsSpace(r), unicode.IsUpper(r), unicode.IsLower(r),
			unicode.IsTitle(r), unicode.IsPunct(r), unicode.IsSymbol(r), unicode.IsPrint(r), unicode.IsGraphic(r), unicode.IsControl(r), unicode.ToUpper(r), unicode.ToLower(r), unicode.ToTitle(r), unicode.SimpleFold(r))
	}
	fmt.Println(unicode.Is(unicode.Han, '世'), unicode.In('a', unicode.Latin, unicode.Greek), unicode.Is(unicode.Greek, 'a'), unicode.IsOneOf([]*unicode.RangeTable{unicode.Digit}, '7'), unicode.IsMark(0x300))
	fmt.Println(unicode.MaxRune, unicode.ReplacementChar, unicode.MaxASCII, unicode.MaxLatin1, unicode.UpperCase, unicode.To(unicode.UpperCase, 'q'))
	s := "héllo, 世界! \xff"
	fmt.Println(len(s), utf8.RuneCountInString(s), utf8.ValidString(s), utf8.ValidString("ok"), utf8.RuneLen('世'), utf8.RuneLen(-1), utf8.UTFMax, utf8.RuneSelf)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		fmt.Print(string(r), size, " ")
		i += size
	}
	fmt.Println()
	r, size := utf8.DecodeLastRuneInString(s[:len(s)-1])
	fmt.Println(r, size)
	b := []byte("añb")
	r, size = utf8.DecodeRune(b[1:])
	fmt.Println(r, size, utf8.RuneCount(b), utf8.Valid(b), utf8.FullRune(b[1:2]), utf8.RuneStart(b[2]))
	buf := make([]byte, 4)
	n := utf8.EncodeRune(buf, '€')
	fmt.Println(buf[:n], utf8.AppendRune([]byte("x"), 'ñ'), utf8.ValidRune(0xD800), utf8.ValidRune('a'))
	r, size = utf8.DecodeLastRune(b)
	fmt.Println(r, size)
	for i, r := range "a\xffé" {
		fmt.Println(i, r)
	}
}
