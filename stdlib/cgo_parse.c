/* cgo_parse.c - the preamble of import "C": directives and C declarations.
 *
 * goi runs no C preprocessor and reads no headers, so the preamble is
 * parsed as it stands:
 *
 *   #cgo [constraints] LDFLAGS: -lX -l:FILE -Ldir /path/libX.so   (other flags ignored)
 *   #cgo [constraints] CFLAGS|CPPFLAGS|...: ...                   ignored
 *   #include, #pragma                                             ignored
 *   #define NAME literal                                          integer/float/char constants
 *   #define NAME(...) ... and other macros                        ignored
 *   #if, #ifdef, ... (conditionals)                               errors
 *
 * and declarations in a subset of C: function prototypes, typedefs and
 * struct/union forward declarations. Types are built from void, _Bool,
 * char/short/int/long/long long with signed/unsigned, float, double, the
 * typedef names of cgo_predefined_typedefs, the preamble's own typedefs,
 * struct/union/enum tags, pointers (with const/volatile/restrict) and
 * function pointers. Declarators follow C's inside-out rules. A GCC asm
 * label, int f(int) __asm__("g");, binds the prototype to symbol g (one C
 * function can so be declared twice with different pointer types).
 *
 * Errors carry 1-based positions in the preamble text; cgo.c maps them to
 * the Go file.
 */
#include "cgo_internal.h"

#include <ctype.h>
#include <setjmp.h>
#include <stdlib.h>

/* ---------------------------------------------------------------- tokens */

typedef enum { TOK_EOF, TOK_IDENT, TOK_NUMBER, TOK_PUNCT, TOK_ELLIPSIS, TOK_LITERAL } TokKind;

typedef struct Tok {
    TokKind kind;
    const char *text; /* interned for identifiers */
    char punct;
    int line, col;
} Tok;

typedef struct CLexer {
    const char *s;
    size_t i, n;
    int line, col;
    bool line_start; /* only white space since the last newline */
    CPreamble *out;
    Vec(Tok) toks;
} CLexer;

static void perr(CPreamble *p, int line, int col, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void perr(CPreamble *p, int line, int col, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *msg = gc_vsprintf(fmt, ap);
    va_end(ap);
    vec_push(&p->errors, ((CPreambleError){line, col, msg}));
}

static char lx_peek(CLexer *l, size_t k) { return l->i + k < l->n ? l->s[l->i + k] : '\0'; }

static void lx_advance(CLexer *l) {
    if (l->i >= l->n) return;
    if (l->s[l->i] == '\n') {
        l->line++;
        l->col = 1;
        l->line_start = true;
    } else {
        l->col++;
    }
    l->i++;
}

/* Skip white space, comments and escaped newlines. */
static void lx_skip_space(CLexer *l) {
    for (;;) {
        char c = lx_peek(l, 0);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
            lx_advance(l);
        } else if (c == '\\' && lx_peek(l, 1) == '\n') {
            lx_advance(l);
            lx_advance(l);
        } else if (c == '/' && lx_peek(l, 1) == '*') {
            lx_advance(l);
            lx_advance(l);
            while (l->i < l->n && !(lx_peek(l, 0) == '*' && lx_peek(l, 1) == '/')) lx_advance(l);
            lx_advance(l);
            lx_advance(l);
        } else if (c == '/' && lx_peek(l, 1) == '/') {
            while (l->i < l->n && lx_peek(l, 0) != '\n') lx_advance(l);
        } else {
            return;
        }
    }
}

/* The rest of a directive line (continuations joined, comments dropped). */
static char *lx_directive_text(CLexer *l) {
    StrBuf b;
    sb_init(&b);
    while (l->i < l->n && lx_peek(l, 0) != '\n') {
        char c = lx_peek(l, 0);
        if (c == '\\' && lx_peek(l, 1) == '\n') {
            lx_advance(l);
            lx_advance(l);
            sb_putc(&b, ' ');
        } else if (c == '/' && lx_peek(l, 1) == '*') {
            lx_advance(l);
            lx_advance(l);
            while (l->i < l->n && !(lx_peek(l, 0) == '*' && lx_peek(l, 1) == '/')) lx_advance(l);
            lx_advance(l);
            lx_advance(l);
            sb_putc(&b, ' ');
        } else if (c == '/' && lx_peek(l, 1) == '/') {
            while (l->i < l->n && lx_peek(l, 0) != '\n') lx_advance(l);
        } else {
            sb_putc(&b, c);
            lx_advance(l);
        }
    }
    return b.data;
}

/* ------------------------------------------------------------- directives */

/* Split s at white space into words (GC strings). */
typedef Vec(char *) Words;
static Words split_words(const char *s) {
    Words w = {0};
    while (*s) {
        while (*s && isspace((unsigned char)*s)) s++;
        if (!*s) break;
        const char *e = s;
        while (*e && !isspace((unsigned char)*e)) e++;
        vec_push(&w, gc_strndup(s, (size_t)(e - s)));
        s = e;
    }
    return w;
}

static bool constraint_atom(const char *a) {
    static const char *const truths[] = {
        "linux", "unix", "cgo", "gc", "goi",
#if defined(__x86_64__)
        "amd64",
#elif defined(__aarch64__)
        "arm64",
#elif defined(__i386__)
        "386",
#elif defined(__arm__)
        "arm",
#elif defined(__riscv) && __riscv_xlen == 64
        "riscv64",
#endif
    };
    bool neg = false;
    while (*a == '!') neg = !neg, a++;
    bool v = false;
    for (size_t i = 0; i < countof(truths); i++)
        if (strcmp(a, truths[i]) == 0) v = true;
    return v != neg;
}

/* #cgo constraints: words are ORed, comma-separated atoms ANDed. */
static bool constraints_hold(Words *w, int nwords) {
    if (nwords == 0) return true;
    for (int i = 0; i < nwords; i++) {
        bool all = true;
        char *term = gc_strdup(w->items[i]);
        for (char *save = NULL, *a = strtok_r(term, ",", &save); a; a = strtok_r(NULL, ",", &save))
            if (!constraint_atom(a)) all = false;
        if (all) return true;
    }
    return false;
}

static void add_lib(CPreamble *p, const char *name, int line, int col) {
    vec_push(&p->libs, ((CLib){name, line, col}));
}

static void ldflags(CPreamble *p, const char *value, int line, int col) {
    Words w = split_words(value);
    for (int i = 0; i < w.len; i++) {
        const char *f = w.items[i];
        if (strncmp(f, "-l", 2) == 0) {
            const char *lib = f[2] ? f + 2 : (i + 1 < w.len ? w.items[++i] : NULL);
            if (!lib) perr(p, line, col, "#cgo LDFLAGS: -l needs a library name");
            else add_lib(p, lib, line, col);
        } else if (strncmp(f, "-L", 2) == 0) {
            const char *dir = f[2] ? f + 2 : (i + 1 < w.len ? w.items[++i] : NULL);
            if (dir) vec_push(&p->libdirs, dir);
        } else if (f[0] != '-' && (strstr(f, ".so") != NULL)) {
            add_lib(p, gc_sprintf(":%s", f), line, col); /* a library file */
        }
        /* other linker flags (-Wl,..., -pthread, -rdynamic) do not apply */
    }
}

static void directive_cgo(CPreamble *p, const char *rest, int line, int col) {
    const char *colon = strchr(rest, ':');
    if (!colon) {
        perr(p, line, col, "malformed #cgo directive (want #cgo LDFLAGS: -lname)");
        return;
    }
    Words w = split_words(gc_strndup(rest, (size_t)(colon - rest)));
    if (w.len == 0) {
        perr(p, line, col, "malformed #cgo directive (want #cgo LDFLAGS: -lname)");
        return;
    }
    const char *var = w.items[w.len - 1];
    if (!constraints_hold(&w, w.len - 1)) return;
    if (strcmp(var, "LDFLAGS") == 0) {
        ldflags(p, colon + 1, line, col);
    } else if (strcmp(var, "pkg-config") == 0) {
        perr(p, line, col, "#cgo pkg-config is not supported by goi: name the libraries with #cgo LDFLAGS: -lname");
    } else if (strcmp(var, "CFLAGS") != 0 && strcmp(var, "CPPFLAGS") != 0 && strcmp(var, "CXXFLAGS") != 0 &&
               strcmp(var, "FFLAGS") != 0 && strcmp(var, "noescape") != 0 && strcmp(var, "nocallback") != 0) {
        perr(p, line, col, "invalid #cgo verb: #cgo %s", var);
    }
}

static bool is_ident_start(char c) { return isalpha((unsigned char)c) || c == '_'; }
static bool is_ident_char(char c) { return isalnum((unsigned char)c) || c == '_'; }

/* The Go spelling of a C character literal's value ('a', '\n', '\0'). */
static const char *char_literal_value(const char *s) {
    if (s[0] != '\'') return NULL;
    long v;
    const char *end;
    if (s[1] == '\\') {
        const char *e = s + 2;
        switch (*e) {
        case 'n': v = '\n'; end = e + 1; break;
        case 't': v = '\t'; end = e + 1; break;
        case 'r': v = '\r'; end = e + 1; break;
        case 'a': v = '\a'; end = e + 1; break;
        case 'b': v = '\b'; end = e + 1; break;
        case 'f': v = '\f'; end = e + 1; break;
        case 'v': v = '\v'; end = e + 1; break;
        case '\\': case '\'': case '"': case '?': v = *e; end = e + 1; break;
        case 'x': v = strtol(e + 1, (char **)&end, 16); break;
        default:
            if (*e < '0' || *e > '7') return NULL;
            v = strtol(e, (char **)&end, 8);
            break;
        }
    } else if (s[1] && s[1] != '\'') {
        v = (unsigned char)s[1];
        end = s + 2;
    } else {
        return NULL;
    }
    if (*end != '\'' || end[1]) return NULL;
    return gc_sprintf("%ld", v);
}

/* The Go spelling of a C number, or NULL: suffixes dropped, a float keeps
 * its form. */
static const char *number_value(const char *s) {
    size_t n = strlen(s);
    bool hex = n > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
    bool isfloat = !hex && (strchr(s, '.') || strchr(s, 'e') || strchr(s, 'E'));
    if (hex && (strchr(s, 'p') || strchr(s, 'P') || strchr(s, '.'))) isfloat = true;
    while (n > 0 && strchr(isfloat ? "fFlL" : "uUlL", s[n - 1])) n--;
    if (n == 0 || (!isdigit((unsigned char)s[0]) && s[0] != '.')) return NULL;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)s[i]) && s[i] != '.' && !((s[i] == '+' || s[i] == '-') && i > 0 &&
                                                              strchr("eEpP", s[i - 1])))
            return NULL;
    const char *v = gc_strndup(s, n);
    if (isfloat && v[0] == '.') v = gc_sprintf("0%s", v);
    if (!isfloat && n > 1 && v[0] == '0' && isdigit((unsigned char)v[1])) {
        for (size_t i = 1; i < n; i++)
            if (v[i] > '7') return NULL;
        v = gc_sprintf("0o%s", v + 1);
    }
    return v;
}

/* #define NAME literal, possibly signed and parenthesised. */
static void directive_define(CPreamble *p, const char *rest, int line, int col) {
    while (isspace((unsigned char)*rest)) rest++;
    const char *name = rest;
    while (is_ident_char(*rest)) rest++;
    if (rest == name || !is_ident_start(*name)) {
        perr(p, line, col, "#define needs a macro name");
        return;
    }
    if (*rest == '(') return; /* a function-like macro: not a constant */
    const char *nm = intern(name, (size_t)(rest - name));
    /* strip blanks and balanced outer parentheses */
    char *body = gc_strdup(rest);
    char *b = body;
    for (;;) {
        while (isspace((unsigned char)*b)) b++;
        size_t n = strlen(b);
        while (n && isspace((unsigned char)b[n - 1])) b[--n] = '\0';
        if (n >= 2 && b[0] == '(' && b[n - 1] == ')') {
            b[n - 1] = '\0';
            b++;
            continue;
        }
        break;
    }
    const char *sign = "";
    if (*b == '-' || *b == '+') {
        sign = *b == '-' ? "-" : "";
        b++;
        while (isspace((unsigned char)*b)) b++;
    }
    const char *v = *b == '\'' ? char_literal_value(b) : number_value(b);
    if (!v) return; /* not a constant goi can read: C.NAME stays undeclared */
    for (int i = 0; i < p->macros.len; i++)
        if (p->macros.items[i].name == nm) {
            p->macros.items[i].value = gc_sprintf("%s%s", sign, v);
            return;
        }
    vec_push(&p->macros, ((CMacro){nm, gc_sprintf("%s%s", sign, v), line, col}));
}

static void directive(CLexer *l) {
    int line = l->line, col = l->col;
    lx_advance(l); /* '#' */
    char *text = lx_directive_text(l);
    char *t = text;
    while (isspace((unsigned char)*t)) t++;
    const char *w = t;
    while (is_ident_char(*t)) t++;
    size_t wn = (size_t)(t - w);
#define IS(s) (wn == strlen(s) && strncmp(w, s, wn) == 0)
    if (wn == 0) return; /* the null directive */
    if (IS("cgo")) directive_cgo(l->out, t, line, col);
    else if (IS("include") || IS("pragma") || IS("ident") || IS("undef") || IS("line") || IS("warning")) return;
    else if (IS("define")) directive_define(l->out, t, line, col);
    else if (IS("if") || IS("ifdef") || IS("ifndef") || IS("elif") || IS("else") || IS("endif"))
        perr(l->out, line, col, "goi does not run the C preprocessor: #%.*s is not supported in the preamble", (int)wn, w);
    else if (IS("error")) perr(l->out, line, col, "#error%s", t);
    else perr(l->out, line, col, "invalid preprocessing directive #%.*s", (int)wn, w);
#undef IS
}

/* Tokenize, running directives as they come. */
static void lex_all(CLexer *l) {
    for (;;) {
        lx_skip_space(l);
        Tok t = {.line = l->line, .col = l->col};
        if (l->i >= l->n) {
            t.kind = TOK_EOF;
            vec_push(&l->toks, t);
            return;
        }
        char c = lx_peek(l, 0);
        if (c == '#' && l->line_start) {
            directive(l);
            continue;
        }
        l->line_start = false;
        size_t start = l->i;
        if (is_ident_start(c)) {
            while (is_ident_char(lx_peek(l, 0))) lx_advance(l);
            t.kind = TOK_IDENT;
            t.text = intern(l->s + start, l->i - start);
        } else if (isdigit((unsigned char)c)) {
            while (is_ident_char(lx_peek(l, 0)) || lx_peek(l, 0) == '.') lx_advance(l);
            t.kind = TOK_NUMBER;
            t.text = gc_strndup(l->s + start, l->i - start);
        } else if (c == '.' && lx_peek(l, 1) == '.' && lx_peek(l, 2) == '.') {
            lx_advance(l), lx_advance(l), lx_advance(l);
            t.kind = TOK_ELLIPSIS;
            t.text = "...";
        } else if (c == '"' || c == '\'') {
            lx_advance(l);
            while (l->i < l->n && lx_peek(l, 0) != c && lx_peek(l, 0) != '\n') {
                if (lx_peek(l, 0) == '\\') lx_advance(l);
                lx_advance(l);
            }
            lx_advance(l);
            t.kind = TOK_LITERAL;
            t.text = gc_strndup(l->s + start, l->i - start);
        } else {
            lx_advance(l);
            t.kind = TOK_PUNCT;
            t.punct = c;
            t.text = gc_strndup(&c, 1);
        }
        vec_push(&l->toks, t);
    }
}

/* ---------------------------------------------------------- declarations */

typedef struct CParser {
    Tok *toks;
    int i;
    CPreamble *out;
    jmp_buf fail; /* a syntax error: skip to the end of the declaration */
} CParser;

const CPredefined cgo_predefined_typedefs[] = {
    {"size_t", CT_ULONG, NULL},     {"ssize_t", CT_LONG, NULL},     {"ptrdiff_t", CT_LONG, NULL},
    {"intptr_t", CT_LONG, NULL},    {"uintptr_t", CT_ULONG, NULL},  {"int8_t", CT_SCHAR, NULL},
    {"uint8_t", CT_UCHAR, NULL},    {"int16_t", CT_SHORT, NULL},    {"uint16_t", CT_USHORT, NULL},
    {"int32_t", CT_INT, NULL},      {"uint32_t", CT_UINT, NULL},    {"int64_t", CT_LONG, NULL},
    {"uint64_t", CT_ULONG, NULL},   {"off_t", CT_LONG, NULL},       {"time_t", CT_LONG, NULL},
    {"pid_t", CT_INT, NULL},        {"uid_t", CT_UINT, NULL},       {"gid_t", CT_UINT, NULL},
    {"mode_t", CT_UINT, NULL},      {"wchar_t", CT_INT, NULL},      {"bool", CT_BOOL, NULL},
    {"FILE", CT_STRUCT, "struct__IO_FILE"},
};
const int cgo_npredefined_typedefs = (int)countof(cgo_predefined_typedefs);

static _Noreturn void fail(CParser *p, const Tok *t, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static _Noreturn void fail(CParser *p, const Tok *t, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *msg = gc_vsprintf(fmt, ap);
    va_end(ap);
    vec_push(&p->out->errors, ((CPreambleError){t->line, t->col, msg}));
    longjmp(p->fail, 1);
}

static Tok *tok(CParser *p) { return &p->toks[p->i]; }
static Tok *peek_tok(CParser *p, int k) {
    int j = p->i;
    for (int n = 0; n < k && p->toks[j].kind != TOK_EOF; n++) j++;
    return &p->toks[j];
}
static void advance(CParser *p) {
    if (tok(p)->kind != TOK_EOF) p->i++;
}
static bool is_punct(const Tok *t, char c) { return t->kind == TOK_PUNCT && t->punct == c; }
static bool accept_punct(CParser *p, char c) {
    if (!is_punct(tok(p), c)) return false;
    advance(p);
    return true;
}
static const char *describe(const Tok *t) {
    switch (t->kind) {
    case TOK_EOF: return "end of preamble";
    case TOK_IDENT: case TOK_NUMBER: case TOK_LITERAL: case TOK_ELLIPSIS: return gc_sprintf("'%s'", t->text);
    case TOK_PUNCT: return gc_sprintf("'%c'", t->punct);
    }
    return "?";
}
static void expect_punct(CParser *p, char c, const char *after) {
    if (!accept_punct(p, c)) fail(p, tok(p), "expected '%c' %s, found %s", c, after, describe(tok(p)));
}
static bool is_word(const Tok *t, const char *w) { return t->kind == TOK_IDENT && strcmp(t->text, w) == 0; }

static CType *ctype(CTypeKind k) {
    CType *t = NEW(CType);
    t->kind = k;
    return t;
}
static CType *pointer_to(CType *elem) {
    CType *t = ctype(CT_POINTER);
    t->elem = elem;
    return t;
}

static bool in_list(const char *w, const char *const *list) {
    for (; *list; list++)
        if (strcmp(w, *list) == 0) return true;
    return false;
}

/* Words that qualify a declaration or type without changing what goi sees. */
static const char *const ignored_words[] = {
    "const", "volatile", "restrict", "__restrict", "__restrict__", "__const", "__volatile__",
    "register", "auto", "extern", "static", "inline", "__inline", "__inline__", "_Noreturn",
    "__extension__", "__wur", "_Nonnull", "_Nullable", "__nonnull", NULL};
static const char *const type_words[] = {"void", "_Bool", "char", "short", "int", "long", "float", "double",
                                         "signed", "__signed", "__signed__", "unsigned", "struct", "union",
                                         "enum", NULL};
static const char *const unsupported_words[] = {"_Complex", "__complex__", "__int128", "_Float128",
                                                "__float128", "_Float16", "_Decimal32", "_Decimal64",
                                                "_Decimal128", "_Atomic", NULL};

static const CType *find_typedef(CParser *p, const char *name) {
    for (int i = p->out->typedefs.len - 1; i >= 0; i--)
        if (p->out->typedefs.items[i].name == name) {
            CType *t = NEW(CType);
            *t = *p->out->typedefs.items[i].type;
            t->goname = name;
            return t;
        }
    for (int i = 0; i < cgo_npredefined_typedefs; i++)
        if (strcmp(cgo_predefined_typedefs[i].name, name) == 0) {
            CType *t = ctype(cgo_predefined_typedefs[i].kind);
            t->goname = name;
            return t;
        }
    return NULL;
}

static bool starts_type(CParser *p, const Tok *t) {
    return t->kind == TOK_IDENT &&
           (in_list(t->text, type_words) || in_list(t->text, ignored_words) || find_typedef(p, t->text));
}

/* __attribute__((...)), __asm__("..."): skip the parenthesised part. */
static bool skip_attribute(CParser *p) {
    Tok *t = tok(p);
    if (!(is_word(t, "__attribute__") || is_word(t, "__attribute") || is_word(t, "__THROW") ||
          is_word(t, "__nonnull")))
        return false;
    advance(p);
    if (!is_punct(tok(p), '(')) return true;
    int depth = 0;
    do {
        if (tok(p)->kind == TOK_EOF) fail(p, tok(p), "unterminated %s", t->text);
        if (is_punct(tok(p), '(')) depth++;
        if (is_punct(tok(p), ')')) depth--;
        advance(p);
    } while (depth > 0);
    return true;
}

/* A GCC asm label, __asm__("symbol"), naming the function's symbol. */
static bool asm_label(CParser *p, const char **symbol) {
    Tok *t = tok(p);
    if (!(is_word(t, "__asm__") || is_word(t, "__asm") || is_word(t, "asm"))) return false;
    advance(p);
    expect_punct(p, '(', "after asm");
    Tok *lit = tok(p);
    size_t n = lit->kind == TOK_LITERAL ? strlen(lit->text) : 0;
    if (n < 2 || lit->text[0] != '"' || lit->text[n - 1] != '"') fail(p, lit, "expected a symbol name in asm(\"...\")");
    *symbol = gc_strndup(lit->text + 1, n - 2);
    advance(p);
    expect_punct(p, ')', "after the asm label");
    return true;
}

static void note_tag(CParser *p, const CType *t) {
    for (int i = 0; i < p->out->tags.len; i++)
        if (strcmp(p->out->tags.items[i]->goname, t->goname) == 0) return;
    vec_push(&p->out->tags, t);
}

/* struct X / union X / enum X (the keyword is the current token). */
static CType *tagged_type(CParser *p) {
    Tok *kw = tok(p);
    advance(p);
    while (skip_attribute(p)) {
    }
    if (tok(p)->kind != TOK_IDENT) {
        if (is_punct(tok(p), '{'))
            fail(p, kw, "goi does not support %s definitions in the preamble: declare it as %s NAME; and use pointers",
                 kw->text, kw->text);
        fail(p, tok(p), "expected a %s tag, found %s", kw->text, describe(tok(p)));
    }
    const char *tag = tok(p)->text;
    advance(p);
    if (is_punct(tok(p), '{')) {
        if (is_word(kw, "enum"))
            fail(p, kw, "goi does not support enum definitions in the preamble: use #define NAME value for the constants");
        fail(p, kw, "goi does not support %s definitions in the preamble: %s %s is opaque (declare it as %s %s; and pass pointers)",
             kw->text, kw->text, tag, kw->text, tag);
    }
    CType *t = ctype(is_word(kw, "enum") ? CT_UINT : CT_STRUCT);
    t->goname = intern_cstr(gc_sprintf("%s_%s", kw->text, tag));
    note_tag(p, t);
    return t;
}

/* DeclSpecifiers: the base type of a declaration. */
static CType *decl_specifiers(CParser *p, bool *is_typedef) {
    Tok *first = tok(p);
    int nlong = 0, nshort = 0, nsigned = 0, nunsigned = 0;
    const char *base = NULL;
    CType *named = NULL;
    for (;;) {
        Tok *t = tok(p);
        if (t->kind != TOK_IDENT) break;
        const char *w = t->text;
        if (skip_attribute(p)) continue;
        if (in_list(w, ignored_words)) {
            advance(p);
            continue;
        }
        if (strcmp(w, "typedef") == 0) {
            if (!is_typedef) fail(p, t, "typedef is not allowed here");
            *is_typedef = true;
            advance(p);
            continue;
        }
        if (in_list(w, unsupported_words)) fail(p, t, "C type %s is not supported by goi", w);
        bool have_type = base || named || nlong || nshort || nsigned || nunsigned;
        if (strcmp(w, "signed") == 0 || strcmp(w, "__signed") == 0 || strcmp(w, "__signed__") == 0) nsigned++;
        else if (strcmp(w, "unsigned") == 0) nunsigned++;
        else if (strcmp(w, "short") == 0) nshort++;
        else if (strcmp(w, "long") == 0) nlong++;
        else if (strcmp(w, "struct") == 0 || strcmp(w, "union") == 0 || strcmp(w, "enum") == 0) {
            if (have_type) fail(p, t, "two or more data types in declaration specifiers");
            named = tagged_type(p);
            continue;
        } else if (in_list(w, type_words)) {
            if (base || named) fail(p, t, "two or more data types in declaration specifiers");
            base = w;
        } else if (!have_type) {
            const CType *td = find_typedef(p, w);
            if (td) {
                named = (CType *)td;
            } else {
                Tok *nx = peek_tok(p, 1);
                if (nx->kind == TOK_IDENT || is_punct(nx, '*'))
                    fail(p, t, "unknown type name '%s' (goi reads no headers: declare it in the preamble with a typedef)", w);
                fail(p, t, "expected a type, found '%s'", w);
            }
        } else {
            break; /* the declarator's name */
        }
        advance(p);
    }
    int nmods = nlong + nshort + nsigned + nunsigned;
    if (named) {
        if (nmods) fail(p, first, "invalid type: %s cannot be signed, unsigned, short or long", named->goname);
        return named;
    }
    if (!base && !nmods) fail(p, first, "expected a type, found %s", describe(first));
    if (nsigned && nunsigned) fail(p, first, "both signed and unsigned in declaration specifiers");
    if (nshort && nlong) fail(p, first, "both short and long in declaration specifiers");
    if (nlong > 2) fail(p, first, "'long long long' is too long for C");
    bool u = nunsigned > 0;
    if (base && strcmp(base, "void") == 0) {
        if (nmods) fail(p, first, "invalid type: void with modifiers");
        return ctype(CT_VOID);
    }
    if (base && strcmp(base, "_Bool") == 0) {
        if (nmods) fail(p, first, "invalid type: _Bool with modifiers");
        return ctype(CT_BOOL);
    }
    if (base && strcmp(base, "float") == 0) {
        if (nmods) fail(p, first, "invalid type: float with modifiers");
        return ctype(CT_FLOAT);
    }
    if (base && strcmp(base, "double") == 0) {
        if (nlong) fail(p, first, "C type long double is not supported by goi");
        if (nmods) fail(p, first, "invalid type: double with modifiers");
        return ctype(CT_DOUBLE);
    }
    if (base && strcmp(base, "char") == 0) {
        if (nshort || nlong) fail(p, first, "invalid type: char with short or long");
        return ctype(u ? CT_UCHAR : nsigned ? CT_SCHAR : CT_CHAR);
    }
    if (nshort) return ctype(u ? CT_USHORT : CT_SHORT);
    if (nlong == 1) return ctype(u ? CT_ULONG : CT_LONG);
    if (nlong == 2) return ctype(u ? CT_ULONGLONG : CT_LONGLONG);
    return ctype(u ? CT_UINT : CT_INT);
}

static CType *declarator(CParser *p, CType *t, const Tok **name, bool abstract);

/* ( ParameterList ) after the opening parenthesis. */
static CType *parameters(CParser *p, CType *ret) {
    CType *fn = ctype(CT_FUNC);
    fn->ret = ret;
    Vec(CType *) params = {0};
    if (accept_punct(p, ')')) return fn; /* f(): no parameters */
    if (is_word(tok(p), "void") && is_punct(peek_tok(p, 1), ')')) {
        advance(p);
        advance(p);
        return fn;
    }
    for (;;) {
        if (tok(p)->kind == TOK_ELLIPSIS) {
            if (!params.len) fail(p, tok(p), "ISO C requires a named parameter before '...'");
            advance(p);
            fn->variadic = true;
            expect_punct(p, ')', "after '...'");
            break;
        }
        Tok *start = tok(p);
        CType *base = decl_specifiers(p, NULL);
        const Tok *pname = NULL;
        CType *pt = declarator(p, base, &pname, true);
        if (pt->kind == CT_ARRAY) pt = pointer_to(pt->elem);
        else if (pt->kind == CT_FUNC) pt = pointer_to(pt);
        if (pt->kind == CT_VOID) fail(p, start, "parameter has type void");
        vec_push(&params, pt);
        if (accept_punct(p, ',')) continue;
        expect_punct(p, ')', "after a parameter");
        break;
    }
    fn->params = params.items;
    fn->nparams = params.len;
    return fn;
}

/* Suffixes of a direct declarator: (params) and [size], applied inside out. */
static CType *suffixes(CParser *p, CType *t) {
    if (accept_punct(p, '(')) {
        Tok *open = &p->toks[p->i - 1];
        CType *fn = parameters(p, NULL);
        CType *ret = suffixes(p, t);
        if (ret->kind == CT_FUNC || ret->kind == CT_ARRAY)
            fail(p, open, "a function cannot return a %s", ret->kind == CT_FUNC ? "function" : "array");
        fn->ret = ret;
        return fn;
    }
    if (accept_punct(p, '[')) {
        while (!is_punct(tok(p), ']')) {
            if (tok(p)->kind == TOK_EOF || is_punct(tok(p), ';')) fail(p, tok(p), "expected ']'");
            advance(p);
        }
        advance(p);
        CType *a = ctype(CT_ARRAY);
        a->elem = suffixes(p, t);
        return a;
    }
    return t;
}

/* Is the '(' at the current token the start of a parenthesised declarator
 * rather than a parameter list? */
static bool grouping(CParser *p) {
    Tok *nx = peek_tok(p, 1);
    if (is_punct(nx, '*') || is_punct(nx, '(') || is_punct(nx, '^')) return true;
    return nx->kind == TOK_IDENT && !starts_type(p, nx) && !is_word(nx, "typedef");
}

/* Declarator (or abstract declarator): pointers, a name or a
 * parenthesised declarator, then suffixes. */
static CType *declarator(CParser *p, CType *t, const Tok **name, bool abstract) {
    while (accept_punct(p, '*')) {
        t = pointer_to(t);
        for (;;) { /* qualifiers of the pointer: * const, * restrict */
            if (tok(p)->kind == TOK_IDENT && in_list(tok(p)->text, ignored_words)) advance(p);
            else if (!skip_attribute(p)) break;
        }
    }
    while (skip_attribute(p)) {
    }
    if (is_punct(tok(p), '(') && grouping(p)) {
        advance(p);
        CType *hole = ctype(CT_VOID);
        CType *inner = declarator(p, hole, name, abstract);
        expect_punct(p, ')', "in declarator");
        *hole = *suffixes(p, t);
        return inner;
    }
    if (tok(p)->kind == TOK_IDENT && !in_list(tok(p)->text, type_words) && !in_list(tok(p)->text, ignored_words)) {
        *name = tok(p); /* may be a typedef name: typedef unsigned long size_t; */
        advance(p);
    } else if (!abstract) {
        fail(p, tok(p), "expected a name in declaration, found %s", describe(tok(p)));
    }
    return suffixes(p, t);
}

static void add_typedef(CParser *p, const Tok *name, CType *t) {
    if (t->kind == CT_ARRAY) fail(p, name, "typedef %s: array types are not supported by goi", name->text);
    for (int i = 0; i < p->out->typedefs.len; i++) {
        CTypedef *td = &p->out->typedefs.items[i];
        if (td->name != name->text) continue;
        if (strcmp(cgo_go_type(td->type), cgo_go_type(t)) != 0)
            fail(p, name, "conflicting types for '%s'", name->text);
        return; /* the same typedef again */
    }
    vec_push(&p->out->typedefs, ((CTypedef){name->text, t, name->line, name->col}));
}

static void add_func(CParser *p, const Tok *name, CType *t, const char *symbol) {
    for (int i = 0; i < p->out->funcs.len; i++) {
        CDecl *d = &p->out->funcs.items[i];
        if (d->name != name->text) continue;
        if (strcmp(cgo_go_type(d->type), cgo_go_type(t)) != 0)
            fail(p, name, "conflicting types for '%s'", name->text);
        return; /* the same prototype again */
    }
    for (int i = 0; i < p->out->typedefs.len; i++)
        if (p->out->typedefs.items[i].name == name->text)
            fail(p, name, "'%s' redeclared as a different kind of symbol", name->text);
    vec_push(&p->out->funcs, ((CDecl){name->text, symbol ? symbol : name->text, t, name->line, name->col}));
}

/* ExternalDeclaration: DeclSpecifiers [Declarator {, Declarator}] ; */
static void external_declaration(CParser *p) {
    bool is_typedef = false;
    CType *base = decl_specifiers(p, &is_typedef);
    if (accept_punct(p, ';')) return; /* struct X; */
    for (;;) {
        const Tok *name = NULL;
        CType *t = declarator(p, base, &name, false);
        const char *symbol = NULL;
        while (asm_label(p, &symbol) || skip_attribute(p)) {
        }
        if (is_punct(tok(p), '{'))
            fail(p, name, "goi does not compile C: the preamble can declare library functions, not define them "
                          "(%s has a body)", name->text);
        if (is_typedef) {
            add_typedef(p, name, t);
        } else if (t->kind == CT_FUNC) {
            add_func(p, name, t, symbol);
        } else {
            fail(p, name, "goi does not support C variables (%s): declare functions, typedefs or #define constants",
                 name->text);
        }
        if (accept_punct(p, ',')) continue;
        expect_punct(p, ';', gc_sprintf("after the declaration of %s", name->text));
        return;
    }
}

/* After an error: step past the end of the declaration. */
static void recover(CParser *p, int start) {
    if (p->i == start) advance(p);
    int depth = 0;
    while (tok(p)->kind != TOK_EOF) {
        if (is_punct(tok(p), '{') || is_punct(tok(p), '(')) depth++;
        if (is_punct(tok(p), '}') || is_punct(tok(p), ')')) {
            depth--;
            if (depth <= 0 && is_punct(tok(p), '}')) {
                advance(p);
                accept_punct(p, ';');
                return;
            }
        }
        if (depth <= 0 && is_punct(tok(p), ';')) {
            advance(p);
            return;
        }
        advance(p);
    }
}

void cgo_parse_preamble(const char *text, CPreamble *out) {
    if (!text) text = "";
    CLexer l = {.s = text, .n = strlen(text), .line = 1, .col = 1, .line_start = true, .out = out};
    lex_all(&l);
    CParser *p = NEW(CParser); /* not a local: longjmp leaves locals indeterminate */
    p->toks = l.toks.items;
    p->out = out;
    while (tok(p)->kind != TOK_EOF) {
        if (accept_punct(p, ';')) continue;
        int start = p->i;
        if (setjmp(p->fail) == 0) external_declaration(p);
        else recover(p, start);
    }
}
