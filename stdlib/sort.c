/* sort.c - natives of package sort (stdlib/go/sort.go): Ints, Float64s and
 * Strings run the same pdqsort as sort.Sort does in Go (sort_pdq.h), and
 * sliceLen/sliceSwap stand in for reflect in sort.Slice. */
#include "natives.h"

static int bits_len(int64_t n) { return n ? 64 - __builtin_clzll((uint64_t)n) : 0; }

/* []int */
#define PDQ(name) ints_##name
#define PDQ_T Value *
#define PDQ_LESS(d_, x_, y_) ((d_)[x_].i < (d_)[y_].i)
#define PDQ_SWAP(d_, x_, y_) do { Value t_ = (d_)[x_]; (d_)[x_] = (d_)[y_]; (d_)[y_] = t_; } while (0)
#include "sort_pdq.h"
#undef PDQ
#undef PDQ_LESS

/* []float64: NaNs first, as Float64Slice.Less orders them */
#define PDQ(name) floats_##name
#define PDQ_LESS(d_, x_, y_) ((d_)[x_].f < (d_)[y_].f || ((d_)[x_].f != (d_)[x_].f && (d_)[y_].f == (d_)[y_].f))
#include "sort_pdq.h"
#undef PDQ
#undef PDQ_LESS
#undef PDQ_SWAP

/* []string: two slots per element */
static inline bool str_less(const Value *d, int64_t i, int64_t j) {
    return str_compare(str_get(d + 2 * i), str_get(d + 2 * j)) < 0;
}
#define PDQ(name) strings_##name
#define PDQ_LESS(d_, x_, y_) str_less(d_, x_, y_)
#define PDQ_SWAP(d_, x_, y_)                                                                       \
    do {                                                                                           \
        Value t0_ = (d_)[2 * (x_)], t1_ = (d_)[2 * (x_) + 1];                                      \
        (d_)[2 * (x_)] = (d_)[2 * (y_)], (d_)[2 * (x_) + 1] = (d_)[2 * (y_) + 1];                  \
        (d_)[2 * (y_)] = t0_, (d_)[2 * (y_) + 1] = t1_;                                            \
    } while (0)
#include "sort_pdq.h"
#undef PDQ
#undef PDQ_LESS
#undef PDQ_SWAP
#undef PDQ_T

static int n_ints(G *g, Value *a) {
    GoSlice s = slice_get(a);
    if (s.len > 1) ints_sort(s.ptr, 0, s.len, bits_len(s.len));
    return NATIVE_OK;
}

static int n_float64s(G *g, Value *a) {
    GoSlice s = slice_get(a);
    if (s.len > 1) floats_sort(s.ptr, 0, s.len, bits_len(s.len));
    return NATIVE_OK;
}

static int n_strings(G *g, Value *a) {
    GoSlice s = slice_get(a);
    if (s.len > 1) strings_sort(s.ptr, 0, s.len, bits_len(s.len));
    return NATIVE_OK;
}

/* The slice inside an interface operand, or a panic like reflect's. */
static bool slice_operand(G *g, const Value *x, Type **et, GoSlice *s, const char *method) {
    Type *t = x[0].p;
    if (!t || t->under->kind != KIND_SLICE) {
        const char *kind = !t ? "zero" : t->under->kind == KIND_POINTER ? "ptr" : kind_name(t->under->kind);
        vm_panic_string(g, gc_sprintf("reflect: call of %s on %s Value", method, kind));
        return false;
    }
    *et = t->under->elem;
    *s = slice_get(iface_data((Value *)x));
    return true;
}

/* func sliceLen(x any) int */
static int n_slice_len(G *g, Value *a) {
    Type *et;
    GoSlice s;
    if (!slice_operand(g, a, &et, &s, "Swapper")) return NATIVE_PANIC;
    ret_int(a, s.len);
    return NATIVE_OK;
}

/* func sliceSwap(x any, i, j int) */
static int n_slice_swap(G *g, Value *a) {
    Type *et;
    GoSlice s;
    if (!slice_operand(g, a, &et, &s, "Swapper")) return NATIVE_PANIC;
    int64_t i = a[2].i, j = a[3].i;
    if ((uint64_t)i >= (uint64_t)s.len || (uint64_t)j >= (uint64_t)s.len) {
        vm_panic_string(g, "reflect: slice index out of range");
        return NATIVE_PANIC;
    }
    uint32_t es = et->size;
    if (es == 1) {
        Value t = s.ptr[i];
        s.ptr[i] = s.ptr[j];
        s.ptr[j] = t;
    } else if (es > 1) {
        Value small[8];
        Value *tmp = es <= 8 ? small : gc_alloc(es * sizeof(Value));
        memcpy(tmp, s.ptr + i * es, es * sizeof(Value));
        memmove(s.ptr + i * es, s.ptr + j * es, es * sizeof(Value));
        memcpy(s.ptr + j * es, tmp, es * sizeof(Value));
    }
    return NATIVE_OK;
}

const NativeDef stdlib_natives_sort[] = {
    NATIVE("Float64s", n_float64s),
    NATIVE("Ints", n_ints),
    NATIVE("Strings", n_strings),
    NATIVE("sliceLen", n_slice_len),
    NATIVE("sliceSwap", n_slice_swap),
    NATIVES_END,
};
