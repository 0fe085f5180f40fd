/* fmt_sort.c - map entries in the order fmt prints them (Go's
 * internal/fmtsort): numbers by value (NaN first), strings bytewise, false
 * before true, pointers and channels by address, structs and arrays
 * element by element, interfaces by dynamic type (in the order gc's
 * linker gives their descriptors) and then value. */
#include "fmt_internal.h"

#include <string.h>

static int cmp_float(double a, double b) {
    if (a != a) return -1; /* NaN: no good answer, but never "equal" */
    if (b != b) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
}

static int cmp_u64(uint64_t a, uint64_t b) { return a < b ? -1 : a > b; }

/* The size in bytes of gc's type descriptor for t on amd64: the rtype,
 * the kind's extra fields, the uncommon section of named types and types
 * with methods, and the trailing arrays (struct fields, function
 * parameters, interface and concrete methods). */
static int64_t go_descriptor_size(const Type *t) {
    const Type *u = t->under;
    int64_t size = 48;
    switch (u->kind) {
    case KIND_ARRAY: size += 24; break;
    case KIND_CHAN: size += 16; break;
    case KIND_FUNC: size += 8 + 8 * (u->nparams + u->nresults); break;
    case KIND_INTERFACE: size += 32 + 8 * u->nimethods; break;
    case KIND_MAP: size += 32; break;
    case KIND_POINTER: case KIND_SLICE: size += 8; break;
    case KIND_STRUCT: size += 32 + 24 * u->nfields; break;
    default: break;
    }
    if ((t->flags & TF_NAMED) || t->nmethods > 0) size += 16 + 16 * t->nmethods;
    return size;
}

/* Go orders interface keys of different dynamic types by the addresses of
 * their type descriptors, which gc's linker lays out by size and then by
 * name: reproduce that order. */
static int cmp_dynamic_types(Type *a, Type *b) {
    int64_t sa = go_descriptor_size(a), sb = go_descriptor_size(b);
    if (sa != sb) return sa < sb ? -1 : 1;
    int c = strcmp(type_string(a), type_string(b));
    if (c) return c < 0 ? -1 : 1;
    return a->id < b->id ? -1 : a->id > b->id;
}

static int compare(Type *t, const Value *a, const Value *b) {
    Type *u = t->under;
    switch (u->kind) {
    case KIND_INT: case KIND_INT8: case KIND_INT16: case KIND_INT32: case KIND_INT64:
        return a[0].i < b[0].i ? -1 : a[0].i > b[0].i;
    case KIND_UINT: case KIND_UINT8: case KIND_UINT16: case KIND_UINT32: case KIND_UINT64:
    case KIND_UINTPTR: case KIND_POINTER: case KIND_UNSAFEPTR: case KIND_CHAN:
        return cmp_u64(a[0].u, b[0].u);
    case KIND_BOOL: return (a[0].u != 0) - (b[0].u != 0);
    case KIND_STRING: {
        int c = str_compare(str_get(a), str_get(b));
        return c < 0 ? -1 : c > 0;
    }
    case KIND_FLOAT32:
    case KIND_FLOAT64: return cmp_float(a[0].f, b[0].f);
    case KIND_COMPLEX64:
    case KIND_COMPLEX128: {
        int c = cmp_float(a[0].f, b[0].f);
        return c ? c : cmp_float(a[1].f, b[1].f);
    }
    case KIND_STRUCT:
        for (int i = 0; i < u->nfields; i++) {
            const StructField *f = &u->fields[i];
            int c = compare(f->type, a + f->offset, b + f->offset);
            if (c) return c;
        }
        return 0;
    case KIND_ARRAY: {
        uint32_t es = u->elem->size;
        for (int64_t i = 0; i < u->len; i++) {
            int c = compare(u->elem, a + i * es, b + i * es);
            if (c) return c;
        }
        return 0;
    }
    case KIND_INTERFACE: {
        Type *ta = a[0].p, *tb = b[0].p;
        if (!ta || !tb) return ta ? 1 : tb ? -1 : 0;
        if (ta != tb) return cmp_dynamic_types(ta, tb);
        return compare(ta, iface_data((Value *)a), iface_data((Value *)b));
    }
    default: return 0;
    }
}

/* Stable merge sort of entries by key (Go uses sort.Stable). */
static void merge_sort(MapEntry *e, MapEntry *tmp, int64_t n, Type *kt) {
    if (n < 2) return;
    if (n <= 8) {
        for (int64_t i = 1; i < n; i++)
            for (int64_t j = i; j > 0 && compare(kt, e[j].key, e[j - 1].key) < 0; j--) {
                MapEntry x = e[j];
                e[j] = e[j - 1];
                e[j - 1] = x;
            }
        return;
    }
    int64_t h = n / 2;
    merge_sort(e, tmp, h, kt);
    merge_sort(e + h, tmp, n - h, kt);
    int64_t i = 0, j = h, k = 0;
    while (i < h && j < n) tmp[k++] = compare(kt, e[j].key, e[i].key) < 0 ? e[j++] : e[i++];
    while (i < h) tmp[k++] = e[i++];
    while (j < n) tmp[k++] = e[j++];
    memcpy(e, tmp, (size_t)n * sizeof *e);
}

MapEntry *fmt_sorted_map(Map *m, int64_t *n) {
    int64_t cap = map_len(m), k = 0;
    MapEntry *e = gc_alloc(sizeof(MapEntry) * (size_t)(cap + 1));
    MapIter it;
    map_iter_init(&it, m);
    Value *kp, *vp;
    while (map_iter_next(&it, &kp, &vp)) {
        if (k == cap) { /* the map grew meanwhile (another goroutine); take what fits */
            break;
        }
        e[k].key = kp;
        e[k].val = vp;
        k++;
    }
    MapEntry *tmp = gc_alloc(sizeof(MapEntry) * (size_t)(k + 1));
    merge_sort(e, tmp, k, map_type(m)->under->key);
    *n = k;
    return e;
}
