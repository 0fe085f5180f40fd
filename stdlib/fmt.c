/* fmt.c - the printer of goi's fmt: Print, Println, Printf and friends,
 * following Go's fmt/print.go verb by verb.
 *
 * Operands are interface values (2 slots: dynamic type, data word); a value
 * inside them is handled as (Type *, pointer to its slots), which plays the
 * part of Go's reflect.Value. Methods (Error, String, GoString) are called
 * through the VM with vm_call_method, on operands at the top level and, like
 * Go, on nested values unless they were reached through an unexported
 * struct field (reflect's CanInterface). A method that panics prints
 * %!v(PANIC=String method: ...) when the VM lets us recover the panic
 * (vm_take_panic), and "<nil>" when the receiver is a nil pointer.
 *
 * Formatter: a value whose type has Format(State, rune) formats itself; the
 * State is a *fmtState (fmt.go) the engine fills with the verb's flags and
 * whose buffer it copies into the output afterwards.
 */
#include "fmt_internal.h"
#include "strconv_core.h"
#include "../lexer/lexer.h"
#include "../runtime/runtime.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Values that contain themselves (a map holding itself in an interface)
 * recurse forever in Go too, until the goroutine's stack overflows; stop at
 * this depth with Go's report instead of overflowing the C stack. */
#define MAX_PRINT_DEPTH 10000

typedef struct Printer {
    G *g;
    StrBuf *buf;
    Fmt fmt;
    /* The operand for %!verb(type=value) reports: the argument being
     * printed, or inside print_value the value itself. */
    Type *arg_type;
    const Value *arg_val;
    bool reordered, good_arg_num, panicking, erroring, wrap_errs;
    int cur_arg;     /* index of the argument printArg is printing, -1 outside doPrintf */
    int wrapped_arg; /* Errorf: index of the %w operand, -1 if none */
    int status;      /* NATIVE_OK, or NATIVE_PANIC once a panic must propagate */
} Printer;

static void print_arg(Printer *p, Type *t, const Value *v, int verb);
static void print_value(Printer *p, Type *t, const Value *v, int verb, int depth, bool ro);

static void printer_init(Printer *p, G *g, StrBuf *b) {
    memset(p, 0, sizeof *p);
    p->g = g;
    p->buf = b;
    p->fmt.buf = b;
    p->cur_arg = -1;
    p->wrapped_arg = -1;
    if (!b->data) sb_init(b);
}

static inline void put_rune(StrBuf *b, int32_t r) {
    if (r < 0x80 && r >= 0) {
        sb_putc(b, (char)r);
        return;
    }
    uint8_t tmp[4];
    sb_putn_safe(b, (const char *)tmp, (size_t)utf8_encode(tmp, r));
}

/* The operand an interface value holds: its dynamic type (NULL for nil) and slots. */
static inline Type *iface_unpack(const Value *iface, const Value **data) {
    Type *t = iface[0].p;
    *data = t ? iface_data((Value *)iface) : NULL;
    return t;
}

/* ------------------------------------------------------------ methods */

static const char *name_error, *name_string, *name_gostring, *name_format;
static Type *sig_string; /* func() string */

static void init_names(void) {
    if (__atomic_load_n(&sig_string, __ATOMIC_ACQUIRE)) return;
    name_error = intern_cstr("Error");
    name_string = intern_cstr("String");
    name_gostring = intern_cstr("GoString");
    name_format = intern_cstr("Format");
    Type *res = t_string;
    __atomic_store_n(&sig_string, type_func(NULL, 0, &res, 1, false), __ATOMIC_RELEASE);
}

/* Does t's method set have name() string? */
static bool has_string_method(Type *t, const char *name) {
    if (t->nmethods == 0) return false;
    const Method *m = type_find_method(t, name);
    return m && m->sig == sig_string;
}

/* Go's catchPanic, run when a method called on (t, v) panicked. */
static void catch_panic(Printer *p, Type *t, const Value *v, int verb, const char *method) {
    Value pv[2];
    if (!vm_take_panic || !vm_take_panic(p->g, pv)) {
        p->status = NATIVE_PANIC;
        return;
    }
    if (t->under->kind == KIND_POINTER && v[0].p == NULL) {
        sb_puts(p->buf, "<nil>");
        return;
    }
    if (p->panicking) {
        /* A String method of the panic value panicked too: give up, as Go does. */
        vm_panic_value(p->g, pv);
        p->status = NATIVE_PANIC;
        return;
    }
    FmtFlags old = p->fmt.f;
    fmt_clear_flags(&p->fmt);
    sb_puts(p->buf, "%!");
    put_rune(p->buf, verb);
    sb_puts(p->buf, "(PANIC=");
    sb_puts(p->buf, method);
    sb_puts(p->buf, " method: ");
    p->panicking = true;
    const Value *pd;
    Type *pt = iface_unpack(pv, &pd);
    print_arg(p, pt, pd, 'v');
    p->panicking = false;
    sb_putc(p->buf, ')');
    p->fmt.f = old;
}

/* Call the string method name on (t, v): true with the result in *out, or
 * false after the panic was handled (or must propagate: p->status). */
static bool call_string_method(Printer *p, Type *t, const Value *v, const char *name, int verb,
                               GoString *out) {
    Value iface[2], res[2] = {{0}};
    iface_make(iface, t, v);
    int rc = vm_call_method(p->g, iface, name, NULL, 0, res, 2);
    if (rc == NATIVE_OK) {
        *out = str_get(res);
        return true;
    }
    catch_panic(p, t, v, verb, name);
    return false;
}

static Type *state_type; /* *fmtState */

void fmt_set_state_type(Type *ptr_type) { __atomic_store_n(&state_type, ptr_type, __ATOMIC_RELEASE); }

/* Does t's method set have Format(State, rune)? */
static bool has_format_method(Type *t) {
    const Method *m = type_find_method(t, name_format);
    if (!m) return false;
    Type *sig = m->sig;
    return sig->nparams == 2 && sig->nresults == 0 && sig->params[0]->under->kind == KIND_INTERFACE &&
           sig->params[1]->under->kind == KIND_INT32;
}

/* Field i of the fmtState struct at s. */
static inline Value *state_field(Type *st, Value *s, int i) { return s + st->under->fields[i].offset; }

/* Call (t, v).Format(state, verb) and copy what it wrote into the output. */
static void call_format(Printer *p, Type *t, const Value *v, int verb, Type *sptr) {
    Type *st = sptr->under->elem;
    Value *s = alloc_elems(st, 1);
    state_field(st, s, 1)->i = p->fmt.wid;
    state_field(st, s, 2)->i = p->fmt.prec;
    state_field(st, s, 3)->u = p->fmt.f.wid_present;
    state_field(st, s, 4)->u = p->fmt.f.prec_present;
    char flags[6];
    int n = 0;
    if (p->fmt.f.minus) flags[n++] = '-';
    if (p->fmt.f.plus || p->fmt.f.plus_v) flags[n++] = '+';
    if (p->fmt.f.sharp || p->fmt.f.sharp_v) flags[n++] = '#';
    if (p->fmt.f.space) flags[n++] = ' ';
    if (p->fmt.f.zero) flags[n++] = '0';
    str_set(state_field(st, s, 5), str_from(flags, (size_t)n));
    Value recv[2], args[3];
    iface_make(recv, t, v);
    args[0].p = sptr; /* the State interface: dynamic type *fmtState, data the pointer */
    args[1].p = s;
    args[2].i = verb;
    if (vm_call_method(p->g, recv, name_format, args, 3, NULL, 0) != NATIVE_OK) {
        catch_panic(p, t, v, verb, "Format");
        return;
    }
    GoSlice out = slice_get(state_field(st, s, 0));
    sb_reserve(p->buf, (size_t)out.len);
    for (int64_t i = 0; i < out.len; i++) p->buf->data[p->buf->len++] = (char)out.ptr[i].u;
    p->buf->data[p->buf->len] = 0;
}

static void fmt_string(Printer *p, GoString s, int verb);
static void bad_verb(Printer *p, int verb);

/* Go's handleMethods: Error/String for %v %s %x %X %q, GoString for %#v. */
static bool handle_methods(Printer *p, Type *t, const Value *v, int verb) {
    if (p->erroring) return false;
    init_names();
    if (verb == 'w') {
        if (!has_string_method(t, name_error) || !p->wrap_errs || p->wrapped_arg >= 0) {
            p->wrapped_arg = -1;
            p->wrap_errs = false;
            bad_verb(p, verb);
            return true;
        }
        p->wrapped_arg = p->cur_arg;
        verb = 'v';
    }
    if (!p->g || t->nmethods == 0) return false;
    Type *sptr = __atomic_load_n(&state_type, __ATOMIC_ACQUIRE);
    if (sptr && has_format_method(t)) {
        call_format(p, t, v, verb, sptr);
        return true;
    }
    GoString s;
    if (p->fmt.f.sharp_v) {
        if (has_string_method(t, name_gostring)) {
            if (call_string_method(p, t, v, name_gostring, verb, &s)) fmt_s(&p->fmt, (const char *)s.ptr, (size_t)s.len);
            return true;
        }
        return false;
    }
    switch (verb) {
    case 'v': case 's': case 'x': case 'X': case 'q': {
        const char *name = has_string_method(t, name_error)    ? name_error
                           : has_string_method(t, name_string) ? name_string
                                                               : NULL;
        if (!name) return false;
        if (call_string_method(p, t, v, name, verb, &s)) fmt_string(p, s, verb);
        return true;
    }
    }
    return false;
}

/* ------------------------------------------------------------ verbs */

static void bad_verb(Printer *p, int verb) {
    p->erroring = true;
    sb_puts(p->buf, "%!");
    put_rune(p->buf, verb);
    sb_putc(p->buf, '(');
    if (p->arg_type) {
        Type *t = p->arg_type;
        const Value *v = p->arg_val;
        sb_puts(p->buf, type_string(t));
        sb_putc(p->buf, '=');
        print_value(p, t, v, 'v', 0, false);
    } else {
        sb_puts(p->buf, "<nil>");
    }
    sb_putc(p->buf, ')');
    p->erroring = false;
}

static void fmt_bool(Printer *p, bool v, int verb) {
    if (verb == 't' || verb == 'v') fmt_boolean(&p->fmt, v);
    else bad_verb(p, verb);
}

static void fmt_0x64(Printer *p, uint64_t v, bool leading0x) {
    bool sharp = p->fmt.f.sharp;
    p->fmt.f.sharp = leading0x;
    fmt_integer(&p->fmt, v, 16, false, 'v', fmt_ldigits);
    p->fmt.f.sharp = sharp;
}

static void fmt_int(Printer *p, uint64_t v, bool is_signed, int verb) {
    switch (verb) {
    case 'v':
        if (p->fmt.f.sharp_v && !is_signed) fmt_0x64(p, v, true);
        else fmt_integer(&p->fmt, v, 10, is_signed, verb, fmt_ldigits);
        break;
    case 'd': fmt_integer(&p->fmt, v, 10, is_signed, verb, fmt_ldigits); break;
    case 'b': fmt_integer(&p->fmt, v, 2, is_signed, verb, fmt_ldigits); break;
    case 'o':
    case 'O': fmt_integer(&p->fmt, v, 8, is_signed, verb, fmt_ldigits); break;
    case 'x': fmt_integer(&p->fmt, v, 16, is_signed, verb, fmt_ldigits); break;
    case 'X': fmt_integer(&p->fmt, v, 16, is_signed, verb, fmt_udigits); break;
    case 'c': fmt_c(&p->fmt, v); break;
    case 'q': fmt_qc(&p->fmt, v); break;
    case 'U': fmt_unicode(&p->fmt, v); break;
    default: bad_verb(p, verb);
    }
}

static void fmt_float_verb(Printer *p, double v, int size, int verb) {
    switch (verb) {
    case 'v': fmt_float(&p->fmt, v, size, 'g', -1); break;
    case 'b': case 'g': case 'G': case 'x': case 'X': fmt_float(&p->fmt, v, size, verb, -1); break;
    case 'f': case 'e': case 'E': fmt_float(&p->fmt, v, size, verb, 6); break;
    case 'F': fmt_float(&p->fmt, v, size, 'f', 6); break;
    default: bad_verb(p, verb);
    }
}

static void fmt_complex(Printer *p, double re, double im, int size, int verb) {
    switch (verb) {
    case 'v': case 'b': case 'g': case 'G': case 'x': case 'X': case 'f': case 'F': case 'e': case 'E': {
        bool plus = p->fmt.f.plus;
        sb_putc(p->buf, '(');
        fmt_float_verb(p, re, size / 2, verb);
        p->fmt.f.plus = true; /* the imaginary part always has a sign */
        fmt_float_verb(p, im, size / 2, verb);
        sb_puts(p->buf, "i)");
        p->fmt.f.plus = plus;
        break;
    }
    default: bad_verb(p, verb);
    }
}

static void fmt_string(Printer *p, GoString s, int verb) {
    const char *c = (const char *)s.ptr;
    size_t n = (size_t)s.len;
    switch (verb) {
    case 'v':
        if (p->fmt.f.sharp_v) fmt_q(&p->fmt, c, n);
        else fmt_s(&p->fmt, c, n);
        break;
    case 's': fmt_s(&p->fmt, c, n); break;
    case 'x': fmt_sbx(&p->fmt, c, n, fmt_ldigits); break;
    case 'X': fmt_sbx(&p->fmt, c, n, fmt_udigits); break;
    case 'q': fmt_q(&p->fmt, c, n); break;
    default: bad_verb(p, verb);
    }
}

/* Byte slices and arrays under %s %q %x %X, and []byte at the top level.
 * bytes is NULL for a nil slice. */
static void fmt_bytes(Printer *p, const uint8_t *bytes, size_t n, int verb, const char *type_str,
                      Type *t, const Value *v) {
    switch (verb) {
    case 'v':
    case 'd':
        if (p->fmt.f.sharp_v) {
            sb_puts(p->buf, type_str);
            if (!bytes) {
                sb_puts(p->buf, "(nil)");
                return;
            }
            sb_putc(p->buf, '{');
            for (size_t i = 0; i < n; i++) {
                if (i) sb_puts(p->buf, ", ");
                fmt_0x64(p, bytes[i], true);
            }
            sb_putc(p->buf, '}');
        } else {
            sb_putc(p->buf, '[');
            for (size_t i = 0; i < n; i++) {
                if (i) sb_putc(p->buf, ' ');
                fmt_integer(&p->fmt, bytes[i], 10, false, verb, fmt_ldigits);
            }
            sb_putc(p->buf, ']');
        }
        break;
    case 's': fmt_s(&p->fmt, (const char *)bytes, n); break;
    case 'x': fmt_sbx(&p->fmt, (const char *)bytes, n, fmt_ldigits); break;
    case 'X': fmt_sbx(&p->fmt, (const char *)bytes, n, fmt_udigits); break;
    case 'q': fmt_q(&p->fmt, (const char *)bytes, n); break;
    default: print_value(p, t, v, verb, 0, false); break;
    }
}

/* The elements of a byte slice or array as contiguous bytes. */
static uint8_t *collect_bytes(const Value *elems, int64_t n) {
    uint8_t *b = gc_alloc_atomic((size_t)n + 1);
    for (int64_t i = 0; i < n; i++) b[i] = (uint8_t)elems[i].u;
    return b;
}

static void fmt_pointer(Printer *p, Type *t, const Value *v, int verb) {
    switch (t->under->kind) {
    case KIND_CHAN: case KIND_FUNC: case KIND_MAP: case KIND_POINTER: case KIND_SLICE:
    case KIND_UNSAFEPTR:
        break;
    default: bad_verb(p, verb); return;
    }
    uint64_t u = v[0].u;
    switch (verb) {
    case 'v':
        if (p->fmt.f.sharp_v) {
            sb_putc(p->buf, '(');
            sb_puts(p->buf, type_string(t));
            sb_puts(p->buf, ")(");
            if (u == 0) sb_puts(p->buf, "nil");
            else fmt_0x64(p, u, true);
            sb_putc(p->buf, ')');
        } else if (u == 0) {
            fmt_pad(&p->fmt, "<nil>", 5);
        } else {
            fmt_0x64(p, u, !p->fmt.f.sharp);
        }
        break;
    case 'p': fmt_0x64(p, u, !p->fmt.f.sharp); break;
    case 'b': case 'o': case 'd': case 'x': case 'X': fmt_int(p, u, false, verb); break;
    default: bad_verb(p, verb);
    }
}

/* ------------------------------------------------------ printing values */

static void print_map(Printer *p, Type *t, Map *m, int verb, int depth, bool ro) {
    bool sharp_v = p->fmt.f.sharp_v;
    if (sharp_v) {
        sb_puts(p->buf, type_string(t));
        if (!m) {
            sb_puts(p->buf, "(nil)");
            return;
        }
        sb_putc(p->buf, '{');
    } else {
        sb_puts(p->buf, "map[");
    }
    Type *kt = t->under->key, *vt = t->under->elem;
    int64_t n = 0;
    MapEntry *e = m ? fmt_sorted_map(m, &n) : NULL;
    for (int64_t i = 0; i < n && !p->status; i++) {
        if (i) {
            if (sharp_v) sb_puts(p->buf, ", ");
            else sb_putc(p->buf, ' ');
        }
        print_value(p, kt, e[i].key, verb, depth + 1, ro);
        sb_putc(p->buf, ':');
        print_value(p, vt, e[i].val, verb, depth + 1, ro);
    }
    sb_putc(p->buf, sharp_v ? '}' : ']');
}

/* strings.Builder keeps its bytes in a raw buffer (stdlib/strings.c:
 * {addr, buf *byte, n, c}); print it as Go's {addr *Builder; buf []byte}.
 * Returns the struct type to print v's fields with and points *v at a
 * fresh copy laid out as that type. */
static Type *builder_view(Type *t, const Value **v) {
    static Type *view;
    Type *u = __atomic_load_n(&view, __ATOMIC_ACQUIRE);
    if (!u) {
        StructField f[2] = {
            {.name = intern_cstr("addr"), .type = t->under->fields[0].type},
            {.name = intern_cstr("buf"), .type = type_slice(t_uint8)},
        };
        u = type_struct(f, 2);
        __atomic_store_n(&view, u, __ATOMIC_RELEASE);
    }
    const Value *b = *v;
    Value *w = gc_alloc(4 * sizeof(Value));
    w[0] = b[0];
    if (b[1].p) {
        Value *elems = alloc_elems(t_uint8, b[3].i);
        for (int64_t i = 0; i < b[2].i; i++) elems[i].u = ((const uint8_t *)b[1].p)[i];
        slice_set(w + 1, (GoSlice){elems, b[2].i, b[3].i});
    }
    *v = w;
    return u;
}

static bool is_strings_builder(const Type *t) {
    return t->name && t->pkg && strcmp(t->name, "Builder") == 0 && strcmp(t->pkg, "strings") == 0;
}

static void print_struct(Printer *p, Type *t, const Value *v, int verb, int depth, bool ro) {
    Type *u = t->under;
    if (unlikely(is_strings_builder(t))) u = builder_view(t, &v);
    bool sharp_v = p->fmt.f.sharp_v;
    if (sharp_v) sb_puts(p->buf, type_string(t));
    sb_putc(p->buf, '{');
    for (int i = 0; i < u->nfields && !p->status; i++) {
        const StructField *f = &u->fields[i];
        if (i) {
            if (sharp_v) sb_puts(p->buf, ", ");
            else sb_putc(p->buf, ' ');
        }
        if ((p->fmt.f.plus_v || sharp_v) && f->name && f->name[0]) {
            sb_puts(p->buf, f->name);
            sb_putc(p->buf, ':');
        }
        Type *ft = f->type;
        const Value *fv = v + f->offset;
        /* A non-nil interface field prints as its dynamic value. */
        if (ft->under->kind == KIND_INTERFACE && fv[0].p) {
            Type *dt = fv[0].p;
            fv = iface_data((Value *)fv);
            ft = dt;
        }
        print_value(p, ft, fv, verb, depth + 1, ro || !f->exported);
    }
    sb_putc(p->buf, '}');
}

static void print_list(Printer *p, Type *t, const Value *v, int verb, int depth, bool ro) {
    Type *u = t->under, *et = u->elem;
    bool is_slice = u->kind == KIND_SLICE;
    const Value *elems = is_slice ? (const Value *)v[0].p : v;
    int64_t n = is_slice ? v[1].i : u->len;
    if ((verb == 's' || verb == 'q' || verb == 'x' || verb == 'X') && et->under->kind == KIND_UINT8) {
        const uint8_t *bytes = is_slice && !elems ? NULL : collect_bytes(elems, n);
        fmt_bytes(p, bytes, (size_t)n, verb, type_string(t), t, v);
        return;
    }
    uint32_t es = et->size;
    if (p->fmt.f.sharp_v) {
        sb_puts(p->buf, type_string(t));
        if (is_slice && !elems) {
            sb_puts(p->buf, "(nil)");
            return;
        }
        sb_putc(p->buf, '{');
        for (int64_t i = 0; i < n && !p->status; i++) {
            if (i) sb_puts(p->buf, ", ");
            print_value(p, et, elems + i * es, verb, depth + 1, ro);
        }
        sb_putc(p->buf, '}');
    } else {
        sb_putc(p->buf, '[');
        for (int64_t i = 0; i < n && !p->status; i++) {
            if (i) sb_putc(p->buf, ' ');
            print_value(p, et, elems + i * es, verb, depth + 1, ro);
        }
        sb_putc(p->buf, ']');
    }
}

/* Go's printValue. ro: reached through an unexported field (no method calls). */
static void print_value(Printer *p, Type *t, const Value *v, int verb, int depth, bool ro) {
    if (p->status) return;
    if (unlikely(depth > MAX_PRINT_DEPTH)) {
        rt_flush_stdout();
        fputs("runtime: goroutine stack exceeds 1000000000-byte limit\n", stderr);
        rt_fatal("stack overflow", false);
    }
    if (depth > 0 && !ro) {
        Type *at = t;
        const Value *av = v;
        if (t->under->kind == KIND_INTERFACE) at = iface_unpack(v, &av);
        if (at) {
            p->arg_type = at;
            p->arg_val = av;
            if (handle_methods(p, at, av, verb)) return;
        }
    }
    p->arg_type = t;
    p->arg_val = v;
    Type *u = t->under;
    switch (u->kind) {
    case KIND_BOOL: fmt_bool(p, v[0].u != 0, verb); break;
    case KIND_INT: case KIND_INT8: case KIND_INT16: case KIND_INT32: case KIND_INT64:
        fmt_int(p, v[0].u, true, verb);
        break;
    case KIND_UINT: case KIND_UINT8: case KIND_UINT16: case KIND_UINT32: case KIND_UINT64:
    case KIND_UINTPTR:
        fmt_int(p, v[0].u, false, verb);
        break;
    case KIND_FLOAT32: fmt_float_verb(p, v[0].f, 32, verb); break;
    case KIND_FLOAT64: fmt_float_verb(p, v[0].f, 64, verb); break;
    case KIND_COMPLEX64: fmt_complex(p, v[0].f, v[1].f, 64, verb); break;
    case KIND_COMPLEX128: fmt_complex(p, v[0].f, v[1].f, 128, verb); break;
    case KIND_STRING: fmt_string(p, str_get(v), verb); break;
    case KIND_MAP: print_map(p, t, v[0].p, verb, depth, ro); break;
    case KIND_STRUCT: print_struct(p, t, v, verb, depth, ro); break;
    case KIND_INTERFACE: {
        const Value *dv;
        Type *dt = iface_unpack(v, &dv);
        if (!dt) {
            if (p->fmt.f.sharp_v) {
                sb_puts(p->buf, type_string(t));
                sb_puts(p->buf, "(nil)");
            } else {
                sb_puts(p->buf, "<nil>");
            }
        } else {
            print_value(p, dt, dv, verb, depth + 1, ro);
        }
        break;
    }
    case KIND_ARRAY:
    case KIND_SLICE: print_list(p, t, v, verb, depth, ro); break;
    case KIND_POINTER:
        /* At the top level, &{...}, &[...] and &map[...] show what is pointed to. */
        if (depth == 0 && v[0].p) {
            Type *et = u->elem;
            switch (et->under->kind) {
            case KIND_ARRAY: case KIND_SLICE: case KIND_STRUCT: case KIND_MAP:
                sb_putc(p->buf, '&');
                print_value(p, et, v[0].p, verb, depth + 1, ro);
                return;
            default: break;
            }
        }
        fmt_pointer(p, t, v, verb);
        break;
    case KIND_CHAN: case KIND_FUNC: case KIND_UNSAFEPTR: fmt_pointer(p, t, v, verb); break;
    default:
        sb_putc(p->buf, '?');
        sb_puts(p->buf, type_string(t));
        sb_putc(p->buf, '?');
        break;
    }
}

/* Go's printArg: t is the dynamic type of the operand (NULL for nil). */
static void print_arg(Printer *p, Type *t, const Value *v, int verb) {
    p->arg_type = t;
    p->arg_val = v;
    if (!t) {
        if (verb == 'T' || verb == 'v') fmt_pad(&p->fmt, "<nil>", 5);
        else bad_verb(p, verb);
        return;
    }
    if (verb == 'T') {
        const char *s = type_string(t);
        fmt_s(&p->fmt, s, strlen(s));
        return;
    }
    if (verb == 'p') {
        fmt_pointer(p, t, v, 'p');
        return;
    }
    if (t == t_byte_slice) {
        const Value *elems = v[0].p;
        const uint8_t *bytes = elems ? collect_bytes(elems, v[1].i) : NULL;
        fmt_bytes(p, bytes, (size_t)v[1].i, verb, "[]byte", t, v);
        return;
    }
    /* Predeclared types have no methods; everything else may. */
    bool predeclared = (t->flags & TF_NAMED) && !t->pkg;
    if (!predeclared && handle_methods(p, t, v, verb)) return;
    print_value(p, t, v, verb, 0, false);
}

/* -------------------------------------------------------------- Printf */

static bool too_large(int64_t x) { return x > 1000000 || x < -1000000; }

/* Digits at s[start..end): the number, whether there was one, and where it stopped. */
static int parse_num(const uint8_t *s, int start, int end, bool *isnum, int *newi) {
    int num = 0;
    *isnum = false;
    int i = start;
    if (start >= end) {
        *newi = end;
        return 0;
    }
    for (; i < end && s[i] >= '0' && s[i] <= '9'; i++) {
        if (too_large(num)) {
            *isnum = false;
            *newi = end;
            return 0;
        }
        num = num * 10 + (s[i] - '0');
        *isnum = true;
    }
    *newi = i;
    return num;
}

static inline Type *arg_at(GoSlice a, int64_t i, const Value **data) { return iface_unpack(a.ptr + 2 * i, data); }

/* An integer operand for '*': the value, or false if it is not an integer
 * (or implausibly large). Always consumes the operand if there is one. */
static int int_from_arg(GoSlice a, int *argnum, bool *is_int) {
    int num = 0;
    *is_int = false;
    if (*argnum < a.len) {
        const Value *d;
        Type *t = arg_at(a, *argnum, &d);
        if (t && type_is_integer(t->under)) {
            if (type_is_unsigned(t->under)) {
                if ((int64_t)d[0].u >= 0) {
                    num = (int)d[0].i;
                    *is_int = !too_large(d[0].i);
                }
            } else {
                num = (int)d[0].i;
                *is_int = !too_large(d[0].i);
            }
        }
        (*argnum)++;
        if (!*is_int) num = 0;
    }
    return num;
}

/* [n] argument indexes: returns the new argument number. */
static int arg_number(Printer *p, int argnum, const uint8_t *s, int end, int *i, int nargs, bool *found) {
    *found = false;
    if (*i >= end || s[*i] != '[') return argnum;
    p->reordered = true;
    /* parseArgNumber on s[i:] */
    int rest = end - *i;
    if (rest < 3) {
        *i += 1;
        p->good_arg_num = false;
        return argnum;
    }
    for (int j = 1; j < rest; j++) {
        if (s[*i + j] == ']') {
            bool ok;
            int newi;
            int width = parse_num(s + *i, 1, j, &ok, &newi);
            if (!ok || newi != j) {
                *i += j + 1;
                p->good_arg_num = false;
                return argnum;
            }
            int index = width - 1;
            *i += j + 1;
            *found = true;
            if (index >= 0 && index < nargs) return index;
            p->good_arg_num = false;
            return argnum;
        }
    }
    *i += 1;
    p->good_arg_num = false;
    return argnum;
}

/* Print argument argnum with verb, after the flags were parsed: for %v,
 * '#' and '+' mean Go syntax and field names rather than their numeric
 * senses. */
static void print_verb_arg(Printer *p, GoSlice a, int argnum, int verb) {
    if (verb == 'v') {
        p->fmt.f.sharp_v = p->fmt.f.sharp;
        p->fmt.f.sharp = false;
        p->fmt.f.plus_v = p->fmt.f.plus;
        p->fmt.f.plus = false;
    }
    const Value *d;
    Type *t = arg_at(a, argnum, &d);
    p->cur_arg = argnum;
    print_arg(p, t, d, verb);
}

static void do_printf(Printer *p, GoString format, GoSlice a) {
    const uint8_t *s = format.ptr;
    int end = (int)format.len;
    int nargs = (int)a.len;
    int argnum = 0;
    bool after_index = false;
    p->reordered = false;
    for (int i = 0; i < end && !p->status;) {
        p->good_arg_num = true;
        int lasti = i;
        while (i < end && s[i] != '%') i++;
        if (i > lasti) sb_putn_safe(p->buf, (const char *)s + lasti, (size_t)(i - lasti));
        if (i >= end) break;
        i++; /* skip % */
        fmt_clear_flags(&p->fmt);
        bool simple_done = false;
        for (; i < end; i++) {
            uint8_t c = s[i];
            if (c == '#') p->fmt.f.sharp = true;
            else if (c == '0') p->fmt.f.zero = !p->fmt.f.minus; /* only pad with zeros on the left */
            else if (c == '+') p->fmt.f.plus = true;
            else if (c == '-') {
                p->fmt.f.minus = true;
                p->fmt.f.zero = false;
            } else if (c == ' ') p->fmt.f.space = true;
            else {
                /* Fast path: a lower-case verb right after the flags. */
                if (c >= 'a' && c <= 'z' && argnum < nargs) {
                    print_verb_arg(p, a, argnum, c);
                    argnum++;
                    i++;
                    simple_done = true;
                }
                break;
            }
        }
        if (simple_done) continue;

        bool found;
        argnum = arg_number(p, argnum, s, end, &i, nargs, &found);
        after_index = found;

        if (i < end && s[i] == '*') {
            i++;
            bool ok;
            p->fmt.wid = int_from_arg(a, &argnum, &ok);
            p->fmt.f.wid_present = ok;
            if (!ok) sb_puts(p->buf, "%!(BADWIDTH)");
            if (p->fmt.wid < 0) {
                p->fmt.wid = -p->fmt.wid;
                p->fmt.f.minus = true;
                p->fmt.f.zero = false;
            }
            after_index = false;
        } else {
            bool ok;
            p->fmt.wid = parse_num(s, i, end, &ok, &i);
            p->fmt.f.wid_present = ok;
            if (after_index && ok) p->good_arg_num = false; /* "%[3]2d" */
        }

        if (i + 1 < end && s[i] == '.') {
            i++;
            if (after_index) p->good_arg_num = false; /* "%[3].2d" */
            argnum = arg_number(p, argnum, s, end, &i, nargs, &found);
            after_index = found;
            if (i < end && s[i] == '*') {
                i++;
                bool ok;
                p->fmt.prec = int_from_arg(a, &argnum, &ok);
                p->fmt.f.prec_present = ok;
                if (p->fmt.prec < 0) {
                    p->fmt.prec = 0;
                    p->fmt.f.prec_present = false;
                }
                if (!p->fmt.f.prec_present) sb_puts(p->buf, "%!(BADPREC)"); /* negative counts too */
                after_index = false;
            } else {
                bool ok;
                p->fmt.prec = parse_num(s, i, end, &ok, &i);
                p->fmt.f.prec_present = true; /* "%.d" means precision 0 */
                if (!ok) p->fmt.prec = 0;
            }
        }

        if (!after_index) {
            argnum = arg_number(p, argnum, s, end, &i, nargs, &found);
            after_index = found;
        }

        if (i >= end) {
            sb_puts(p->buf, "%!(NOVERB)");
            break;
        }

        int32_t verb = s[i];
        int size = 1;
        if (verb >= 0x80) verb = utf8_decode(s + i, (size_t)(end - i), &size);
        i += size;

        if (verb == '%') {
            sb_putc(p->buf, '%'); /* absorbs no operand, ignores width and precision */
        } else if (!p->good_arg_num) {
            sb_puts(p->buf, "%!");
            put_rune(p->buf, verb);
            sb_puts(p->buf, "(BADINDEX)");
        } else if (argnum >= nargs) {
            sb_puts(p->buf, "%!");
            put_rune(p->buf, verb);
            sb_puts(p->buf, "(MISSING)");
        } else {
            print_verb_arg(p, a, argnum, verb);
            argnum++;
        }
    }
    p->cur_arg = -1;
    if (p->status) return;

    /* Unused operands: %!(EXTRA type=value, ...), unless indexes reordered them. */
    if (!p->reordered && argnum < nargs) {
        fmt_clear_flags(&p->fmt);
        sb_puts(p->buf, "%!(EXTRA ");
        for (int i = argnum; i < nargs && !p->status; i++) {
            if (i > argnum) sb_puts(p->buf, ", ");
            const Value *d;
            Type *t = arg_at(a, i, &d);
            if (!t) {
                sb_puts(p->buf, "<nil>");
            } else {
                sb_puts(p->buf, type_string(t));
                sb_putc(p->buf, '=');
                print_arg(p, t, d, 'v');
            }
        }
        sb_putc(p->buf, ')');
    }
}

/* ------------------------------------------------------------ the API */

int fmt_sprint(G *g, StrBuf *b, GoSlice args) {
    Printer p;
    printer_init(&p, g, b);
    bool prev_string = false;
    for (int64_t i = 0; i < args.len && !p.status; i++) {
        const Value *d;
        Type *t = arg_at(args, i, &d);
        bool is_string = t && t->under->kind == KIND_STRING;
        /* A space between operands when neither is a string. */
        if (i > 0 && !is_string && !prev_string) sb_putc(b, ' ');
        fmt_clear_flags(&p.fmt);
        print_arg(&p, t, d, 'v');
        prev_string = is_string;
    }
    return p.status;
}

int fmt_sprintln(G *g, StrBuf *b, GoSlice args) {
    Printer p;
    printer_init(&p, g, b);
    for (int64_t i = 0; i < args.len && !p.status; i++) {
        if (i > 0) sb_putc(b, ' ');
        const Value *d;
        Type *t = arg_at(args, i, &d);
        fmt_clear_flags(&p.fmt);
        print_arg(&p, t, d, 'v');
    }
    sb_putc(b, '\n');
    return p.status;
}

int fmt_sprintf(G *g, StrBuf *b, GoString format, GoSlice args) {
    Printer p;
    printer_init(&p, g, b);
    do_printf(&p, format, args);
    return p.status;
}

int fmt_errorf(G *g, StrBuf *b, GoString format, GoSlice args, int *wrapped) {
    Printer p;
    printer_init(&p, g, b);
    p.wrap_errs = true;
    do_printf(&p, format, args);
    *wrapped = p.wrapped_arg;
    return p.status;
}

int fmt_value(G *g, StrBuf *b, Type *t, const Value *v, char verb, bool plus, bool sharp) {
    Printer p;
    printer_init(&p, g, b);
    p.fmt.f.plus_v = plus && verb == 'v';
    p.fmt.f.sharp_v = sharp && verb == 'v';
    p.fmt.f.plus = plus && verb != 'v';
    p.fmt.f.sharp = sharp && verb != 'v';
    if (t->under->kind == KIND_INTERFACE) {
        const Value *d;
        Type *dt = iface_unpack(v, &d);
        print_arg(&p, dt, d, verb);
    } else {
        print_arg(&p, t, v, verb);
    }
    return p.status;
}
