/* unicode_utf8.c - natives of package unicode/utf8 (stdlib/go/utf8.go).
 * []byte operands hold one byte per slot; decoding follows Go exactly
 * (every malformed byte is RuneError of width 1). */
#include "natives.h"
#include "unicode_props.h"
#include "../lexer/lexer.h"

/* A byte sequence given either as a string or as a []byte's slots. */
typedef struct Bytes {
    const uint8_t *s;
    const Value *v;
    int64_t n;
} Bytes;

static inline uint8_t at(Bytes b, int64_t i) { return b.s ? b.s[i] : (uint8_t)b.v[i].u; }

static Bytes from_str(const Value *a) {
    GoString s = str_get(a);
    return (Bytes){s.ptr, NULL, s.len};
}

static Bytes from_slice(const Value *a) {
    GoSlice s = slice_get(a);
    return (Bytes){NULL, s.ptr, s.len};
}

/* Decode the rune at i (n > i). */
static int32_t decode_at(Bytes b, int64_t i, int *size) {
    if (b.s) return utf8_decode(b.s + i, (size_t)(b.n - i), size);
    uint8_t tmp[4];
    int64_t k = b.n - i < 4 ? b.n - i : 4;
    for (int64_t j = 0; j < k; j++) tmp[j] = (uint8_t)b.v[i + j].u;
    return utf8_decode(tmp, (size_t)k, size);
}

static void decode_rune(Value *a, Bytes b) {
    int size = 0;
    int32_t r = UNI_REPLACEMENT;
    if (b.n > 0) r = decode_at(b, 0, &size);
    a[0].i = r;
    a[1].i = size;
}

static void decode_last_rune(Value *a, Bytes b) {
    int64_t end = b.n;
    if (end == 0) {
        a[0].i = UNI_REPLACEMENT;
        a[1].i = 0;
        return;
    }
    int64_t start = end - 1;
    int32_t r = at(b, start);
    if (r < 0x80) {
        a[0].i = r;
        a[1].i = 1;
        return;
    }
    int64_t lim = end - 4 < 0 ? 0 : end - 4;
    for (start--; start >= lim; start--)
        if ((at(b, start) & 0xC0) != 0x80) break;
    if (start < 0) start = 0;
    int size;
    r = decode_at(b, start, &size);
    if (start + size != end) {
        r = UNI_REPLACEMENT;
        size = 1;
    }
    a[0].i = r;
    a[1].i = size;
}

static int64_t rune_count(Bytes b) {
    int64_t n = 0;
    for (int64_t i = 0; i < b.n; n++) {
        if (at(b, i) < 0x80) {
            i++;
            continue;
        }
        int size;
        decode_at(b, i, &size);
        i += size;
    }
    return n;
}

static bool valid(Bytes b) {
    for (int64_t i = 0; i < b.n;) {
        if (at(b, i) < 0x80) {
            i++;
            continue;
        }
        int size;
        int32_t r = decode_at(b, i, &size);
        if (r == UNI_REPLACEMENT && size == 1) return false;
        i += size;
    }
    return true;
}

/* Does b begin with a full encoding of a rune (an invalid one counts)? */
static bool full_rune(Bytes b) {
    if (b.n == 0) return false;
    uint8_t c = at(b, 0);
    int need;
    uint8_t lo = 0x80, hi = 0xBF;
    if (c < 0xC2) return true; /* ASCII, or an invalid first byte (width 1) */
    if (c < 0xE0) need = 2;
    else if (c < 0xF0) need = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    else if (c < 0xF5) need = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    else return true;
    if (b.n >= need) return true;
    /* Short: full only if already invalid (decoding would stop at width 1). */
    if (b.n > 1 && (at(b, 1) < lo || at(b, 1) > hi)) return true;
    if (b.n > 2 && (at(b, 2) < 0x80 || at(b, 2) > 0xBF)) return true;
    return false;
}

static int n_decode_rune(G *g, Value *a) { decode_rune(a, from_slice(a)); return NATIVE_OK; }
static int n_decode_rune_in_string(G *g, Value *a) { decode_rune(a, from_str(a)); return NATIVE_OK; }
static int n_decode_last_rune(G *g, Value *a) { decode_last_rune(a, from_slice(a)); return NATIVE_OK; }
static int n_decode_last_rune_in_string(G *g, Value *a) { decode_last_rune(a, from_str(a)); return NATIVE_OK; }
static int n_rune_count(G *g, Value *a) { ret_int(a, rune_count(from_slice(a))); return NATIVE_OK; }
static int n_rune_count_in_string(G *g, Value *a) { ret_int(a, rune_count(from_str(a))); return NATIVE_OK; }
static int n_valid(G *g, Value *a) { ret_bool(a, valid(from_slice(a))); return NATIVE_OK; }
static int n_valid_string(G *g, Value *a) { ret_bool(a, valid(from_str(a))); return NATIVE_OK; }
static int n_full_rune(G *g, Value *a) { ret_bool(a, full_rune(from_slice(a))); return NATIVE_OK; }
static int n_full_rune_in_string(G *g, Value *a) { ret_bool(a, full_rune(from_str(a))); return NATIVE_OK; }

/* func EncodeRune(p []byte, r rune) int: panics like Go's index check when p is short. */
static int n_encode_rune(G *g, Value *a) {
    GoSlice p = slice_get(a);
    int32_t r = (int32_t)a[3].i;
    uint8_t enc[4];
    int n = r >= 0 && r < 0x80 ? (enc[0] = (uint8_t)r, 1) : utf8_encode(enc, r);
    if (p.len < n) {
        vm_panic_runtime(g, gc_sprintf("runtime error: index out of range [%d] with length %lld", n - 1,
                                       (long long)p.len));
        return NATIVE_PANIC;
    }
    for (int i = 0; i < n; i++) p.ptr[i].u = enc[i];
    ret_int(a, n);
    return NATIVE_OK;
}

const NativeDef stdlib_natives_unicode_utf8[] = {
    NATIVE("DecodeLastRune", n_decode_last_rune),
    NATIVE("DecodeLastRuneInString", n_decode_last_rune_in_string),
    NATIVE("DecodeRune", n_decode_rune),
    NATIVE("DecodeRuneInString", n_decode_rune_in_string),
    NATIVE("EncodeRune", n_encode_rune),
    NATIVE("FullRune", n_full_rune),
    NATIVE("FullRuneInString", n_full_rune_in_string),
    NATIVE("RuneCount", n_rune_count),
    NATIVE("RuneCountInString", n_rune_count_in_string),
    NATIVE("Valid", n_valid),
    NATIVE("ValidString", n_valid_string),
    NATIVES_END,
};
