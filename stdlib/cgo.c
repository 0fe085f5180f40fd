/* cgo.c - cgo_package: the preamble of import "C" turned into package C.
 *
 * Parse the preamble (cgo_parse.c), load the libraries (cgo_load.c), look
 * up every declared function and make it a native (cgo_call.c), and write
 * the package's Go source (cgo_gosrc.c). Preamble errors are mapped back
 * to positions in the Go file.
 */
#include "cgo_internal.h"

#include <ctype.h>

/* ------------------------------------------------------------- positions */

/* Line n (1-based) of the file's source, or NULL. */
static const char *source_line(const File *f, int n, size_t *len) {
    if (!f || !f->src || n < 1) return NULL;
    const char *s = f->src, *end = f->src + f->srclen;
    for (int i = 1; i < n; i++) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        if (!nl) return NULL;
        s = nl + 1;
    }
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    *len = (size_t)((nl ? nl : end) - s);
    return s;
}

static const char *skip_blanks(const char *s, const char *end) {
    while (s < end && (*s == ' ' || *s == '\t')) s++;
    return s;
}

/* The source line of the preamble's first line: the comment ends on the
 * line above import "C" (or above "import (" when the comment documents the
 * whole declaration). 0 if the source does not look that way. */
static int preamble_first_line(const File *f, Pos import_pos, const char *text) {
    int newlines = 0;
    for (const char *s = text; *s; s++) newlines += *s == '\n';
    int last = import_pos.line - 1;
    size_t len;
    const char *l = source_line(f, last, &len);
    if (!l) return 0;
    const char *t = skip_blanks(l, l + len);
    if ((size_t)(l + len - t) >= 6 && strncmp(t, "import", 6) == 0) {
        l = source_line(f, --last, &len);
        if (!l) return 0;
    }
    while (len && isspace((unsigned char)l[len - 1])) len--;
    bool block_end = len >= 2 && l[len - 2] == '*' && l[len - 1] == '/';
    /* "//" lines each end in a newline; a block comment's last line does not */
    int first = last - (newlines + (block_end ? 1 : 0)) + 1;
    return first >= 1 ? first : 0;
}

typedef struct PosMap {
    const File *file;
    int first_line; /* 0: unknown */
    Pos fallback;
} PosMap;

static Pos map_pos(const PosMap *m, int line, int col) {
    if (!m->first_line || line < 1) return m->fallback;
    int sl = m->first_line + line - 1;
    size_t len;
    const char *l = source_line(m->file, sl, &len);
    if (!l) return m->fallback;
    const char *t = skip_blanks(l, l + len);
    int base = 0;
    if ((size_t)(l + len - t) >= 2 && t[0] == '/' && (t[1] == '/' || t[1] == '*')) base = (int)(t - l) + 2;
    return (Pos){m->fallback.file, sl, base + col};
}

static void add_error(CgoErrors *errs, const PosMap *m, int line, int col, const char *msg) {
    vec_push(errs, ((CgoError){map_pos(m, line, col), msg}));
}

/* ----------------------------------------------------------------- names */

static const char *const helper_names[] = {"CString", "CBytes", "GoString", "GoStringN", "GoBytes", NULL};

typedef struct NameUse {
    const char *name;
    const char *what;
    int line, col;
} NameUse;

/* Every C name becomes one Go name in package C: report clashes between
 * functions, typedefs and macros, and with the names cgo defines. */
static void check_names(CPreamble *p) {
    Vec(NameUse) seen = {0};
    for (CTypeKind k = CT_CHAR; k <= CT_DOUBLE; k++) vec_push(&seen, ((NameUse){cgo_kind_goname(k), NULL, 0, 0}));
    for (int i = 0; helper_names[i]; i++) vec_push(&seen, ((NameUse){helper_names[i], NULL, 0, 0}));
    Vec(NameUse) decls = {0};
    for (int i = 0; i < p->typedefs.len; i++) {
        CTypedef *t = &p->typedefs.items[i];
        vec_push(&decls, ((NameUse){t->name, "typedef", t->line, t->col}));
    }
    for (int i = 0; i < p->macros.len; i++) {
        CMacro *m = &p->macros.items[i];
        vec_push(&decls, ((NameUse){m->name, "macro", m->line, m->col}));
    }
    for (int i = 0; i < p->funcs.len; i++) {
        CDecl *d = &p->funcs.items[i];
        vec_push(&decls, ((NameUse){d->name, "function", d->line, d->col}));
    }
    for (int i = 0; i < decls.len; i++) {
        NameUse *u = &decls.items[i];
        bool predefined_typedef = false;
        for (int k = 0; k < cgo_npredefined_typedefs; k++)
            if (strcmp(cgo_predefined_typedefs[k].name, u->name) == 0) predefined_typedef = true;
        if (predefined_typedef && strcmp(u->what, "typedef") != 0) {
            vec_push(&p->errors, ((CPreambleError){u->line, u->col,
                                                   gc_sprintf("%s %s conflicts with the C type C.%s", u->what, u->name, u->name)}));
            continue;
        }
        const NameUse *clash = NULL;
        for (int j = 0; j < seen.len && !clash; j++)
            if (strcmp(seen.items[j].name, u->name) == 0) clash = &seen.items[j];
        if (!clash) {
            vec_push(&seen, *u);
        } else if (!clash->what) {
            vec_push(&p->errors, ((CPreambleError){u->line, u->col,
                                                   gc_sprintf("%s %s conflicts with cgo's C.%s", u->what, u->name, u->name)}));
        } else {
            vec_push(&p->errors, ((CPreambleError){u->line, u->col,
                                                   gc_sprintf("'%s' redeclared as a %s (it is a %s at line %d)", u->name,
                                                              u->what, clash->what, clash->line)}));
        }
    }
}

/* ------------------------------------------------------------- functions */

/* The natives: one per prototype, then the helpers (a preamble's own free
 * or malloc comes first, so it wins). NULL after errors. */
static NativeDef *bind_functions(CPreamble *p) {
    int nhelpers = 0;
    while (cgo_helper_natives[nhelpers].name) nhelpers++;
    NativeDef *natives = gc_alloc((size_t)(p->funcs.len + nhelpers + 1) * sizeof *natives);
    int k = 0;
    for (int i = 0; i < p->funcs.len; i++) {
        CDecl *d = &p->funcs.items[i];
        const char *err = cgo_check_func_type(d->type, gc_sprintf("C.%s", d->name));
        void *sym = NULL;
        CgoFunc *f = NULL;
        NativeFn fn = NULL;
        if (!err && !(sym = cgo_lookup(d->symbol, &err))) err = gc_sprintf("cannot find C function %s: %s", d->symbol, err);
        if (!err && (f = cgo_func_new(d->name, d->type, sym, &err)) && !(fn = cgo_func_native(f)))
            err = "libffi cannot make closures here";
        if (err) {
            vec_push(&p->errors, ((CPreambleError){d->line, d->col, err}));
            continue;
        }
        natives[k++] = (NativeDef){gc_sprintf(CGO_PREFIX "%s", d->name), fn};
    }
    for (int i = 0; i < nhelpers; i++) natives[k++] = cgo_helper_natives[i];
    natives[k] = (NativeDef){NULL, NULL};
    return natives;
}

const StdPackage *cgo_package(const File *file, Pos import_pos, CgoErrors *errs) {
    const char *text = file ? file->cgo_preamble : NULL;
    CPreamble *p = NEW(CPreamble);
    cgo_parse_preamble(text, p);
    check_names(p);
    cgo_load_libraries(p);
    NativeDef *natives = p->errors.len ? NULL : bind_functions(p);
    StdPackage *pkg = NEW(StdPackage);
    pkg->path = "C";
    pkg->name = "C";
    if (p->errors.len) {
        PosMap m = {file, text ? preamble_first_line(file, import_pos, text) : 0, import_pos};
        for (int i = 0; i < p->errors.len; i++)
            add_error(errs, &m, p->errors.items[i].line, p->errors.items[i].col, p->errors.items[i].msg);
        /* what cgo always provides, so uses of C.CString & co. add no errors */
        pkg->source = cgo_go_source(NEW(CPreamble));
        pkg->natives = cgo_helper_natives;
        return pkg;
    }
    pkg->source = cgo_go_source(p);
    pkg->natives = natives;
    return pkg;
}

const char *cgo_undeclared_message(const char *name) {
    const char *hint;
    if (strncmp(name, "struct_", 7) == 0)
        hint = gc_sprintf("e.g. struct %s; and use it through pointers", name + 7);
    else if (strncmp(name, "union_", 6) == 0)
        hint = gc_sprintf("e.g. union %s; and use it through pointers", name + 6);
    else if (strncmp(name, "enum_", 5) == 0)
        hint = gc_sprintf("e.g. as a parameter type: void f(enum %s);", name + 5);
    else if (isupper((unsigned char)name[0]))
        hint = gc_sprintf("e.g. int %s(int); or #define %s 1", name, name);
    else
        hint = gc_sprintf("e.g. int %s(int);", name);
    return gc_sprintf("could not determine kind of name for C.%s (declare it in the comment above import \"C\", %s)",
                      name, hint);
}
