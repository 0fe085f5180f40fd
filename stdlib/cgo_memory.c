/* cgo_memory.c - where goi memory and C memory meet.
 *
 * goi values live in 8-byte slots (VALUE LAYOUT in vm.h): a []C.char is
 * one slot per char, not a C array. So goi memory is never handed to C as
 * it is. A typed pointer argument (int *, char *, double *) that points
 * into goi memory - recognised as memory the collector manages - is passed
 * as a C copy of the slots from the pointer to the end of their object,
 * followed by one zero element (so a C string read from a []C.char without
 * a NUL stops there); after the call, the elements C changed are written
 * back. Out-parameters (&x for int *) and buffers (&buf[0] for char *)
 * work that way. Where the element type is unknown (void *, struct
 * pointers), goi memory is refused with a panic.
 *
 * In the other direction goi never reads C memory as slots: C pointers are
 * opaque values (the checker refuses *p on them), read with C.GoString,
 * C.GoStringN and C.GoBytes, which copy. C.CString, C.CBytes and C.malloc
 * return C memory (malloc) the collector does not manage: C.free it.
 */
#include "cgo_internal.h"

#include <stdlib.h>

bool cgo_is_goi_memory(const void *p) { return p && GC_base((void *)p) != NULL; }

/* The slots of the goi object holding p, from p to the object's end; false
 * if p is not slot-aligned within a goi object. */
static bool goi_slots(void *p, Value **slots, int64_t *n) {
    char *base = GC_base(p);
    if (!base) return false;
    size_t off = (size_t)((char *)p - base);
    if (off % sizeof(Value)) return false;
    *slots = p;
    *n = (int64_t)((GC_size(base) - off) / sizeof(Value));
    return true;
}

bool cgo_view_open(CgoView *v, void *p, CScalar elem) {
    memset(v, 0, sizeof *v);
    if (elem == SC_VOID || !goi_slots(p, &v->slots, &v->n)) return false;
    size_t es = cgo_scalar_size(elem);
    v->elem = elem;
    v->buf = calloc((size_t)v->n + 1, es);
    v->orig = malloc((size_t)v->n * es + 1);
    if (!v->buf || !v->orig) {
        fprintf(stderr, "fatal error: out of memory passing goi memory to C\n");
        abort();
    }
    for (int64_t i = 0; i < v->n; i++) {
        CValue c;
        cgo_to_c(elem, &v->slots[i], &c);
        memcpy((char *)v->buf + (size_t)i * es, &c, es);
    }
    memcpy(v->orig, v->buf, (size_t)v->n * es);
    return true;
}

void cgo_view_close(CgoView *v) {
    if (!v->buf) return;
    size_t es = cgo_scalar_size(v->elem);
    for (int64_t i = 0; i < v->n; i++) {
        const char *now = (const char *)v->buf + (size_t)i * es;
        if (memcmp(now, (const char *)v->orig + (size_t)i * es, es) != 0) cgo_from_c(v->elem, now, &v->slots[i]);
    }
    free(v->buf);
    free(v->orig);
    v->buf = v->orig = NULL;
}

/* ---------------------------------------------------------------- helpers */

static int oom(G *g, const char *what) {
    vm_panic_runtime(g, gc_sprintf("runtime: C malloc failed in %s", what));
    return NATIVE_PANIC;
}

/* func _C_CString(s string) *_C_char */
static int n_cstring(G *g, Value *a) {
    GoString s = str_get(a);
    char *p = malloc((size_t)s.len + 1);
    if (!p) return oom(g, "C.CString");
    if (s.len) memcpy(p, s.ptr, (size_t)s.len);
    p[s.len] = '\0';
    a[0].p = p;
    return NATIVE_OK;
}

/* func _C_CBytes(b []byte) unsafe.Pointer */
static int n_cbytes(G *g, Value *a) {
    GoSlice b = slice_get(a);
    uint8_t *p = malloc(b.len ? (size_t)b.len : 1);
    if (!p) return oom(g, "C.CBytes");
    for (int64_t i = 0; i < b.len; i++) p[i] = (uint8_t)b.ptr[i].u;
    a[0].p = p;
    return NATIVE_OK;
}

/* Up to max chars (max < 0: until the NUL) at p, which may be goi memory
 * (a *C.char into a []C.char) or C memory. */
static int read_chars(G *g, const char *what, void *p, int64_t max, GoString *out) {
    *out = (GoString){NULL, 0};
    if (!p) {
        if (max > 0) {
            vm_panic_runtime(g, gc_sprintf("%s: nil pointer with length %lld", what, (long long)max));
            return NATIVE_PANIC;
        }
        return NATIVE_OK;
    }
    Value *slots;
    int64_t n;
    if (goi_slots(p, &slots, &n)) {
        int64_t len = 0;
        while (len < n && (max < 0 ? (uint8_t)slots[len].u != 0 : len < max)) len++;
        if (max >= 0 && len < max) {
            vm_panic_runtime(g, gc_sprintf("%s: length %lld is beyond the goi memory it points to", what, (long long)max));
            return NATIVE_PANIC;
        }
        uint8_t *buf = gc_alloc_atomic((size_t)len + 1);
        for (int64_t i = 0; i < len; i++) buf[i] = (uint8_t)slots[i].u;
        *out = (GoString){buf, len};
        return NATIVE_OK;
    }
    if (cgo_is_goi_memory(p)) {
        vm_panic_runtime(g, gc_sprintf("%s: pointer into goi memory that is not a C.char", what));
        return NATIVE_PANIC;
    }
    *out = str_from(p, max < 0 ? strlen(p) : (size_t)max);
    return NATIVE_OK;
}

/* func _C_GoString(p *_C_char) string */
static int n_gostring(G *g, Value *a) {
    GoString s;
    int rc = read_chars(g, "C.GoString", a[0].p, -1, &s);
    if (rc == NATIVE_OK) str_set(a, s);
    return rc;
}

/* func _C_GoStringN(p *_C_char, n _C_int) string */
static int n_gostringn(G *g, Value *a) {
    if (a[1].i < 0) {
        vm_panic_runtime(g, "C.GoStringN: negative length");
        return NATIVE_PANIC;
    }
    GoString s;
    int rc = read_chars(g, "C.GoStringN", a[0].p, a[1].i, &s);
    if (rc == NATIVE_OK) str_set(a, s);
    return rc;
}

/* func _C_GoBytes(p unsafe.Pointer, n _C_int) []byte */
static int n_gobytes(G *g, Value *a) {
    const uint8_t *p = a[0].p;
    int64_t n = a[1].i;
    if (n < 0) {
        vm_panic_runtime(g, "C.GoBytes: negative length");
        return NATIVE_PANIC;
    }
    if (n > 0 && !p) {
        vm_panic_runtime(g, "C.GoBytes: nil pointer with a length");
        return NATIVE_PANIC;
    }
    if (n > 0 && cgo_is_goi_memory(p)) {
        vm_panic_runtime(g, "C.GoBytes: the pointer points to goi memory, not C memory");
        return NATIVE_PANIC;
    }
    Value *e = alloc_elems(t_uint8, n);
    for (int64_t i = 0; i < n; i++) e[i].u = p[i];
    slice_set(a, (GoSlice){e, n, n});
    return NATIVE_OK;
}

/* func _C_free(p unsafe.Pointer) */
static int n_free(G *g, Value *a) {
    if (cgo_is_goi_memory(a[0].p)) {
        vm_panic_runtime(g, "C.free: the pointer points to goi memory (free only what C.malloc, C.CString or C.CBytes returned)");
        return NATIVE_PANIC;
    }
    free(a[0].p);
    return NATIVE_OK;
}

/* func _C_malloc(n _C_size_t) unsafe.Pointer: like cgo's, never nil. */
static int n_malloc(G *g, Value *a) {
    void *p = malloc(a[0].u ? (size_t)a[0].u : 1);
    if (!p) return oom(g, "C.malloc");
    a[0].p = p;
    return NATIVE_OK;
}

const NativeDef cgo_helper_natives[] = {
    {CGO_PREFIX "CString", n_cstring},   {CGO_PREFIX "CBytes", n_cbytes},   {CGO_PREFIX "GoString", n_gostring},
    {CGO_PREFIX "GoStringN", n_gostringn}, {CGO_PREFIX "GoBytes", n_gobytes}, {CGO_PREFIX "free", n_free},
    {CGO_PREFIX "malloc", n_malloc},     {NULL, NULL},
};

void cgo_helper_decls(StrBuf *b, bool want_free, bool want_malloc) {
    sb_puts(b, "func " CGO_PREFIX "CString(s string) *" CGO_PREFIX "char\n"
               "func " CGO_PREFIX "CBytes(b []byte) unsafe.Pointer\n"
               "func " CGO_PREFIX "GoString(p *" CGO_PREFIX "char) string\n"
               "func " CGO_PREFIX "GoStringN(p *" CGO_PREFIX "char, n " CGO_PREFIX "int) string\n"
               "func " CGO_PREFIX "GoBytes(p unsafe.Pointer, n " CGO_PREFIX "int) []byte\n");
    if (want_free) sb_puts(b, "func " CGO_PREFIX "free(p unsafe.Pointer)\n");
    if (want_malloc) sb_puts(b, "func " CGO_PREFIX "malloc(n " CGO_PREFIX "size_t) unsafe.Pointer\n");
}
