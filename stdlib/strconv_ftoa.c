/* strconv_ftoa.c - strconv.FormatFloat: Go's float formatting, byte for byte.
 *
 * DIGITS. Every format is produced from a decimal digit string d (no
 * trailing zeros) and a decimal point position dp, value = 0.d x 10^dp, as
 * Go's decimalSlice. Fixed precisions take the digits from glibc's printf,
 * which is exact and rounds half to even on the exact binary value, as Go
 * does (Ryu fixed / big decimal rounding).
 *
 * SHORTEST. Go prints the shortest digit string that parses back to the
 * same value, and among those the one closest to it (Ryu). We get the same
 * digits from printf and strtod:
 *   - For a normal float that is not a power of two, the interval of decimals
 *     that round to it is symmetric, so if any n-digit decimal round-trips the
 *     nearest one (printf "%.{n-1}e") does. Any decimal of at most DBL_DIG (15;
 *     FLT_DIG = 6 for float32) digits survives decimal -> binary -> decimal, so
 *     when the shortest form has at most 15 digits, the nearest 15-digit form
 *     is that form padded with zeros. Hence: try 15 digits and strip zeros;
 *     else 16; else 17 (always enough). float32: 6, 7, 8, 9.
 *   - Powers of two have a lower half-interval half as wide as the upper one,
 *     and subnormals hold fewer digits, so for them we try n = 1, 2, ...: the
 *     nearest n-digit decimal, and when it lies below the value, also the next
 *     one up (Ryu's interval may admit it when the nearest falls outside).
 *   - Integers below 2^53 (2^24) print exactly, which is also what Ryu does.
 * printf and strtod assume the C locale's decimal point; goi never calls setlocale.
 */
#include "strconv_core.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct Digits {
    char *d;       /* digits, not NUL-terminated */
    int nd, dp;
    char small[48];
} Digits;

static void digits_trim(Digits *g) {
    while (g->nd > 0 && g->d[g->nd - 1] == '0') g->nd--;
    if (g->nd == 0) g->dp = 0;
}

/* Parse printf's "%e" output (d[.ddd]e[+-]XX) into g, using buf as storage. */
static void digits_from_e(Digits *g, char *buf) {
    char *p = buf, *w = buf;
    *w++ = *p++;
    if (*p == '.') {
        p++;
        while (*p >= '0' && *p <= '9') *w++ = *p++;
    }
    int nd = (int)(w - buf);
    int exp = 0;
    if (*p == 'e') exp = atoi(p + 1);
    g->d = buf;
    g->nd = nd;
    g->dp = exp + 1;
    digits_trim(g);
}

static bool roundtrips(const char *s, double v, int bitsize) {
    if (bitsize == 32) return strtof(s, NULL) == (float)v;
    return strtod(s, NULL) == v;
}

/* The nearest n-significant-digit decimal of v (> 0) as printf text. */
static void print_e(char *buf, size_t cap, double v, int n) { snprintf(buf, cap, "%.*e", n - 1, v); }

/* Add one unit in the last digit of the "%e" text in buf (n digits). */
static void increment_e(char *buf, size_t cap, int n) {
    char digits[24];
    int k = 0;
    char *p = buf;
    digits[k++] = *p++;
    if (*p == '.') {
        p++;
        while (*p >= '0' && *p <= '9') digits[k++] = *p++;
    }
    int exp = atoi(p + 1);
    int i = k - 1;
    while (i >= 0 && digits[i] == '9') digits[i--] = '0';
    if (i >= 0) {
        digits[i]++;
    } else {
        digits[0] = '1'; /* 99..9 + 1 = 100..0: one more in the exponent */
        exp++;
    }
    (void)n;
    int w = 0;
    buf[w++] = digits[0];
    if (k > 1) {
        buf[w++] = '.';
        for (int j = 1; j < k; j++) buf[w++] = digits[j];
    }
    snprintf(buf + w, cap - (size_t)w, "e%+03d", exp);
}

/* mant * 10^k / 2^s as quotient and exact remainder (the quotient must fit). */
static inline uint64_t scale(uint64_t mant, uint64_t p10, int s, unsigned __int128 *rem) {
    unsigned __int128 p = (unsigned __int128)mant * p10;
    *rem = p & ((((unsigned __int128)1) << s) - 1);
    return (uint64_t)(p >> s);
}

static const uint64_t pow10_u64[20] = {1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL,
                                       10000000ULL, 100000000ULL, 1000000000ULL, 10000000000ULL,
                                       100000000000ULL, 1000000000000ULL, 10000000000000ULL,
                                       100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL,
                                       100000000000000000ULL, 1000000000000000000ULL,
                                       10000000000000000000ULL};

/* The fast path of the shortest digits, exact for values v = mant * 2^e2
 * in [0.01, 2^e2 <= 0): scale the rounding interval of v by 10^k so that it
 * lies around 10^17, as integers with exact remainders (128-bit products
 * and shifts only), drop as many trailing digits as the interval allows,
 * and round the scaled value to that many digits, staying inside the
 * interval - the decimal Ryu picks. False when v is out of range. */
static bool shortest_exact(Digits *g, double v, uint64_t mant, int e2, bool power_of_two) {
    int s = 2 - e2; /* the interval is [mm, mp] * 2^(e2-2) */
    if (s < 2 || s > 100 || !(v >= 0.01)) return false;
    uint64_t mv = 4 * mant, mp = 4 * mant + 2, mm = power_of_two ? 4 * mant - 1 : 4 * mant - 2;
    bool inclusive = (mant & 1) == 0; /* round-half-even parses the bounds back to v */
    int k = 17 - (int)floor(log10(v));
    if (k < 0 || k > 19) return false;
    unsigned __int128 rc, rl, ru;
    uint64_t dc = scale(mv, pow10_u64[k], s, &rc);
    if (dc < pow10_u64[17] && k < 19) dc = scale(mv, pow10_u64[++k], s, &rc); /* log10 estimate was low */
    if (dc < pow10_u64[16]) return false;
    uint64_t dl = scale(mm, pow10_u64[k], s, &rl), du = scale(mp, pow10_u64[k], s, &ru);
    if (rl != 0 || !inclusive) dl++;
    if (ru == 0 && !inclusive) du--;
    /* the most digits that can go: some multiple of 10^j lies in [dl, du] */
    int j = 0;
    uint64_t p = 1, lo = dl, hi = du; /* lo = ceil(dl / p), hi = floor(du / p) */
    while (j < 19) {
        uint64_t nlo = (lo + 9) / 10, nhi = hi / 10;
        if (nlo > nhi) break;
        lo = nlo, hi = nhi;
        p *= 10;
        j++;
    }
    /* round the exact scaled value dc + rc/2^s to a multiple of p, half to even */
    uint64_t q = dc / p, rem = dc % p;
    bool up;
    if (j == 0) {
        unsigned __int128 half = ((unsigned __int128)1) << (s - 1);
        up = rc > half || (rc == half && (q & 1));
    } else {
        uint64_t half = p / 2;
        up = rem > half || (rem == half && (rc != 0 || (q & 1)));
    }
    uint64_t t = q + up;
    if (t < lo) t = lo;
    if (t > hi) t = hi;
    char tmp[24];
    int n = 0;
    for (; t; t /= 10) tmp[n++] = (char)('0' + t % 10);
    for (int i = 0; i < n; i++) g->small[i] = tmp[n - 1 - i];
    g->d = g->small;
    g->nd = n;
    g->dp = n + j - k;
    digits_trim(g);
    return true;
}

static void shortest_digits(Digits *g, double v, int bitsize, uint64_t mant_frac, int exp_field) {
    char *buf = g->small;
    size_t cap = sizeof g->small;
    double exact_limit = bitsize == 32 ? 16777216.0 : 9007199254740992.0;
    if (v < exact_limit && v == floor(v)) {
        char tmp[24];
        int k = 0;
        for (uint64_t u = (uint64_t)v; u; u /= 10) tmp[k++] = (char)('0' + u % 10);
        for (int i = 0; i < k; i++) buf[i] = tmp[k - 1 - i];
        g->d = buf;
        g->nd = g->dp = k;
        digits_trim(g);
        return;
    }
    int mantbits = bitsize == 32 ? 23 : 52;
    if (exp_field != 0) {
        int bias = bitsize == 32 ? 127 : 1023;
        uint64_t mant = mant_frac | (1ULL << mantbits);
        /* the lower bound is nearer for powers of two (except the smallest normal) */
        bool power_of_two = mant_frac == 0 && exp_field > 1;
        if (shortest_exact(g, v, mant, exp_field - bias - mantbits, power_of_two)) return;
    }
    int dig = bitsize == 32 ? 6 : 15, maxdig = bitsize == 32 ? 9 : 17;
    if (mant_frac != 0 && exp_field != 0) {
        for (int n = dig; n < maxdig; n++) {
            print_e(buf, cap, v, n);
            if (roundtrips(buf, v, bitsize)) {
                digits_from_e(g, buf);
                return;
            }
        }
        print_e(buf, cap, v, maxdig);
        digits_from_e(g, buf);
        return;
    }
    for (int n = 1; n <= maxdig; n++) {
        print_e(buf, cap, v, n);
        if (roundtrips(buf, v, bitsize)) break;
        double back = bitsize == 32 ? (double)strtof(buf, NULL) : strtod(buf, NULL);
        if (back < v && n < maxdig) {
            char up[48];
            memcpy(up, buf, sizeof up);
            increment_e(up, sizeof up, n);
            if (roundtrips(up, v, bitsize)) {
                memcpy(buf, up, sizeof up);
                break;
            }
        }
    }
    digits_from_e(g, buf);
}

/* Digits of the integer t into g (t > 0), the decimal point at dp. */
static void digits_of(Digits *g, uint64_t t, int dp_offset) {
    char tmp[24];
    int n = 0;
    for (; t; t /= 10) tmp[n++] = (char)('0' + t % 10);
    for (int i = 0; i < n; i++) g->small[i] = tmp[n - 1 - i];
    g->d = g->small;
    g->nd = n;
    g->dp = n + dp_offset;
    digits_trim(g);
}

/* Round q + frac to an integer, half to even, where frac = rem/p + r/(p*2^s)
 * with rem < p (p a power of ten, or 1 when only r/2^s remains). */
static inline bool round_up(uint64_t q, uint64_t rem, uint64_t p, unsigned __int128 r, int s) {
    if (p == 1) {
        unsigned __int128 half = ((unsigned __int128)1) << (s - 1);
        return r > half || (r == half && (q & 1));
    }
    uint64_t half = p / 2;
    return rem > half || (rem == half && (r != 0 || (q & 1)));
}

/* Fast exact 'f' digits: v * 10^prec rounded, for v = mant * 2^e2 < 2^52
 * when the result fits in 64 bits. */
static bool fixed_point_exact(Digits *g, double v, uint64_t mant, int e2, int prec) {
    int s = -e2;
    if (prec > 19 || s < 1 || s > 120 || !(v * (double)pow10_u64[prec] < 1e19)) return false;
    unsigned __int128 r;
    uint64_t q = scale(mant, pow10_u64[prec], s, &r);
    uint64_t t = q + round_up(q, 0, 1, r, s);
    if (t == 0) {
        g->d = g->small;
        g->nd = g->dp = 0;
        return true;
    }
    digits_of(g, t, -prec);
    return true;
}

/* Fast exact n-significant-digit rounding (n <= 17) of v = mant * 2^e2. */
static bool fixed_digits_exact(Digits *g, double v, uint64_t mant, int e2, int n) {
    int s = -e2;
    if (n > 17 || s < 1 || s > 120 || !(v >= 1e-2)) return false;
    int k = 17 - (int)floor(log10(v));
    if (k < 0 || k > 19) return false;
    unsigned __int128 r;
    uint64_t x = scale(mant, pow10_u64[k], s, &r);
    if (x < pow10_u64[17] && k < 19) x = scale(mant, pow10_u64[++k], s, &r);
    if (x < pow10_u64[16]) return false;
    int digits = 1;
    while (digits < 20 && x >= pow10_u64[digits]) digits++;
    int drop = digits - n;
    if (drop < 0) drop = 0; /* more digits asked for than are significant: all exact */
    uint64_t p = pow10_u64[drop], q = x / p, rem = x % p;
    uint64_t t = q + round_up(q, rem, p, r, s);
    digits_of(g, t, drop - k);
    return true;
}

/* The nearest n-digit decimal of v (n >= 1). */
static void fixed_digits(Digits *g, double v, int n) {
    size_t cap = (size_t)n + 16;
    char *buf = cap <= sizeof g->small ? g->small : gc_alloc_atomic(cap);
    print_e(buf, cap, v, n);
    digits_from_e(g, buf);
}

/* v rounded to prec digits after the decimal point. */
static void fixed_point_digits(Digits *g, double v, int prec) {
    size_t cap = (size_t)prec + 330;
    char *buf = cap <= sizeof g->small ? g->small : gc_alloc_atomic(cap);
    snprintf(buf, cap, "%.*f", prec, v);
    /* "123.4500" -> "1234500", dp 3; "0.0012" -> "12", dp -2 */
    char *w = buf;
    int dp = 0;
    bool point = false, leading = true;
    for (char *p = buf; *p; p++) {
        if (*p == '.') {
            point = true;
            continue;
        }
        if (leading && *p == '0') {
            if (point) dp--;
            continue;
        }
        leading = false;
        *w++ = *p;
        if (!point) dp++;
    }
    g->d = buf;
    g->nd = (int)(w - buf);
    g->dp = dp;
    digits_trim(g);
}

/* ------------------------------------------------------------- layouts */

static void fmt_e(StrBuf *b, bool neg, const Digits *g, int prec, char fmt) {
    if (neg) sb_putc(b, '-');
    sb_putc(b, g->nd ? g->d[0] : '0');
    if (prec > 0) {
        sb_putc(b, '.');
        int i = 1;
        int m = g->nd < prec + 1 ? g->nd : prec + 1;
        if (i < m) {
            sb_putn_safe(b, g->d + i, (size_t)(m - i));
            i = m;
        }
        for (; i <= prec; i++) sb_putc(b, '0');
    }
    sb_putc(b, fmt);
    int exp = g->nd ? g->dp - 1 : 0;
    sb_putc(b, exp < 0 ? '-' : '+');
    if (exp < 0) exp = -exp;
    if (exp < 10) {
        sb_putc(b, '0');
        sb_putc(b, (char)('0' + exp));
    } else if (exp < 100) {
        sb_putc(b, (char)('0' + exp / 10));
        sb_putc(b, (char)('0' + exp % 10));
    } else {
        sb_putc(b, (char)('0' + exp / 100));
        sb_putc(b, (char)('0' + exp / 10 % 10));
        sb_putc(b, (char)('0' + exp % 10));
    }
}

static void fmt_f(StrBuf *b, bool neg, const Digits *g, int prec) {
    if (neg) sb_putc(b, '-');
    if (g->dp > 0) {
        int m = g->nd < g->dp ? g->nd : g->dp;
        sb_putn_safe(b, g->d, (size_t)m);
        for (; m < g->dp; m++) sb_putc(b, '0');
    } else {
        sb_putc(b, '0');
    }
    if (prec > 0) {
        sb_reserve(b, (size_t)prec + 1);
        sb_putc(b, '.');
        for (int i = 0; i < prec; i++) {
            int j = g->dp + i;
            sb_putc(b, 0 <= j && j < g->nd ? g->d[j] : '0');
        }
    }
}

static void fmt_b(StrBuf *b, bool neg, uint64_t mant, int exp, int mantbits) {
    if (neg) sb_putc(b, '-');
    sb_printf(b, "%llup%+d", (unsigned long long)mant, exp - mantbits);
}

/* %x: -0x1.8p+01. The mantissa is normalised so its leading bit is bit 60,
 * then rounded (half to even) to prec hex digits when a precision is given. */
static void fmt_x(StrBuf *b, int prec, char fmt, bool neg, uint64_t mant, int exp, int mantbits) {
    if (mant == 0) exp = 0;
    mant <<= 60 - mantbits;
    while (mant != 0 && (mant & (1ULL << 60)) == 0) {
        mant <<= 1;
        exp--;
    }
    if (prec >= 0 && prec < 15) {
        unsigned shift = (unsigned)prec * 4;
        uint64_t extra = (mant << shift) & ((1ULL << 60) - 1);
        mant >>= 60 - shift;
        if ((extra | (mant & 1)) > (1ULL << 59)) mant++;
        mant <<= 60 - shift;
        if (mant & (1ULL << 61)) {
            mant >>= 1;
            exp++;
        }
    }
    const char *hex = fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    if (neg) sb_putc(b, '-');
    sb_putc(b, '0');
    sb_putc(b, fmt);
    sb_putc(b, (char)('0' + ((mant >> 60) & 1)));
    mant <<= 4;
    if (prec < 0 && mant != 0) {
        sb_putc(b, '.');
        while (mant != 0) {
            sb_putc(b, hex[(mant >> 60) & 15]);
            mant <<= 4;
        }
    } else if (prec > 0) {
        sb_putc(b, '.');
        for (int i = 0; i < prec; i++) {
            sb_putc(b, hex[(mant >> 60) & 15]);
            mant <<= 4;
        }
    }
    sb_putc(b, fmt == 'X' ? 'P' : 'p');
    sb_putc(b, exp < 0 ? '-' : '+');
    if (exp < 0) exp = -exp;
    if (exp < 100) sb_printf(b, "%02d", exp);
    else sb_printf(b, "%d", exp);
}

static void format_digits(StrBuf *b, bool shortest, bool neg, const Digits *g, int prec, char fmt) {
    switch (fmt) {
    case 'e':
    case 'E': fmt_e(b, neg, g, prec, fmt); return;
    case 'f': fmt_f(b, neg, g, prec); return;
    case 'g':
    case 'G': {
        int eprec = prec;
        if (eprec > g->nd && g->nd >= g->dp) eprec = g->nd;
        /* %e is used if the exponent from the conversion is less than -4 or
         * greater than or equal to the precision; shortest uses precision 6
         * for this decision. */
        if (shortest) eprec = 6;
        int exp = g->dp - 1;
        if (exp < -4 || exp >= eprec) {
            if (prec > g->nd) prec = g->nd;
            fmt_e(b, neg, g, prec - 1, (char)(fmt + 'e' - 'g'));
            return;
        }
        if (prec > g->dp) prec = g->nd;
        fmt_f(b, neg, g, prec - g->dp > 0 ? prec - g->dp : 0);
        return;
    }
    }
    sb_putc(b, '%');
    sb_putc(b, fmt);
}

void format_float(StrBuf *b, double f, char fmt, int prec, int bitsize) {
    uint64_t bits;
    int mantbits, expbits, bias;
    if (bitsize == 32) {
        float x = (float)f;
        uint32_t b32;
        memcpy(&b32, &x, 4);
        bits = b32;
        f = x;
        mantbits = 23, expbits = 8, bias = -127;
    } else {
        memcpy(&bits, &f, 8);
        mantbits = 52, expbits = 11, bias = -1023;
    }
    bool neg = (bits >> (expbits + mantbits)) != 0;
    int exp_field = (int)(bits >> mantbits) & ((1 << expbits) - 1);
    uint64_t frac = bits & ((1ULL << mantbits) - 1);
    if (exp_field == (1 << expbits) - 1) {
        sb_puts(b, frac ? "NaN" : neg ? "-Inf" : "+Inf");
        return;
    }
    uint64_t mant = frac;
    int exp = exp_field;
    if (exp_field == 0) exp++;
    else mant |= 1ULL << mantbits;
    exp += bias;

    if (fmt == 'b') {
        fmt_b(b, neg, mant, exp, mantbits);
        return;
    }
    if (fmt == 'x' || fmt == 'X') {
        fmt_x(b, prec, fmt, neg, mant, exp, mantbits);
        return;
    }
    bool known = fmt == 'e' || fmt == 'E' || fmt == 'f' || fmt == 'g' || fmt == 'G';
    if (!known) {
        sb_putc(b, '%');
        sb_putc(b, fmt);
        return;
    }

    double a = fabs(f);
    Digits g;
    bool shortest = prec < 0;
    if (a == 0) {
        g.d = g.small;
        g.nd = g.dp = 0;
        if (!shortest && (fmt == 'g' || fmt == 'G') && prec == 0) prec = 1;
    } else if (shortest) {
        shortest_digits(&g, a, bitsize, frac, exp_field);
    } else if (fmt == 'f') {
        if (!fixed_point_exact(&g, a, mant, exp - mantbits, prec)) fixed_point_digits(&g, a, prec);
    } else {
        if ((fmt == 'g' || fmt == 'G') && prec == 0) prec = 1;
        int n = fmt == 'e' || fmt == 'E' ? prec + 1 : prec;
        if (!fixed_digits_exact(&g, a, mant, exp - mantbits, n)) fixed_digits(&g, a, n);
    }
    if (shortest) {
        switch (fmt) {
        case 'e':
        case 'E': prec = g.nd - 1 > 0 ? g.nd - 1 : 0; break;
        case 'f': prec = g.nd - g.dp > 0 ? g.nd - g.dp : 0; break;
        default: prec = g.nd; break;
        }
    }
    format_digits(b, shortest, neg, &g, prec, fmt);
}
