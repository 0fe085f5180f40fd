/* bits.c - natives of package math/bits (stdlib/go/bits.go): the 64-bit
 * primitives, with GCC builtins and unsigned __int128. */
#include "natives.h"

static int n_leading_zeros64(G *g, Value *a) {
    ret_int(a, a[0].u ? __builtin_clzll(a[0].u) : 64);
    return NATIVE_OK;
}

static int n_trailing_zeros64(G *g, Value *a) {
    ret_int(a, a[0].u ? __builtin_ctzll(a[0].u) : 64);
    return NATIVE_OK;
}

static int n_ones_count64(G *g, Value *a) {
    ret_int(a, __builtin_popcountll(a[0].u));
    return NATIVE_OK;
}

static int n_len64(G *g, Value *a) {
    ret_int(a, a[0].u ? 64 - __builtin_clzll(a[0].u) : 0);
    return NATIVE_OK;
}

static int n_reverse64(G *g, Value *a) {
    uint64_t x = a[0].u;
    x = (x >> 1 & 0x5555555555555555) | (x & 0x5555555555555555) << 1;
    x = (x >> 2 & 0x3333333333333333) | (x & 0x3333333333333333) << 2;
    x = (x >> 4 & 0x0f0f0f0f0f0f0f0f) | (x & 0x0f0f0f0f0f0f0f0f) << 4;
    a[0].u = __builtin_bswap64(x);
    return NATIVE_OK;
}

static int n_reverse_bytes64(G *g, Value *a) {
    a[0].u = __builtin_bswap64(a[0].u);
    return NATIVE_OK;
}

/* func Mul64(x, y uint64) (hi, lo uint64) */
static int n_mul64(G *g, Value *a) {
    unsigned __int128 p = (unsigned __int128)a[0].u * a[1].u;
    a[0].u = (uint64_t)(p >> 64);
    a[1].u = (uint64_t)p;
    return NATIVE_OK;
}

/* func div64(hi, lo, y uint64) (quo, rem uint64): the Go side checked hi < y. */
static int n_div64(G *g, Value *a) {
    unsigned __int128 n = (unsigned __int128)a[0].u << 64 | a[1].u;
    uint64_t y = a[2].u;
    a[0].u = (uint64_t)(n / y);
    a[1].u = (uint64_t)(n % y);
    return NATIVE_OK;
}

static int n_divide_error(G *g, Value *a) {
    vm_panic_runtime(g, "runtime error: integer divide by zero");
    return NATIVE_PANIC;
}

static int n_overflow_error(G *g, Value *a) {
    vm_panic_runtime(g, "runtime error: integer overflow");
    return NATIVE_PANIC;
}

const NativeDef stdlib_natives_math_bits[] = {
    NATIVE("LeadingZeros64", n_leading_zeros64),
    NATIVE("Len64", n_len64),
    NATIVE("Mul64", n_mul64),
    NATIVE("OnesCount64", n_ones_count64),
    NATIVE("Reverse64", n_reverse64),
    NATIVE("ReverseBytes64", n_reverse_bytes64),
    NATIVE("TrailingZeros64", n_trailing_zeros64),
    NATIVE("div64", n_div64),
    NATIVE("divideError", n_divide_error),
    NATIVE("overflowError", n_overflow_error),
    NATIVES_END,
};
