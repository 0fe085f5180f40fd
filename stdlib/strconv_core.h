/* strconv_core.h - the numeric and quoting kernels of Go's strconv, shared
 * by the strconv natives, fmt and the rest of the standard library.
 * format_float itself is declared in stdlib.h. */
#ifndef GOI_STRCONV_CORE_H
#define GOI_STRCONV_CORE_H

#include "stdlib.h"

/* Outcome codes of the parsers; the Go side of strconv turns them into
 * *NumError values (ErrSyntax, ErrRange, "invalid base N", "invalid bit size N"). */
enum { NUM_OK = 0, NUM_SYNTAX = 1, NUM_RANGE = 2, NUM_BASE = 3, NUM_BITSIZE = 4 };

/* ParseUint/ParseInt: on NUM_RANGE *out holds the clamped value Go returns,
 * on other errors 0. bitsize 0 means 64. */
int strconv_parse_uint(const uint8_t *s, size_t n, int base, int bitsize, uint64_t *out);
int strconv_parse_int(const uint8_t *s, size_t n, int base, int bitsize, int64_t *out);
/* ParseFloat of the whole string: NUM_OK, NUM_SYNTAX (*out = 0) or NUM_RANGE
 * (*out = +-Inf). bitsize 32 rounds to float32. */
int strconv_parse_float(const uint8_t *s, size_t n, int bitsize, double *out);
/* The longest prefix of s that is a float (Go's parseFloatPrefix): its
 * length in *consumed and the same codes (NUM_SYNTAX if there is none). */
int strconv_parse_float_prefix(const uint8_t *s, size_t n, int bitsize, double *out, size_t *consumed);

/* Underscores of s (with an optional sign) sit only between digits or
 * right after a 0b/0o/0x prefix: Go's underscoreOK. */
bool strconv_underscore_ok(const uint8_t *s, size_t n);

/* FormatInt/FormatUint in base 2..36 (lower-case digits). */
void strconv_format_int(StrBuf *b, int64_t v, int base);
void strconv_format_uint(StrBuf *b, uint64_t v, int base);

/* Quote family. quote is '"' or '\''; ascii escapes everything outside
 * printable ASCII (QuoteToASCII); graphic keeps graphic runes (QuoteToGraphic). */
void strconv_quote(StrBuf *b, const uint8_t *s, size_t n, uint8_t quote, bool ascii, bool graphic);
void strconv_quote_rune(StrBuf *b, int32_t r, bool ascii, bool graphic);
bool strconv_can_backquote(const uint8_t *s, size_t n);
/* UnquoteChar: decodes one character of a quoted string at s. Returns
 * NUM_OK or NUM_SYNTAX; *consumed is how many bytes it took. */
int strconv_unquote_char(const uint8_t *s, size_t n, uint8_t quote, int32_t *value,
                         bool *multibyte, size_t *consumed);
/* Unquote (unescape=true) or QuotedPrefix (false) on s: NUM_OK with the
 * result appended to out and *consumed set, or NUM_SYNTAX. */
int strconv_unquote(const uint8_t *s, size_t n, bool unescape, StrBuf *out, size_t *consumed);

#endif
