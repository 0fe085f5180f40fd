/* constant.c - exact constant arithmetic for the checker (Go's go/constant).
 *
 * REPRESENTATION. Integers are GMP integers and floats are GMP rationals, so
 * untyped constant arithmetic is exact: 0.1+0.2 == 0.3 holds, 1e-400 is not
 * zero, 1<<100 is an ordinary value. Complex constants are two rationals.
 *
 * MEMORY. A ConstVal is collected memory, but GMP allocates its digits with
 * malloc. Rather than hooking GMP's allocator globally (which would affect
 * every other GMP user in the process) or registering finalizers, each
 * result is computed in a temporary mpz/mpq, its limbs are copied into
 * collected atomic memory, and the temporary is cleared. Operands are read
 * back through zero-copy read-only views (mpz_roinit_n), so a ConstVal never
 * owns malloc'ed memory.
 *
 * TWO TIERS, AS IN GC. go/constant keeps a fraction exact only while its
 * numerator and denominator stay below 4096 bits (and a literal only while
 * its binary exponent is below 4096); beyond that the value becomes a
 * 512-bit binary float, and every later operation on it is rounded to 512
 * bits. We mirror this with the `inexact` flag, so that long chains of
 * float arithmetic cannot grow without bound and so that results agree
 * with gc's even where gc is approximate: converting an inexact value to
 * an integer tolerates a few bits of rounding error, as go/constant's
 * ToInt does (1e5000 / 1e4990 is the integer 10000000000).
 *
 * LIMITS. Even a rounded float is kept as a rational (mantissa * 2^exp),
 * so magnitudes are capped at 2^±MAX_BIN_EXP (about 1e±315652): a literal
 * beyond that is rejected as "malformed constant" (gc's wording for its
 * own, larger, limit) and an operation beyond it fails with "constant
 * result is not representable". Integers are unbounded here; gc's 512-bit
 * limit on untyped integers ("constant multiplication overflow") is the
 * checker's to enforce. Only a much larger safety cap (INT_MAX_BITS)
 * protects against runaway values.
 */
#include <stdio.h> /* before vm.h, which uses FILE */

#include "constant.h"

#include <gmp.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>

/* int64/uint64 go through mpz_{get,set}_{si,ui}: this needs LP64. */
_Static_assert(sizeof(long) == 8, "constant.c assumes 64-bit long");

#define RAT_MAX_BITS 4096      /* gc's maxExp: fractions this large become floats */
#define FLOAT_PREC 512         /* gc: precision of those floats */
#define FUZZY_PREC (FLOAT_PREC - 4) /* gc's ToInt tolerance for rounded floats */
#define MAX_BIN_EXP (1L << 20) /* |binary exponent| of any float (~1e±315652) */
#define INT_MAX_BITS (1L << 20)

/* An integer whose limbs live in collected memory; size is signed like
 * GMP's _mp_size (negative for negative numbers, 0 for zero). */
typedef struct BigInt {
    mp_size_t size;
    const mp_limb_t *limbs;
} BigInt;

/* A canonical fraction (den > 0, gcd 1; zero is 0/1). */
typedef struct Rat {
    BigInt num, den;
} Rat;

struct ConstVal {
    CVKind kind;
    bool inexact; /* FLOAT/COMPLEX in gc's 512-bit float tier (see above) */
    union {
        bool b;                                  /* CV_BOOL */
        struct { const char *ptr; size_t len; } s; /* CV_STRING (bytes, may hold NUL) */
        BigInt i;                                /* CV_INT */
        struct { Rat re, im; } q;                /* CV_FLOAT (re only), CV_COMPLEX */
    };
};

/* Zero still points at a limb: some GMP functions read d[0] unconditionally. */
static const mp_limb_t zero_limb = 0, one_limb = 1;
static const BigInt big_zero = {0, &zero_limb};
static const BigInt big_one = {1, &one_limb};

/* ------------------------------------------------------------ GMP plumbing */

static void int_view(mpz_ptr out, const BigInt *b) { mpz_roinit_n(out, b->limbs, b->size); }

static BigInt int_save(mpz_srcptr z) {
    size_t n = mpz_size(z);
    if (n == 0) return big_zero;
    mp_limb_t *d = gc_alloc_atomic(n * sizeof *d);
    memcpy(d, mpz_limbs_read(z), n * sizeof *d);
    return (BigInt){mpz_sgn(z) < 0 ? -(mp_size_t)n : (mp_size_t)n, d};
}

static void rat_view(mpq_ptr out, const Rat *r) {
    int_view(mpq_numref(out), &r->num);
    int_view(mpq_denref(out), &r->den);
}

static Rat rat_save(mpq_srcptr q) { return (Rat){int_save(mpq_numref(q)), int_save(mpq_denref(q))}; }

/* Views of the real and imaginary part of any numeric value as a fraction.
 * An integer is viewed as n/1; a non-complex value has imaginary part 0/1. */
static void re_view(mpq_ptr out, const ConstVal *v) {
    if (v->kind == CV_INT) {
        int_view(mpq_numref(out), &v->i);
        int_view(mpq_denref(out), &big_one);
    } else {
        rat_view(out, &v->q.re);
    }
}

static void im_view(mpq_ptr out, const ConstVal *v) {
    if (v->kind == CV_COMPLEX) {
        rat_view(out, &v->q.im);
    } else {
        int_view(mpq_numref(out), &big_zero);
        int_view(mpq_denref(out), &big_one);
    }
}

static bool is_numeric(const ConstVal *v) {
    return v->kind == CV_INT || v->kind == CV_FLOAT || v->kind == CV_COMPLEX;
}

static bool rat_is_int(mpq_srcptr q) { return mpz_cmp_ui(mpq_denref(q), 1) == 0; }

/* ------------------------------------------------------------ constructors */

static ConstVal *mk(CVKind k) {
    ConstVal *v = NEW(ConstVal);
    v->kind = k;
    return v;
}

static ConstVal *mk_int(mpz_srcptr z) {
    ConstVal *v = mk(CV_INT);
    v->i = int_save(z);
    return v;
}

static ConstVal *mk_float(mpq_srcptr q, bool inexact) {
    ConstVal *v = mk(CV_FLOAT);
    v->inexact = inexact;
    v->q.re = rat_save(q);
    v->q.im = (Rat){big_zero, big_one};
    return v;
}

static ConstVal *mk_complex(mpq_srcptr re, mpq_srcptr im, bool inexact) {
    ConstVal *v = mk(CV_COMPLEX);
    v->inexact = inexact;
    v->q.re = rat_save(re);
    v->q.im = rat_save(im);
    return v;
}

CVKind cv_kind(const ConstVal *v) { return v->kind; }

ConstVal *cv_unknown(void) {
    static ConstVal unknown = {.kind = CV_UNKNOWN};
    return &unknown;
}

ConstVal *cv_bool(bool b) {
    ConstVal *v = mk(CV_BOOL);
    v->b = b;
    return v;
}

ConstVal *cv_string(const char *s, size_t n) {
    ConstVal *v = mk(CV_STRING);
    char *p = gc_alloc_atomic(n + 1); /* NUL-terminated for convenience only */
    if (n) memcpy(p, s, n);
    p[n] = 0;
    v->s.ptr = p;
    v->s.len = n;
    return v;
}

ConstVal *cv_int64(int64_t i) {
    mpz_t z;
    mpz_init_set_si(z, i);
    ConstVal *v = mk_int(z);
    mpz_clear(z);
    return v;
}

ConstVal *cv_uint64(uint64_t u) {
    mpz_t z;
    mpz_init_set_ui(z, u);
    ConstVal *v = mk_int(z);
    mpz_clear(z);
    return v;
}

/* Exact value of a finite double (mpq_set_d does not round). NaN and
 * infinities are not constants. -0 becomes 0, as in go/constant. */
ConstVal *cv_float64(double f) {
    if (!isfinite(f)) return cv_unknown();
    mpq_t q;
    mpq_init(q);
    mpq_set_d(q, f);
    ConstVal *v = mk_float(q, false);
    mpq_clear(q);
    return v;
}

/* ------------------------------------------------------- binary floats */

/* The binary exponent e of a nonzero q: 2^(e-1) <= |q| < 2^e. */
static long rat_exp(mpq_srcptr q) {
    long nb = (long)mpz_sizeinbase(mpq_numref(q), 2);
    long db = (long)mpz_sizeinbase(mpq_denref(q), 2);
    long k = nb - db; /* |q| lies in (2^(k-1), 2^(k+1)) */
    mpz_t a, b;
    mpz_init(a);
    mpz_init(b);
    mpz_abs(a, mpq_numref(q));
    mpz_set(b, mpq_denref(q));
    if (k >= 0) mpz_mul_2exp(b, b, (mp_bitcnt_t)k);
    else mpz_mul_2exp(a, a, (mp_bitcnt_t)-k);
    long e = mpz_cmp(a, b) >= 0 ? k + 1 : k;
    mpz_clear(a);
    mpz_clear(b);
    return e;
}

/* Round q to the nearest m * 2^s with |m| < 2^prec and s >= qmin, ties to
 * even: the rounding of an IEEE binary format with prec mantissa bits whose
 * smallest subnormal is 2^qmin (float64: 53, -1074; float32: 24, -149).
 * The exponent range above is unbounded; callers test for overflow. q must
 * be nonzero. */
static void round_bits(mpz_ptr m, long *s, mpq_srcptr q, long prec, long qmin) {
    long e = rat_exp(q);
    long sh = e - prec;
    if (sh < qmin) sh = qmin;
    mpz_t n, d, r;
    mpz_init(n);
    mpz_init(d);
    mpz_init(r);
    mpz_abs(n, mpq_numref(q));
    mpz_set(d, mpq_denref(q));
    if (sh < 0) mpz_mul_2exp(n, n, (mp_bitcnt_t)-sh);
    else mpz_mul_2exp(d, d, (mp_bitcnt_t)sh);
    mpz_fdiv_qr(m, r, n, d);
    mpz_mul_2exp(r, r, 1);
    int c = mpz_cmp(r, d);
    if (c > 0 || (c == 0 && mpz_odd_p(m))) mpz_add_ui(m, m, 1);
    if (mpq_sgn(q) < 0) mpz_neg(m, m);
    *s = sh;
    mpz_clear(n);
    mpz_clear(d);
    mpz_clear(r);
}

/* out = m * 2^s */
static void rat_from_bits(mpq_ptr out, mpz_srcptr m, long s) {
    mpq_set_z(out, m);
    if (s >= 0) mpq_mul_2exp(out, out, (mp_bitcnt_t)s);
    else mpq_div_2exp(out, out, (mp_bitcnt_t)-s);
}

/* IEEE formats: mantissa bits, smallest quantum exponent, and the exponent
 * of the first power of two that is too large (overflow to infinity). */
typedef struct FloatFmt {
    long prec, qmin, emax;
} FloatFmt;
static const FloatFmt fmt64 = {53, -1074, 1024};
static const FloatFmt fmt32 = {24, -149, 128};

/* Round q to format f as a double (exact: a float32 value is also a double).
 * Returns ±INFINITY when the rounded value overflows the format. The quick
 * exits keep shifts small for values far outside the format's range. */
static double rat_to_fmt(mpq_srcptr q, const FloatFmt *f) {
    int sg = mpq_sgn(q);
    if (sg == 0) return 0.0;
    long e = rat_exp(q);
    if (e > f->emax + 1) return sg < 0 ? -INFINITY : INFINITY;
    if (e < f->qmin - 1) return sg < 0 ? -0.0 : 0.0; /* below half the smallest subnormal */
    mpz_t m;
    mpz_init(m);
    long s;
    round_bits(m, &s, q, f->prec, f->qmin);
    double d;
    if ((long)mpz_sizeinbase(m, 2) + s > f->emax) d = sg < 0 ? -INFINITY : INFINITY;
    else d = ldexp(mpz_get_d(m), (int)s); /* |m| <= 2^53: both steps exact */
    if (d == 0) d = sg < 0 ? -0.0 : 0.0;
    mpz_clear(m);
    return d;
}

/* Is q a multiple of a power of two with at most FLOAT_PREC significant bits
 * (so that rounding it to FLOAT_PREC bits changes nothing)? */
static bool is_short_float(mpq_srcptr q) {
    mpz_srcptr num = mpq_numref(q), den = mpq_denref(q);
    if (mpz_scan1(den, 0) != mpz_sizeinbase(den, 2) - 1) return false; /* den not 2^k */
    return mpz_sgn(num) == 0 || mpz_sizeinbase(num, 2) - mpz_scan1(num, 0) <= FLOAT_PREC;
}

/* Round q in place to FLOAT_PREC bits (gc's big.Float precision). */
static void round_prec(mpq_ptr q) {
    if (is_short_float(q)) return;
    mpz_t m;
    mpz_init(m);
    long s;
    round_bits(m, &s, q, FLOAT_PREC, LONG_MIN / 2);
    rat_from_bits(q, m, s);
    mpz_clear(m);
}

static bool in_range(mpq_srcptr q) {
    if (mpq_sgn(q) == 0) return true;
    long e = rat_exp(q);
    return e <= MAX_BIN_EXP && e >= -MAX_BIN_EXP;
}

/* gc's size policy for the result q of a float operation: a fraction that
 * has grown to RAT_MAX_BITS becomes a 512-bit float, and results of inexact
 * operands are rounded like big.Float results. *inexact is updated. Returns
 * false when the magnitude is beyond MAX_BIN_EXP. */
static bool finish_float(mpq_ptr q, bool *inexact) {
    if (!in_range(q)) return false;
    if (mpz_sizeinbase(mpq_numref(q), 2) >= RAT_MAX_BITS || mpz_sizeinbase(mpq_denref(q), 2) >= RAT_MAX_BITS)
        *inexact = true;
    if (*inexact) round_prec(q);
    return true;
}

/* ------------------------------------------------------------ literals */

/* text[0..len) as a NUL-terminated collected copy. */
static char *copy_text(const char *text, size_t len) { return gc_strndup(text, len); }

static ConstVal *parse_int(const char *text, size_t len, const char **err) {
    char *src = copy_text(text, len);
    char *digits = gc_alloc_atomic(len + 1);
    int base;
    if (!lex_int_digits(src, digits, len + 1, &base, err)) return NULL;
    mpz_t z;
    mpz_init(z);
    if (mpz_set_str(z, digits, base) != 0) {
        mpz_clear(z);
        *err = gc_sprintf("malformed constant: %s", src);
        return NULL;
    }
    ConstVal *v = mk_int(z);
    mpz_clear(z);
    return v;
}

static int digit_val(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') return (c | 0x20) - 'a' + 10;
    return 99;
}

/* A decimal or hexadecimal floating-point literal (underscores allowed) into
 * q, exactly. The lexer has already reported syntax errors; the checks here
 * only keep malformed input from being misread. */
static bool parse_float(const char *text, size_t len, mpq_ptr q, bool *inexact, const char **err) {
    const char *p = text, *end = text + len;
    int base = 10;
    if (len >= 2 && p[0] == '0' && (p[1] | 0x20) == 'x') base = 16, p += 2;

    /* Mantissa digits without '.' and '_'; nfrac counts those after '.'. */
    char *mant = gc_alloc_atomic(len + 1);
    size_t nm = 0;
    long long nfrac = 0;
    bool seen_dot = false;
    for (; p < end; p++) {
        char c = *p;
        if (c == '_') continue;
        if (c == '.') {
            if (seen_dot) goto malformed;
            seen_dot = true;
            continue;
        }
        if (digit_val(c) >= base) break;
        mant[nm++] = c;
        if (seen_dot) nfrac++;
    }
    mant[nm] = 0;
    if (nm == 0) {
        if (base != 16) goto malformed;
        *err = "hexadecimal literal has no digits";
        return false;
    }

    *inexact = false;

    /* Exponent: e/E (decimal) or p/P (binary, required for hex). Its value
     * saturates far beyond any limit so that absurd exponents cannot wrap. */
    long long exp = 0;
    if (p < end) {
        char c = *p | 0x20;
        if ((base == 10 && c != 'e') || (base == 16 && c != 'p')) goto malformed;
        p++;
        int sign = 1;
        if (p < end && (*p == '+' || *p == '-')) sign = *p++ == '-' ? -1 : 1;
        bool any = false;
        for (; p < end; p++) {
            if (*p == '_') continue;
            if (*p < '0' || *p > '9') goto malformed;
            any = true;
            if (exp < 1000000000000LL) exp = exp * 10 + (*p - '0');
        }
        if (!any) {
            *err = "exponent has no digits";
            return false;
        }
        exp *= sign;
    } else if (base == 16) {
        *err = "hexadecimal mantissa requires a 'p' exponent";
        return false;
    }

    mpz_t m;
    mpz_init(m);
    mpz_set_str(m, mant, base);
    if (mpz_sgn(m) == 0) { /* 0e-99999999999 is simply zero (gc issue 20228) */
        mpz_clear(m);
        mpq_set_ui(q, 0, 1);
        return true;
    }
    bool ok = true;
    if (base == 10) {
        /* value = m * 10^k; with nd significant digits it lies in
         * [10^(nd-1+k), 10^(nd+k)), so check the magnitude before computing
         * 10^|k| (log2(10) < 3.33). */
        long long k = exp - nfrac;
        long long nd = (long long)mpz_sizeinbase(m, 10);
        long long mag = nd + k;
        if (mag > MAX_BIN_EXP / 3.33 || mag < -MAX_BIN_EXP / 3.33) {
            ok = false;
        } else {
            mpz_t pw;
            mpz_init(pw);
            mpz_ui_pow_ui(pw, 10, (unsigned long)(k < 0 ? -k : k));
            if (k >= 0) {
                mpz_mul(m, m, pw);
                mpq_set_z(q, m);
            } else {
                mpq_set_num(q, m);
                mpq_set_den(q, pw);
                mpq_canonicalize(q);
            }
            mpz_clear(pw);
        }
    } else {
        long long k = exp - 4 * nfrac; /* value = m * 2^k */
        long long mag = (long long)mpz_sizeinbase(m, 2) + k;
        if (mag > MAX_BIN_EXP || mag < -MAX_BIN_EXP) {
            ok = false;
        } else {
            rat_from_bits(q, m, (long)k);
        }
    }
    mpz_clear(m);
    if (!ok || !in_range(q)) {
        *err = gc_sprintf("malformed constant: %.*s", (int)len, text);
        return false;
    }
    /* gc parses a literal as an exact fraction however many digits it has,
     * but only when its binary exponent is below RAT_MAX_BITS. */
    long e = rat_exp(q);
    if (e >= RAT_MAX_BITS || e <= -RAT_MAX_BITS) {
        *inexact = true;
        round_prec(q);
    }
    return true;

malformed:
    *err = gc_sprintf("malformed constant: %.*s", (int)len, text);
    return false;
}

/* Is an imaginary literal's mantissa a float (rather than an integer)? */
static bool imag_is_float(const char *text, size_t len) {
    bool hex = len >= 2 && text[0] == '0' && (text[1] | 0x20) == 'x';
    for (size_t i = 0; i < len; i++) {
        char c = text[i] | 0x20;
        if (text[i] == '.' || (hex ? c == 'p' : c == 'e')) return true;
    }
    return false;
}

ConstVal *cv_from_literal(TokenKind kind, const char *text, size_t len, const char **err) {
    const char *dummy;
    if (!err) err = &dummy;
    *err = NULL;
    switch (kind) {
    case TK_INT:
        return parse_int(text, len, err);
    case TK_FLOAT: {
        mpq_t q;
        mpq_init(q);
        bool inexact;
        ConstVal *v = parse_float(text, len, q, &inexact, err) ? mk_float(q, inexact) : NULL;
        mpq_clear(q);
        return v;
    }
    case TK_IMAG: {
        if (len < 2 || text[len - 1] != 'i') {
            *err = gc_sprintf("malformed constant: %.*s", (int)len, text);
            return NULL;
        }
        size_t n = len - 1;
        mpq_t im, zero;
        mpq_init(im);
        mpq_init(zero);
        bool ok, inexact = false;
        /* Spec: an imaginary literal whose mantissa is only decimal digits
         * (and underscores) is decimal even with a leading 0: 0123i == 123i. */
        bool all_decimal = true;
        for (size_t i = 0; i < n; i++)
            if (!(text[i] >= '0' && text[i] <= '9') && text[i] != '_') all_decimal = false;
        if (imag_is_float(text, n) || all_decimal) {
            ok = parse_float(text, n, im, &inexact, err);
        } else {
            ConstVal *iv = parse_int(text, n, err);
            ok = iv != NULL;
            if (ok) {
                mpz_t z;
                int_view(z, &iv->i);
                mpq_set_z(im, z);
            }
        }
        ConstVal *v = ok ? mk_complex(zero, im, inexact) : NULL;
        mpq_clear(im);
        mpq_clear(zero);
        return v;
    }
    case TK_CHAR: {
        int32_t r;
        if (!lex_decode_char(text, len, &r, err)) return NULL;
        return cv_int64(r);
    }
    case TK_STRING: {
        char *buf;
        size_t n;
        if (!lex_decode_string(text, len, &buf, &n, err)) return NULL;
        ConstVal *v = cv_string(buf, n);
        free(buf); /* lex_decode_string returns malloc'ed memory */
        return v;
    }
    default:
        *err = "not a literal";
        return NULL;
    }
}

/* ------------------------------------------------------------ accessors */

bool cv_bool_val(const ConstVal *v) { return v->kind == CV_BOOL && v->b; }

GoString cv_string_val(const ConstVal *v) {
    if (v->kind != CV_STRING) return (GoString){(const uint8_t *)"", 0};
    return (GoString){(const uint8_t *)v->s.ptr, (int64_t)v->s.len};
}

/* Round |q| to prec bits toward zero (or away from zero) and, if the result
 * is an integer, store it with q's sign in z. */
static bool rounds_to_int(mpz_ptr z, mpq_srcptr q, long prec, bool away) {
    long sh = rat_exp(q) - prec;
    mpz_t n, d;
    mpz_init(n);
    mpz_init(d);
    mpz_abs(n, mpq_numref(q));
    mpz_set(d, mpq_denref(q));
    if (sh < 0) mpz_mul_2exp(n, n, (mp_bitcnt_t)-sh);
    else mpz_mul_2exp(d, d, (mp_bitcnt_t)sh);
    if (away) mpz_cdiv_q(z, n, d);
    else mpz_fdiv_q(z, n, d);
    bool ok = true;
    if (sh >= 0) mpz_mul_2exp(z, z, (mp_bitcnt_t)sh);
    else if (mpz_sgn(z) != 0 && mpz_scan1(z, 0) < (mp_bitcnt_t)-sh) ok = false;
    else mpz_fdiv_q_2exp(z, z, (mp_bitcnt_t)-sh);
    if (mpq_sgn(q) < 0) mpz_neg(z, z);
    mpz_clear(n);
    mpz_clear(d);
    return ok;
}

/* The integer value of v, if it has one (go/constant's ToInt): integers,
 * integral floats, complex numbers with an integral real part and a zero
 * imaginary part. A value in the 512-bit float tier also counts when it is
 * within a few bits of rounding error of an integer, as in gc. */
static bool integer_value(mpz_ptr z, const ConstVal *v) {
    if (v->kind == CV_INT) {
        mpz_t t;
        int_view(t, &v->i);
        mpz_set(z, t);
        return true;
    }
    if (!is_numeric(v)) return false;
    mpq_t re, im;
    re_view(re, v);
    im_view(im, v);
    if (mpq_sgn(im) != 0) return false;
    if (v->inexact && mpq_sgn(re) != 0) {
        long e = rat_exp(re);
        if (e >= RAT_MAX_BITS || e <= -RAT_MAX_BITS) return false; /* gc: "avoid huge integers" */
    }
    if (rat_is_int(re)) {
        mpz_set(z, mpq_numref(re));
        return true;
    }
    return v->inexact && (rounds_to_int(z, re, FUZZY_PREC, false) || rounds_to_int(z, re, FUZZY_PREC, true));
}

/* The low 64 bits (two's complement) of v's integer value, or of its
 * integer part (truncated toward zero) when it has none: exact for values
 * that fit, wrapping otherwise (callers are expected to check first). */
static uint64_t low64(const ConstVal *v) {
    mpz_t z;
    mpz_init(z);
    if (!integer_value(z, v) && is_numeric(v)) {
        mpq_t q;
        re_view(q, v);
        mpz_tdiv_q(z, mpq_numref(q), mpq_denref(q));
    }
    mpz_fdiv_r_2exp(z, z, 64);
    uint64_t u = mpz_get_ui(z);
    mpz_clear(z);
    return u;
}

int64_t cv_int64_val(const ConstVal *v) { return (int64_t)low64(v); }
uint64_t cv_uint64_val(const ConstVal *v) { return low64(v); }

double cv_real_val(const ConstVal *v) {
    if (!is_numeric(v)) return 0;
    mpq_t q;
    re_view(q, v);
    return rat_to_fmt(q, &fmt64);
}

double cv_imag_val(const ConstVal *v) {
    if (!is_numeric(v)) return 0;
    mpq_t q;
    im_view(q, v);
    return rat_to_fmt(q, &fmt64);
}

double cv_float64_val(const ConstVal *v) { return cv_real_val(v); }

ConstVal *cv_real(const ConstVal *v) {
    mpq_t q;
    re_view(q, v);
    return mk_float(q, v->inexact);
}

ConstVal *cv_imag(const ConstVal *v) {
    mpq_t q;
    im_view(q, v);
    return mk_float(q, v->inexact);
}

bool cv_is_integral(const ConstVal *v) {
    mpz_t z;
    mpz_init(z);
    bool ok = integer_value(z, v);
    mpz_clear(z);
    return ok;
}

int cv_int_bitlen(const ConstVal *v) {
    if (v->kind != CV_INT) return 0;
    mpz_t t;
    int_view(t, &v->i);
    return mpz_sgn(t) == 0 ? 0 : (int)mpz_sizeinbase(t, 2);
}

bool cv_fits_int64(const ConstVal *v) {
    mpz_t z;
    mpz_init(z);
    bool ok = integer_value(z, v) && mpz_fits_slong_p(z);
    mpz_clear(z);
    return ok;
}

bool cv_fits_uint64(const ConstVal *v) {
    mpz_t z;
    mpz_init(z);
    bool ok = integer_value(z, v) && mpz_fits_ulong_p(z);
    mpz_clear(z);
    return ok;
}

/* For complex values, as go/constant: 0 only when both parts are zero. */
int cv_sign(const ConstVal *v) {
    if (!is_numeric(v)) return 0;
    mpq_t re, im;
    re_view(re, v);
    im_view(im, v);
    return mpq_sgn(re) ? mpq_sgn(re) : mpq_sgn(im);
}

/* ------------------------------------------------------------ conversions */

ConstVal *cv_to_int(const ConstVal *v) {
    if (v->kind == CV_UNKNOWN) return cv_unknown();
    if (v->kind == CV_INT) return (ConstVal *)v;
    mpz_t z;
    mpz_init(z);
    ConstVal *r = integer_value(z, v) ? mk_int(z) : NULL;
    mpz_clear(z);
    return r;
}

/* The real part of v (any numeric kind) as a float or complex value. An
 * integer of RAT_MAX_BITS or more becomes a 512-bit float, as in gc. */
static ConstVal *widen(const ConstVal *v, CVKind kind) {
    mpq_t re, im, q;
    re_view(re, v);
    im_view(im, v);
    mpq_init(q);
    mpq_set(q, re);
    bool inexact = v->inexact;
    ConstVal *r = NULL;
    if (finish_float(q, &inexact)) r = kind == CV_FLOAT ? mk_float(q, inexact) : mk_complex(q, im, inexact);
    mpq_clear(q);
    return r;
}

ConstVal *cv_to_float(const ConstVal *v) {
    if (v->kind == CV_UNKNOWN) return cv_unknown();
    if (v->kind == CV_FLOAT) return (ConstVal *)v;
    if (!is_numeric(v)) return NULL;
    mpq_t im;
    im_view(im, v);
    if (mpq_sgn(im) != 0) return NULL;
    return widen(v, CV_FLOAT);
}

ConstVal *cv_to_complex(const ConstVal *v) {
    if (v->kind == CV_UNKNOWN) return cv_unknown();
    if (v->kind == CV_COMPLEX) return (ConstVal *)v;
    if (!is_numeric(v)) return NULL;
    return widen(v, CV_COMPLEX);
}

/* ------------------------------------------------------------ operations */

/* x op= y uses the operator of x op y. */
static TokenKind base_op(TokenKind op) {
    switch (op) {
    case TK_ADD_ASSIGN: return TK_ADD;
    case TK_SUB_ASSIGN: return TK_SUB;
    case TK_MUL_ASSIGN: return TK_MUL;
    case TK_QUO_ASSIGN: return TK_QUO;
    case TK_REM_ASSIGN: return TK_REM;
    case TK_AND_ASSIGN: return TK_AND;
    case TK_OR_ASSIGN: return TK_OR;
    case TK_XOR_ASSIGN: return TK_XOR;
    case TK_SHL_ASSIGN: return TK_SHL;
    case TK_SHR_ASSIGN: return TK_SHR;
    case TK_AND_NOT_ASSIGN: return TK_AND_NOT;
    default: return op;
    }
}

static const char *not_defined = "operator not defined on this constant";
static const char *div_zero = "division by zero";
static const char *not_repr = "constant result is not representable";

static ConstVal *int_binary(TokenKind op, const ConstVal *x, const ConstVal *y, bool int_div,
                            const char **err) {
    mpz_t a, b, r;
    int_view(a, &x->i);
    int_view(b, &y->i);
    if ((op == TK_QUO || op == TK_REM) && mpz_sgn(b) == 0) {
        *err = div_zero;
        return NULL;
    }
    if (op == TK_QUO && !int_div) { /* exact quotient, as go/constant's QUO */
        mpq_t q;
        mpq_init(q);
        mpq_set_num(q, a);
        mpq_set_den(q, b);
        mpq_canonicalize(q);
        bool inexact = false;
        ConstVal *v = finish_float(q, &inexact) ? mk_float(q, inexact) : NULL;
        if (!v) *err = not_repr;
        mpq_clear(q);
        return v;
    }
    if (op == TK_MUL && (long)(mpz_sizeinbase(a, 2) + mpz_sizeinbase(b, 2)) > INT_MAX_BITS) {
        *err = "constant multiplication overflow";
        return NULL;
    }
    mpz_init(r);
    switch (op) {
    case TK_ADD: mpz_add(r, a, b); break;
    case TK_SUB: mpz_sub(r, a, b); break;
    case TK_MUL: mpz_mul(r, a, b); break;
    case TK_QUO: mpz_tdiv_q(r, a, b); break; /* Go truncates toward zero */
    case TK_REM: mpz_tdiv_r(r, a, b); break; /* sign of the dividend */
    /* GMP's logical operations act on infinite two's complement, like Go's big.Int. */
    case TK_AND: mpz_and(r, a, b); break;
    case TK_OR: mpz_ior(r, a, b); break;
    case TK_XOR: mpz_xor(r, a, b); break;
    case TK_AND_NOT:
        mpz_com(r, b);
        mpz_and(r, a, r);
        break;
    default:
        mpz_clear(r);
        *err = not_defined;
        return NULL;
    }
    ConstVal *v = mk_int(r);
    mpz_clear(r);
    return v;
}

/* Load the real (or imaginary) part of an operand of a float operation
 * into out. When either operand is in the 512-bit tier, gc converts both to
 * 512-bit floats before operating; round says so. */
static void load_part(mpq_ptr out, const ConstVal *v, bool imag, bool round) {
    mpq_t view;
    if (imag) im_view(view, v);
    else re_view(view, v);
    mpq_init(out);
    mpq_set(out, view);
    if (round) round_prec(out);
}

static ConstVal *float_binary(TokenKind op, const ConstVal *x, const ConstVal *y, const char **err) {
    bool inexact = x->inexact || y->inexact;
    mpq_t a, b, r;
    load_part(a, x, false, inexact);
    load_part(b, y, false, inexact);
    mpq_init(r);
    ConstVal *v = NULL;
    switch (op) {
    case TK_ADD: mpq_add(r, a, b); break;
    case TK_SUB: mpq_sub(r, a, b); break;
    case TK_MUL: mpq_mul(r, a, b); break;
    case TK_QUO:
        if (mpq_sgn(b) == 0) {
            *err = div_zero;
            goto out;
        }
        mpq_div(r, a, b);
        break;
    default:
        *err = not_defined;
        goto out;
    }
    if (finish_float(r, &inexact)) v = mk_float(r, inexact);
    else *err = not_repr;
out:
    mpq_clear(a);
    mpq_clear(b);
    mpq_clear(r);
    return v;
}

static ConstVal *complex_binary(TokenKind op, const ConstVal *x, const ConstVal *y, const char **err) {
    bool inexact = x->inexact || y->inexact;
    mpq_t a, b, c, d; /* (a + bi) op (c + di) */
    load_part(a, x, false, inexact);
    load_part(b, x, true, inexact);
    load_part(c, y, false, inexact);
    load_part(d, y, true, inexact);
    mpq_t re, im, t;
    mpq_init(re);
    mpq_init(im);
    mpq_init(t);
    bool ok = true;
    switch (op) {
    case TK_ADD:
        mpq_add(re, a, c);
        mpq_add(im, b, d);
        break;
    case TK_SUB:
        mpq_sub(re, a, c);
        mpq_sub(im, b, d);
        break;
    case TK_MUL: /* (ac - bd) + (bc + ad)i */
        mpq_mul(re, a, c);
        mpq_mul(t, b, d);
        mpq_sub(re, re, t);
        mpq_mul(im, b, c);
        mpq_mul(t, a, d);
        mpq_add(im, im, t);
        break;
    case TK_QUO: { /* ((ac + bd) + (bc - ad)i) / (c² + d²) */
        mpq_t den;
        mpq_init(den);
        mpq_mul(den, c, c);
        mpq_mul(t, d, d);
        mpq_add(den, den, t);
        if (mpq_sgn(den) == 0) {
            *err = div_zero;
            ok = false;
        } else {
            mpq_mul(re, a, c);
            mpq_mul(t, b, d);
            mpq_add(re, re, t);
            mpq_div(re, re, den);
            mpq_mul(im, b, c);
            mpq_mul(t, a, d);
            mpq_sub(im, im, t);
            mpq_div(im, im, den);
        }
        mpq_clear(den);
        break;
    }
    default:
        *err = not_defined;
        ok = false;
        break;
    }
    /* Both parts share one tier flag: either part entering the 512-bit
     * tier rounds both (gc tracks them separately; the difference is
     * confined to digits beyond the 512th bit). */
    bool im_inexact = inexact;
    if (ok && !(finish_float(re, &inexact) && finish_float(im, &im_inexact))) {
        *err = not_repr;
        ok = false;
    }
    if (ok && inexact != im_inexact) {
        inexact = true;
        round_prec(re);
        round_prec(im);
    }
    ConstVal *v = ok ? mk_complex(re, im, inexact) : NULL;
    mpq_clear(a);
    mpq_clear(b);
    mpq_clear(c);
    mpq_clear(d);
    mpq_clear(re);
    mpq_clear(im);
    mpq_clear(t);
    return v;
}

ConstVal *cv_binary(TokenKind op, const ConstVal *x, const ConstVal *y, bool int_div, const char **err) {
    const char *dummy;
    if (!err) err = &dummy;
    *err = NULL;
    op = base_op(op);
    if (x->kind == CV_UNKNOWN || y->kind == CV_UNKNOWN) return cv_unknown();
    if (x->kind == CV_BOOL && y->kind == CV_BOOL) {
        if (op == TK_LAND) return cv_bool(x->b && y->b);
        if (op == TK_LOR) return cv_bool(x->b || y->b);
    } else if (x->kind == CV_STRING && y->kind == CV_STRING) {
        if (op == TK_ADD) {
            size_t n = x->s.len + y->s.len;
            char *p = gc_alloc_atomic(n + 1);
            memcpy(p, x->s.ptr, x->s.len);
            memcpy(p + x->s.len, y->s.ptr, y->s.len);
            p[n] = 0;
            ConstVal *v = mk(CV_STRING);
            v->s.ptr = p;
            v->s.len = n;
            return v;
        }
    } else if (is_numeric(x) && is_numeric(y)) {
        /* Mixed kinds are promoted to the larger one (INT < FLOAT < COMPLEX). */
        CVKind k = x->kind > y->kind ? x->kind : y->kind;
        if (k == CV_INT) return int_binary(op, x, y, int_div, err);
        if (k == CV_FLOAT) return float_binary(op, x, y, err);
        return complex_binary(op, x, y, err);
    }
    *err = not_defined;
    return NULL;
}

ConstVal *cv_shift(TokenKind op, const ConstVal *x, uint64_t s) {
    op = base_op(op);
    ConstVal *xi = cv_to_int(x);
    if (!xi || xi->kind != CV_INT) return cv_unknown();
    mpz_t a, r;
    int_view(a, &xi->i);
    if (mpz_sgn(a) == 0) return xi;
    if (op == TK_SHL && (s > (uint64_t)INT_MAX_BITS || (long)mpz_sizeinbase(a, 2) + (long)s > INT_MAX_BITS))
        return cv_unknown(); /* the checker rejects such shift counts long before */
    mpz_init(r);
    if (op == TK_SHL) mpz_mul_2exp(r, a, (mp_bitcnt_t)s);
    else if (op == TK_SHR) mpz_fdiv_q_2exp(r, a, (mp_bitcnt_t)s); /* floor: arithmetic shift */
    else {
        mpz_clear(r);
        return cv_unknown();
    }
    ConstVal *v = mk_int(r);
    mpz_clear(r);
    return v;
}

bool cv_compare(TokenKind op, const ConstVal *x, const ConstVal *y) {
    int c;
    if (x->kind == CV_BOOL && y->kind == CV_BOOL) {
        c = x->b == y->b ? 0 : 1; /* only == and != are meaningful */
    } else if (x->kind == CV_STRING && y->kind == CV_STRING) {
        size_t n = x->s.len < y->s.len ? x->s.len : y->s.len;
        c = n ? memcmp(x->s.ptr, y->s.ptr, n) : 0;
        if (c == 0) c = x->s.len < y->s.len ? -1 : x->s.len > y->s.len;
    } else if (is_numeric(x) && is_numeric(y)) {
        mpq_t a, b;
        if (x->kind == CV_COMPLEX || y->kind == CV_COMPLEX) {
            /* Complex numbers are unordered: c is just "different". */
            im_view(a, x);
            im_view(b, y);
            if (!mpq_equal(a, b)) {
                c = 1;
                goto done;
            }
        }
        re_view(a, x);
        re_view(b, y);
        c = mpq_cmp(a, b);
    } else {
        return false; /* unknown or mismatched kinds */
    }
done:
    switch (op) {
    case TK_EQL: return c == 0;
    case TK_NEQ: return c != 0;
    case TK_LSS: return c < 0;
    case TK_LEQ: return c <= 0;
    case TK_GTR: return c > 0;
    case TK_GEQ: return c >= 0;
    default: return false;
    }
}

ConstVal *cv_unary(TokenKind op, const ConstVal *x, int ubits) {
    if (x->kind == CV_UNKNOWN) return cv_unknown();
    switch (op) {
    case TK_ADD:
        return is_numeric(x) ? (ConstVal *)x : cv_unknown();
    case TK_SUB: {
        if (x->kind == CV_INT) {
            mpz_t a, r;
            int_view(a, &x->i);
            mpz_init(r);
            mpz_neg(r, a);
            ConstVal *v = mk_int(r);
            mpz_clear(r);
            return v;
        }
        if (!is_numeric(x)) return cv_unknown();
        mpq_t a, b, re, im;
        re_view(a, x);
        im_view(b, x);
        mpq_init(re);
        mpq_init(im);
        mpq_neg(re, a);
        mpq_neg(im, b);
        ConstVal *v = x->kind == CV_FLOAT ? mk_float(re, x->inexact) : mk_complex(re, im, x->inexact);
        mpq_clear(re);
        mpq_clear(im);
        return v;
    }
    case TK_XOR: {
        ConstVal *xi = cv_to_int(x);
        if (!xi) return cv_unknown();
        mpz_t a, r;
        int_view(a, &xi->i);
        mpz_init(r);
        mpz_com(r, a); /* -x-1 */
        if (ubits > 0) { /* typed unsigned: keep the low ubits bits */
            mpz_t mask;
            mpz_init(mask);
            mpz_setbit(mask, (mp_bitcnt_t)ubits);
            mpz_sub_ui(mask, mask, 1);
            mpz_and(r, r, mask);
            mpz_clear(mask);
        }
        ConstVal *v = mk_int(r);
        mpz_clear(r);
        return v;
    }
    case TK_NOT:
        return x->kind == CV_BOOL ? cv_bool(!x->b) : cv_unknown();
    default:
        return cv_unknown();
    }
}

/* ------------------------------------------------------- representability */

/* Round q to format f into out (an exact double); false on overflow. */
static bool round_to(mpq_ptr out, mpq_srcptr q, const FloatFmt *f) {
    double d = rat_to_fmt(q, f);
    if (isinf(d)) return false;
    mpq_set_d(out, d);
    return true;
}

bool cv_representable(const ConstVal *v, Type *t, ConstVal **out, const char **why) {
    ConstVal *dummy_out;
    const char *dummy_why;
    if (!out) out = &dummy_out;
    if (!why) why = &dummy_why;
    *out = NULL;
    *why = "";
    if (v->kind == CV_UNKNOWN) { /* already reported; avoid follow-up errors */
        *out = (ConstVal *)v;
        return true;
    }
    Kind k = t->kind;
    switch (k) {
    case KIND_BOOL:
    case KIND_UNTYPED_BOOL:
        if (v->kind != CV_BOOL) return false;
        *out = (ConstVal *)v;
        return true;
    case KIND_STRING:
    case KIND_UNTYPED_STRING:
        if (v->kind != CV_STRING) return false;
        *out = (ConstVal *)v;
        return true;
    default:
        break;
    }
    bool int_target = type_is_integer(t) || k == KIND_UNTYPED_INT || k == KIND_UNTYPED_RUNE;
    bool float_target = type_is_float(t) || k == KIND_UNTYPED_FLOAT;
    bool complex_target = type_is_complex(t) || k == KIND_UNTYPED_COMPLEX;
    if (!is_numeric(v) || !(int_target || float_target || complex_target)) return false;

    /* gc's wording depends on the constant's own kind: a float or complex
     * constant that does not fit an integer type is "truncated" even when
     * it is integral (1e10 as byte); every other numeric failure "overflows". */
    *why = v->kind != CV_INT && int_target ? "truncated" : "overflows";

    if (int_target) {
        ConstVal *iv = cv_to_int(v);
        if (!iv) return false;
        if (type_is_integer(t)) {
            int bits = type_int_bits(t);
            mpz_t z, lim;
            int_view(z, &iv->i);
            mpz_init(lim);
            bool ok;
            if (type_is_unsigned(t)) {
                ok = mpz_sgn(z) >= 0 && (int)mpz_sizeinbase(z, 2) <= bits;
            } else { /* -2^(bits-1) <= z < 2^(bits-1) */
                mpz_setbit(lim, (mp_bitcnt_t)(bits - 1));
                mpz_neg(lim, lim);
                ok = mpz_cmp(z, lim) >= 0;
                mpz_neg(lim, lim);
                ok = ok && mpz_cmp(z, lim) < 0;
            }
            mpz_clear(lim);
            if (!ok) return false;
        }
        *out = iv;
        *why = "";
        return true;
    }

    mpq_t re, im;
    re_view(re, v);
    im_view(im, v);
    if (float_target) {
        if (mpq_sgn(im) != 0) return false;
        if (k == KIND_UNTYPED_FLOAT) {
            *out = cv_to_float(v);
        } else {
            mpq_t r;
            mpq_init(r);
            if (round_to(r, re, k == KIND_FLOAT32 ? &fmt32 : &fmt64)) *out = mk_float(r, false);
            mpq_clear(r);
        }
    } else {
        if (k == KIND_UNTYPED_COMPLEX) {
            *out = cv_to_complex(v);
        } else {
            const FloatFmt *f = k == KIND_COMPLEX64 ? &fmt32 : &fmt64;
            mpq_t r, i;
            mpq_init(r);
            mpq_init(i);
            if (round_to(r, re, f) && round_to(i, im, f)) *out = mk_complex(r, i, false);
            mpq_clear(r);
            mpq_clear(i);
        }
    }
    if (!*out) return false;
    *why = "";
    return true;
}

/* ------------------------------------------------------------ printing */

/* A float as go/constant's String prints it (Go 1.19): %.6g of the nearest
 * float64 when that neither overflows nor underflows to zero, otherwise a
 * decimal approximation computed from mantissa and binary exponent. */
static void float_repr(StrBuf *b, mpq_srcptr q) {
    double d = rat_to_fmt(q, &fmt64);
    if ((mpq_sgn(q) == 0) == (d == 0) && !isinf(d)) {
        sb_printf(b, "%.6g", d);
        return;
    }
    /* |q| = mant * 2^e with 0.5 <= mant < 1. */
    long e = rat_exp(q);
    mpz_t m;
    mpz_init(m);
    long s;
    round_bits(m, &s, q, 53, LONG_MIN / 2);
    double mant = ldexp(mpz_get_d(m), (int)(s - e));
    mpz_clear(m);
    /* q ~ mant * 10^dexp; keep the integer part of dexp and fold the rest
     * into the mantissa, then bring it into [1, 10). */
    double dexp = (double)e * 0.30102999566398119521373889472449302676818988146210854131;
    long long e10 = (long long)dexp;
    mant *= pow(10, dexp - (double)e10);
    double am = fabs(mant);
    if (am < 1 - 0.5e-6) {
        mant *= 10; /* so that %.6g cannot round it up to 10 */
        e10--;
    } else if (am >= 10) {
        mant /= 10;
        e10++;
    }
    sb_printf(b, "%.6ge%+lld", mant, e10);
}

/* Go's unicode.IsPrint, approximately: the exact rule needs Unicode tables.
 * Only quoting of strings in messages depends on it. */
static bool is_print_rune(int32_t r) {
    if (r < 0x20 || r == 0x7f) return false;
    if (r < 0x7f) return true;
    if (r < 0xa1 || r == 0xad) return false; /* C1 controls, NBSP, soft hyphen */
    if (r < 0x100) return true;
    if ((r >= 0x2000 && r <= 0x200f) || (r >= 0x2028 && r <= 0x202f) || (r >= 0x205f && r <= 0x206f))
        return false; /* spaces, zero-width and bidi format characters */
    if (r == 0x1680 || r == 0x3000 || r == 0xfeff || (r >= 0xfff9 && r <= 0xfffb)) return false;
    if ((r >= 0xd800 && r <= 0xf8ff) || r >= 0xf0000) return false; /* surrogates, private use */
    if ((r & 0xfffe) == 0xfffe || (r >= 0xfdd0 && r <= 0xfdef)) return false; /* noncharacters */
    if (r >= 0xe0000) return false; /* tags, variation selectors supplement */
    return true;
}

/* strconv.Quote of s into b. */
static void quote_string(StrBuf *b, const char *s, size_t n) {
    static const char hex[] = "0123456789abcdef";
    sb_putc(b, '"');
    for (size_t i = 0; i < n;) {
        int size;
        int32_t r = utf8_decode((const uint8_t *)s + i, n - i, &size);
        if (size == 1 && r == 0xfffd) { /* an invalid byte, not a real U+FFFD */
            uint8_t c = (uint8_t)s[i];
            sb_printf(b, "\\x%c%c", hex[c >> 4], hex[c & 15]);
        } else if (r == '"' || r == '\\') {
            sb_putc(b, '\\');
            sb_putc(b, (char)r);
        } else if (is_print_rune(r)) {
            sb_putn(b, s + i, (size_t)size);
        } else {
            switch (r) {
            case '\a': sb_puts(b, "\\a"); break;
            case '\b': sb_puts(b, "\\b"); break;
            case '\f': sb_puts(b, "\\f"); break;
            case '\n': sb_puts(b, "\\n"); break;
            case '\r': sb_puts(b, "\\r"); break;
            case '\t': sb_puts(b, "\\t"); break;
            case '\v': sb_puts(b, "\\v"); break;
            default:
                if (r < ' ' || r == 0x7f) sb_printf(b, "\\x%c%c", hex[r >> 4], hex[r & 15]);
                else if (r < 0x10000) sb_printf(b, "\\u%04x", (unsigned)r);
                else sb_printf(b, "\\U%08x", (unsigned)r);
            }
        }
        i += (size_t)size;
    }
    sb_putc(b, '"');
}

/* go/constant shortens quoted strings longer than 72 runes to their first
 * 69 runes followed by "...". */
static void string_repr(StrBuf *b, const char *s, size_t n) {
    enum { MAX_LEN = 72 };
    StrBuf q;
    sb_init(&q);
    quote_string(&q, s, n);
    size_t runes = 0, cut = 0;
    for (size_t i = 0; i < q.len;) {
        int size;
        utf8_decode((const uint8_t *)q.data + i, q.len - i, &size);
        runes++;
        i += (size_t)size;
        if (runes == MAX_LEN - 3) cut = i;
    }
    if (runes > MAX_LEN) {
        sb_putn(b, q.data, cut);
        sb_puts(b, "...");
    } else {
        sb_putn(b, q.data, q.len);
    }
}

const char *cv_repr(const ConstVal *v) {
    StrBuf b;
    sb_init(&b);
    switch (v->kind) {
    case CV_UNKNOWN:
        return "unknown";
    case CV_BOOL:
        return v->b ? "true" : "false";
    case CV_STRING:
        string_repr(&b, v->s.ptr, v->s.len);
        break;
    case CV_INT: {
        mpz_t z;
        int_view(z, &v->i);
        char *s = gc_alloc_atomic(mpz_sizeinbase(z, 10) + 2);
        mpz_get_str(s, 10, z);
        return s;
    }
    case CV_FLOAT: {
        mpq_t q;
        re_view(q, v);
        float_repr(&b, q);
        break;
    }
    case CV_COMPLEX: {
        mpq_t re, im;
        re_view(re, v);
        im_view(im, v);
        sb_putc(&b, '(');
        float_repr(&b, re);
        sb_puts(&b, " + ");
        float_repr(&b, im);
        sb_puts(&b, "i)");
        break;
    }
    }
    return b.data;
}

/* ------------------------------------------------------------ run time */

void cv_to_slots(const ConstVal *v, Type *t, Value *out) {
    switch (t->kind) {
    case KIND_BOOL:
    case KIND_UNTYPED_BOOL:
        out[0].i = cv_bool_val(v);
        return;
    case KIND_STRING:
    case KIND_UNTYPED_STRING:
        str_set(out, cv_string_val(v));
        return;
    case KIND_INT8: out[0].i = (int8_t)low64(v); return;
    case KIND_INT16: out[0].i = (int16_t)low64(v); return;
    case KIND_INT32:
    case KIND_UNTYPED_RUNE: out[0].i = (int32_t)low64(v); return;
    case KIND_INT:
    case KIND_INT64:
    case KIND_UNTYPED_INT: out[0].i = (int64_t)low64(v); return;
    case KIND_UINT8: out[0].u = (uint8_t)low64(v); return;
    case KIND_UINT16: out[0].u = (uint16_t)low64(v); return;
    case KIND_UINT32: out[0].u = (uint32_t)low64(v); return;
    case KIND_UINT:
    case KIND_UINT64:
    case KIND_UINTPTR: out[0].u = low64(v); return;
    default:
        break;
    }
    /* Floating kinds: round the exact value directly to the target format
     * (rounding to float64 first and then to float32 could double-round). */
    const FloatFmt *f = t->kind == KIND_FLOAT32 || t->kind == KIND_COMPLEX64 ? &fmt32 : &fmt64;
    mpq_t re, im;
    if (!is_numeric(v)) goi_panic_internal("cv_to_slots: %s constant as %s", cv_repr(v), kind_name(t->kind));
    re_view(re, v);
    im_view(im, v);
    /* A constant is never -0 in Go (-1e-400 as float64 is +0): adding +0
     * turns the -0 of an underflowed negative value into +0. */
    switch (t->kind) {
    case KIND_FLOAT32:
    case KIND_FLOAT64:
    case KIND_UNTYPED_FLOAT:
        out[0].f = rat_to_fmt(re, f) + 0.0;
        return;
    case KIND_COMPLEX64:
    case KIND_COMPLEX128:
    case KIND_UNTYPED_COMPLEX:
        out[0].f = rat_to_fmt(re, f) + 0.0;
        out[1].f = rat_to_fmt(im, f) + 0.0;
        return;
    default:
        goi_panic_internal("cv_to_slots: constant of type %s", kind_name(t->kind));
    }
}
