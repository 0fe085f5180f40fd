/* test_lexer.c - the scanner: tokens, semicolons, literals, decoding, errors.
 *
 * Most tests render the token stream as one string and compare it whole:
 * identifiers and literals show their text, operators and keywords their
 * spelling, automatic semicolons show as ";nl" (newline) and ";eof". */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>

#include "lexer/lexer.h"
#include "common/common.h"

static void setup(void) { GC_INIT(); }

TestSuite(lexer, .init = setup);

/* ---------------------------------------------------------------- helpers */

typedef struct Errors {
    StrBuf text; /* "line:col: msg\n" per error */
    int count;
} Errors;

static void collect_error(void *ctx, Pos pos, const char *msg) {
    Errors *e = ctx;
    if (!e->text.data) sb_init(&e->text);
    sb_printf(&e->text, "%d:%d: %s\n", pos.line, pos.col, msg);
    e->count++;
}

static void token_text(StrBuf *b, const Token *t) {
    switch (t->kind) {
    case TK_IDENT: case TK_INT: case TK_FLOAT: case TK_IMAG: case TK_CHAR: case TK_STRING:
        sb_putn(b, t->text, t->len);
        break;
    case TK_SEMICOLON: sb_puts(b, !t->implicit ? ";" : t->at_eof ? ";eof" : ";nl"); break;
    case TK_COMMENT: sb_printf(b, "<%s>", t->text); break;
    default: sb_puts(b, token_spelling(t->kind)); break;
    }
}

/* The tokens of src[0..len) up to EOF, space separated. Errors go to *errs if given. */
static char *scan_n(const char *src, size_t len, Errors *errs, bool comments) {
    Errors local = {0};
    Lexer lx;
    lex_init(&lx, "t.go", src, len, collect_error, errs ? errs : &local);
    lx.keep_comments = comments;
    StrBuf b;
    sb_init(&b);
    for (int n = 0;; n++) {
        Token t = lex_next(&lx);
        if (t.kind == TK_EOF) break;
        if (n) sb_putc(&b, ' ');
        token_text(&b, &t);
        cr_assert(n < 10000, "scanner does not advance");
    }
    return b.data;
}

static char *scan(const char *src, Errors *errs, bool comments) {
    return scan_n(src, strlen(src), errs, comments);
}

static char *tokens(const char *src) {
    Errors e = {0};
    char *s = scan(src, &e, false);
    cr_expect_eq(e.count, 0, "unexpected errors for %s:\n%s", src, e.text.data);
    return s;
}

#define expect_tokens(src, want) cr_expect_str_eq(tokens(src), want, "source: %s", src)

/* The errors reported for src, as "line:col: msg" lines. */
static const char *errors(const char *src) {
    Errors e = {0};
    scan(src, &e, false);
    return e.count ? e.text.data : "";
}

#define expect_errors(src, want) cr_expect_str_eq(errors(src), want, "source: %s", src)

static Token first_token(const char *src) {
    Lexer lx;
    lex_init(&lx, "t.go", src, strlen(src), NULL, NULL);
    return lex_next(&lx);
}

/* ---------------------------------------------------------------- the token set */

Test(lexer, every_keyword) {
    int n = 0;
    for (TokenKind k = TK_FIRST_KEYWORD; k <= TK_LAST_KEYWORD; k++, n++) {
        const char *word = token_spelling(k);
        cr_expect_eq(lex_keyword(word, strlen(word)), k, "%s", word);
        Token t = first_token(word);
        cr_expect_eq(t.kind, k, "%s scanned as %s", word, token_name(t.kind));
        cr_expect_null(t.text, "keywords carry no text");
    }
    cr_expect_eq(n, 25, "Go has 25 keywords");
}

Test(lexer, keyword_lookalikes_are_identifiers) {
    const char *words[] = {"Break", "cases", "fun", "functions", "go_", "iff", "mapp", "range2",
                           "typ", "v", "variable", "_", "selects", "de", "x"};
    for (size_t i = 0; i < countof(words); i++) {
        cr_expect_eq(lex_keyword(words[i], strlen(words[i])), TK_IDENT, "%s", words[i]);
        Token t = first_token(words[i]);
        cr_expect_eq(t.kind, TK_IDENT, "%s", words[i]);
        cr_expect_str_eq(t.text, words[i]);
        cr_expect_eq(t.len, strlen(words[i]));
    }
}

Test(lexer, every_operator) {
    /* Every token from "+" to ":" scans as itself. */
    for (TokenKind k = TK_ADD; k <= TK_COLON; k++) {
        const char *op = token_spelling(k);
        Lexer lx;
        lex_init(&lx, "t.go", op, strlen(op), NULL, NULL);
        Token t = lex_next(&lx);
        cr_expect_eq(t.kind, k, "%s scanned as %s", op, token_name(t.kind));
        cr_expect_eq(t.pos.col, 1);
        Token after = lex_next(&lx);
        bool semi = k == TK_INC || k == TK_DEC || k == TK_RPAREN || k == TK_RBRACK || k == TK_RBRACE;
        cr_expect_eq(after.kind, semi ? TK_SEMICOLON : TK_EOF, "after %s", op);
    }
}

Test(lexer, longest_match) {
    expect_tokens("a<<=b>>=c&^=d&^e", "a <<= b >>= c &^= d &^ e ;eof");
    expect_tokens("a<-b<=c<d", "a <- b <= c < d ;eof");
    expect_tokens("x...y..z", "x ... y . . z ;eof");
    expect_tokens("a&&b||c&d|e", "a && b || c & d | e ;eof");
    expect_tokens("a:=b==c!=d!e", "a := b == c != d ! e ;eof");
    expect_tokens("i++ +j--", "i ++ + j -- ;eof");
    expect_tokens("~T", "~ T ;eof");
}

Test(lexer, token_names_and_spellings) {
    cr_expect_str_eq(token_name(TK_ADD), "TK_ADD");
    cr_expect_str_eq(token_name(TK_VAR), "TK_VAR");
    cr_expect_str_eq(token_spelling(TK_AND_NOT_ASSIGN), "&^=");
    cr_expect_str_eq(token_spelling(TK_IDENT), "name");
    cr_expect_str_eq(token_spelling(TK_EOF), "EOF");
    cr_expect_str_eq(token_spelling(TK_FALLTHROUGH), "fallthrough");
}

Test(lexer, precedence) {
    cr_expect_eq(token_precedence(TK_LOR), 1);
    cr_expect_eq(token_precedence(TK_LAND), 2);
    TokenKind cmp[] = {TK_EQL, TK_NEQ, TK_LSS, TK_LEQ, TK_GTR, TK_GEQ};
    for (size_t i = 0; i < countof(cmp); i++) cr_expect_eq(token_precedence(cmp[i]), 3);
    TokenKind add[] = {TK_ADD, TK_SUB, TK_OR, TK_XOR};
    for (size_t i = 0; i < countof(add); i++) cr_expect_eq(token_precedence(add[i]), 4);
    TokenKind mul[] = {TK_MUL, TK_QUO, TK_REM, TK_SHL, TK_SHR, TK_AND, TK_AND_NOT};
    for (size_t i = 0; i < countof(mul); i++) cr_expect_eq(token_precedence(mul[i]), 5);
    TokenKind none[] = {TK_ASSIGN, TK_DEFINE, TK_ARROW, TK_NOT, TK_ADD_ASSIGN, TK_INC, TK_COLON, TK_IDENT};
    for (size_t i = 0; i < countof(none); i++) cr_expect_eq(token_precedence(none[i]), 0);
}

/* ---------------------------------------------------------------- semicolons */

Test(lexer, semicolon_after_statement_enders) {
    expect_tokens("x\n", "x ;nl");
    expect_tokens("42\n3.5\n2i\n'a'\n\"s\"\n`r`\n", "42 ;nl 3.5 ;nl 2i ;nl 'a' ;nl \"s\" ;nl `r` ;nl");
    expect_tokens("break\ncontinue\nfallthrough\nreturn\n", "break ;nl continue ;nl fallthrough ;nl return ;nl");
    expect_tokens("i++\nj--\n", "i ++ ;nl j -- ;nl");
    expect_tokens("f()\na[1]\n}\n", "f ( ) ;nl a [ 1 ] ;nl } ;nl");
}

Test(lexer, no_semicolon_after_other_tokens) {
    expect_tokens("a +\nb", "a + b ;eof");
    expect_tokens("f(\na,\nb)", "f ( a , b ) ;eof");
    expect_tokens("if x {\n}", "if x { } ;eof");
    expect_tokens("func\ntype\nvar\ngo\n", "func type var go");
    expect_tokens("x =\n1", "x = 1 ;eof");
    expect_tokens("\n\n\n", "");
}

Test(lexer, semicolon_at_eof) {
    expect_tokens("x", "x ;eof");
    expect_tokens("return", "return ;eof");
    expect_tokens("x;", "x ;");
    expect_tokens("x // comment", "x ;eof");
    Lexer lx;
    lex_init(&lx, "t.go", "x", 1, NULL, NULL);
    lex_next(&lx);
    Token semi = lex_next(&lx);
    cr_expect(semi.implicit && semi.at_eof);
    cr_expect_eq(semi.pos.col, 2);
    cr_expect_eq(lex_next(&lx).kind, TK_EOF);
}

Test(lexer, explicit_semicolons_are_not_implicit) {
    Lexer lx;
    lex_init(&lx, "t.go", "a; b\n", 5, NULL, NULL);
    lex_next(&lx);
    Token t = lex_next(&lx);
    cr_expect_eq(t.kind, TK_SEMICOLON);
    cr_expect_not(t.implicit);
    lex_next(&lx);
    t = lex_next(&lx);
    cr_expect(t.implicit && !t.at_eof);
    cr_expect_eq(t.pos.line, 1);
    cr_expect_eq(t.pos.col, 5, "the newline's own position, as gc reports it");
}

Test(lexer, comments_and_semicolons) {
    expect_tokens("x // trailing\ny", "x ;nl y ;eof");
    expect_tokens("x /* one line */\ny", "x ;nl y ;eof");
    expect_tokens("x /* one line */ y", "x y ;eof");
    expect_tokens("x /* spans\nlines */ y", "x ;nl y ;eof");
    expect_tokens("x +/*\n*/y", "x + y ;eof");
    expect_tokens("/* a */ /* b\n */\n// c\nx", "x ;eof");
}

Test(lexer, kept_comments) {
    cr_expect_str_eq(scan("x // c\ny", NULL, true), "x <// c> ;nl y ;eof");
    cr_expect_str_eq(scan("/* a */x", NULL, true), "</* a */> x ;eof");
    /* A comment spanning lines after a statement: the semicolon comes first. */
    cr_expect_str_eq(scan("x /* a\nb */ y", NULL, true), "x ;nl </* a\nb */> y ;eof");
}

Test(lexer, shebang_line_is_skipped) {
    expect_tokens("#!/usr/bin/env goi\npackage main\n", "package main ;nl");
    Token t = first_token("#!/usr/bin/env goi\nx");
    cr_expect_eq(t.pos.line, 2);
    expect_errors("x\n#!not first\n", "2:1: invalid character U+0023 '#'\n");
}

Test(lexer, byte_order_mark) {
    Token t = first_token("\xEF\xBB\xBFpackage");
    cr_expect_eq(t.kind, TK_PACKAGE);
    cr_expect_eq(t.pos.col, 1, "the BOM does not count as a column");
    expect_errors("x \xEF\xBB\xBF y", "1:3: invalid BOM in the middle of the file\n");
}

/* ---------------------------------------------------------------- positions */

Test(lexer, positions_count_lines_and_bytes) {
    const char *src = "package main\n\nfunc f() {\n\tx := \"é\" + y\n}\n";
    Lexer lx;
    lex_init(&lx, "t.go", src, strlen(src), NULL, NULL);
    struct { TokenKind kind; int line, col; } want[] = {
        {TK_PACKAGE, 1, 1}, {TK_IDENT, 1, 9}, {TK_SEMICOLON, 1, 13}, {TK_FUNC, 3, 1},
        {TK_IDENT, 3, 6},   {TK_LPAREN, 3, 7}, {TK_RPAREN, 3, 8},    {TK_LBRACE, 3, 10},
        {TK_IDENT, 4, 2},   {TK_DEFINE, 4, 4}, {TK_STRING, 4, 7},    {TK_ADD, 4, 12}, /* é is 2 bytes */
        {TK_IDENT, 4, 14},  {TK_SEMICOLON, 4, 15}, {TK_RBRACE, 5, 1}, {TK_SEMICOLON, 5, 2},
        {TK_EOF, 6, 1},
    };
    for (size_t i = 0; i < countof(want); i++) {
        Token t = lex_next(&lx);
        cr_expect_eq(t.kind, want[i].kind, "token %zu: %s", i, token_name(t.kind));
        cr_expect_eq(t.pos.line, want[i].line, "token %zu line", i);
        cr_expect_eq(t.pos.col, want[i].col, "token %zu col", i);
        cr_expect_str_eq(t.pos.file, "t.go");
    }
}

Test(lexer, raw_strings_span_lines) {
    const char *src = "a := `x\ny\nz`\nb";
    Lexer lx;
    lex_init(&lx, "t.go", src, strlen(src), NULL, NULL);
    lex_next(&lx);
    lex_next(&lx);
    Token s = lex_next(&lx);
    cr_expect_eq(s.kind, TK_STRING);
    cr_expect_str_eq(s.text, "`x\ny\nz`");
    cr_expect_eq(s.pos.line, 1);
    Token semi = lex_next(&lx);
    cr_expect_eq(semi.pos.line, 3);
    cr_expect_eq(semi.pos.col, 3);
    Token b = lex_next(&lx);
    cr_expect_eq(b.pos.line, 4);
    cr_expect_eq(b.pos.col, 1);
}

/* ---------------------------------------------------------------- literals */

Test(lexer, integer_literals) {
    const char *ints[] = {"0", "42", "1_000_000", "0x1F", "0XaBc", "0x_1f", "0o17", "0O17",
                          "017", "0_17", "0b1011", "0B1_0", "00", "0xFFFF_FFFF_FFFF_FFFF",
                          "170141183460469231731687303715884105727"};
    for (size_t i = 0; i < countof(ints); i++) {
        Token t = first_token(ints[i]);
        cr_expect_eq(t.kind, TK_INT, "%s: %s", ints[i], token_name(t.kind));
        cr_expect_str_eq(t.text, ints[i]);
    }
}

Test(lexer, float_literals) {
    const char *floats[] = {"0.", "1.5", ".5", "1.", "1e9", "1E+9", "1e-9", "6.67428e-11", "1_000.5",
                            "0x1p-2", "0x1.8p1", "0X.8P0", "0x_1p4", "0x1P+10", "09.5", "089e1",
                            "1_0.2_5e1_0", "0.e1"};
    for (size_t i = 0; i < countof(floats); i++) {
        Token t = first_token(floats[i]);
        cr_expect_eq(t.kind, TK_FLOAT, "%s: %s", floats[i], token_name(t.kind));
        cr_expect_str_eq(t.text, floats[i]);
    }
}

Test(lexer, imaginary_literals) {
    const char *imags[] = {"0i", "2i", "0123i", "0o17i", "0x1Fi", "0b101i", "1.5i", ".5i", "1e3i",
                           "0x1p-2i", "1_0i"};
    for (size_t i = 0; i < countof(imags); i++) {
        Token t = first_token(imags[i]);
        cr_expect_eq(t.kind, TK_IMAG, "%s: %s", imags[i], token_name(t.kind));
        cr_expect_str_eq(t.text, imags[i]);
    }
}

Test(lexer, number_then_selector) {
    expect_tokens("1.5.x", "1.5 . x ;eof");
    expect_tokens("x.5", "x .5 ;eof");
    expect_tokens("a[1:2]", "a [ 1 : 2 ] ;eof");
    expect_tokens("0x1fz", "0x1f z ;eof");
}

Test(lexer, rune_and_string_literals) {
    const char *runes[] = {"'a'", "'\\n'", "'\\''", "'\"'", "'\\\\'", "'\\377'", "'\\x41'",
                           "'\\u00e9'", "'\\U0001F600'", "'é'", "'😀'", "'\\a'", "'\\v'"};
    for (size_t i = 0; i < countof(runes); i++) {
        Token t = first_token(runes[i]);
        cr_expect_eq(t.kind, TK_CHAR, "%s", runes[i]);
        cr_expect_str_eq(t.text, runes[i]);
    }
    const char *strs[] = {"\"\"", "\"abc\"", "\"a\\\"b\"", "\"'\"", "\"\\x00\\377\"", "``", "`a\\nb`",
                          "`\"`", "\"日本語\""};
    for (size_t i = 0; i < countof(strs); i++) {
        Token t = first_token(strs[i]);
        cr_expect_eq(t.kind, TK_STRING, "%s", strs[i]);
        cr_expect_str_eq(t.text, strs[i]);
    }
}

Test(lexer, unicode_identifiers) {
    expect_tokens("π := 3.14", "π := 3.14 ;eof");
    expect_tokens("日本語 x_ñ _x9", "日本語 x_ñ _x9 ;eof");
    cr_expect_str_eq(first_token("über").text, "über");
}

Test(lexer, identifiers_are_interned) {
    Lexer lx;
    const char *src = "count + count";
    lex_init(&lx, "t.go", src, strlen(src), NULL, NULL);
    Token a = lex_next(&lx);
    lex_next(&lx);
    Token b = lex_next(&lx);
    cr_expect_eq(a.text, b.text, "the same name is the same pointer");
    cr_expect_eq(a.text, intern_cstr("count"));
}

/* ---------------------------------------------------------------- decoding */

static void expect_int(const char *text, int base, const char *digits) {
    char out[64];
    int b = 0;
    const char *err = NULL;
    cr_assert(lex_int_digits(text, out, sizeof out, &b, &err), "%s: %s", text, err);
    cr_expect_eq(b, base, "%s: base %d", text, b);
    cr_expect_str_eq(out, digits, "%s", text);
}

Test(lexer, int_digits) {
    expect_int("0", 10, "0");
    expect_int("42", 10, "42");
    expect_int("1_000_000", 10, "1000000");
    expect_int("0x1F", 16, "1F");
    expect_int("0X_dead_BEEF", 16, "deadBEEF");
    expect_int("0o17", 8, "17");
    expect_int("0O_7", 8, "7");
    expect_int("017", 8, "17");
    expect_int("0_17", 8, "17");
    expect_int("00", 8, "0");
    expect_int("0b1011", 2, "1011");
    expect_int("0B_1_0", 2, "10");
}

Test(lexer, int_digits_errors) {
    char out[8];
    int base;
    const char *err = NULL;
    cr_expect_not(lex_int_digits("08", out, sizeof out, &base, &err));
    cr_expect_str_eq(err, "invalid digit '8' in octal literal");
    cr_expect_not(lex_int_digits("0b102", out, sizeof out, &base, &err));
    cr_expect_str_eq(err, "invalid digit '2' in binary literal");
    cr_expect_not(lex_int_digits("0x", out, sizeof out, &base, &err));
    cr_expect_str_eq(err, "hexadecimal literal has no digits");
    cr_expect_not(lex_int_digits("123456789", out, sizeof out, &base, &err), "output too small");
}

static int32_t decode_char(const char *text) {
    int32_t r = -1;
    const char *err = NULL;
    cr_assert(lex_decode_char(text, strlen(text), &r, &err), "%s: %s", text, err);
    return r;
}

Test(lexer, decode_char_escapes) {
    cr_expect_eq(decode_char("'a'"), 'a');
    cr_expect_eq(decode_char("'\\a'"), 7);
    cr_expect_eq(decode_char("'\\b'"), 8);
    cr_expect_eq(decode_char("'\\f'"), 12);
    cr_expect_eq(decode_char("'\\n'"), 10);
    cr_expect_eq(decode_char("'\\r'"), 13);
    cr_expect_eq(decode_char("'\\t'"), 9);
    cr_expect_eq(decode_char("'\\v'"), 11);
    cr_expect_eq(decode_char("'\\\\'"), '\\');
    cr_expect_eq(decode_char("'\\''"), '\'');
    cr_expect_eq(decode_char("'\\000'"), 0);
    cr_expect_eq(decode_char("'\\377'"), 255);
    cr_expect_eq(decode_char("'\\101'"), 'A');
    cr_expect_eq(decode_char("'\\x41'"), 'A');
    cr_expect_eq(decode_char("'\\xff'"), 255);
    cr_expect_eq(decode_char("'\\u00e9'"), 0xE9);
    cr_expect_eq(decode_char("'\\u12AB'"), 0x12AB);
    cr_expect_eq(decode_char("'\\U0001F600'"), 0x1F600);
    cr_expect_eq(decode_char("'\\U0010FFFF'"), 0x10FFFF);
    cr_expect_eq(decode_char("'é'"), 0xE9);
    cr_expect_eq(decode_char("'世'"), 0x4E16);
    cr_expect_eq(decode_char("'😀'"), 0x1F600);
}

Test(lexer, decode_char_errors) {
    int32_t r;
    const char *err = NULL;
    cr_expect_not(lex_decode_char("'ab'", 4, &r, &err));
    cr_expect_str_eq(err, "more than one character in rune literal");
    cr_expect_not(lex_decode_char("''", 2, &r, &err));
    cr_expect_not(lex_decode_char("'\\\"'", 4, &r, &err), "\\\" is no rune escape");
    cr_expect_str_eq(err, "unknown escape");
    cr_expect_not(lex_decode_char("'\\ud800'", 8, &r, &err));
    cr_expect_str_eq(err, "escape is invalid Unicode code point U+D800");
    cr_expect_not(lex_decode_char("'\\400'", 6, &r, &err));
    cr_expect_str_eq(err, "octal escape value 256 > 255");
}

static void expect_string(const char *lit, const char *want, size_t want_len) {
    char *out = NULL;
    size_t n = 0;
    const char *err = NULL;
    cr_assert(lex_decode_string(lit, strlen(lit), &out, &n, &err), "%s: %s", lit, err);
    cr_expect_eq(n, want_len, "%s: length %zu", lit, n);
    cr_expect(memcmp(out, want, want_len) == 0, "%s decoded wrongly", lit);
    cr_expect_eq(out[n], 0, "NUL-terminated");
    free(out);
}

Test(lexer, decode_strings) {
    expect_string("\"\"", "", 0);
    expect_string("\"hello\"", "hello", 5);
    expect_string("\"a\\tb\\n\"", "a\tb\n", 4);
    expect_string("\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\"", "\a\b\f\n\r\t\v\\\"", 9);
    expect_string("\"\\x41\\101\"", "AA", 2);
    expect_string("\"\\xff\\377\"", "\xff\xff", 2); /* bytes, not code points */
    expect_string("\"\\000x\"", "\0x", 2);
    expect_string("\"\\u00e9\"", "\xc3\xa9", 2);
    expect_string("\"\\U0001F600\"", "\xf0\x9f\x98\x80", 4);
    expect_string("\"日本\"", "日本", 6);
    expect_string("\"'\"", "'", 1);
}

Test(lexer, decode_raw_strings) {
    expect_string("``", "", 0);
    expect_string("`a\\nb`", "a\\nb", 4);
    expect_string("`line1\r\nline2\r`", "line1\nline2", 11); /* carriage returns dropped */
    expect_string("`\"quoted\"`", "\"quoted\"", 8);
}

Test(lexer, decode_string_errors) {
    char *out;
    size_t n;
    const char *err = NULL;
    cr_expect_not(lex_decode_string("\"\\q\"", 4, &out, &n, &err));
    cr_expect_str_eq(err, "unknown escape");
    cr_expect_not(lex_decode_string("\"\\'\"", 4, &out, &n, &err), "\\' is no string escape");
    cr_expect_not(lex_decode_string("\"abc", 4, &out, &n, &err));
}

/* ---------------------------------------------------------------- UTF-8 */

Test(lexer, utf8_encode) {
    uint8_t b[4];
    cr_expect_eq(utf8_encode(b, 'A'), 1);
    cr_expect_eq(b[0], 'A');
    cr_expect_eq(utf8_encode(b, 0xE9), 2);
    cr_expect(b[0] == 0xC3 && b[1] == 0xA9);
    cr_expect_eq(utf8_encode(b, 0x7FF), 2);
    cr_expect_eq(utf8_encode(b, 0x800), 3);
    cr_expect_eq(utf8_encode(b, 0x20AC), 3);
    cr_expect(b[0] == 0xE2 && b[1] == 0x82 && b[2] == 0xAC);
    cr_expect_eq(utf8_encode(b, 0xFFFF), 3);
    cr_expect_eq(utf8_encode(b, 0x10000), 4);
    cr_expect_eq(utf8_encode(b, 0x10FFFF), 4);
    cr_expect(b[0] == 0xF4 && b[1] == 0x8F && b[2] == 0xBF && b[3] == 0xBF);
    /* invalid code points encode as U+FFFD */
    int32_t bad[] = {0xD800, 0xDFFF, 0x110000, -1};
    for (size_t i = 0; i < countof(bad); i++) {
        cr_expect_eq(utf8_encode(b, bad[i]), 3);
        cr_expect(b[0] == 0xEF && b[1] == 0xBF && b[2] == 0xBD, "U+FFFD for %x", bad[i]);
    }
}

Test(lexer, utf8_decode) {
    int size;
    cr_expect_eq(utf8_decode((const uint8_t *)"A", 1, &size), 'A');
    cr_expect_eq(size, 1);
    cr_expect_eq(utf8_decode((const uint8_t *)"\xc3\xa9", 2, &size), 0xE9);
    cr_expect_eq(size, 2);
    cr_expect_eq(utf8_decode((const uint8_t *)"\xe2\x82\xac", 3, &size), 0x20AC);
    cr_expect_eq(size, 3);
    cr_expect_eq(utf8_decode((const uint8_t *)"\xf0\x9f\x98\x80", 4, &size), 0x1F600);
    cr_expect_eq(size, 4);
    cr_expect_eq(utf8_decode((const uint8_t *)"\xef\xbf\xbd", 3, &size), 0xFFFD);
    cr_expect_eq(size, 3, "a real U+FFFD has its full size");
    /* Invalid input decodes as U+FFFD of size 1, like Go's utf8.DecodeRune. */
    const char *bad[] = {"\x80", "\xbf", "\xc0\x80", "\xc1\xbf", "\xe0\x80\x80", "\xed\xa0\x80",
                         "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xff", "\xc3", "\xe2\x82", "\xc3\x28"};
    for (size_t i = 0; i < countof(bad); i++) {
        int32_t r = utf8_decode((const uint8_t *)bad[i], strlen(bad[i]), &size);
        cr_expect_eq(r, 0xFFFD, "case %zu", i);
        cr_expect_eq(size, 1, "case %zu", i);
    }
    cr_expect_eq(utf8_decode((const uint8_t *)"\xe2\x82\xac", 2, &size), 0xFFFD, "truncated by n");
}

Test(lexer, utf8_round_trip) {
    for (int32_t r = 0; r <= 0x10FFFF; r += (r < 0x1000 ? 1 : 97)) {
        if (r >= 0xD800 && r <= 0xDFFF) continue;
        uint8_t b[4];
        int n = utf8_encode(b, r), size;
        cr_assert_eq(utf8_decode(b, (size_t)n, &size), r, "U+%04X", r);
        cr_assert_eq(size, n);
    }
}

/* ---------------------------------------------------------------- errors (gc's words and places) */

Test(lexer, string_errors) {
    expect_errors("s := \"abc\nx", "1:10: newline in string\n");
    expect_errors("s := \"abc", "1:6: string not terminated\n");
    expect_errors("s := `abc\n", "1:6: string not terminated\n");
    expect_errors("s := \"\\q\"", "1:8: unknown escape\n");
    expect_errors("s := \"\\xZZ\"", "1:9: invalid character 'Z' in hexadecimal escape\n");
    expect_errors("s := \"\\400\"", "1:11: octal escape value 256 > 255\n");
    expect_errors("s := \"\\uD800\"", "1:13: escape is invalid Unicode code point U+D800\n");
    expect_errors("s := \"\\U00110000\"", "1:17: escape is invalid Unicode code point U+110000\n");
    expect_errors("s := \"\\18\"", "1:9: invalid character '8' in octal escape\n");
}

Test(lexer, rune_errors) {
    expect_errors("c := 'ab'", "1:6: more than one character in rune literal\n");
    expect_errors("c := ''", "1:7: empty rune literal or unescaped ' in rune literal\n");
    expect_errors("c := 'a\n", "1:8: newline in rune literal\n");
    expect_errors("c := 'a", "1:6: rune literal not terminated\n");
    expect_errors("c := '\\\"'", "1:8: unknown escape\n");
}

Test(lexer, number_errors) {
    expect_errors("08", "1:2: invalid digit '8' in octal literal\n");
    expect_errors("0x", "1:3: hexadecimal literal has no digits\n");
    expect_errors("0b", "1:3: binary literal has no digits\n");
    expect_errors("0b102", "1:5: invalid digit '2' in binary literal\n");
    expect_errors("0o78", "1:4: invalid digit '8' in octal literal\n");
    expect_errors("1_", "1:2: '_' must separate successive digits\n");
    expect_errors("1__0", "1:3: '_' must separate successive digits\n");
    expect_errors("0x_", "1:4: hexadecimal literal has no digits\n");
    expect_errors("1e", "1:3: exponent has no digits\n");
    expect_errors("0x1.5", "1:6: hexadecimal mantissa requires a 'p' exponent\n");
    expect_errors("0b1.0", "1:4: invalid radix point in binary literal\n");
    expect_errors("0x1e3p", "1:7: exponent has no digits\n");
    expect_errors("0b1e3", "1:4: 'e' exponent requires decimal mantissa\n");
    expect_errors("1p3", "1:2: 'p' exponent requires hexadecimal mantissa\n");
    expect_errors("09i 09.0 1_000 0_7", ""); /* all valid */
}

Test(lexer, character_errors) {
    expect_errors("x := 1 @ 2", "1:8: invalid character U+0040 '@'\n");
    expect_errors("a $ b", "1:3: invalid character U+0024 '$'\n");
    expect_errors("a \x01 b", "1:3: invalid character U+0001\n");
    Errors nul = {0};
    cr_expect_str_eq(scan_n("a\0b", 3, &nul, false), "a b ;eof");
    cr_expect_str_eq(nul.text.data, "1:2: invalid NUL character\n");
    expect_errors("a \xff b", "1:3: invalid UTF-8 encoding\n");
    expect_errors("\"\xff\"", "1:2: invalid UTF-8 encoding\n");
    expect_errors("x€ := 1", "1:2: invalid character U+20AC '€' in identifier\n");
    expect_errors("/* unterminated\n", "1:1: comment not terminated\n");
    /* scanning goes on after an error */
    cr_expect_str_eq(scan("a @ b # c", NULL, false), "a b c ;eof");
}

Test(lexer, semicolon_survives_skipped_characters) {
    cr_expect_str_eq(scan("x @\ny", NULL, false), "x ;nl y ;eof");
}

Test(lexer, unterminated_flag) {
    const char *cases[] = {"s := `abc", "/* abc", "x /* abc\n"};
    for (size_t i = 0; i < countof(cases); i++) {
        Lexer lx;
        lex_init(&lx, "t.go", cases[i], strlen(cases[i]), NULL, NULL);
        while (lex_next(&lx).kind != TK_EOF) {}
        cr_expect(lx.unterminated, "%s", cases[i]);
        cr_expect_eq(lx.nerrors, 1);
    }
    Lexer lx;
    lex_init(&lx, "t.go", "s := \"abc", 9, NULL, NULL);
    while (lex_next(&lx).kind != TK_EOF) {}
    cr_expect_not(lx.unterminated, "an interpreted string cannot continue on the next line");
}
