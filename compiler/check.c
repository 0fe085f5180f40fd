/* check.c - sessions, scopes, packages and package-level declarations.
 *
 * Package-level objects are resolved lazily and in dependency order, as
 * go/types does: declaring collects every object first (so order in the file
 * does not matter), then resolve_object() checks each one on first use,
 * colouring it grey while in progress to detect cycles. Function bodies are
 * checked after every package-level object is resolved.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include "../stdlib/cgo.h"
#include "../vm/vm.h"
#include "gen.h"

/* ------------------------------------------------------------------ errors */

static uint64_t error_hash(const CompileError *e) {
    return hash_bytes(e->msg, strlen(e->msg)) ^ ((uint64_t)e->pos.line << 32) ^ (uint64_t)(uintptr_t)e->pos.file;
}

static CompileError *error_copy(const CompileError *e) {
    CompileError *c = NEW(CompileError);
    *c = *e;
    return c;
}

static bool same_line_and_message(void *a, void *b) {
    CompileError *x = a, *y = b;
    return x->pos.line == y->pos.line && x->pos.file == y->pos.file && strcmp(x->msg, y->msg) == 0;
}

void session_add_error(Session *s, Pos pos, const char *msg, bool soft) {
    /* gc reports one error per line at most for the same message (a hash
     * set finds those: a broken program may have thousands of errors) */
    if (s->errors.len < s->error_lines.len) { /* errors were dropped (soft ones, REPL inputs): start over */
        s->error_lines = (DupSet){0};
        for (int i = 0; i < s->errors.len; i++) {
            CompileError *e = &s->errors.items[i];
            dupset_add(&s->error_lines, error_hash(e), error_copy(e), same_line_and_message);
        }
    }
    CompileError *e = NEW(CompileError);
    *e = (CompileError){pos, msg, soft};
    if (dupset_add(&s->error_lines, error_hash(e), e, same_line_and_message)) return;
    vec_push(&s->errors, *e);
}

void errorf(Checker *c, Pos pos, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *msg = gc_vsprintf(fmt, ap);
    va_end(ap);
    session_add_error(c->s, pos, msg, false);
}

void soft_errorf(Checker *c, Pos pos, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *msg = gc_vsprintf(fmt, ap);
    va_end(ap);
    session_add_error(c->s, pos, msg, true);
}

static int error_cmp(const void *a, const void *b) {
    const CompileError *x = a, *y = b;
    int f = strcmp(x->pos.file ? x->pos.file : "", y->pos.file ? y->pos.file : "");
    if (f) return f;
    if (x->pos.line != y->pos.line) return x->pos.line - y->pos.line;
    return x->pos.col - y->pos.col;
}

/* Sort and print at most max. Soft errors ("declared and not used") are
 * reported together with hard ones, as gc does. */
int session_report_errors(Session *s) {
    int n = s->errors.len;
    /* stable sort by position */
    for (int i = 1; i < n; i++) {
        CompileError e = s->errors.items[i];
        int j = i - 1;
        while (j >= 0 && error_cmp(&s->errors.items[j], &e) > 0) {
            s->errors.items[j + 1] = s->errors.items[j];
            j--;
        }
        s->errors.items[j + 1] = e;
    }
    if (!s->opts.print_errors) return n;
    int max = s->opts.max_errors > 0 ? s->opts.max_errors : 10;
    for (int i = 0; i < n && i < max; i++) {
        CompileError *e = &s->errors.items[i];
        diag_print(e->pos.file ? e->pos.file : s->main_file, e->pos.line, e->pos.col, e->msg);
    }
    if (n > max) {
        CompileError *e = &s->errors.items[max - 1];
        fprintf(stderr, "%s:%d:%d: too many errors\n", e->pos.file ? e->pos.file : s->main_file,
                e->pos.line, e->pos.col);
    }
    return n;
}

int session_error_count(const Session *s) { return s->errors.len; }

const char *session_error(const Session *s, int i) {
    const CompileError *e = &s->errors.items[i];
    return gc_sprintf("%d:%d: %s", e->pos.line, e->pos.col, e->msg);
}

/* ------------------------------------------------------------------ scopes */

Scope *scope_new(Scope *parent) {
    Scope *s = NEW(Scope);
    s->parent = parent;
    return s;
}

/* Scopes of up to SCOPE_INDEX_MIN names are searched linearly (most are
 * tiny); larger ones through a hash index of the (interned) names, which
 * keeps the position of the last object of each name. */
enum { SCOPE_INDEX_MIN = 32 };

static unsigned name_hash(const char *name, int cap) {
    return (unsigned)(((uintptr_t)name >> 3) * 0x9E3779B97F4A7C15ull >> 32) & (unsigned)(cap - 1);
}

static void index_add(Scope *s, int pos) {
    const char *name = s->objs.items[pos]->name;
    unsigned h = name_hash(name, s->index_cap);
    while (s->index[h] && s->objs.items[s->index[h] - 1]->name != name) h = (h + 1) & (unsigned)(s->index_cap - 1);
    s->index[h] = pos + 1;
}

/* Bring the index up to date with objs (built, grown, or extended). */
static void index_sync(Scope *s) {
    if (s->objs.len < SCOPE_INDEX_MIN) return;
    if (s->objs.len * 2 > s->index_cap) {
        int cap = 64;
        while (cap < s->objs.len * 4) cap *= 2;
        s->index = gc_alloc_atomic(sizeof(int) * (size_t)cap);
        memset(s->index, 0, sizeof(int) * (size_t)cap);
        s->index_cap = cap;
        s->nindexed = 0;
    }
    for (; s->nindexed < s->objs.len; s->nindexed++) index_add(s, s->nindexed);
}

static void index_drop(Scope *s) {
    s->index = NULL;
    s->index_cap = s->nindexed = 0;
}

Object *scope_lookup_local(Scope *s, const char *name) {
    if (s->objs.len >= SCOPE_INDEX_MIN) {
        index_sync(s);
        unsigned h = name_hash(name, s->index_cap);
        for (; s->index[h]; h = (h + 1) & (unsigned)(s->index_cap - 1)) {
            Object *o = s->objs.items[s->index[h] - 1];
            if (o->name == name) return o;
        }
        return NULL;
    }
    for (int i = s->objs.len - 1; i >= 0; i--)
        if (s->objs.items[i]->name == name) return s->objs.items[i];
    return NULL;
}

Object *scope_lookup(Scope *s, const char *name) {
    for (; s; s = s->parent) {
        Object *o = scope_lookup_local(s, name);
        if (o) return o;
    }
    return NULL;
}

Object *scope_insert(Scope *s, Object *o) {
    Object *prev = scope_lookup_local(s, o->name);
    if (prev) return prev;
    vec_push(&s->objs, o);
    return NULL;
}

Object *scope_remove(Scope *s, const char *name) {
    for (int i = s->objs.len - 1; i >= 0; i--) {
        Object *o = s->objs.items[i];
        if (o->name != name) continue;
        memmove(&s->objs.items[i], &s->objs.items[i + 1], sizeof(Object *) * (size_t)(s->objs.len - i - 1));
        s->objs.len--;
        index_drop(s); /* positions moved */
        return o;
    }
    return NULL;
}

void scope_clear(Scope *s) {
    s->objs.len = 0;
    index_drop(s);
}

static unsigned dupset_slot(const DupSet *s, uint64_t hash) {
    return (unsigned)((hash * 0x9E3779B97F4A7C15ull) >> 32) & (unsigned)(s->cap - 1);
}

void *dupset_add(DupSet *s, uint64_t hash, void *item, bool (*equal)(void *a, void *b)) {
    if (s->len * 2 >= s->cap) { /* grow and rehash */
        DupSet old = *s;
        s->cap = old.cap ? old.cap * 2 : 64;
        s->hashes = gc_alloc_atomic(sizeof(uint64_t) * (size_t)s->cap);
        s->items = gc_alloc(sizeof(void *) * (size_t)s->cap);
        for (int i = 0; i < old.cap; i++) {
            if (!old.items[i]) continue;
            unsigned j = dupset_slot(s, old.hashes[i]);
            while (s->items[j]) j = (j + 1) & (unsigned)(s->cap - 1);
            s->hashes[j] = old.hashes[i];
            s->items[j] = old.items[i];
        }
    }
    unsigned i = dupset_slot(s, hash);
    for (; s->items[i]; i = (i + 1) & (unsigned)(s->cap - 1))
        if (s->hashes[i] == hash && (!equal || equal(s->items[i], item))) return s->items[i];
    s->hashes[i] = hash;
    s->items[i] = item;
    s->len++;
    return NULL;
}

void *dupset_find(const DupSet *s, uint64_t hash, void *item, bool (*equal)(void *a, void *b)) {
    if (!s->cap) return NULL;
    for (unsigned i = dupset_slot(s, hash); s->items[i]; i = (i + 1) & (unsigned)(s->cap - 1))
        if (s->hashes[i] == hash && (!equal || equal(s->items[i], item))) return s->items[i];
    return NULL;
}

uint64_t const_hash(const ConstVal *v) {
    uint64_t h = (uint64_t)cv_kind(v) << 56;
    switch (cv_kind(v)) {
    case CV_BOOL: return h ^ cv_bool_val(v);
    case CV_STRING: {
        GoString str = cv_string_val(v);
        return h ^ hash_bytes(str.ptr, (size_t)str.len);
    }
    case CV_INT: return h ^ (cv_fits_int64(v) ? (uint64_t)cv_int64_val(v) : (uint64_t)cv_int_bitlen(v));
    case CV_FLOAT:
    case CV_COMPLEX: {
        double parts[2] = {cv_real_val(v) + 0.0, cv_imag_val(v) + 0.0}; /* + 0.0: -0 hashes as 0 */
        return h ^ hash_bytes(parts, sizeof parts);
    }
    default: return h;
    }
}

Object *new_object(ObjKind kind, const char *name, Type *type, Pos pos) {
    Object *o = NEW(Object);
    o->kind = kind;
    o->name = name;
    o->type = type;
    o->pos = pos;
    o->reg = -1;
    return o;
}

void declare(Checker *c, Scope *s, Object *o) {
    if (o->name == intern_cstr("_")) return;
    Object *prev = scope_insert(s, o);
    if (prev) {
        if (prev->kind == OBJ_PKG && o->kind != OBJ_PKG && s->is_pkg) {
            errorf(c, o->pos, "%s already declared through import of package %s", o->name,
                   prev->imported ? prev->imported->path : o->name);
            return;
        }
        errorf(c, o->pos, "%s redeclared in this block", o->name);
    }
}

void record_use(Checker *c, Object *o) {
    if (c->decl_obj && (o->kind == OBJ_VAR || o->kind == OBJ_FUNC) && o->pkg == c->pkg &&
        (o->is_global || o->kind == OBJ_FUNC) && (o != c->decl_obj || o->kind == OBJ_VAR)) {
        /* (a variable referring to itself is an initialization cycle) */
        Object *d = c->decl_obj;
        for (int i = 0; i < d->deps.len; i++)
            if (d->deps.items[i] == o) return;
        vec_push(&d->deps, o);
    }
}

/* --------------------------------------------------------------- universe */

static void universe_type(Session *s, const char *name, Type *t) {
    Object *o = new_object(OBJ_TYPE, intern_cstr(name), t, (Pos){0});
    o->color = 2;
    scope_insert(s->universe, o);
}

static const char *builtin_names[BI__COUNT] = {
    "append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len",
    "make", "max", "min", "new", "panic", "print", "println", "real", "recover", "Sizeof"};

static void init_universe(Session *s) {
    types_init();
    s->universe = scope_new(NULL);
    s->universe->is_universe = true;
    Type *basics[] = {t_bool, t_int, t_int8, t_int16, t_int32, t_int64, t_uint, t_uint8,
                      t_uint16, t_uint32, t_uint64, t_uintptr, t_float32, t_float64,
                      t_complex64, t_complex128, t_string};
    for (size_t i = 0; i < countof(basics); i++) universe_type(s, basics[i]->name, basics[i]);
    universe_type(s, "byte", t_uint8);
    universe_type(s, "rune", t_int32);
    universe_type(s, "error", t_error);
    universe_type(s, "any", t_any);

    s->obj_true = new_object(OBJ_CONST, intern_cstr("true"), t_untyped_bool, (Pos){0});
    s->obj_true->cv = cv_bool(true);
    s->obj_false = new_object(OBJ_CONST, intern_cstr("false"), t_untyped_bool, (Pos){0});
    s->obj_false->cv = cv_bool(false);
    s->obj_iota = new_object(OBJ_CONST, intern_cstr("iota"), t_untyped_int, (Pos){0});
    s->obj_iota->cv = cv_int64(0);
    s->obj_nil = new_object(OBJ_NIL, intern_cstr("nil"), t_untyped_nil, (Pos){0});
    Object *consts[] = {s->obj_true, s->obj_false, s->obj_iota, s->obj_nil};
    for (size_t i = 0; i < countof(consts); i++) {
        consts[i]->color = 2;
        scope_insert(s->universe, consts[i]);
    }
    for (int i = 0; i < BI__COUNT; i++) {
        Object *o = new_object(OBJ_BUILTIN, intern_cstr(builtin_names[i]), t_invalid, (Pos){0});
        o->builtin = (BuiltinId)i;
        o->color = 2;
        s->builtin_objs[i] = o;
        if (i != BI_SIZEOF) scope_insert(s->universe, o);
    }
}

Session *session_new(const char *main_filename, CompileOptions opts) {
    Session *s = NEW(Session);
    s->opts = opts;
    if (!s->opts.max_errors) s->opts.max_errors = 10;
    s->main_file = main_filename;
    init_universe(s);
    return s;
}

/* ---------------------------------------------------------------- packages */

static Package *find_package(Session *s, const char *path) {
    for (int i = 0; i < s->packages.len; i++)
        if (strcmp(s->packages.items[i]->path, path) == 0) return s->packages.items[i];
    return NULL;
}

static void collect_objects(Checker *c);
void collect_decl(Checker *c, Decl *d);

Package *new_package(Session *s, const char *path, File *file) {
    Package *p = NEW(Package);
    p->path = path;
    p->name = file->package;
    p->file = file;
    p->scope = scope_new(s->universe);
    p->scope->is_pkg = true;
    vec_push(&s->packages, p);
    return p;
}

/* Parse and check a standard package (Go source + natives). */
static Package *load_std(Session *s, const StdPackage *std) {
    char *fname = gc_sprintf("$GOROOT/src/%s/%s.go", std->path, std->name);
    ParseResult pr = s->opts.eager_std ? parse_file(fname, std->source, strlen(std->source))
                                       : parse_file_deferring_bodies(fname, std->source, strlen(std->source));
    if (pr.errors.len) {
        for (int i = 0; i < pr.errors.len; i++)
            session_add_error(s, pr.errors.items[i].pos, pr.errors.items[i].msg, false);
        return NULL;
    }
    Package *p = new_package(s, std->path, pr.file);
    p->std = std;
    check_package(s, p);
    return p;
}

static Package *load_unsafe(Session *s);

Package *load_package(Session *s, const char *path, Pos pos, Checker *importer) {
    Package *p = find_package(s, path);
    if (p) {
        if (!p->checked && importer) {
            errorf(importer, pos, "import cycle not allowed");
            return NULL;
        }
        return p;
    }
    if (strcmp(path, "unsafe") == 0) return load_unsafe(s);
    const StdPackage *std = stdlib_lookup(path);
    if (!std) return NULL;
    return load_std(s, std);
}

/* ---------------------------------------------------- unsafe and import "C" */

/* Package unsafe: Pointer, for code that calls C. */
static Package *load_unsafe(Session *s) {
    static const StdPackage unsafe_std = {"unsafe", "unsafe", "package unsafe\n", NULL};
    Package *p = load_std(s, &unsafe_std);
    Object *o = new_object(OBJ_TYPE, intern_cstr("Pointer"), t_unsafeptr, (Pos){0});
    o->color = 2;
    o->pkg = p;
    scope_insert(p->scope, o);
    return p;
}

/* Package C, made from the file's cgo preamble (stdlib/cgo.h). Its Go
 * names carry CGO_PREFIX; types print without it ("C.int"). After errors
 * in the preamble (cgo_failed), undeclared C names add no further errors. */
static Package *load_cgo(Checker *c, Spec *sp) {
    Session *s = c->s;
    Package *p = find_package(s, "C");
    if (p) return p;
    CgoErrors errs = {0};
    const StdPackage *std = cgo_package(c->pkg->file, sp->u.import.path_pos, &errs);
    for (int i = 0; i < errs.len; i++) session_add_error(s, errs.items[i].pos, errs.items[i].msg, false);
    if (!(p = load_std(s, std))) return NULL;
    p->cgo = true;
    p->cgo_failed = errs.len > 0;
    size_t np = strlen(CGO_PREFIX);
    for (int i = 0; i < p->named.len; i++) {
        Type *t = p->named.items[i];
        if (strncmp(t->name, CGO_PREFIX, np) == 0) t->name = intern_cstr(t->name + np);
        t->str = NULL;
    }
    return p;
}

/* The member name of package po for code outside it, or NULL after an
 * error at pos. Go exports capitalised names; package C every name. */
Object *package_member(Checker *c, Object *po, const char *name, Pos pos) {
    Package *p = po->imported;
    if (!p) return NULL; /* an unsupported import, already reported */
    if (p->cgo) {
        Object *o = scope_lookup_local(p->scope, intern_cstr(gc_sprintf(CGO_PREFIX "%s", name)));
        if (!o && !p->cgo_failed) errorf(c, pos, "%s", cgo_undeclared_message(name));
        return o;
    }
    Object *o = scope_lookup_local(p->scope, name);
    if (!o || !(name[0] >= 'A' && name[0] <= 'Z')) {
        errorf(c, pos, "undefined: %s.%s", po->name, name);
        return NULL;
    }
    return o;
}

/* Does t point (maybe through pointers) to a type of package C? goi
 * cannot dereference those: they hold C addresses. */
bool is_cgo_pointer(const Type *t) {
    for (int depth = 0; depth < 8 && t->under && t->under->kind == KIND_POINTER; depth++) {
        t = t->under->elem;
        if (t->pkg && strcmp(t->pkg, "C") == 0) return true;
    }
    return false;
}

/* Imports of one file into the package scope (goi programs are one file). */
/* The import path of a spec: the parser keeps the literal's source text. */
static const char *import_path(Spec *sp) {
    const char *lit = sp->u.import.path;
    if (!lit) return "";
    if (lit[0] != '"' && lit[0] != '`') return lit;
    char *out;
    size_t n;
    const char *err;
    if (!lex_decode_string(lit, strlen(lit), &out, &n, &err)) return lit;
    const char *p = intern(out, n);
    free(out);
    sp->u.import.path = p;
    return p;
}

/* After "package P is not supported", declare P's name (the import's own
 * name, or the last element of the path) as a package with no members, so
 * its uses are not reported again as "undefined: P" (package_member stays
 * silent for it). */
static void declare_missing_import(Checker *c, Spec *sp, const char *path) {
    const char *slash = strrchr(path, '/');
    const char *name = intern_cstr(slash ? slash + 1 : path);
    Pos npos = sp->pos;
    if (sp->u.import.name) {
        name = sp->u.import.name->u.ident.name;
        npos = sp->u.import.name->pos;
    }
    if (name == intern_cstr("_") || name == intern_cstr(".")) return;
    sp->u.import.used = true;
    Object *o = new_object(OBJ_PKG, name, t_invalid, npos);
    o->import_spec = sp;
    o->pkg = c->pkg;
    o->color = 2;
    declare(c, c->pkg->scope, o);
}

void collect_import(Checker *c, Spec *sp) {
    Session *s = c->s;
    const char *path = import_path(sp);
    Package *p;
    if (strcmp(path, "C") == 0) {
        if (sp->u.import.name) {
            errorf(c, sp->u.import.name->pos, "cannot rename import \"C\"");
            return;
        }
        if (!(p = load_cgo(c, sp))) return;
        sp->u.import.used = true; /* the preamble uses it */
    } else if (!(p = load_package(s, path, sp->u.import.path_pos, c))) {
        if (!find_package(s, path)) {
            errorf(c, sp->u.import.path_pos, "package %s is not supported by goi", path);
            declare_missing_import(c, sp, path);
        }
        return;
    }
    const char *name = p->name;
    Pos npos = sp->pos;
    if (sp->u.import.name) {
        name = sp->u.import.name->u.ident.name;
        npos = sp->u.import.name->pos;
    }
    if (name == intern_cstr("_")) return;
    if (name == intern_cstr(".")) {
        for (int i = 0; i < p->scope->objs.len; i++) {
            Object *o = p->scope->objs.items[i];
            if (o->name[0] >= 'A' && o->name[0] <= 'Z') scope_insert(c->pkg->scope, o);
        }
        vec_push(&c->pkg->imports, sp); /* used through its names (note_dot_import_use) */
        return;
    }
    Object *o = new_object(OBJ_PKG, name, t_invalid, npos);
    o->imported = p;
    o->import_spec = sp;
    o->pkg = c->pkg;
    o->color = 2;
    declare(c, c->pkg->scope, o);
    vec_push(&c->pkg->imports, sp);
}

/* o was found by an unqualified name: if it belongs to a dot-imported
 * package, that import is used. */
void note_dot_import_use(Checker *c, Object *o) {
    if (!o->pkg || o->pkg == c->pkg || o->kind == OBJ_PKG) return;
    for (int i = 0; i < c->pkg->imports.len; i++) {
        Spec *sp = c->pkg->imports.items[i];
        if (sp->u.import.name && sp->u.import.name->u.ident.name == intern_cstr(".") &&
            strcmp(sp->u.import.path, o->pkg->path) == 0)
            sp->u.import.used = true;
    }
}

/* Receiver base type name of a method declaration: T in (t T) / (t *T);
 * NULL for anything else (**T is no valid receiver). */
static Expr *recv_base_expr(Field *recv) {
    Expr *t = recv->type;
    int stars = 0;
    while (t && (t->kind == E_PAREN || t->kind == E_STAR)) {
        if (t->kind == E_STAR) stars++;
        t = t->u.unary.x;
    }
    return stars > 1 ? NULL : t;
}

static void collect_objects(Checker *c) {
    File *f = c->pkg->file;
    for (int di = 0; di < f->decls.len; di++) collect_decl(c, f->decls.items[di]);
}

/* Declare the objects of one package-level declaration (resolved later). */
void collect_decl(Checker *c, Decl *d) {
    Package *pkg = c->pkg;
    {
        switch (d->kind) {
        case D_IMPORT:
            for (int i = 0; i < d->u.gen.specs.len; i++) collect_import(c, d->u.gen.specs.items[i]);
            break;
        case D_CONST: {
            Spec *last = NULL;
            for (int i = 0; i < d->u.gen.specs.len; i++) {
                Spec *sp = d->u.gen.specs.items[i];
                if (!sp->u.value.implicit || !last) last = sp;
                for (int j = 0; j < sp->u.value.names.len; j++) {
                    Expr *n = sp->u.value.names.items[j];
                    Object *o = new_object(OBJ_CONST, n->u.ident.name, NULL, n->pos);
                    o->decl = d;
                    o->spec = last;
                    o->index = j;
                    o->iota = sp->u.value.iota;
                    o->pkg = pkg;
                    n->obj = o;
                    if (sp != last && j >= last->u.value.values.len)
                        errorf(c, n->pos, "missing init expr for const declaration");
                    declare(c, pkg->scope, o);
                    vec_push(&pkg->objs, o);
                }
                if (sp == last && sp->u.value.values.len < sp->u.value.names.len && sp->u.value.names.len)
                    errorf(c, sp->u.value.names.items[sp->u.value.values.len < sp->u.value.names.len ? sp->u.value.values.len : 0]->pos,
                           sp->u.value.values.len ? "missing init expr for const declaration"
                                                   : "missing init expr for const declaration");
                else if (sp == last && sp->u.value.values.len > sp->u.value.names.len)
                    errorf(c, sp->u.value.values.items[sp->u.value.names.len]->pos, "extra init expr");
            }
            break;
        }
        case D_VAR:
            for (int i = 0; i < d->u.gen.specs.len; i++) {
                Spec *sp = d->u.gen.specs.items[i];
                for (int j = 0; j < sp->u.value.names.len; j++) {
                    Expr *n = sp->u.value.names.items[j];
                    Object *o = new_object(OBJ_VAR, n->u.ident.name, NULL, n->pos);
                    o->decl = d;
                    o->spec = sp;
                    o->index = j;
                    o->is_global = true;
                    o->used = true; /* package-level variables need no use */
                    o->pkg = pkg;
                    n->obj = o;
                    declare(c, pkg->scope, o);
                    vec_push(&pkg->objs, o);
                }
            }
            break;
        case D_TYPE:
            for (int i = 0; i < d->u.gen.specs.len; i++) {
                Spec *sp = d->u.gen.specs.items[i];
                Expr *n = sp->u.type.name;
                Object *o = new_object(OBJ_TYPE, n->u.ident.name, NULL, n->pos);
                o->decl = d;
                o->spec = sp;
                o->pkg = pkg;
                o->alias = sp->u.type.alias;
                if (!o->alias) {
                    o->type = type_named(pkg->path, o->name);
                    NamedInfo *ni = NEW(NamedInfo);
                    ni->obj = o;
                    o->type->checker = ni;
                    vec_push(&pkg->named, o->type);
                }
                n->obj = o;
                if (sp->u.type.tparams.len)
                    errorf(c, n->pos, "generic type %s is not supported by goi", o->name);
                declare(c, pkg->scope, o);
                vec_push(&pkg->objs, o);
            }
            break;
        case D_FUNC: {
            Expr *n = d->u.func.name;
            Object *o = new_object(OBJ_FUNC, n->u.ident.name, NULL, n->pos);
            o->decl = d;
            o->pkg = pkg;
            n->obj = o;
            d->u.func.obj = o;
            FuncTypeNode *ft = &d->u.func.type->u.functype;
            if (ft->tparams.len) errorf(c, n->pos, "generic function %s is not supported by goi", o->name);
            if (d->u.func.recv) {
                vec_push(&pkg->objs, o); /* attached to its type when resolved */
            } else if (o->name == intern_cstr("init")) {
                if (ft->params.len || ft->results.len)
                    errorf(c, n->pos, "func init must have no arguments and no return values");
                vec_push(&pkg->inits, o);
                vec_push(&pkg->objs, o);
            } else if (o->name == intern_cstr("main") && pkg->is_main &&
                       (ft->params.len || ft->results.len)) {
                errorf(c, n->pos, "func main must have no arguments and no return values");
                declare(c, pkg->scope, o);
                vec_push(&pkg->objs, o);
            } else {
                declare(c, pkg->scope, o);
                vec_push(&pkg->objs, o);
            }
            if (!d->u.func.body) {
                if (!pkg->std) errorf(c, n->pos, "missing function body");
            }
            break;
        }
        case D_BAD: break;
        }
    }
}

/* ------------------------------------------------- resolving declarations */

static void resolve_const(Checker *c, Object *o) {
    Spec *sp = o->spec;
    Type *t = NULL;
    if (sp->u.value.type) t = check_type_expr(c, sp->u.value.type);
    if (o->index >= sp->u.value.values.len) {
        o->type = t_invalid;
        o->cv = cv_unknown();
        return;
    }
    /* An implicitly repeated expression list is checked again with each
     * spec's iota; constant initializers are never compiled to code, so the
     * annotations the last check leaves behind do not matter. */
    Expr *e = sp->u.value.values.items[o->index];
    int saved = c->iota;
    c->iota = o->iota;
    check_expr(c, e, t);
    c->iota = saved;
    if (e->mode == MODE_INVALID) {
        o->type = t_invalid;
        o->cv = cv_unknown();
        return;
    }
    if (e->mode != MODE_CONST) {
        errorf(c, e->pos, "%s is not constant", operand_str(c, e));
        o->type = t_invalid;
        o->cv = cv_unknown();
        return;
    }
    if (t) {
        if (!(t->under->kind <= KIND_STRING && t->under->kind != KIND_INVALID) || t->under->kind == KIND_UNSAFEPTR) {
            errorf(c, sp->u.value.type->pos, "invalid constant type %s", type_str(t));
            o->type = t_invalid;
            o->cv = cv_unknown();
            return;
        }
        assign_to(c, e, t, "constant declaration");
    }
    o->type = e->type;
    o->cv = e->cv ? e->cv : cv_unknown();
}

/* var a, b T = x, y  /  var a, b = f()  (one object of the spec at a time) */
static void resolve_global_var(Checker *c, Object *o) {
    Spec *sp = o->spec;
    Type *t = NULL;
    if (sp->u.value.type) t = check_type_expr(c, sp->u.value.type);
    int nn = sp->u.value.names.len, nv = sp->u.value.values.len;
    if (t) o->spelled = alias_spelling(sp->u.value.type, t);
    if (nv == 0) {
        o->type = t ? t : t_invalid;
        return;
    }
    if (nv == nn) {
        Expr *e = sp->u.value.values.items[o->index];
        if (nv == 1) check_single_value(c, e, t, &sp->u.value.values);
        else check_expr(c, e, t);
        if (e->mode == MODE_INVALID) {
            o->type = t ? t : t_invalid;
            return;
        }
        if (t) {
            assign_to_spelled(c, e, t, expr_str(sp->u.value.type), "variable declaration");
            o->type = t;
        } else {
            if (e->mode == MODE_NOVALUE) {
                errorf(c, e->pos, "%s (no value) used as value", expr_str(e));
                o->type = t_invalid;
                return;
            }
            if (e->type == t_untyped_nil) {
                errorf(c, e->pos, "use of untyped nil in variable declaration");
                o->type = t_invalid;
                return;
            }
            use_default_type_in(c, e, "variable declaration");
            o->type = e->type;
        }
        return;
    }
    if (nv == 1) {
        /* one multi-valued initializer for all names: check once */
        Expr *e = sp->u.value.values.items[0];
        if (!e->type) check_multi(c, e);
        Type *tt = e->type;
        if (e->mode == MODE_INVALID) {
            o->type = t ? t : t_invalid;
            return;
        }
        Expr *u = e;
        while (u->kind == E_PAREN) u = u->u.unary.x;
        if (nn == 2 && tt && tt->kind != KIND_TUPLE && (u->mode == MODE_MAPINDEX || u->mode == MODE_COMMAOK)) {
            /* var v, ok = m[k] (or x.(T), <-ch) */
            if (t && o->index == 0) assign_to_spelled(c, e, t, expr_str(sp->u.value.type), "variable declaration");
            o->type = t ? t : o->index == 0 ? tt : t_bool;
            return;
        }
        if (!tt || tt->kind != KIND_TUPLE || tt->nresults != nn) {
            if (o->index == 0) assignment_mismatch(c, nn, &sp->u.value.values);
            o->type = t ? t : t_invalid;
            return;
        }
        Type *rt = tt->results[o->index];
        if (t) {
            const char *why = NULL;
            if (!assignable(c, rt, t, &why))
                errorf(c, e->pos, "cannot use %s value as %s value in assignment", type_str(rt), type_str(t));
            o->type = t;
        } else {
            o->type = rt;
        }
        return;
    }
    if (o->index == 0)
        errorf(c, o->pos, "assignment mismatch: %d variable%s but %d value%s", nn, nn == 1 ? "" : "s", nv,
               nv == 1 ? "" : "s");
    o->type = t ? t : t_invalid;
}

static void declare_underlying(Checker *c, Object *o);

/* Give named its underlying type u; then the types waiting for it are
 * declared again. */
static void set_underlying(Checker *c, Type *named, Type *u) {
    type_set_underlying(named, u);
    NamedInfo *ni = named->checker;
    if (!ni || !ni->waiters.len) return;
    NamedInfo waiting = *ni;
    ni->waiters.items = NULL;
    ni->waiters.len = ni->waiters.cap = 0;
    for (int i = 0; i < waiting.waiters.len; i++) {
        Type *w = waiting.waiters.items[i];
        if (w->under) continue;
        Object *wo = ((NamedInfo *)w->checker)->obj;
        Checker sub = {.s = c->s, .pkg = wo->pkg, .scope = wo->pkg->scope, .iota = -1};
        declare_underlying(&sub, wo);
    }
}

/* Can code that is resolving a type use the named type t, which has no
 * underlying type yet? Yes when t's own declaration is done (t waits for
 * another type), or was reached through a pointer, slice, map, chan or func
 * type since it began: type T1 struct{ next *T2 }; type T2 T1 declares T2
 * while T1 is under way, and T2 waits for T1 (declare_underlying). No when
 * t would contain itself: type A B; type B A. */
bool can_wait_for(Checker *c, Type *t) {
    NamedInfo *ni = t->checker;
    return ni && ni->obj && (ni->obj->color == 2 || c->s->type_indirections > ni->indirections);
}

/* Check the type expression of the type declaration o and give its named
 * type that underlying type, unless that needs a named type that has none
 * yet (the underlying type of type T2 T1, an interface embedded in an
 * interface); then o waits for that type and is declared again when it has
 * one. */
static void declare_underlying(Checker *c, Object *o) {
    Type *named = o->type;
    c->waits_for = NULL;
    Type *u = check_type_expr(c, o->spec->u.type.type);
    Type *w = c->waits_for;
    if (!w && u->flags & TF_NAMED && u->under == NULL && u != named && u->checker) {
        if (!can_wait_for(c, u)) {
            /* gc names the cycle's first type: in type A B; type B A that is
             * A, still being resolved while B is */
            Object *first = ((NamedInfo *)u->checker)->obj;
            errorf(c, first->pos, "invalid recursive type %s", first->name);
            set_underlying(c, named, t_invalid);
            return;
        }
        w = u;
    }
    if (w) {
        vec_push(&((NamedInfo *)w->checker)->waiters, named);
        return;
    }
    if (u == named) { /* type T T */
        errorf(c, o->pos, "invalid recursive type %s", o->name);
        set_underlying(c, named, t_invalid);
        return;
    }
    set_underlying(c, named, u->under ? u->under : u);
}

static void resolve_type_decl(Checker *c, Object *o) {
    Spec *sp = o->spec;
    if (o->alias) {
        o->type = t_invalid; /* in case of cycles */
        o->type = check_type_expr(c, sp->u.type.type);
        return;
    }
    if (sp->u.type.tparams.len) { /* reported as unsupported when declared */
        set_underlying(c, o->type, t_invalid);
        return;
    }
    if (o->type->checker) ((NamedInfo *)o->type->checker)->indirections = c->s->type_indirections;
    declare_underlying(c, o);
}

/* Named types whose underlying type never arrived (a safety net: every
 * type waits for one whose resolution is under way). */
static void report_unresolved_types(Checker *c, Package *pkg) {
    for (int i = 0; i < pkg->named.len; i++) {
        Type *t = pkg->named.items[i];
        if (t->under || !t->checker) continue;
        Object *o = ((NamedInfo *)t->checker)->obj;
        errorf(c, o->pos, "invalid recursive type %s", o->name);
        set_underlying(c, t, t_invalid); /* and the others of the cycle */
    }
}

bool nested_too_deeply(Checker *c, Pos pos) {
    if (likely(!stack_exhausted())) return false;
    if (!c->s->reported_too_deep) {
        c->s->reported_too_deep = true;
        errorf(c, pos, "program nested too deeply for goi (declarations depending on each other, or expressions)");
    }
    return true;
}

/* The alias o is needed while it is being resolved. The cycle is fine when
 * it passes through a type definition (type T struct{ next *A }; type A = T);
 * otherwise gc reports it at the cycle's first declaration in the source. */
static void report_alias_cycle(Checker *c, Object *o) {
    Object **path = c->s->resolving.items;
    int len = c->s->resolving.len, start = len - 1;
    while (start >= 0 && path[start] != o) start--;
    if (start < 0) return;
    Object *first = o;
    for (int i = start; i < len; i++) {
        Object *x = path[i];
        if (x->kind == OBJ_TYPE && !x->alias) return;
        if (x->pos.line < first->pos.line || (x->pos.line == first->pos.line && x->pos.col < first->pos.col))
            first = x;
    }
    errorf(c, first->pos, "invalid recursive type %s", first->name);
}

/* A generic function or a method of a generic type: goi reports it once
 * and checks neither its signature nor its body, whose type parameters
 * would only cascade into more errors. */
static bool is_generic_func(Decl *d) {
    Expr *base = d->u.func.recv ? recv_base_expr(d->u.func.recv) : NULL;
    return d->u.func.type->u.functype.tparams.len || (base && base->kind == E_INDEX);
}

void resolve_object(Checker *c, Object *o) {
    if (o->color == 2) return;
    if (unlikely(nested_too_deeply(c, o->pos))) { /* a long chain of declarations, each needing the next */
        if (!o->type) o->type = t_invalid;
        if (o->kind == OBJ_CONST && !o->cv) o->cv = cv_unknown();
        return;
    }
    if (o->color == 1) {
        if (o->kind == OBJ_TYPE && o->alias) report_alias_cycle(c, o);
        if (o->kind == OBJ_TYPE) return; /* the named type exists; its layout comes later */
        if (o->kind == OBJ_FUNC) return; /* recursion through function bodies is fine */
        /* variables: the initialization order reports the cycle (compute_init_order) */
        if (o->kind != OBJ_VAR) errorf(c, o->pos, "initialization cycle or invalid recursive reference to %s", o->name);
        if (!o->type) o->type = t_invalid;
        if (o->kind == OBJ_CONST && !o->cv) o->cv = cv_unknown();
        return;
    }
    o->color = 1;
    vec_push(&c->s->resolving, o);
    /* Resolve in the object's own package, at package level. */
    Checker sub = {.s = c->s, .pkg = o->pkg, .scope = o->pkg->scope, .iota = -1};
    if (o->kind == OBJ_VAR || o->kind == OBJ_FUNC) sub.decl_obj = o;
    switch (o->kind) {
    case OBJ_CONST: resolve_const(&sub, o); break;
    case OBJ_VAR: resolve_global_var(&sub, o); break;
    case OBJ_TYPE: resolve_type_decl(&sub, o); break;
    case OBJ_FUNC: {
        Decl *d = o->decl;
        if (is_generic_func(d)) { /* reported as unsupported when declared */
            o->type = t_invalid;
            break;
        }
        FuncCtx *fc = NEW(FuncCtx);
        fc->obj = o;
        fc->recv = d->u.func.recv;
        fc->ftype = &d->u.func.type->u.functype;
        fc->body = d->u.func.body;
        fc->pkg = o->pkg;
        o->fctx = fc;
        Scope *fs = scope_new(o->pkg->scope);
        fs->is_func = true;
        o->type = check_func_type(&sub, fc->ftype, fc->recv, fc, fs);
        fc->sig = o->type;
        fc->scope = fs;
        break;
    }
    default: break;
    }
    c->s->resolving.len--;
    o->color = 2;
}

/* Attach a method declaration to its receiver base type. */
void declare_method(Checker *c, Object *m) {
    Decl *d = m->decl;
    Field *recv = d->u.func.recv;
    Expr *base = recv_base_expr(recv);
    if (!base || base->kind != E_IDENT) {
        if (base && base->kind == E_INDEX)
            errorf(c, base->pos, "generic receiver types are not supported by goi");
        else if (base && base->kind == E_SELECTOR) { /* pkg.T */
            Type *t = check_type_expr(c, base);
            if (t && t->kind != KIND_INVALID)
                errorf(c, recv->pos, "cannot define new methods on non-local type %s", type_str(t));
        } else
            errorf(c, recv->pos, "invalid receiver type %s", expr_str(recv->type));
        return;
    }
    Object *to = scope_lookup(c->pkg->scope, base->u.ident.name);
    if (!to) {
        errorf(c, base->pos, "undefined: %s", base->u.ident.name);
        return;
    }
    if (to->kind != OBJ_TYPE) {
        errorf(c, base->pos, "%s is not a type", base->u.ident.name);
        return;
    }
    resolve_object(c, to);
    Type *t = to->type;
    if (to->pkg != c->pkg || !(t->flags & TF_NAMED) || !t->name || t->pkg == NULL) {
        errorf(c, recv->pos, "cannot define new methods on non-local type %s", type_str(t));
        return;
    }
    if (t->kind == KIND_POINTER || t->kind == KIND_INTERFACE) {
        errorf(c, recv->pos, "invalid receiver type %s (pointer or interface type)", type_str(t));
        return;
    }
    m->recv_base = t;
    Expr *rt = recv->type;
    while (rt->kind == E_PAREN) rt = rt->u.unary.x;
    m->ptr_recv = rt->kind == E_STAR;
    /* A method named _ cannot be called and is no member of the method set. */
    if (m->name == intern_cstr("_")) return;
    /* duplicate method or field/method clash */
    ObjList *ms = methods_of(t);
    for (int i = 0; i < ms->len; i++) {
        if (ms->items[i]->name == m->name) {
            errorf(c, m->pos, "method %s.%s already declared at %s:%d:%d", t->name, m->name,
                   ms->items[i]->pos.file, ms->items[i]->pos.line, ms->items[i]->pos.col);
            return;
        }
    }
    if (t->under && t->under->kind == KIND_STRUCT) {
        for (int i = 0; i < t->under->nfields; i++)
            if (t->under->fields[i].name == m->name) {
                errorf(c, m->pos, "field and method with the same name %s", m->name);
                return;
            }
    }
    add_method(t, m);
}

void check_package(Session *s, Package *pkg) {
    Checker c = {.s = s, .pkg = pkg, .scope = pkg->scope, .iota = -1};
    collect_objects(&c);
    /* types first, so methods can attach before anything uses method sets */
    for (int i = 0; i < pkg->objs.len; i++)
        if (pkg->objs.items[i]->kind == OBJ_TYPE) resolve_object(&c, pkg->objs.items[i]);
    report_unresolved_types(&c, pkg);
    for (int i = 0; i < pkg->named.len; i++) type_layout_refresh(pkg->named.items[i]);
    for (int i = 0; i < pkg->objs.len; i++) {
        Object *o = pkg->objs.items[i];
        if (o->kind == OBJ_FUNC && o->decl->u.func.recv) declare_method(&c, o);
    }
    for (int i = 0; i < pkg->objs.len; i++) resolve_object(&c, pkg->objs.items[i]);
    for (int i = 0; i < pkg->named.len; i++) {
        Type *t = pkg->named.items[i];
        type_layout_refresh(t);
        if (!(t->flags & TF_COMPLETE)) {
            Object *o = ((NamedInfo *)t->checker)->obj;
            errorf(&c, o->pos, "invalid recursive type %s", t->name);
            type_set_underlying(t, t_invalid);
        }
    }
    /* bodies */
    for (int i = 0; i < pkg->objs.len; i++) {
        Object *o = pkg->objs.items[i];
        if (o->kind != OBJ_FUNC || !o->fctx) continue;
        if (o->decl->u.func.recv && !o->recv_base) continue;
        vec_push(&pkg->funcs, o);
        if (o->decl->u.func.body && pkg->std && !s->opts.eager_std) {
            /* trusted code: checked and compiled on first call (gen.c) */
            o->fctx->lazy_session = s;
        } else if (o->decl->u.func.body) {
            Checker fc = {.s = s, .pkg = pkg, .scope = pkg->scope, .iota = -1, .decl_obj = o};
            check_func_body(&fc, o->fctx);
        } else if (pkg->std) {
            const char *nname = o->recv_base ? gc_sprintf("%s.%s", o->recv_base->name, o->name) : o->name;
            NativeFn fn = stdlib_native(pkg->std, nname);
            if (!fn) errorf(&c, o->pos, "native %s.%s is not implemented", pkg->path, nname);
            NativeDef *nd = NEW(NativeDef);
            nd->name = nname;
            nd->fn = fn;
            o->native = nd;
        }
    }
    /* imports never used */
    for (int i = 0; i < pkg->imports.len; i++) {
        Spec *sp = pkg->imports.items[i];
        if (!sp->u.import.used && !pkg->std) {
            const char *as = sp->u.import.name ? sp->u.import.name->u.ident.name : NULL;
            if (as && as != intern_cstr(".") && as != load_package(s, sp->u.import.path, sp->pos, NULL)->name)
                soft_errorf(&c, sp->pos, "imported and not used: \"%s\" as %s", sp->u.import.path,
                            sp->u.import.name->u.ident.name);
            else
                soft_errorf(&c, sp->pos, "imported and not used: \"%s\"", sp->u.import.path);
        }
    }
    complete_method_tables(s, pkg);
    pkg->checked = true;
    vec_push(&s->init_order, pkg); /* after every package it imports */
}

/* ------------------------------------------------------- initialization order */

/* Go spec §Package initialization: repeatedly initialize the earliest
 * variable in declaration order that has no dependency on an uninitialized
 * variable; dependencies through functions count. */

static uint64_t ptr_hash(const void *p) { return (uint64_t)(uintptr_t)p; }

/* The package's variables that o refers to, directly or through the
 * functions and methods it refers to. (A worklist, not a recursion: call
 * chains may be thousands of functions long.) */
static void collect_var_deps(Object *o, ObjList *vars, Package *pkg) {
    DupSet seen = {0}; /* variables and functions met */
    ObjList work = {0};
    vec_push(&work, o);
    while (work.len) {
        Object *x = work.items[--work.len];
        for (int i = 0; i < x->deps.len; i++) {
            Object *d = x->deps.items[i];
            if (d->kind == OBJ_VAR && d->is_global && d->pkg == pkg) {
                if (!dupset_add(&seen, ptr_hash(d), d, NULL)) vec_push(vars, d);
            } else if (d->kind == OBJ_FUNC) {
                if (!dupset_add(&seen, ptr_hash(d), d, NULL)) vec_push(&work, d);
            }
        }
    }
}

/* A path of references from v back to itself (v's deps first), into path;
 * false if there is none. Depth-first with an explicit stack. */
static bool find_cycle(Object *v, ObjList *path, Package *pkg) {
    DupSet seen = {0};
    Vec(int) next = {0}; /* per object on the path (v first): its next dep to try */
    ObjList on = {0};    /* v, then path */
    vec_push(&on, v);
    vec_push(&next, 0);
    while (on.len) {
        Object *o = vec_last(&on);
        int i = vec_last(&next)++;
        if (i >= o->deps.len) { /* exhausted: back up */
            on.len--;
            next.len--;
            continue;
        }
        Object *d = o->deps.items[i];
        if (d->pkg != pkg || !(d->kind == OBJ_FUNC || (d->kind == OBJ_VAR && d->is_global))) continue;
        if (d == v) {
            for (int k = 1; k < on.len; k++) vec_push(path, on.items[k]);
            vec_push(path, d);
            return true;
        }
        if (dupset_add(&seen, ptr_hash(d), d, NULL)) continue;
        vec_push(&on, d);
        vec_push(&next, 0);
    }
    return false;
}

/* gc: "initialization cycle for x" with the chain of references. */
static void report_init_cycle(Session *s, Object *v, Package *pkg) {
    ObjList path = {0};
    if (!find_cycle(v, &path, pkg)) return;
    if (path.len == 1) {
        session_add_error(s, v->pos, gc_sprintf("initialization cycle: %s refers to itself", v->name), false);
        return;
    }
    StrBuf b;
    sb_init(&b);
    sb_printf(&b, "initialization cycle for %s", v->name);
    Object *from = v;
    for (int i = 0; i < path.len; i++) {
        sb_printf(&b, "\n\t%s refers to %s", from->name, path.items[i]->name);
        from = path.items[i];
    }
    session_add_error(s, v->pos, b.data, false);
}

/* Where a variable stands in compute_init_order. */
typedef struct InitNode {
    Object *var;
    int index;        /* declaration order */
    int waiting;      /* dependencies not initialized yet */
    Vec(int) users;   /* variables depending on this one */
    bool done;
} InitNode;

static bool same_init_var(void *a, void *b) { return ((InitNode *)a)->var == ((InitNode *)b)->var; }

/* Min-heap of variable indices (the ready variables, earliest first). */
typedef Vec(int) IntHeap;

static void heap_push(IntHeap *h, int x) {
    vec_push(h, x);
    for (int i = h->len - 1; i > 0 && h->items[(i - 1) / 2] > h->items[i]; i = (i - 1) / 2) {
        int t = h->items[i];
        h->items[i] = h->items[(i - 1) / 2];
        h->items[(i - 1) / 2] = t;
    }
}

static int heap_pop(IntHeap *h) {
    int top = h->items[0];
    h->items[0] = h->items[--h->len];
    for (int i = 0;;) {
        int l = 2 * i + 1, r = l + 1, m = i;
        if (l < h->len && h->items[l] < h->items[m]) m = l;
        if (r < h->len && h->items[r] < h->items[m]) m = r;
        if (m == i) break;
        int t = h->items[i];
        h->items[i] = h->items[m];
        h->items[m] = t;
        i = m;
    }
    return top;
}

/* Fill pkg->var_order; a cycle among the main program's variables is
 * reported (the standard packages have none). Kahn's algorithm with the
 * ready variables in a heap, so the earliest ready one goes first. */
static void compute_init_order(Session *s, Package *pkg) {
    if (pkg->var_order.len) return;
    Vec(InitNode *) nodes = {0};
    DupSet by_var = {0};
    for (int i = 0; i < pkg->objs.len; i++) {
        if (pkg->objs.items[i]->kind != OBJ_VAR) continue;
        InitNode *n = NEW(InitNode);
        n->var = pkg->objs.items[i];
        n->index = nodes.len;
        vec_push(&nodes, n);
        dupset_add(&by_var, ptr_hash(n->var), n, same_init_var);
    }
    IntHeap ready = {0};
    for (int i = 0; i < nodes.len; i++) {
        ObjList deps = {0};
        collect_var_deps(nodes.items[i]->var, &deps, pkg);
        for (int j = 0; j < deps.len; j++) {
            InitNode probe = {.var = deps.items[j]};
            InitNode *d = dupset_find(&by_var, ptr_hash(probe.var), &probe, same_init_var);
            nodes.items[i]->waiting++; /* on a variable not declared here (d NULL): never ready */
            if (d) vec_push(&d->users, i);
        }
        if (!nodes.items[i]->waiting) heap_push(&ready, i);
    }
    bool reported = false;
    int first = 0; /* no variable before it is left */
    for (int n = 0; n < nodes.len; n++) {
        while (nodes.items[first]->done) first++;
        int pick;
        if (ready.len) {
            pick = heap_pop(&ready);
        } else { /* every variable left waits on another: a cycle */
            if (!reported && !pkg->std) report_init_cycle(s, nodes.items[first]->var, pkg);
            reported = true;
            pick = first;
        }
        InitNode *p = nodes.items[pick];
        p->done = true;
        vec_push(&pkg->var_order, p->var);
        for (int j = 0; j < p->users.len; j++) {
            InitNode *u = nodes.items[p->users.items[j]];
            if (--u->waiting == 0 && !u->done) heap_push(&ready, u->index);
        }
    }
}

/* ------------------------------------------------------------- entry point */

void assign_global_storage(Package *pkg) {
    for (int i = 0; i < pkg->objs.len; i++) {
        Object *o = pkg->objs.items[i];
        if (o->kind != OBJ_VAR || o->storage) continue;
        uint32_t n = o->type->size ? o->type->size : 1;
        o->storage = GC_MALLOC_UNCOLLECTABLE(n * sizeof(Value));
        memset(o->storage, 0, n * sizeof(Value));
    }
}

/* Generate code for every package not generated yet except skip, in load
 * order (dependencies first), and return their initialisation as one
 * function, or NULL. compile_program generates the whole program; the REPL
 * (repl.c) the packages imported since its previous input, skipping its
 * main package, whose declarations it generates itself. */
Func *generate_packages(Session *s, Package *skip) {
    Vec(Func *) inits = {0};
    for (int i = 0; i < s->packages.len; i++) {
        Package *p = s->packages.items[i];
        if (p->generated || p == skip) continue;
        compute_init_order(s, p);
        assign_global_storage(p);
    }
    for (int i = 0; i < s->packages.len; i++) {
        Package *p = s->packages.items[i];
        if (p->generated || p == skip) continue;
        for (int j = 0; j < p->funcs.len; j++) {
            Object *o = p->funcs.items[j];
            if (!o->fctx || o->fctx->fn) continue;
            if (o->fctx->lazy_session) func_of(s, o); /* compiled on first call */
            else gen_function(s, o->fctx);
        }
    }
    for (int i = 0; i < s->packages.len; i++) {
        Package *p = s->packages.items[i];
        if (p->generated || p == skip) continue;
        for (int j = 0; j < p->named.len; j++) gen_method_tables(s, p->named.items[j]);
    }
    /* Initialize packages in the order they finished checking: each after
     * the packages it imports, main last. */
    for (int i = 0; i < s->init_order.len; i++) {
        Package *p = s->init_order.items[i];
        if (p->generated || p == skip) continue;
        Func *init = gen_package_init(s, p);
        if (init) vec_push(&inits, init);
        for (int j = 0; j < p->inits.len; j++) vec_push(&inits, package_init_func(s, p, j));
        p->generated = true;
    }
    if (inits.len == 0) return NULL;
    if (inits.len == 1) return inits.items[0];
    /* one init function that calls each package's init in order */
    extern Func *gen_init_chain(Session * s, Func **inits, int n);
    return gen_init_chain(s, inits.items, inits.len);
}

Program *compile_program(Session *s, const char *src, size_t len) {
    diag_set_source(s->main_file, src, len);
    ParseResult pr = parse_file(s->main_file, src, len);
    if (pr.errors.len) {
        for (int i = 0; i < pr.errors.len; i++)
            session_add_error(s, pr.errors.items[i].pos, pr.errors.items[i].msg, false);
        if (s->opts.print_errors) parse_report_errors(&pr, s->opts.max_errors);
        return NULL;
    }
    File *f = pr.file;
    if (f->package != intern_cstr("main")) {
        session_add_error(s, f->package_pos,
                          gc_sprintf("package %s is not a main package (goi runs package main)", f->package), false);
        session_report_errors(s);
        return NULL;
    }
    Package *pkg = new_package(s, "main", f);
    pkg->is_main = true;
    s->main = pkg;
    check_package(s, pkg);
    Object *mainobj = scope_lookup_local(pkg->scope, intern_cstr("main"));
    if (!mainobj || mainobj->kind != OBJ_FUNC) {
        session_add_error(s, (Pos){s->main_file, 0, 0}, "function main is undeclared in the main package", false);
    }
    compute_init_order(s, pkg); /* reports initialization cycles */
    if (s->errors.len) {
        if (session_report_errors(s)) return NULL;
    }
    Program *prog = NEW(Program);
    prog->filename = s->main_file;
    prog->init = generate_packages(s, NULL);
    if (s->errors.len && session_report_errors(s)) return NULL;
    prog->main = mainobj->fn;
    /* the package variables, for the deadlock report ("is this channel
     * still reachable from a global?"): one slot per variable, pointing at it */
    Vec(Value) globals = {0};
    for (int i = 0; i < s->packages.len; i++) {
        Package *p = s->packages.items[i];
        for (int j = 0; j < p->objs.len; j++)
            if (p->objs.items[j]->kind == OBJ_VAR && p->objs.items[j]->storage)
                vec_push(&globals, ((Value){.p = p->objs.items[j]->storage}));
    }
    prog->globals = globals.items;
    prog->nglobals = (uint32_t)globals.len;
    prog->funcs = s->funcs.items;
    prog->nfuncs = (uint32_t)s->funcs.len;
    return prog;
}

void program_disassemble(const Program *p, FILE *out) {
    for (uint32_t i = 0; i < p->nfuncs; i++) {
        Func *f = p->funcs[i];
        if (strncmp(f->name, "main.", 5) != 0) continue;
        vm_disassemble(f, out);
        fputc('\n', out);
    }
}
