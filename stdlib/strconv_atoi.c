/* strconv_atoi.c - strconv.ParseUint/ParseInt/FormatInt kernels with Go's
 * rules: base 0 takes the 0b/0o/0x/0 prefixes and permits underscores
 * between digits; out-of-range values clamp to the limit of the bit size. */
#include "strconv_core.h"

static inline uint8_t lower(uint8_t c) { return c | ('x' - 'X'); }

/* (strconv_core.h) */
bool strconv_underscore_ok(const uint8_t *s, size_t n) {
    char saw = '^';
    size_t i = 0;
    if (n >= 1 && (s[0] == '-' || s[0] == '+')) s++, n--;
    bool hex = false;
    if (n >= 2 && s[0] == '0' && (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x')) {
        i = 2;
        saw = '0';
        hex = lower(s[1]) == 'x';
    }
    for (; i < n; i++) {
        if ((s[i] >= '0' && s[i] <= '9') || (hex && lower(s[i]) >= 'a' && lower(s[i]) <= 'f')) {
            saw = '0';
            continue;
        }
        if (s[i] == '_') {
            if (saw != '0') return false;
            saw = '_';
            continue;
        }
        if (saw == '_') return false;
        saw = '!';
    }
    return saw != '_';
}

int strconv_parse_uint(const uint8_t *s0, size_t n0, int base, int bitsize, uint64_t *out) {
    *out = 0;
    if (n0 == 0) return NUM_SYNTAX;
    const uint8_t *s = s0;
    size_t n = n0;
    bool base0 = base == 0;
    if (base == 0) {
        base = 10;
        if (s[0] == '0') {
            if (n >= 3 && lower(s[1]) == 'b') base = 2, s += 2, n -= 2;
            else if (n >= 3 && lower(s[1]) == 'o') base = 8, s += 2, n -= 2;
            else if (n >= 3 && lower(s[1]) == 'x') base = 16, s += 2, n -= 2;
            else base = 8, s += 1, n -= 1;
        }
    } else if (base < 2 || base > 36) {
        return NUM_BASE;
    }
    if (bitsize == 0) bitsize = 64;
    else if (bitsize < 0 || bitsize > 64) return NUM_BITSIZE;

    uint64_t cutoff = UINT64_MAX / (uint64_t)base + 1;
    uint64_t maxval = bitsize == 64 ? UINT64_MAX : (1ULL << bitsize) - 1;
    bool underscores = false;
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = s[i], d;
        if (c == '_' && base0) {
            underscores = true;
            continue;
        } else if (c >= '0' && c <= '9') {
            d = c - '0';
        } else if (lower(c) >= 'a' && lower(c) <= 'z') {
            d = lower(c) - 'a' + 10;
        } else {
            return NUM_SYNTAX;
        }
        if (d >= base) return NUM_SYNTAX;
        if (v >= cutoff) {
            *out = maxval;
            return NUM_RANGE;
        }
        v *= (uint64_t)base;
        uint64_t v1 = v + d;
        if (v1 < v || v1 > maxval) {
            *out = maxval;
            return NUM_RANGE;
        }
        v = v1;
    }
    if (underscores && !strconv_underscore_ok(s0, n0)) return NUM_SYNTAX;
    *out = v;
    return NUM_OK;
}

int strconv_parse_int(const uint8_t *s, size_t n, int base, int bitsize, int64_t *out) {
    *out = 0;
    if (n == 0) return NUM_SYNTAX;
    bool neg = false;
    if (s[0] == '+') {
        s++, n--;
    } else if (s[0] == '-') {
        neg = true;
        s++, n--;
    }
    uint64_t un;
    int rc = strconv_parse_uint(s, n, base, bitsize, &un);
    if (rc != NUM_OK && rc != NUM_RANGE) return rc;
    if (bitsize == 0) bitsize = 64;
    uint64_t cutoff = 1ULL << (bitsize - 1);
    if (!neg && un >= cutoff) {
        *out = (int64_t)(cutoff - 1);
        return NUM_RANGE;
    }
    if (neg && un > cutoff) {
        *out = -(int64_t)(cutoff - 1) - 1;
        return NUM_RANGE;
    }
    *out = neg ? (int64_t)(0 - un) : (int64_t)un;
    return NUM_OK;
}

void strconv_format_uint(StrBuf *b, uint64_t v, int base) {
    static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    char tmp[65];
    int i = sizeof tmp;
    if (base < 2 || base > 36) base = 10; /* Go panics; the Go side checks first */
    do {
        tmp[--i] = digits[v % (uint64_t)base];
        v /= (uint64_t)base;
    } while (v);
    sb_putn(b, tmp + i, sizeof tmp - (size_t)i);
}

void strconv_format_int(StrBuf *b, int64_t v, int base) {
    if (v < 0) {
        sb_putc(b, '-');
        strconv_format_uint(b, 0 - (uint64_t)v, base);
    } else {
        strconv_format_uint(b, (uint64_t)v, base);
    }
}
