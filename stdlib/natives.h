/* natives.h - helpers for writing natives (see the ABI in vm.h and
 * stdlib.h): reading arguments from slots and writing results back.
 * Results overwrite the arguments, so read every argument first. */
#ifndef GOI_STDLIB_NATIVES_H
#define GOI_STDLIB_NATIVES_H

#include "stdlib.h"

/* A NativeDef table entry: NATIVE("Builder.WriteString", builder_write_string). */
#define NATIVE(name, fn) {name, fn}
#define NATIVES_END {NULL, NULL}

static inline void ret_int(Value *a, int64_t v) { a[0].i = v; }
static inline void ret_bool(Value *a, bool v) { a[0].u = v ? 1 : 0; }
static inline void ret_float(Value *a, double v) { a[0].f = v; }
static inline void ret_str(Value *a, GoString s) { str_set(a, s); }
static inline void ret_nil_iface(Value *a) { a[0].p = NULL, a[1].p = NULL; }

/* A string built in a StrBuf, without copying (the buffer is collected). */
static inline GoString str_from_buf(const StrBuf *b) {
    return b->len ? (GoString){(const uint8_t *)b->data, (int64_t)b->len} : (GoString){NULL, 0};
}

/* A new []string of n elements (zeroed). */
static inline GoSlice new_string_slice(int64_t n) { return (GoSlice){alloc_elems(t_string, n), n, n}; }

/* The bytes of a []byte (one slot per byte) copied into a fresh buffer. */
static inline uint8_t *bytes_copy(GoSlice b) {
    uint8_t *d = gc_alloc_atomic((size_t)b.len + 1);
    for (int64_t i = 0; i < b.len; i++) d[i] = (uint8_t)b.ptr[i].u;
    return d;
}

#endif
