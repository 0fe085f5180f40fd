/* lexer.h - the Go token set and the scanner interface.
 *
 * The scanner turns one source buffer into tokens, inserting the automatic
 * semicolons of the Go spec (§Semicolons). Every token carries its position
 * (line and column, both 1-based; the column counts bytes, as gc does).
 * Literal tokens keep their source text; decoding is done by lex_* helpers so
 * the parser and checker decide what a literal means.
 */
#ifndef GOI_LEXER_H
#define GOI_LEXER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* X(name, spelling). Order matters only for the ranges marked below. */
#define GOI_TOKENS(X)                                                          \
    X(TK_EOF, "EOF")                                                           \
    X(TK_ILLEGAL, "ILLEGAL")                                                   \
    X(TK_COMMENT, "comment")                                                   \
    /* literals */                                                             \
    X(TK_IDENT, "name")                                                        \
    X(TK_INT, "literal")                                                       \
    X(TK_FLOAT, "literal")                                                     \
    X(TK_IMAG, "literal")                                                      \
    X(TK_CHAR, "literal")                                                      \
    X(TK_STRING, "literal")                                                    \
    /* operators */                                                            \
    X(TK_ADD, "+")                                                             \
    X(TK_SUB, "-")                                                             \
    X(TK_MUL, "*")                                                             \
    X(TK_QUO, "/")                                                             \
    X(TK_REM, "%")                                                             \
    X(TK_AND, "&")                                                             \
    X(TK_OR, "|")                                                              \
    X(TK_XOR, "^")                                                             \
    X(TK_SHL, "<<")                                                            \
    X(TK_SHR, ">>")                                                            \
    X(TK_AND_NOT, "&^")                                                        \
    X(TK_ADD_ASSIGN, "+=")                                                     \
    X(TK_SUB_ASSIGN, "-=")                                                     \
    X(TK_MUL_ASSIGN, "*=")                                                     \
    X(TK_QUO_ASSIGN, "/=")                                                     \
    X(TK_REM_ASSIGN, "%=")                                                     \
    X(TK_AND_ASSIGN, "&=")                                                     \
    X(TK_OR_ASSIGN, "|=")                                                      \
    X(TK_XOR_ASSIGN, "^=")                                                     \
    X(TK_SHL_ASSIGN, "<<=")                                                    \
    X(TK_SHR_ASSIGN, ">>=")                                                    \
    X(TK_AND_NOT_ASSIGN, "&^=")                                                \
    X(TK_LAND, "&&")                                                           \
    X(TK_LOR, "||")                                                            \
    X(TK_ARROW, "<-")                                                          \
    X(TK_INC, "++")                                                            \
    X(TK_DEC, "--")                                                            \
    X(TK_EQL, "==")                                                            \
    X(TK_LSS, "<")                                                             \
    X(TK_GTR, ">")                                                             \
    X(TK_ASSIGN, "=")                                                          \
    X(TK_NOT, "!")                                                             \
    X(TK_NEQ, "!=")                                                            \
    X(TK_LEQ, "<=")                                                            \
    X(TK_GEQ, ">=")                                                            \
    X(TK_DEFINE, ":=")                                                         \
    X(TK_ELLIPSIS, "...")                                                      \
    X(TK_TILDE, "~")                                                           \
    X(TK_LPAREN, "(")                                                          \
    X(TK_LBRACK, "[")                                                          \
    X(TK_LBRACE, "{")                                                          \
    X(TK_COMMA, ",")                                                           \
    X(TK_PERIOD, ".")                                                          \
    X(TK_RPAREN, ")")                                                          \
    X(TK_RBRACK, "]")                                                          \
    X(TK_RBRACE, "}")                                                          \
    X(TK_SEMICOLON, ";")                                                       \
    X(TK_COLON, ":")                                                           \
    /* keywords (TK_BREAK .. TK_VAR) */                                        \
    X(TK_BREAK, "break")                                                       \
    X(TK_CASE, "case")                                                         \
    X(TK_CHAN, "chan")                                                         \
    X(TK_CONST, "const")                                                       \
    X(TK_CONTINUE, "continue")                                                 \
    X(TK_DEFAULT, "default")                                                   \
    X(TK_DEFER, "defer")                                                       \
    X(TK_ELSE, "else")                                                         \
    X(TK_FALLTHROUGH, "fallthrough")                                           \
    X(TK_FOR, "for")                                                           \
    X(TK_FUNC, "func")                                                         \
    X(TK_GO, "go")                                                             \
    X(TK_GOTO, "goto")                                                         \
    X(TK_IF, "if")                                                             \
    X(TK_IMPORT, "import")                                                     \
    X(TK_INTERFACE, "interface")                                               \
    X(TK_MAP, "map")                                                           \
    X(TK_PACKAGE, "package")                                                   \
    X(TK_RANGE, "range")                                                       \
    X(TK_RETURN, "return")                                                     \
    X(TK_SELECT, "select")                                                     \
    X(TK_STRUCT, "struct")                                                     \
    X(TK_SWITCH, "switch")                                                     \
    X(TK_TYPE, "type")                                                         \
    X(TK_VAR, "var")

typedef enum {
#define GOI_TOKEN_ENUM(name, spelling) name,
    GOI_TOKENS(GOI_TOKEN_ENUM)
#undef GOI_TOKEN_ENUM
    TK__COUNT
} TokenKind;

#define TK_FIRST_KEYWORD TK_BREAK
#define TK_LAST_KEYWORD TK_VAR

/* A source position. file is shared by every position of one source. */
typedef struct Pos {
    const char *file;
    int line; /* 1-based; 0 means "no position" */
    int col;  /* 1-based byte column */
} Pos;

typedef struct Token {
    TokenKind kind;
    Pos pos;
    const char *text; /* literal/identifier source text (NUL-terminated copy),
                         NULL for operators and keywords */
    size_t len;       /* length of text */
    /* For TK_SEMICOLON: true when inserted automatically at a newline or EOF
     * (the parser's messages then say "newline" / "EOF" like gc). */
    bool implicit;
    bool at_eof; /* implicit semicolon inserted at EOF */
} Token;

/* Called for each scanning error; the scanner continues after it. */
typedef void (*LexErrorFn)(void *ctx, Pos pos, const char *msg);

typedef struct Lexer {
    const char *file;
    const char *src; /* the whole source, NUL-terminated */
    size_t len;
    size_t off;       /* offset of the next unread byte */
    int line;         /* line of src[off] */
    size_t line_off;  /* offset of the first byte of the current line */
    bool insert_semi; /* a newline now ends the statement */
    bool keep_comments;
    LexErrorFn on_error;
    void *error_ctx;
    int nerrors;
    /* Set when the input ended inside a raw string or a block comment: more
     * input could complete the token (the REPL then asks for another line). */
    bool unterminated;
} Lexer;

/* Prepare to scan src[0..len) (src must stay alive and be NUL-terminated). */
void lex_init(Lexer *lx, const char *file, const char *src, size_t len, LexErrorFn on_error,
              void *error_ctx);

/* Scan the next token. Comments are skipped unless keep_comments is set. */
Token lex_next(Lexer *lx);

/* The spelling of a token kind ("+", "func", "name", ...). */
const char *token_spelling(TokenKind k);
/* The name of the enum constant, for tests and debugging ("TK_ADD"). */
const char *token_name(TokenKind k);

/* Keyword lookup: TK_IDENT when the text is not a keyword. */
TokenKind lex_keyword(const char *text, size_t len);

/* Binary operator precedence as in the Go spec (5 highest .. 1 for ||), 0 if not binary. */
int token_precedence(TokenKind k);

/* ---- literal decoding ---- */

/* Strip '_' separators and the base prefix from an integer literal's text,
 * writing the digits to out (NUL-terminated) and the base to *base.
 * Returns false on a malformed literal, with a message in *err. */
bool lex_int_digits(const char *text, char *out, size_t outsz, int *base, const char **err);

/* Decode a rune literal ('a', '\n', '\u00e9', '\377'...). Returns false if invalid. */
bool lex_decode_char(const char *text, size_t len, int32_t *out, const char **err);

/* Decode an interpreted ("...") or raw (`...`) string literal into a fresh
 * malloc'ed buffer (*out, *outlen). Raw strings drop carriage returns. */
bool lex_decode_string(const char *text, size_t len, char **out, size_t *outlen, const char **err);

/* Append the UTF-8 encoding of r to buf (at least 4 bytes); returns bytes written.
 * Invalid code points encode as U+FFFD. */
int utf8_encode(uint8_t *buf, int32_t r);
/* Decode one rune from s[0..n); *size gets the byte count (1 for invalid
 * input, with result 0xFFFD, as Go's utf8.DecodeRune). n must be > 0. */
int32_t utf8_decode(const uint8_t *s, size_t n, int *size);

#endif
