/* strconv_atof.c - strconv.ParseFloat.
 *
 * The syntax check follows Go exactly (signs, "inf"/"infinity"/"nan" in any
 * case, decimal and hexadecimal mantissas, a hex mantissa needs a 'p'
 * exponent, underscores only between digits and only with a base prefix);
 * the conversion of the checked text is glibc's strtod/strtof, which rounds
 * correctly to nearest-even as Go does. Overflow gives +-Inf and a range
 * error; underflow silently gives zero or a subnormal, as in Go.
 */
#include "strconv_core.h"

#include <math.h>
#include <stdlib.h>

static inline uint8_t lower(uint8_t c) { return c | ('x' - 'X'); }

/* Case-insensitive length of the common prefix of s and the lower-case word. */
static size_t prefix_ignore_case(const uint8_t *s, size_t n, const char *word) {
    size_t i = 0;
    while (i < n && word[i] && lower(s[i]) == (uint8_t)word[i]) i++;
    return i;
}

/* Go's special(): "inf", "infinity" (optionally signed), "nan". Returns the
 * length matched, 0 if none. */
static size_t special(const uint8_t *s, size_t n, double *out) {
    if (n == 0) return 0;
    size_t nsign = 0;
    double sign = 1;
    if (s[0] == '+' || s[0] == '-') {
        if (s[0] == '-') sign = -1;
        nsign = 1;
    } else if (lower(s[0]) == 'n') {
        if (prefix_ignore_case(s, n, "nan") == 3) {
            *out = NAN;
            return 3;
        }
        return 0;
    } else if (lower(s[0]) != 'i') {
        return 0;
    }
    size_t k = prefix_ignore_case(s + nsign, n - nsign, "infinity");
    if (3 < k && k < 8) k = 3;
    if (k == 3 || k == 8) {
        *out = sign * INFINITY;
        return nsign + k;
    }
    return 0;
}

/* Go's readFloat, as a validator: the length of the longest valid prefix
 * (0 if none), copying it without underscores into clean. */
static size_t read_float(const uint8_t *s, size_t n, char *clean) {
    size_t i = 0, w = 0;
    bool underscores = false;
    if (i < n && (s[i] == '+' || s[i] == '-')) clean[w++] = (char)s[i++];
    bool hex = false;
    if (i + 2 < n && s[i] == '0' && lower(s[i + 1]) == 'x') {
        hex = true;
        clean[w++] = '0';
        clean[w++] = 'x';
        i += 2;
    }
    bool sawdot = false, sawdigits = false;
    for (; i < n; i++) {
        uint8_t c = s[i];
        if (c == '_') {
            underscores = true;
            continue;
        }
        if (c == '.') {
            if (sawdot) break;
            sawdot = true;
        } else if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
            sawdigits = true;
        } else {
            break;
        }
        clean[w++] = (char)c;
    }
    if (!sawdigits) return 0;
    char expchar = hex ? 'p' : 'e';
    if (i < n && lower(s[i]) == expchar) {
        clean[w++] = (char)expchar;
        i++;
        if (i >= n) return 0;
        if (s[i] == '+' || s[i] == '-') clean[w++] = (char)s[i++];
        if (i >= n || s[i] < '0' || s[i] > '9') return 0;
        for (; i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '_'); i++) {
            if (s[i] == '_') {
                underscores = true;
                continue;
            }
            clean[w++] = (char)s[i];
        }
    } else if (hex) {
        return 0;
    }
    if (underscores && !strconv_underscore_ok(s, i)) return 0;
    clean[w] = 0;
    return i;
}

int strconv_parse_float_prefix(const uint8_t *s, size_t n, int bitsize, double *out, size_t *consumed) {
    *out = 0;
    *consumed = 0;
    double sp;
    size_t k = special(s, n, &sp);
    if (k) {
        *out = sp;
        *consumed = k;
        return NUM_OK;
    }
    char small[64];
    char *clean = n < sizeof small ? small : gc_alloc_atomic(n + 1);
    size_t len = read_float(s, n, clean);
    if (len == 0) return NUM_SYNTAX;
    double v;
    if (bitsize == 32) v = strtof(clean, NULL);
    else v = strtod(clean, NULL);
    *out = v;
    *consumed = len;
    return isinf(v) ? NUM_RANGE : NUM_OK;
}

int strconv_parse_float(const uint8_t *s, size_t n, int bitsize, double *out) {
    size_t used;
    int rc = strconv_parse_float_prefix(s, n, bitsize, out, &used);
    if (rc == NUM_SYNTAX) return rc;
    if (used != n) {
        *out = 0;
        return NUM_SYNTAX;
    }
    return rc;
}
