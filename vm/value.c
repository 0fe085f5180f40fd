/* value.c - strings, slices, interfaces, equality and hashing of Go values. */
#include "vm.h"
#include "../lexer/lexer.h"

#include <math.h>
#include <stdlib.h>

/* ------------------------------------------------------------ strings */

GoString str_from(const char *s, size_t n) {
    if (n == 0) return (GoString){NULL, 0};
    uint8_t *d = gc_alloc_atomic(n);
    memcpy(d, s, n);
    return (GoString){d, (int64_t)n};
}

GoString str_from_cstr(const char *s) { return str_from(s, strlen(s)); }

GoString str_concat(GoString a, GoString b) {
    if (a.len == 0) return b;
    if (b.len == 0) return a;
    uint8_t *d = gc_alloc_atomic((size_t)(a.len + b.len));
    memcpy(d, a.ptr, (size_t)a.len);
    memcpy(d + a.len, b.ptr, (size_t)b.len);
    return (GoString){d, a.len + b.len};
}

int str_compare(GoString a, GoString b) {
    int64_t n = a.len < b.len ? a.len : b.len;
    int c = n ? memcmp(a.ptr, b.ptr, (size_t)n) : 0;
    if (c) return c;
    return a.len < b.len ? -1 : a.len > b.len;
}

char *str_to_cstr(GoString s) { return gc_strndup((const char *)s.ptr, (size_t)s.len); }

/* ------------------------------------------------------------ slices */

Value *alloc_elems(const Type *elem, int64_t n) {
    size_t bytes = (size_t)n * elem->size * sizeof(Value);
    if (elem->flags & TF_HASPTR) return gc_alloc(bytes);
    Value *p = gc_alloc_atomic(bytes);
    memset(p, 0, bytes);
    return p;
}

/* gc's malloc size classes (runtime/sizeclasses.go), so cap() after append
 * reports what Go reports. */
static const uint32_t size_classes[] = {
    0,     8,     16,    24,    32,    48,    64,    80,    96,    112,   128,   144,   160,
    176,   192,   208,   224,   240,   256,   288,   320,   352,   384,   416,   448,   480,
    512,   576,   640,   704,   768,   896,   1024,  1152,  1280,  1408,  1536,  1792,  2048,
    2304,  2688,  3072,  3200,  3456,  4096,  4864,  5376,  6144,  6528,  6784,  6912,  8192,
    9472,  9728,  10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576,
    27264, 28672, 32768};

static uint64_t roundupsize(uint64_t size) {
    if (size <= 32768) {
        for (size_t i = 1; i < countof(size_classes); i++)
            if (size_classes[i] >= size) return size_classes[i];
    }
    const uint64_t page = 8192;
    return (size + page - 1) / page * page;
}

/* The capacity Go 1.19's growslice picks. */
static int64_t grow_cap(const Type *elem, int64_t oldcap, int64_t need) {
    int64_t newcap = oldcap;
    int64_t doublecap = newcap + newcap;
    if (need > doublecap) {
        newcap = need;
    } else {
        const int64_t threshold = 256;
        if (oldcap < threshold) {
            newcap = doublecap;
        } else {
            while (0 < newcap && newcap < need) newcap += (newcap + 3 * threshold) / 4;
            if (newcap <= 0) newcap = need;
        }
    }
    uint64_t es = elem->gosize;
    if (es == 0) return need > newcap ? need : newcap;
    uint64_t mem = roundupsize((uint64_t)newcap * es);
    return (int64_t)(mem / es);
}

GoSlice slice_grow(const Type *elem, GoSlice s, int64_t extra) {
    int64_t need = s.len + extra;
    if (need <= s.cap) return s;
    int64_t ncap = grow_cap(elem, s.cap, need);
    Value *p = alloc_elems(elem, ncap);
    if (s.len) memcpy(p, s.ptr, (size_t)s.len * elem->size * sizeof(Value));
    return (GoSlice){p, s.len, ncap};
}

GoSlice bytes_from_string(GoString s) {
    if (s.len == 0) return (GoSlice){alloc_elems(t_uint8, 0), 0, 0};
    int64_t cap = (int64_t)roundupsize((uint64_t)s.len);
    Value *p = alloc_elems(t_uint8, cap);
    for (int64_t i = 0; i < s.len; i++) p[i].u = s.ptr[i];
    return (GoSlice){p, s.len, cap};
}

GoString string_from_bytes(GoSlice b) {
    if (b.len == 0) return (GoString){NULL, 0};
    uint8_t *d = gc_alloc_atomic((size_t)b.len);
    for (int64_t i = 0; i < b.len; i++) d[i] = (uint8_t)b.ptr[i].u;
    return (GoString){d, b.len};
}

GoSlice runes_from_string(GoString s) {
    int64_t n = 0;
    for (int64_t i = 0; i < s.len;) {
        int size;
        utf8_decode(s.ptr + i, (size_t)(s.len - i), &size);
        i += size;
        n++;
    }
    int64_t cap = n ? (int64_t)(roundupsize((uint64_t)n * 4) / 4) : 0;
    Value *p = alloc_elems(t_int32, cap);
    int64_t k = 0;
    for (int64_t i = 0; i < s.len;) {
        int size;
        p[k++].i = utf8_decode(s.ptr + i, (size_t)(s.len - i), &size);
        i += size;
    }
    return (GoSlice){p, n, cap};
}

GoString string_from_runes(GoSlice r) {
    size_t n = 0;
    uint8_t tmp[4];
    for (int64_t i = 0; i < r.len; i++) n += (size_t)utf8_encode(tmp, (int32_t)r.ptr[i].i);
    if (n == 0) return (GoString){NULL, 0};
    uint8_t *d = gc_alloc_atomic(n), *q = d;
    for (int64_t i = 0; i < r.len; i++) q += utf8_encode(q, (int32_t)r.ptr[i].i);
    return (GoString){d, (int64_t)n};
}

GoString string_from_rune(int64_t r) {
    uint8_t tmp[4];
    if (r < 0 || r > 0x10FFFF) r = 0xFFFD;
    int n = utf8_encode(tmp, (int32_t)r);
    return str_from((const char *)tmp, (size_t)n);
}

/* ---------------------------------------------------------- interfaces */

void iface_make(Value *dst, Type *t, const Value *src) {
    if (t->size == 1) {
        dst[1] = src[0];
    } else if (t->size == 0) {
        dst[1].p = NULL;
    } else {
        Value *box = (t->flags & TF_HASPTR) ? gc_alloc(t->size * sizeof(Value))
                                            : gc_alloc_atomic(t->size * sizeof(Value));
        memcpy(box, src, t->size * sizeof(Value));
        dst[1].p = box;
    }
    dst[0].p = t;
}

/* ----------------------------------------------------- equality, hashing */

bool value_equal(const Type *t, const Value *a, const Value *b, Type **uncomparable) {
    const Type *u = t->under;
    switch (u->kind) {
    case KIND_FLOAT32:
    case KIND_FLOAT64: return a[0].f == b[0].f;
    case KIND_COMPLEX64:
    case KIND_COMPLEX128: return a[0].f == b[0].f && a[1].f == b[1].f;
    case KIND_STRING:
        return a[1].i == b[1].i && (a[1].i == 0 || a[0].p == b[0].p || memcmp(a[0].p, b[0].p, (size_t)a[1].i) == 0);
    case KIND_INTERFACE: {
        Type *ta = a[0].p, *tb = b[0].p;
        if (ta != tb) return false;
        if (!ta) return true;
        if (!(ta->flags & TF_COMPARABLE)) {
            if (uncomparable) *uncomparable = ta;
            return false;
        }
        if (unlikely(stack_exhausted())) vm_fatal_stack_overflow(); /* nested through interfaces */
        return value_equal(ta, iface_data((Value *)a), iface_data((Value *)b), uncomparable);
    }
    case KIND_STRUCT:
        for (int i = 0; i < u->nfields; i++) {
            const StructField *f = &u->fields[i];
            if (f->name && f->name[0] == '_' && f->name[1] == 0) continue;
            if (!value_equal(f->type, a + f->offset, b + f->offset, uncomparable)) return false;
        }
        return true;
    case KIND_ARRAY: {
        uint32_t es = u->elem->size;
        for (int64_t i = 0; i < u->len; i++)
            if (!value_equal(u->elem, a + i * es, b + i * es, uncomparable)) return false;
        return true;
    }
    default: return a[0].u == b[0].u;
    }
}

static uint64_t hash_mix(uint64_t h, uint64_t v) {
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdULL;
}

uint64_t value_hash(const Type *t, const Value *v, uint64_t seed, Type **unhashable) {
    const Type *u = t->under;
    switch (u->kind) {
    case KIND_FLOAT32:
    case KIND_FLOAT64: {
        double f = v[0].f;
        if (f == 0) return hash_mix(seed, 0);        /* +0 and -0 */
        if (f != f) return hash_mix(seed, (uint64_t)rand()); /* NaN: never found again */
        return hash_mix(seed, v[0].u);
    }
    case KIND_COMPLEX64:
    case KIND_COMPLEX128: {
        Value re = {.f = v[0].f}, im = {.f = v[1].f};
        return value_hash(t_float64, &im, value_hash(t_float64, &re, seed, unhashable), unhashable);
    }
    case KIND_STRING: return hash_mix(seed, v[1].i ? hash_bytes(v[0].p, (size_t)v[1].i) : 0);
    case KIND_INTERFACE: {
        Type *dt = v[0].p;
        if (!dt) return hash_mix(seed, 0);
        if (!(dt->flags & TF_COMPARABLE)) {
            if (unhashable) *unhashable = dt;
            return 0;
        }
        if (unlikely(stack_exhausted())) vm_fatal_stack_overflow(); /* nested through interfaces */
        return value_hash(dt, iface_data((Value *)v), hash_mix(seed, dt->id), unhashable);
    }
    case KIND_STRUCT:
        for (int i = 0; i < u->nfields; i++) {
            const StructField *f = &u->fields[i];
            if (f->name && f->name[0] == '_' && f->name[1] == 0) continue;
            seed = value_hash(f->type, v + f->offset, seed, unhashable);
        }
        return seed;
    case KIND_ARRAY: {
        uint32_t es = u->elem->size;
        for (int64_t i = 0; i < u->len; i++) seed = value_hash(u->elem, v + i * es, seed, unhashable);
        return seed;
    }
    default: return hash_mix(seed, v[0].u);
    }
}

/* ------------------------------------------------------------ functions */

Closure *closure_new(Func *fn, uint32_t nup) {
    Closure *c = gc_alloc(sizeof(Closure) + nup * sizeof(Value));
    c->fn = fn;
    c->nup = nup;
    return c;
}

int func_line_at(const Func *fn, uint32_t pc) {
    int line = fn->line;
    int lo = 0, hi = (int)fn->nlines - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (fn->lines[mid].pc <= pc) {
            line = fn->lines[mid].line;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    return line;
}
