/* types.c - type descriptors: canonical construction, layout, names, method sets.
 *
 * Unnamed composite types are hash-consed: type_slice(t_int) always returns
 * the same Type, so identity is pointer equality everywhere (checker,
 * interface assertions, map keys of interface type). Named types are unique
 * by construction. The canonical table lives in uncollectable memory so the
 * collector sees the types through it.
 */
#include "vm.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

Type *t_bool, *t_int, *t_int8, *t_int16, *t_int32, *t_int64, *t_uint, *t_uint8, *t_uint16,
    *t_uint32, *t_uint64, *t_uintptr, *t_float32, *t_float64, *t_complex64, *t_complex128,
    *t_string, *t_unsafeptr, *t_error, *t_any;
Type *t_untyped_bool, *t_untyped_int, *t_untyped_rune, *t_untyped_float, *t_untyped_complex,
    *t_untyped_string, *t_untyped_nil, *t_invalid;
Type *t_byte_slice, *t_rune_slice, *t_string_slice, *t_any_slice;

static const char *kind_names[] = {
#define GOI_KIND_NAME(k, s) s,
    GOI_KINDS(GOI_KIND_NAME)
#undef GOI_KIND_NAME
};

const char *kind_name(Kind k) { return k < KIND__COUNT ? kind_names[k] : "?"; }

static _Atomic uint32_t next_type_id = 1;

static Type *type_alloc(Kind k) {
    Type *t = NEW(Type);
    t->kind = k;
    t->under = t;
    t->id = next_type_id++;
    return t;
}

int type_int_bits(const Type *t) {
    switch (t->kind) {
    case KIND_INT8: case KIND_UINT8: return 8;
    case KIND_INT16: case KIND_UINT16: return 16;
    case KIND_INT32: case KIND_UINT32: return 32;
    default: return 64;
    }
}

/* ------------------------------------------------------------ layout */

static uint32_t align_up(uint32_t n, uint32_t a) { return a ? (n + a - 1) / a * a : n; }

/* Compute size, gosize, flags of t from its (already complete) components. */
static void layout(Type *t) {
    Type *u = t->under;
    uint32_t size = 1, gosize = 8, goalign = 8, flags = TF_COMPARABLE;
    switch (u->kind) {
    case KIND_BOOL: case KIND_INT8: case KIND_UINT8: gosize = goalign = 1; break;
    case KIND_INT16: case KIND_UINT16: gosize = goalign = 2; break;
    case KIND_INT32: case KIND_UINT32: case KIND_FLOAT32: gosize = goalign = 4; break;
    case KIND_INT: case KIND_INT64: case KIND_UINT: case KIND_UINT64: case KIND_UINTPTR:
    case KIND_FLOAT64: break;
    case KIND_COMPLEX64: size = 2; gosize = 8; goalign = 4; break;
    case KIND_COMPLEX128: size = 2; gosize = 16; break;
    case KIND_STRING: size = 2; gosize = 16; flags |= TF_HASPTR; break;
    case KIND_UNSAFEPTR: case KIND_POINTER: case KIND_CHAN: flags |= TF_HASPTR; break;
    case KIND_MAP: case KIND_FUNC: flags = TF_HASPTR; break;
    case KIND_SLICE: size = 3; gosize = 24; flags = TF_HASPTR; break;
    case KIND_INTERFACE: size = 2; gosize = 16; flags |= TF_HASPTR; break;
    case KIND_ARRAY: {
        Type *e = u->elem;
        size = (uint32_t)(e->size * u->len);
        gosize = (uint32_t)(e->gosize * u->len);
        goalign = e->goalign;
        flags = (e->flags & (TF_COMPARABLE | TF_HASPTR));
        if (u->len == 0) flags &= ~TF_HASPTR;
        break;
    }
    case KIND_STRUCT: {
        size = 0, gosize = 0, goalign = 1;
        for (int i = 0; i < u->nfields; i++) {
            Type *f = u->fields[i].type;
            u->fields[i].offset = size;
            size += f->size;
            gosize = align_up(gosize, f->goalign) + f->gosize;
            if (f->goalign > goalign) goalign = f->goalign;
            if (!(f->flags & TF_COMPARABLE)) flags &= ~TF_COMPARABLE;
            flags |= f->flags & TF_HASPTR;
        }
        gosize = align_up(gosize, goalign);
        break;
    }
    case KIND_TUPLE:
        size = 0;
        for (int i = 0; i < u->nresults; i++) size += u->results[i]->size;
        flags = TF_HASPTR;
        break;
    default: /* untyped kinds, invalid */
        break;
    }
    t->size = size;
    t->gosize = gosize;
    t->goalign = goalign;
    t->flags = (t->flags & (TF_NAMED | TF_VARIADIC | TF_ERROR_IFACE)) | flags | TF_COMPLETE;
}

/* ------------------------------------------------------- canonical table */

static pthread_mutex_t canon_lock = PTHREAD_MUTEX_INITIALIZER;
static Type **canon_tab;
static size_t canon_cap, canon_count;

static uint64_t mix(uint64_t h, uint64_t v) { return (h ^ v) * 1099511628211ULL; }

static uint64_t shape_hash(const Type *t) {
    uint64_t h = mix(1469598103934665603ULL, (uint64_t)t->kind);
    h = mix(h, (uintptr_t)t->elem);
    h = mix(h, (uintptr_t)t->key);
    h = mix(h, (uint64_t)t->len);
    h = mix(h, (uint64_t)t->chan_dir);
    h = mix(h, t->flags & TF_VARIADIC);
    for (int i = 0; i < t->nfields; i++) {
        h = mix(h, (uintptr_t)t->fields[i].name);
        h = mix(h, (uintptr_t)t->fields[i].type);
        h = mix(h, t->fields[i].embedded);
        h = mix(h, t->fields[i].tag ? hash_bytes(t->fields[i].tag, strlen(t->fields[i].tag)) : 0);
    }
    for (int i = 0; i < t->nparams; i++) h = mix(h, (uintptr_t)t->params[i]);
    h = mix(h, 0x55);
    for (int i = 0; i < t->nresults; i++) h = mix(h, (uintptr_t)t->results[i]);
    for (int i = 0; i < t->nimethods; i++) {
        h = mix(h, (uintptr_t)t->imethods[i].name);
        h = mix(h, (uintptr_t)t->imethods[i].sig);
    }
    return h;
}

static bool same_tag(const char *a, const char *b) {
    if (!a || !b) return a == b;
    return strcmp(a, b) == 0;
}

static bool shape_equal(const Type *a, const Type *b) {
    if (a->kind != b->kind || a->elem != b->elem || a->key != b->key || a->len != b->len ||
        a->chan_dir != b->chan_dir || (a->flags & TF_VARIADIC) != (b->flags & TF_VARIADIC) ||
        a->nfields != b->nfields || a->nparams != b->nparams || a->nresults != b->nresults ||
        a->nimethods != b->nimethods)
        return false;
    for (int i = 0; i < a->nfields; i++) {
        const StructField *x = &a->fields[i], *y = &b->fields[i];
        if (x->name != y->name || x->type != y->type || x->embedded != y->embedded ||
            !same_tag(x->tag, y->tag))
            return false;
    }
    for (int i = 0; i < a->nparams; i++)
        if (a->params[i] != b->params[i]) return false;
    for (int i = 0; i < a->nresults; i++)
        if (a->results[i] != b->results[i]) return false;
    for (int i = 0; i < a->nimethods; i++)
        if (a->imethods[i].name != b->imethods[i].name || a->imethods[i].sig != b->imethods[i].sig)
            return false;
    return true;
}

static void canon_insert_locked(Type *t, uint64_t h) {
    size_t j = h & (canon_cap - 1);
    while (canon_tab[j]) j = (j + 1) & (canon_cap - 1);
    canon_tab[j] = t;
    canon_count++;
}

static void canon_grow_locked(void) {
    size_t ocap = canon_cap;
    Type **old = canon_tab;
    canon_cap = ocap ? ocap * 2 : 512;
    canon_tab = GC_MALLOC_UNCOLLECTABLE(canon_cap * sizeof(Type *));
    memset(canon_tab, 0, canon_cap * sizeof(Type *));
    canon_count = 0;
    for (size_t i = 0; i < ocap; i++)
        if (old[i]) canon_insert_locked(old[i], shape_hash(old[i]));
    if (old) GC_FREE(old);
}

/* Return the canonical type with proto's shape, adopting proto if new.
 * Components must be canonical already. */
static Type *canonical(Type *proto) {
    uint64_t h = shape_hash(proto);
    pthread_mutex_lock(&canon_lock);
    if ((canon_count + 1) * 2 > canon_cap) canon_grow_locked();
    for (size_t j = h & (canon_cap - 1); canon_tab[j]; j = (j + 1) & (canon_cap - 1)) {
        if (shape_equal(canon_tab[j], proto)) {
            Type *t = canon_tab[j];
            pthread_mutex_unlock(&canon_lock);
            return t;
        }
    }
    Type *t = type_alloc(proto->kind);
    uint32_t id = t->id;
    *t = *proto;
    t->id = id;
    t->under = t;
    canon_insert_locked(t, h);
    pthread_mutex_unlock(&canon_lock);
    return t;
}

/* Layout of composites may depend on named types that are not complete yet
 * (type List struct { next *List } is fine; type A [2]B with B declared
 * later is laid out when B completes). type_layout_refresh redoes it. */
static bool components_complete(const Type *t) {
    switch (t->kind) {
    case KIND_ARRAY: return (t->elem->flags & TF_COMPLETE) != 0;
    case KIND_STRUCT:
        for (int i = 0; i < t->nfields; i++)
            if (!(t->fields[i].type->flags & TF_COMPLETE)) return false;
        return true;
    default: return true;
    }
}

static Type *finish(Type *proto) {
    Type *t = canonical(proto);
    if (!(t->flags & TF_COMPLETE) && components_complete(t)) layout(t);
    return t;
}

Type *type_pointer(Type *elem) {
    if (elem->ptr_to) return elem->ptr_to;
    Type p = {.kind = KIND_POINTER, .elem = elem};
    Type *t = finish(&p);
    elem->ptr_to = t;
    return t;
}

Type *type_slice(Type *elem) {
    Type p = {.kind = KIND_SLICE, .elem = elem};
    return finish(&p);
}

Type *type_array(Type *elem, int64_t len) {
    Type p = {.kind = KIND_ARRAY, .elem = elem, .len = len};
    return finish(&p);
}

Type *type_map(Type *key, Type *value) {
    Type p = {.kind = KIND_MAP, .key = key, .elem = value};
    return finish(&p);
}

Type *type_chan(Type *elem, int dir) {
    Type p = {.kind = KIND_CHAN, .elem = elem, .chan_dir = dir};
    return finish(&p);
}

static Type **copy_types(Type **ts, int n) {
    if (n == 0) return NULL;
    Type **c = gc_alloc(sizeof(Type *) * (size_t)n);
    memcpy(c, ts, sizeof(Type *) * (size_t)n);
    return c;
}

Type *type_func(Type **params, int nparams, Type **results, int nresults, bool variadic) {
    Type p = {.kind = KIND_FUNC, .params = params, .nparams = nparams, .results = results,
              .nresults = nresults, .flags = variadic ? TF_VARIADIC : 0};
    Type *t = finish(&p);
    if (t->params == params && nparams) t->params = copy_types(params, nparams);
    if (t->results == results && nresults) t->results = copy_types(results, nresults);
    return t;
}

Type *type_tuple(Type **elems, int n) {
    Type p = {.kind = KIND_TUPLE, .results = elems, .nresults = n};
    Type *t = finish(&p);
    if (t->results == elems && n) t->results = copy_types(elems, n);
    return t;
}

Type *type_struct(StructField *fields, int nfields) {
    Type p = {.kind = KIND_STRUCT, .fields = fields, .nfields = nfields};
    Type *t = canonical(&p);
    if (t->fields == fields && nfields) {
        t->fields = gc_alloc(sizeof(StructField) * (size_t)nfields);
        memcpy(t->fields, fields, sizeof(StructField) * (size_t)nfields);
    }
    if (!(t->flags & TF_COMPLETE) && components_complete(t)) layout(t);
    return t;
}

static int imethod_cmp(const void *a, const void *b) {
    return strcmp(((const IMethod *)a)->name, ((const IMethod *)b)->name);
}

Type *type_interface(IMethod *methods, int nmethods) {
    IMethod *sorted = NULL;
    if (nmethods) {
        sorted = gc_alloc(sizeof(IMethod) * (size_t)nmethods);
        memcpy(sorted, methods, sizeof(IMethod) * (size_t)nmethods);
        qsort(sorted, (size_t)nmethods, sizeof(IMethod), imethod_cmp);
    }
    Type p = {.kind = KIND_INTERFACE, .imethods = sorted, .nimethods = nmethods};
    return finish(&p);
}

Type *type_named(const char *pkg, const char *name) {
    Type *t = type_alloc(KIND_INVALID);
    t->name = name;
    t->pkg = pkg;
    t->flags = TF_NAMED;
    t->under = NULL;
    return t;
}

void type_set_underlying(Type *named, Type *under) {
    named->under = under->under ? under->under : under;
    named->kind = named->under->kind;
    if (named->under->flags & TF_COMPLETE) layout(named);
}

/* Re-run layout for types whose components completed later (the checker
 * calls this after resolving a group of mutually recursive declarations). */
/* Re-run layout for types whose components completed later (the checker
 * calls this after resolving a group of mutually recursive declarations).
 * A type that contains itself by value (type T struct{ t T }) never
 * completes; the checker reports it. */
static void refresh(Type *t, Type **stack, int depth) {
    if (!t->under || (t->flags & TF_COMPLETE) || depth >= 64) return;
    for (int i = 0; i < depth; i++)
        if (stack[i] == t) return; /* a cycle by value */
    stack[depth] = t;
    Type *u = t->under;
    if (u != t) {
        refresh(u, stack, depth + 1);
        if (u->flags & TF_COMPLETE) layout(t);
        return;
    }
    if (u->kind == KIND_ARRAY) refresh(u->elem, stack, depth + 1);
    if (u->kind == KIND_STRUCT)
        for (int i = 0; i < u->nfields; i++) refresh(u->fields[i].type, stack, depth + 1);
    if (components_complete(u)) layout(u);
}

void type_layout_refresh(Type *t) {
    Type *stack[64];
    refresh(t, stack, 0);
}

static int method_cmp(const void *a, const void *b) {
    return strcmp(((const Method *)a)->name, ((const Method *)b)->name);
}

void type_set_methods(Type *t, Method *methods, int n) {
    Method *m = gc_alloc(sizeof(Method) * (size_t)(n ? n : 1));
    if (n) memcpy(m, methods, sizeof(Method) * (size_t)n);
    qsort(m, (size_t)n, sizeof(Method), method_cmp);
    t->methods = m;
    t->nmethods = n;
}

const Method *type_find_method(const Type *t, const char *name) {
    int lo = 0, hi = t->nmethods - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        int c = strcmp(t->methods[mid].name, name);
        if (c == 0) return &t->methods[mid];
        if (c < 0) lo = mid + 1;
        else hi = mid - 1;
    }
    return NULL;
}

static const IMethod *find_imethod(const Type *it, const char *name) {
    for (int i = 0; i < it->nimethods; i++)
        if (it->imethods[i].name == name) return &it->imethods[i];
    return NULL;
}

bool type_implements(Type *t, Type *it, const char **missing, bool *ptr_recv_only) {
    Type *iu = it->under;
    if (ptr_recv_only) *ptr_recv_only = false;
    for (int i = 0; i < iu->nimethods; i++) {
        const IMethod *want = &iu->imethods[i];
        if (t->kind == KIND_INTERFACE) {
            const IMethod *have = find_imethod(t->under, want->name);
            if (have && have->sig == want->sig) continue;
        } else {
            const Method *have = type_find_method(t, want->name);
            if (have && have->sig == want->sig) continue;
            if (!have && t->kind != KIND_POINTER && t->ptr_to) {
                const Method *pm = type_find_method(t->ptr_to, want->name);
                if (pm && pm->sig == want->sig && ptr_recv_only) *ptr_recv_only = true;
            }
        }
        if (missing) *missing = want->name;
        return false;
    }
    return true;
}

/* ------------------------------------------------------------ names */

static void write_type(StrBuf *b, Type *t);

static void write_params(StrBuf *b, Type *f) {
    sb_putc(b, '(');
    for (int i = 0; i < f->nparams; i++) {
        if (i) sb_puts(b, ", ");
        if (i == f->nparams - 1 && (f->flags & TF_VARIADIC)) {
            sb_puts(b, "...");
            write_type(b, f->params[i]->elem);
        } else {
            write_type(b, f->params[i]);
        }
    }
    sb_putc(b, ')');
    if (f->nresults == 1) {
        sb_putc(b, ' ');
        write_type(b, f->results[0]);
    } else if (f->nresults > 1) {
        sb_puts(b, " (");
        for (int i = 0; i < f->nresults; i++) {
            if (i) sb_puts(b, ", ");
            write_type(b, f->results[i]);
        }
        sb_putc(b, ')');
    }
}

static void write_type(StrBuf *b, Type *t) {
    if (t->name) {
        if (t->pkg) {
            /* the package's name: the last element of its import path */
            const char *slash = strrchr(t->pkg, '/');
            sb_puts(b, slash ? slash + 1 : t->pkg);
            sb_putc(b, '.');
        }
        sb_puts(b, t->name);
        return;
    }
    switch (t->kind) {
    case KIND_POINTER: sb_putc(b, '*'); write_type(b, t->elem); break;
    case KIND_SLICE: sb_puts(b, "[]"); write_type(b, t->elem); break;
    case KIND_ARRAY: sb_printf(b, "[%lld]", (long long)t->len); write_type(b, t->elem); break;
    case KIND_MAP:
        sb_puts(b, "map[");
        write_type(b, t->key);
        sb_putc(b, ']');
        write_type(b, t->elem);
        break;
    case KIND_CHAN:
        if (t->chan_dir == 2) sb_puts(b, "<-chan ");
        else if (t->chan_dir == 1) sb_puts(b, "chan<- ");
        else {
            sb_puts(b, "chan ");
            /* chan (<-chan int) needs parentheses to mean what it says */
            if (t->elem->kind == KIND_CHAN && !t->elem->name && t->elem->chan_dir == 2) {
                sb_putc(b, '(');
                write_type(b, t->elem);
                sb_putc(b, ')');
                break;
            }
        }
        write_type(b, t->elem);
        break;
    case KIND_FUNC: sb_puts(b, "func"); write_params(b, t); break;
    case KIND_STRUCT:
        sb_puts(b, "struct {");
        for (int i = 0; i < t->nfields; i++) {
            sb_puts(b, i ? "; " : " ");
            if (!t->fields[i].embedded) {
                sb_puts(b, t->fields[i].name);
                sb_putc(b, ' ');
            }
            write_type(b, t->fields[i].type);
            if (t->fields[i].tag) sb_printf(b, " %s", t->fields[i].tag);
        }
        sb_puts(b, t->nfields ? " }" : "}");
        break;
    case KIND_INTERFACE:
        if (t->nimethods == 0) {
            sb_puts(b, "interface {}");
            break;
        }
        sb_puts(b, "interface {");
        for (int i = 0; i < t->nimethods; i++) {
            sb_puts(b, i ? "; " : " ");
            sb_puts(b, t->imethods[i].name);
            write_params(b, t->imethods[i].sig);
        }
        sb_puts(b, " }");
        break;
    case KIND_TUPLE:
        sb_putc(b, '(');
        for (int i = 0; i < t->nresults; i++) {
            if (i) sb_puts(b, ", ");
            write_type(b, t->results[i]);
        }
        sb_putc(b, ')');
        break;
    default: sb_puts(b, kind_name(t->kind)); break;
    }
}

const char *type_string(Type *t) {
    if (!t) return "<nil>";
    if (t->str) return t->str;
    StrBuf b;
    sb_init(&b);
    write_type(&b, t);
    t->str = b.data;
    return t->str;
}

/* --------------------------------------------------------- predeclared */

static Type *basic(Kind k, const char *name) {
    Type *t = type_alloc(k);
    t->name = name ? intern_cstr(name) : NULL;
    t->flags = name ? TF_NAMED : 0;
    layout(t);
    return t;
}

void types_init(void) {
    static bool done;
    if (done) return;
    done = true;
    t_invalid = basic(KIND_INVALID, NULL);
    t_invalid->str = "invalid type";
    t_bool = basic(KIND_BOOL, "bool");
    t_int = basic(KIND_INT, "int");
    t_int8 = basic(KIND_INT8, "int8");
    t_int16 = basic(KIND_INT16, "int16");
    t_int32 = basic(KIND_INT32, "int32");
    t_int64 = basic(KIND_INT64, "int64");
    t_uint = basic(KIND_UINT, "uint");
    t_uint8 = basic(KIND_UINT8, "uint8");
    t_uint16 = basic(KIND_UINT16, "uint16");
    t_uint32 = basic(KIND_UINT32, "uint32");
    t_uint64 = basic(KIND_UINT64, "uint64");
    t_uintptr = basic(KIND_UINTPTR, "uintptr");
    t_float32 = basic(KIND_FLOAT32, "float32");
    t_float64 = basic(KIND_FLOAT64, "float64");
    t_complex64 = basic(KIND_COMPLEX64, "complex64");
    t_complex128 = basic(KIND_COMPLEX128, "complex128");
    t_string = basic(KIND_STRING, "string");
    t_unsafeptr = basic(KIND_UNSAFEPTR, "Pointer");
    t_unsafeptr->pkg = "unsafe";
    t_untyped_bool = basic(KIND_UNTYPED_BOOL, NULL);
    t_untyped_int = basic(KIND_UNTYPED_INT, NULL);
    t_untyped_rune = basic(KIND_UNTYPED_RUNE, NULL);
    t_untyped_float = basic(KIND_UNTYPED_FLOAT, NULL);
    t_untyped_complex = basic(KIND_UNTYPED_COMPLEX, NULL);
    t_untyped_string = basic(KIND_UNTYPED_STRING, NULL);
    t_untyped_nil = basic(KIND_UNTYPED_NIL, NULL);
    t_untyped_bool->str = "untyped bool";
    t_untyped_int->str = "untyped int";
    t_untyped_rune->str = "untyped rune";
    t_untyped_float->str = "untyped float";
    t_untyped_complex->str = "untyped complex";
    t_untyped_string->str = "untyped string";
    t_untyped_nil->str = "untyped nil";
    /* The untyped kinds need a layout when constants are materialised. */
    t_untyped_string->size = 2;

    t_any = type_interface(NULL, 0);
    Type *err_sig = type_func(NULL, 0, &t_string, 1, false);
    IMethod em = {intern_cstr("Error"), err_sig};
    t_error = type_named(NULL, intern_cstr("error"));
    type_set_underlying(t_error, type_interface(&em, 1));
    t_error->flags |= TF_ERROR_IFACE;

    t_byte_slice = type_slice(t_uint8);
    t_rune_slice = type_slice(t_int32);
    t_string_slice = type_slice(t_string);
    t_any_slice = type_slice(t_any);
}
