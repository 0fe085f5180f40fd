/* lexer.c - the Go scanner.
 *
 * One pass over a NUL-terminated buffer, one token per lex_next call. The
 * scanner works on bytes; only identifiers and the validity checks inside
 * literals and comments decode UTF-8. Messages and their positions follow
 * gc's scanner (cmd/compile/internal/syntax), so users see what `go build`
 * would print:
 *   - errors about a whole token ("string not terminated") point at its start;
 *   - errors about one character ("newline in string") point at that character.
 *
 * Semicolons are inserted as the spec says: a newline or EOF after an
 * identifier, a literal, one of break continue fallthrough return, ++ -- ) ] }
 * ends the statement. A block comment spanning lines counts as a newline.
 */
#include "lexer.h"

#include "../common/common.h"

#include <stdio.h>
#include <stdlib.h>

/* ---------------------------------------------------------------- token names */

static const char *const token_spellings[] = {
#define GOI_TOKEN_SPELLING(name, spelling) spelling,
    GOI_TOKENS(GOI_TOKEN_SPELLING)
#undef GOI_TOKEN_SPELLING
};

static const char *const token_names[] = {
#define GOI_TOKEN_NAME(name, spelling) #name,
    GOI_TOKENS(GOI_TOKEN_NAME)
#undef GOI_TOKEN_NAME
};

const char *token_spelling(TokenKind k) {
    return (unsigned)k < TK__COUNT ? token_spellings[k] : "?";
}

const char *token_name(TokenKind k) { return (unsigned)k < TK__COUNT ? token_names[k] : "TK_?"; }

int token_precedence(TokenKind k) {
    switch (k) {
    case TK_LOR: return 1;
    case TK_LAND: return 2;
    case TK_EQL: case TK_NEQ: case TK_LSS: case TK_LEQ: case TK_GTR: case TK_GEQ: return 3;
    case TK_ADD: case TK_SUB: case TK_OR: case TK_XOR: return 4;
    case TK_MUL: case TK_QUO: case TK_REM: case TK_SHL: case TK_SHR: case TK_AND: case TK_AND_NOT:
        return 5;
    default: return 0;
    }
}

/* Keywords are found by their first letter, then compared whole: at most four
 * candidates share a first letter, so this beats hashing for such short words. */
TokenKind lex_keyword(const char *s, size_t n) {
    if (n < 2 || n > 11 || s[0] < 'b' || s[0] > 'v') return TK_IDENT;
#define KW(word, tok)                                                                              \
    if (n == sizeof(word) - 1 && memcmp(s, word, n) == 0) return tok
    switch (s[0]) {
    case 'b': KW("break", TK_BREAK); break;
    case 'c':
        KW("case", TK_CASE); KW("chan", TK_CHAN); KW("const", TK_CONST);
        KW("continue", TK_CONTINUE);
        break;
    case 'd': KW("default", TK_DEFAULT); KW("defer", TK_DEFER); break;
    case 'e': KW("else", TK_ELSE); break;
    case 'f': KW("for", TK_FOR); KW("func", TK_FUNC); KW("fallthrough", TK_FALLTHROUGH); break;
    case 'g': KW("go", TK_GO); KW("goto", TK_GOTO); break;
    case 'i': KW("if", TK_IF); KW("import", TK_IMPORT); KW("interface", TK_INTERFACE); break;
    case 'm': KW("map", TK_MAP); break;
    case 'p': KW("package", TK_PACKAGE); break;
    case 'r': KW("range", TK_RANGE); KW("return", TK_RETURN); break;
    case 's': KW("select", TK_SELECT); KW("struct", TK_STRUCT); KW("switch", TK_SWITCH); break;
    case 't': KW("type", TK_TYPE); break;
    case 'v': KW("var", TK_VAR); break;
    }
#undef KW
    return TK_IDENT;
}

/* ---------------------------------------------------------------- UTF-8 */

int utf8_encode(uint8_t *buf, int32_t r) {
    uint32_t c = (uint32_t)r;
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
    if (c < 0x80) {
        buf[0] = (uint8_t)c;
        return 1;
    }
    if (c < 0x800) {
        buf[0] = (uint8_t)(0xC0 | (c >> 6));
        buf[1] = (uint8_t)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        buf[0] = (uint8_t)(0xE0 | (c >> 12));
        buf[1] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
        buf[2] = (uint8_t)(0x80 | (c & 0x3F));
        return 3;
    }
    buf[0] = (uint8_t)(0xF0 | (c >> 18));
    buf[1] = (uint8_t)(0x80 | ((c >> 12) & 0x3F));
    buf[2] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
    buf[3] = (uint8_t)(0x80 | (c & 0x3F));
    return 4;
}

int32_t utf8_decode(const uint8_t *s, size_t n, int *size) {
    uint8_t b0 = s[0];
    *size = 1;
    if (b0 < 0x80) return b0;
    /* Sequence length and the smallest code point it may encode (which
     * rejects overlong forms). */
    int len;
    uint32_t min, c;
    if (b0 >= 0xC2 && b0 <= 0xDF) len = 2, min = 0x80, c = b0 & 0x1F;
    else if (b0 >= 0xE0 && b0 <= 0xEF) len = 3, min = 0x800, c = b0 & 0x0F;
    else if (b0 >= 0xF0 && b0 <= 0xF4) len = 4, min = 0x10000, c = b0 & 0x07;
    else return 0xFFFD;
    if ((size_t)len > n) return 0xFFFD;
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0xFFFD;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0xFFFD;
    *size = len;
    return (int32_t)c;
}

/* Unicode classes for identifiers. Go accepts letters (L*) and, after the
 * first character, decimal digits (Nd). Carrying the full Unicode tables
 * would cost more than identifiers outside ASCII are worth to an
 * interpreter, so this is an approximation: every non-ASCII code point is a
 * letter except the common punctuation, symbol, mark and space blocks below
 * and the decimal digits of the major scripts. It decides only whether gc's
 * "invalid character in identifier" message appears; tokens split alike. */
static const struct { int32_t lo, hi; } non_letters[] = {
    {0x0080, 0x00A9}, {0x00AB, 0x00B4}, {0x00B6, 0x00B9}, {0x00BB, 0x00BF},
    {0x00D7, 0x00D7}, {0x00F7, 0x00F7}, {0x02C2, 0x02C5}, {0x02D2, 0x02DF},
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A},
    {0x064B, 0x065F}, {0x2000, 0x206F}, {0x20A0, 0x20FF}, {0x2190, 0x2BFF},
    {0x2E00, 0x2E7F}, {0x3000, 0x3004}, {0x3008, 0x3020}, {0xD800, 0xF8FF},
    {0xFE00, 0xFE6F}, {0xFEFF, 0xFEFF}, {0xFF01, 0xFF20}, {0xFF3B, 0xFF40},
    {0xFF5B, 0xFF65}, {0xFFF0, 0xFFFF}, {0x1F000, 0x1FAFF}, {0xE0000, 0x10FFFF},
};

static const int32_t digit_zeros[] = {0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6,
                                      0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0E50, 0x0ED0,
                                      0x0F20, 0x1040, 0x17E0, 0x1810, 0xFF10};

static bool unicode_is_digit(int32_t r) {
    for (size_t i = 0; i < countof(digit_zeros); i++)
        if (r >= digit_zeros[i] && r <= digit_zeros[i] + 9) return true;
    return false;
}

static bool unicode_is_letter(int32_t r) {
    if (unicode_is_digit(r)) return false;
    for (size_t i = 0; i < countof(non_letters); i++)
        if (r >= non_letters[i].lo && r <= non_letters[i].hi) return false;
    return true;
}

/* gc's %#U: "U+0040 '@'", without the quoted form for unprintable runes. */
static char *format_rune(int32_t r) {
    if (r < 0x20 || r == 0x7F || (r >= 0x80 && r < 0xA0) || (r >= 0xD800 && r <= 0xDFFF) ||
        (uint32_t)r > 0x10FFFF)
        return gc_sprintf("U+%04X", (unsigned)r);
    uint8_t buf[5];
    int n = utf8_encode(buf, r);
    buf[n] = 0;
    return gc_sprintf("U+%04X '%s'", (unsigned)r, (const char *)buf);
}

/* ---------------------------------------------------------------- scanner basics */

static inline bool is_letter(int c) { return (unsigned)((c | 0x20) - 'a') < 26 || c == '_'; }
static inline bool is_decimal(int c) { return (unsigned)(c - '0') < 10; }
static inline bool is_hex(int c) { return is_decimal(c) || (unsigned)((c | 0x20) - 'a') < 6; }

static inline int peek(const Lexer *lx, size_t ahead) {
    size_t i = lx->off + ahead;
    return i < lx->len ? (uint8_t)lx->src[i] : -1;
}

static inline Pos cur_pos(const Lexer *lx) {
    return (Pos){lx->file, lx->line, (int)(lx->off - lx->line_off) + 1};
}

/* Consume the byte at off, which is known to be a newline. */
static inline void take_newline(Lexer *lx) {
    lx->off++;
    lx->line++;
    lx->line_off = lx->off;
}

static void lex_error(Lexer *lx, Pos pos, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void lex_error(Lexer *lx, Pos pos, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *msg = gc_vsprintf(fmt, ap);
    va_end(ap);
    lx->nerrors++;
    if (lx->on_error) lx->on_error(lx->error_ctx, pos, msg);
}

/* Consume one character of a literal or comment body, checking it the way
 * gc's source reader does: NUL, a BOM and invalid UTF-8 are reported (once
 * per character) but scanning goes on. Newlines are the caller's business. */
static void take_special_char(Lexer *lx);

static inline void take_char(Lexer *lx) {
    uint8_t c = (uint8_t)lx->src[lx->off];
    if (likely((c >= 0x20 && c < 0x80) || c == '\t')) lx->off++;
    else take_special_char(lx);
}

static void take_special_char(Lexer *lx) {
    uint8_t c = (uint8_t)lx->src[lx->off];
    if (c == 0) {
        lex_error(lx, cur_pos(lx), "invalid NUL character");
        lx->off++;
        return;
    }
    if (c < 0x80) {
        lx->off++;
        return;
    }
    int size;
    int32_t r = utf8_decode((const uint8_t *)lx->src + lx->off, lx->len - lx->off, &size);
    if (r == 0xFFFD && size == 1) lex_error(lx, cur_pos(lx), "invalid UTF-8 encoding");
    else if (r == 0xFEFF) lex_error(lx, cur_pos(lx), "invalid BOM in the middle of the file");
    lx->off += (size_t)size;
}

void lex_init(Lexer *lx, const char *file, const char *src, size_t len, LexErrorFn on_error,
              void *error_ctx) {
    memset(lx, 0, sizeof *lx);
    lx->file = file;
    lx->src = src;
    lx->len = len;
    lx->line = 1;
    lx->on_error = on_error;
    lx->error_ctx = error_ctx;
    /* A byte order mark is allowed as the very first character only. */
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) lx->off = lx->line_off = 3;
    /* "#!/usr/bin/env goi" makes a source file a script: skip that line like
     * a comment. Its newline stays, so line numbers are unchanged. */
    if (lx->off + 1 < len && src[lx->off] == '#' && src[lx->off + 1] == '!') {
        const char *nl = memchr(src + lx->off, '\n', len - lx->off);
        lx->off = nl ? (size_t)(nl - src) : len;
    }
}

/* ---------------------------------------------------------------- comments */

/* Scan a line comment starting at off ("//"); stop before the newline so the
 * newline can still end the statement. A trailing CR is left out. */
static void scan_line_comment(Lexer *lx) {
    lx->off += 2;
    while (lx->off < lx->len && lx->src[lx->off] != '\n') take_char(lx);
}

/* Scan a block comment starting at off ("/ *"). Returns whether it spans lines. */
static bool scan_block_comment(Lexer *lx) {
    Pos start = cur_pos(lx);
    int first_line = lx->line;
    lx->off += 2;
    for (;;) {
        if (lx->off >= lx->len) {
            lx->unterminated = true;
            lex_error(lx, start, "comment not terminated");
            break;
        }
        char c = lx->src[lx->off];
        if (c == '*' && peek(lx, 1) == '/') {
            lx->off += 2;
            break;
        }
        if (c == '\n') take_newline(lx);
        else take_char(lx);
    }
    return lx->line > first_line;
}

/* Does the block comment at off contain a newline before its end? (Used
 * without consuming it, when comments are kept and a semicolon goes first.) */
static bool block_comment_has_newline(const Lexer *lx) {
    for (size_t i = lx->off + 2; i < lx->len; i++) {
        if (lx->src[i] == '\n') return true;
        if (lx->src[i] == '*' && i + 1 < lx->len && lx->src[i + 1] == '/') return false;
    }
    return false;
}

/* ---------------------------------------------------------------- numbers */

static const char *base_name(int base) {
    switch (base) {
    case 2: return "binary";
    case 8: return "octal";
    case 16: return "hexadecimal";
    default: return "decimal";
    }
}

/* Accept { digit | '_' }. For bases up to 10 any decimal digit is consumed,
 * and the offset of the first one too large for the base (relative to the
 * literal start) goes to *invalid, so "09" reports the 9 rather than ending
 * the literal early. Returns bit 0: saw a digit, bit 1: saw a separator. */
static int scan_digits(Lexer *lx, size_t start, int base, int *invalid) {
    int digsep = 0;
    for (;;) {
        int c = peek(lx, 0);
        if (c == '_') {
            digsep |= 2;
        } else if (base <= 10 ? is_decimal(c) : is_hex(c)) {
            digsep |= 1;
            if (base < 10 && c >= '0' + base && invalid && *invalid < 0)
                *invalid = (int)(lx->off - start);
        } else {
            return digsep;
        }
        lx->off++;
    }
}

/* Index of the first misplaced '_' in a number literal, or -1. A separator
 * must sit between two digits (a base prefix counts as a digit). */
static int invalid_separator(const char *x, size_t n) {
    bool hex = false;
    char prev = '.'; /* class of the previous char: '0' digit, '_', '.' other */
    size_t i = 0;
    if (n >= 2 && x[0] == '0') {
        char p = (char)(x[1] | 0x20);
        if (p == 'x' || p == 'o' || p == 'b') {
            hex = p == 'x';
            prev = '0';
            i = 2;
        }
    }
    for (; i < n; i++) {
        char c = x[i];
        if (c == '_') {
            if (prev != '0') return (int)i;
            prev = '_';
        } else if (is_decimal(c) || (hex && is_hex(c))) {
            prev = '0';
        } else {
            if (prev == '_') return (int)i - 1;
            prev = '.';
        }
    }
    return prev == '_' ? (int)n - 1 : -1;
}

/* Scan a number; off is at its first digit, or just past a leading '.'. */
static TokenKind scan_number(Lexer *lx, size_t start, Pos start_pos, bool seen_point) {
    TokenKind kind = TK_INT;
    int base = 10;
    char prefix = 0; /* 0 decimal, '0' legacy octal, 'x', 'o', 'b' */
    int digsep = 0, invalid = -1;
    bool ok = true;

    if (!seen_point) {
        if (peek(lx, 0) == '0') {
            lx->off++;
            switch (peek(lx, 0) | 0x20) {
            case 'x': lx->off++, base = 16, prefix = 'x'; break;
            case 'o': lx->off++, base = 8, prefix = 'o'; break;
            case 'b': lx->off++, base = 2, prefix = 'b'; break;
            default: base = 8, prefix = '0', digsep = 1; break; /* the 0 is a digit */
            }
        }
        digsep |= scan_digits(lx, start, base, &invalid);
        if (peek(lx, 0) == '.') {
            if (prefix == 'o' || prefix == 'b') {
                lex_error(lx, cur_pos(lx), "invalid radix point in %s literal", base_name(base));
                ok = false;
            }
            lx->off++;
            seen_point = true;
        }
    }
    if (seen_point) {
        kind = TK_FLOAT;
        digsep |= scan_digits(lx, start, base, &invalid);
    }
    if (!(digsep & 1) && ok) {
        lex_error(lx, cur_pos(lx), "%s literal has no digits", base_name(base));
        ok = false;
    }

    int e = peek(lx, 0) | 0x20;
    if (e == 'e' || e == 'p') {
        if (ok && e == 'e' && prefix != 0 && prefix != '0') {
            lex_error(lx, cur_pos(lx), "'%c' exponent requires decimal mantissa", lx->src[lx->off]);
            ok = false;
        } else if (ok && e == 'p' && prefix != 'x') {
            lex_error(lx, cur_pos(lx), "'%c' exponent requires hexadecimal mantissa",
                      lx->src[lx->off]);
            ok = false;
        }
        lx->off++;
        kind = TK_FLOAT;
        if (peek(lx, 0) == '+' || peek(lx, 0) == '-') lx->off++;
        int ds = scan_digits(lx, start, 10, NULL);
        digsep = ds | (digsep & 2);
        if (!(ds & 1) && ok) {
            lex_error(lx, cur_pos(lx), "exponent has no digits");
            ok = false;
        }
    } else if (prefix == 'x' && kind == TK_FLOAT && ok) {
        lex_error(lx, cur_pos(lx), "hexadecimal mantissa requires a 'p' exponent");
        ok = false;
    }

    if (peek(lx, 0) == 'i') {
        kind = TK_IMAG;
        lx->off++;
    }

    /* 0-prefixed integers are octal, but "09.5" and "09i" are decimal. */
    if (kind == TK_INT && invalid >= 0 && ok) {
        Pos p = start_pos;
        p.col += invalid;
        lex_error(lx, p, "invalid digit '%c' in %s literal", lx->src[start + (size_t)invalid],
                  base_name(base));
        ok = false;
    }
    if ((digsep & 2) && ok) {
        int i = invalid_separator(lx->src + start, lx->off - start);
        if (i >= 0) {
            Pos p = start_pos;
            p.col += i;
            lex_error(lx, p, "'_' must separate successive digits");
        }
    }
    return kind;
}

/* ---------------------------------------------------------------- strings and runes */

/* Scan one escape; off is just past the backslash. Reports an error and
 * returns false for a malformed escape. At EOF it returns true and lets the
 * caller complain about the unterminated literal. */
static bool scan_escape(Lexer *lx, char quote) {
    int c = peek(lx, 0);
    int n;
    uint32_t base, max;
    switch (c) {
    case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v': case '\\':
        lx->off++;
        return true;
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
        n = 3, base = 8, max = 255;
        break;
    case 'x': lx->off++, n = 2, base = 16, max = 255; break;
    case 'u': lx->off++, n = 4, base = 16, max = 0x10FFFF; break;
    case 'U': lx->off++, n = 8, base = 16, max = 0x10FFFF; break;
    default:
        if (c == quote) {
            lx->off++;
            return true;
        }
        if (c < 0) return true;
        lex_error(lx, cur_pos(lx), "unknown escape");
        return false;
    }
    uint32_t x = 0;
    for (int i = 0; i < n; i++) {
        c = peek(lx, 0);
        if (c < 0) return true;
        uint32_t d = is_decimal(c) ? (uint32_t)(c - '0')
                     : is_hex(c)   ? (uint32_t)((c | 0x20) - 'a' + 10)
                                   : base;
        if (d >= base) {
            /* Show the offending character as Go's %q would. */
            const char *shown = c == '\n' ? "'\\n'" : c == '\'' ? "'\\''"
                                : c == '\\' ? "'\\\\'" : NULL;
            if (shown || c < 0x20 || c >= 0x7F) {
                if (!shown) shown = gc_sprintf("'\\x%02x'", c);
                lex_error(lx, cur_pos(lx), "invalid character %s in %s escape", shown,
                          base_name((int)base));
            } else {
                lex_error(lx, cur_pos(lx), "invalid character '%c' in %s escape", c,
                          base_name((int)base));
            }
            return false;
        }
        x = x * base + d;
        lx->off++;
    }
    if (x > max && base == 8) {
        lex_error(lx, cur_pos(lx), "octal escape value %u > 255", x);
        return false;
    }
    if (x > max || (x >= 0xD800 && x < 0xE000)) {
        lex_error(lx, cur_pos(lx), "escape is invalid Unicode code point %s", format_rune((int32_t)x));
        return false;
    }
    return true;
}

static void scan_rune(Lexer *lx, Pos start_pos) {
    bool ok = true;
    lx->off++; /* opening quote */
    for (int n = 0;; n++) {
        int c = peek(lx, 0);
        if (c == '\'') {
            if (ok && n == 0) {
                lex_error(lx, cur_pos(lx), "empty rune literal or unescaped ' in rune literal");
                ok = false;
            } else if (ok && n != 1) {
                lex_error(lx, start_pos, "more than one character in rune literal");
                ok = false;
            }
            lx->off++;
            return;
        }
        if (c == '\\') {
            lx->off++;
            if (!scan_escape(lx, '\'')) ok = false;
            continue;
        }
        if (c == '\n') {
            if (ok) lex_error(lx, cur_pos(lx), "newline in rune literal");
            return;
        }
        if (c < 0) {
            if (ok) lex_error(lx, start_pos, "rune literal not terminated");
            return;
        }
        take_char(lx);
    }
}

static void scan_string(Lexer *lx, Pos start_pos) {
    lx->off++; /* opening quote */
    for (;;) {
        int c = peek(lx, 0);
        if (c == '"') {
            lx->off++;
            return;
        }
        if (c == '\\') {
            lx->off++;
            scan_escape(lx, '"');
            continue;
        }
        if (c == '\n') {
            lex_error(lx, cur_pos(lx), "newline in string");
            return;
        }
        if (c < 0) {
            lex_error(lx, start_pos, "string not terminated");
            return;
        }
        take_char(lx);
    }
}

static void scan_raw_string(Lexer *lx, Pos start_pos) {
    lx->off++; /* opening backquote */
    for (;;) {
        int c = peek(lx, 0);
        if (c == '`') {
            lx->off++;
            return;
        }
        if (c < 0) {
            lx->unterminated = true;
            lex_error(lx, start_pos, "string not terminated");
            return;
        }
        if (c == '\n') take_newline(lx);
        else take_char(lx);
    }
}

/* ---------------------------------------------------------------- identifiers */

/* Scan an identifier that contains (or starts with) non-ASCII characters.
 * Like gc, every non-ASCII character continues the identifier; those that
 * are neither letters nor digits are reported. */
static void scan_unicode_ident(Lexer *lx, size_t start) {
    for (;;) {
        int c = peek(lx, 0);
        if (is_letter(c) || is_decimal(c)) {
            lx->off++;
            continue;
        }
        if (c < 0x80) return;
        int size;
        int32_t r = utf8_decode((const uint8_t *)lx->src + lx->off, lx->len - lx->off, &size);
        if (r == 0xFFFD && size == 1) {
            take_char(lx); /* reports invalid UTF-8 */
            continue;
        }
        if (unicode_is_digit(r) && lx->off == start)
            lex_error(lx, cur_pos(lx), "identifier cannot begin with digit %s", format_rune(r));
        else if (!unicode_is_letter(r) && !unicode_is_digit(r))
            lex_error(lx, cur_pos(lx), "invalid character %s in identifier", format_rune(r));
        lx->off += (size_t)size;
    }
}

/* Identifiers repeat a lot (err, ok, i, fmt...). A small direct-mapped cache
 * per thread answers most lookups without intern()'s lock and table walk.
 * Interned strings live as long as the process, so caching them is safe. */
enum { IDENT_CACHE_SIZE = 1024 };
static __thread const char *ident_cache[IDENT_CACHE_SIZE];

static const char *intern_ident(const char *s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (uint8_t)s[i]) * 16777619u;
    const char **slot = &ident_cache[(h ^ (h >> 15)) & (IDENT_CACHE_SIZE - 1)];
    const char *c = *slot;
    if (c && memcmp(c, s, n) == 0 && c[n] == 0) return c;
    return *slot = intern(s, n);
}

/* ---------------------------------------------------------------- the scanner */

static inline Token make_token(TokenKind k, Pos pos) {
    Token t = {0};
    t.kind = k;
    t.pos = pos;
    return t;
}

/* Pick between "op" and "op=" (the common shape of the operator table). */
static inline TokenKind op_or_assign(Lexer *lx, TokenKind op, TokenKind assign) {
    if (peek(lx, 0) == '=') {
        lx->off++;
        return assign;
    }
    return op;
}

/* After which tokens does a newline end the statement? */
static bool ends_statement(TokenKind k) {
    switch (k) {
    case TK_IDENT: case TK_INT: case TK_FLOAT: case TK_IMAG: case TK_CHAR: case TK_STRING:
    case TK_BREAK: case TK_CONTINUE: case TK_FALLTHROUGH: case TK_RETURN:
    case TK_INC: case TK_DEC: case TK_RPAREN: case TK_RBRACK: case TK_RBRACE:
        return true;
    default:
        return false;
    }
}

static Token implicit_semicolon(Pos pos, bool at_eof) {
    Token t = make_token(TK_SEMICOLON, pos);
    t.implicit = true;
    t.at_eof = at_eof;
    return t;
}

/* Scan an operator or delimiter starting with byte c (already at off). */
static TokenKind scan_operator(Lexer *lx, int c) {
    lx->off++;
    switch (c) {
    case '(': return TK_LPAREN;
    case ')': return TK_RPAREN;
    case '[': return TK_LBRACK;
    case ']': return TK_RBRACK;
    case '{': return TK_LBRACE;
    case '}': return TK_RBRACE;
    case ',': return TK_COMMA;
    case ';': return TK_SEMICOLON;
    case '~': return TK_TILDE;
    case '.':
        if (peek(lx, 0) == '.' && peek(lx, 1) == '.') {
            lx->off += 2;
            return TK_ELLIPSIS;
        }
        return TK_PERIOD;
    case ':': return op_or_assign(lx, TK_COLON, TK_DEFINE);
    case '=': return op_or_assign(lx, TK_ASSIGN, TK_EQL);
    case '!': return op_or_assign(lx, TK_NOT, TK_NEQ);
    case '*': return op_or_assign(lx, TK_MUL, TK_MUL_ASSIGN);
    case '/': return op_or_assign(lx, TK_QUO, TK_QUO_ASSIGN);
    case '%': return op_or_assign(lx, TK_REM, TK_REM_ASSIGN);
    case '^': return op_or_assign(lx, TK_XOR, TK_XOR_ASSIGN);
    case '+':
        if (peek(lx, 0) == '+') return lx->off++, TK_INC;
        return op_or_assign(lx, TK_ADD, TK_ADD_ASSIGN);
    case '-':
        if (peek(lx, 0) == '-') return lx->off++, TK_DEC;
        return op_or_assign(lx, TK_SUB, TK_SUB_ASSIGN);
    case '&':
        if (peek(lx, 0) == '&') return lx->off++, TK_LAND;
        if (peek(lx, 0) == '^') {
            lx->off++;
            return op_or_assign(lx, TK_AND_NOT, TK_AND_NOT_ASSIGN);
        }
        return op_or_assign(lx, TK_AND, TK_AND_ASSIGN);
    case '|':
        if (peek(lx, 0) == '|') return lx->off++, TK_LOR;
        return op_or_assign(lx, TK_OR, TK_OR_ASSIGN);
    case '<':
        if (peek(lx, 0) == '-') return lx->off++, TK_ARROW;
        if (peek(lx, 0) == '<') {
            lx->off++;
            return op_or_assign(lx, TK_SHL, TK_SHL_ASSIGN);
        }
        return op_or_assign(lx, TK_LSS, TK_LEQ);
    case '>':
        if (peek(lx, 0) == '>') {
            lx->off++;
            return op_or_assign(lx, TK_SHR, TK_SHR_ASSIGN);
        }
        return op_or_assign(lx, TK_GTR, TK_GEQ);
    }
    lx->off--;
    return TK_ILLEGAL;
}

Token lex_next(Lexer *lx) {
    /* nlsemi: a newline (or EOF) now yields a semicolon. It survives
     * skipped comments and invalid characters, as in gc. */
    bool nlsemi = lx->insert_semi;
    lx->insert_semi = false;

    for (;;) {
        /* white space */
        for (;;) {
            int c = peek(lx, 0);
            if (c == ' ' || c == '\t' || c == '\r') lx->off++;
            else if (c == '\n' && !nlsemi) take_newline(lx);
            else break;
        }

        Pos pos = cur_pos(lx);
        size_t start = lx->off;
        int c = peek(lx, 0);

        if (c < 0) return nlsemi ? implicit_semicolon(pos, true) : make_token(TK_EOF, pos);

        if (is_letter(c) || c >= 0x80) {
            if (c >= 0x80) {
                int size;
                int32_t r = utf8_decode((const uint8_t *)lx->src + start, lx->len - start, &size);
                if (r == 0xFEFF || (r == 0xFFFD && size == 1)) {
                    take_char(lx); /* reports the bad character and skips it */
                    continue;
                }
                scan_unicode_ident(lx, start);
            } else {
                lx->off++;
                while (is_letter(peek(lx, 0)) || is_decimal(peek(lx, 0))) lx->off++;
                if (peek(lx, 0) >= 0x80) scan_unicode_ident(lx, start);
            }
            size_t n = lx->off - start;
            TokenKind k = lex_keyword(lx->src + start, n);
            Token t = make_token(k, pos);
            if (k == TK_IDENT) {
                t.text = intern_ident(lx->src + start, n);
                t.len = n;
            }
            lx->insert_semi = ends_statement(k);
            return t;
        }

        TokenKind k;
        switch (c) {
        case '\n': /* only reached when nlsemi */
            take_newline(lx);
            return implicit_semicolon(pos, false);
        case 0:
            lex_error(lx, pos, "invalid NUL character");
            lx->off++;
            continue;
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
            k = scan_number(lx, start, pos, false);
            break;
        case '"': scan_string(lx, pos), k = TK_STRING; break;
        case '`': scan_raw_string(lx, pos), k = TK_STRING; break;
        case '\'': scan_rune(lx, pos), k = TK_CHAR; break;
        case '.':
            if (is_decimal(peek(lx, 1))) {
                lx->off++;
                k = scan_number(lx, start, pos, true);
                break;
            }
            k = scan_operator(lx, c);
            break;
        case '/':
            if (peek(lx, 1) == '/') {
                scan_line_comment(lx);
                if (lx->keep_comments) {
                    lx->insert_semi = nlsemi; /* the newline after it still counts */
                    Token t = make_token(TK_COMMENT, pos);
                    t.len = lx->off - start;
                    t.text = gc_strndup(lx->src + start, t.len);
                    return t;
                }
                continue;
            }
            if (peek(lx, 1) == '*') {
                if (lx->keep_comments) {
                    /* A comment spanning lines ends the statement: hand out
                     * the semicolon now and the comment on the next call. */
                    if (nlsemi && block_comment_has_newline(lx)) return implicit_semicolon(pos, false);
                    scan_block_comment(lx);
                    lx->insert_semi = nlsemi;
                    Token t = make_token(TK_COMMENT, pos);
                    t.len = lx->off - start;
                    t.text = gc_strndup(lx->src + start, t.len);
                    return t;
                }
                if (scan_block_comment(lx) && nlsemi) return implicit_semicolon(pos, false);
                continue;
            }
            k = scan_operator(lx, c);
            break;
        default:
            k = scan_operator(lx, c);
            if (k == TK_ILLEGAL) {
                /* gc reports the character and goes on as if it were absent. */
                int size;
                int32_t r = utf8_decode((const uint8_t *)lx->src + start, lx->len - start, &size);
                lex_error(lx, pos, "invalid character %s", format_rune(r));
                lx->off += (size_t)size;
                continue;
            }
            break;
        }

        Token t = make_token(k, pos);
        if (k >= TK_INT && k <= TK_STRING) {
            t.len = lx->off - start;
            t.text = gc_strndup(lx->src + start, t.len);
        }
        lx->insert_semi = ends_statement(k);
        return t;
    }
}

/* ---------------------------------------------------------------- literal decoding */

bool lex_int_digits(const char *text, char *out, size_t outsz, int *base, const char **err) {
    const char *p = text;
    *base = 10;
    if (p[0] == '0') {
        switch (p[1] | 0x20) {
        case 'x': *base = 16, p += 2; break;
        case 'o': *base = 8, p += 2; break;
        case 'b': *base = 2, p += 2; break;
        default:
            if (p[1] != 0) *base = 8, p += 1; /* legacy octal: 017 */
            break;
        }
    }
    size_t n = 0;
    for (; *p; p++) {
        char c = *p;
        if (c == '_') continue;
        int d = is_decimal(c) ? c - '0' : is_hex(c) ? (c | 0x20) - 'a' + 10 : 99;
        if (d >= *base) {
            *err = gc_sprintf("invalid digit '%c' in %s literal", c, base_name(*base));
            return false;
        }
        if (n + 1 >= outsz) {
            *err = "integer literal too long";
            return false;
        }
        out[n++] = c;
    }
    if (n == 0) {
        /* "00" and "0_0" are octal zero; "0x" has no digits at all. */
        if (*base == 8 && p > text + 1 && text[1] != 'o' && text[1] != 'O') {
            if (outsz < 2) return *err = "integer literal too long", false;
            out[n++] = '0';
        } else {
            *err = gc_sprintf("%s literal has no digits", base_name(*base));
            return false;
        }
    }
    out[n] = 0;
    return true;
}

/* Decode one character or escape of a quoted literal at *pp (before end).
 * *is_byte is set for \x and octal escapes, whose value is a single byte
 * rather than a code point. */
static bool decode_one(const char **pp, const char *end, char quote, uint32_t *val, bool *is_byte,
                       const char **err) {
    const char *p = *pp;
    *is_byte = false;
    if (*p != '\\') {
        int size;
        *val = (uint32_t)utf8_decode((const uint8_t *)p, (size_t)(end - p), &size);
        *pp = p + size;
        return true;
    }
    p++;
    if (p >= end) return *err = "unknown escape", false;
    char c = *p++;
    int n = 0;
    uint32_t base = 16, max = 0x10FFFF;
    switch (c) {
    case 'a': *val = 7; break;
    case 'b': *val = 8; break;
    case 'f': *val = 12; break;
    case 'n': *val = 10; break;
    case 'r': *val = 13; break;
    case 't': *val = 9; break;
    case 'v': *val = 11; break;
    case '\\': *val = '\\'; break;
    case 'x': n = 2, max = 255, *is_byte = true; break;
    case 'u': n = 4; break;
    case 'U': n = 8; break;
    default:
        if (c >= '0' && c <= '7') {
            p--;
            n = 3, base = 8, max = 255, *is_byte = true;
            break;
        }
        if (c != quote) return *err = "unknown escape", false;
        *val = (uint32_t)c;
        break;
    }
    if (n > 0) {
        uint32_t x = 0;
        for (int i = 0; i < n; i++, p++) {
            uint32_t d = p < end && is_decimal(*p) ? (uint32_t)(*p - '0')
                         : p < end && is_hex(*p)   ? (uint32_t)((*p | 0x20) - 'a' + 10)
                                                   : 99;
            if (d >= base) return *err = gc_sprintf("invalid character in %s escape", base_name((int)base)), false;
            x = x * base + d;
        }
        if (x > max && base == 8) return *err = gc_sprintf("octal escape value %u > 255", x), false;
        if (x > max || (!*is_byte && x >= 0xD800 && x < 0xE000))
            return *err = gc_sprintf("escape is invalid Unicode code point %s", format_rune((int32_t)x)), false;
        *val = x;
    }
    *pp = p;
    return true;
}

bool lex_decode_char(const char *text, size_t len, int32_t *out, const char **err) {
    if (len < 3 || text[0] != '\'' || text[len - 1] != '\'') {
        *err = len == 2 ? "empty rune literal or unescaped ' in rune literal" : "rune literal not terminated";
        return false;
    }
    const char *p = text + 1, *end = text + len - 1;
    uint32_t v;
    bool is_byte;
    if (!decode_one(&p, end, '\'', &v, &is_byte, err)) return false;
    if (p != end) {
        *err = "more than one character in rune literal";
        return false;
    }
    *out = (int32_t)v;
    return true;
}

bool lex_decode_string(const char *text, size_t len, char **out, size_t *outlen, const char **err) {
    if (len < 2 || (text[0] != '"' && text[0] != '`') || text[len - 1] != text[0]) {
        *err = "string not terminated";
        return false;
    }
    const char *p = text + 1, *end = text + len - 1;
    /* The decoded string is never longer than its source text. */
    char *buf = malloc((size_t)(end - p) + 1);
    if (!buf) goi_panic_internal("out of memory decoding a string literal");
    size_t n = 0;
    if (text[0] == '`') {
        for (; p < end; p++)
            if (*p != '\r') buf[n++] = *p;
    } else {
        while (p < end) {
            if (*p != '\\') { /* copy runs of plain bytes as they are */
                buf[n++] = *p++;
                continue;
            }
            uint32_t v;
            bool is_byte;
            if (!decode_one(&p, end, '"', &v, &is_byte, err)) {
                free(buf);
                return false;
            }
            if (is_byte) buf[n++] = (char)v;
            else n += (size_t)utf8_encode((uint8_t *)buf + n, (int32_t)v);
        }
    }
    buf[n] = 0;
    *out = buf;
    *outlen = n;
    return true;
}
