/* bufio.c - natives of package bufio (stdlib/go/bufio.go): the two byte
 * loops every Scanner token and every ReadSlice runs, which cost a VM
 * dispatch per byte in Go. A []byte holds one slot per byte. */
#include "natives.h"

/* func indexByte(b []byte, c byte) int */
static int n_index_byte(G *g, Value *a) {
    GoSlice b = slice_get(a);
    uint64_t c = a[3].u & 0xff;
    int64_t r = -1;
    for (int64_t i = 0; i < b.len; i++)
        if (b.ptr[i].u == c) {
            r = i;
            break;
        }
    ret_int(a, r);
    return NATIVE_OK;
}

/* Decode the UTF-8 sequence at b[i] as Go does: an invalid or incomplete
 * sequence is U+FFFD with width 1. */
static int32_t decode(const Value *b, int64_t n, int64_t i, int *width) {
    uint32_t c0 = (uint32_t)b[i].u;
    if (c0 < 0x80) {
        *width = 1;
        return (int32_t)c0;
    }
    *width = 1;
    int need;
    uint32_t r, lo = 0x80, hi = 0xBF;
    if (c0 >= 0xC2 && c0 <= 0xDF) need = 1, r = c0 & 0x1F;
    else if (c0 >= 0xE0 && c0 <= 0xEF) {
        need = 2, r = c0 & 0x0F;
        if (c0 == 0xE0) lo = 0xA0;
        if (c0 == 0xED) hi = 0x9F;
    } else if (c0 >= 0xF0 && c0 <= 0xF4) {
        need = 3, r = c0 & 0x07;
        if (c0 == 0xF0) lo = 0x90;
        if (c0 == 0xF4) hi = 0x8F;
    } else return 0xFFFD;
    if (i + need >= n) return 0xFFFD; /* incomplete */
    for (int k = 1; k <= need; k++) {
        uint32_t c = (uint32_t)b[i + k].u;
        if (c < lo || c > hi) return 0xFFFD;
        lo = 0x80, hi = 0xBF;
        r = r << 6 | (c & 0x3F);
    }
    *width = need + 1;
    return (int32_t)r;
}

/* unicode.IsSpace, as bufio's isSpace spells it out. */
static bool is_space(int32_t r) {
    if (r <= 0xFF) {
        switch (r) {
        case ' ': case '\t': case '\n': case '\v': case '\f': case '\r': case 0x85: case 0xA0: return true;
        }
        return false;
    }
    if (r >= 0x2000 && r <= 0x200a) return true;
    switch (r) {
    case 0x1680: case 0x2028: case 0x2029: case 0x202f: case 0x205f: case 0x3000: return true;
    }
    return false;
}

/* func wordBounds(data []byte) (start, end, width int) */
static int n_word_bounds(G *g, Value *a) {
    GoSlice d = slice_get(a);
    int64_t start = 0;
    int w = 0;
    while (start < d.len) {
        int32_t r = decode(d.ptr, d.len, start, &w);
        if (!is_space(r)) break;
        start += w;
    }
    int64_t end = start, width = 0;
    while (end < d.len) {
        int32_t r = decode(d.ptr, d.len, end, &w);
        if (is_space(r)) {
            width = w;
            break;
        }
        end += w;
    }
    if (!width) end = d.len;
    a[0].i = start;
    a[1].i = end;
    a[2].i = width;
    return NATIVE_OK;
}

const NativeDef stdlib_natives_bufio[] = {
    NATIVE("indexByte", n_index_byte),
    NATIVE("wordBounds", n_word_bounds),
    NATIVES_END,
};
