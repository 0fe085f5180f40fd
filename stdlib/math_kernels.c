/* math_kernels.c - the elementary functions of Go's math package,
 * computed with the same algorithms, constants and operation order as Go
 * 1.19 on amd64, so that results agree bit for bit:
 *
 *   exp          amd64 assembly algorithm: reduction by k*ln2 (k rounded to
 *                nearest), division by 16, Taylor polynomial, four squarings,
 *                evaluated with fused multiply-adds as Go does on CPUs with FMA
 *   log, log1p, expm1, exp2, asinh, acosh, atanh, cbrt
 *                FreeBSD msun (e_log.c, s_log1p.c, s_expm1.c, s_cbrt.c ...)
 *   sin, cos, tan, atan, asin, acos, sinh, cosh, tanh
 *                Cephes (Moshier), with Payne-Hanek reduction for huge
 *                arguments
 *   pow          Go's own: square-and-multiply on the frexp mantissa for
 *                the integer part of y, exp(yf*log(x)) for the fraction
 *   hypot        max * sqrt(1 + (min/max)^2)
 *
 * Floating-point contraction is disabled: an a*b+c that the compiler fused
 * on its own would round differently from Go.
 */
#pragma GCC optimize("fp-contract=off")

#include "math_kernels.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

static inline uint64_t bits_of(double x) {
    uint64_t u;
    memcpy(&u, &x, 8);
    return u;
}

static inline double from_bits(uint64_t u) {
    double x;
    memcpy(&x, &u, 8);
    return x;
}

#define GO_PI 3.14159265358979323846264338327950288419716939937510582097494459
#define LN2HI 6.93147180369123816490e-01
#define LN2LO 1.90821492927058770002e-10

/* ------------------------------------------------------------------ exp */

double go_exp(double x) {
    const double log2e = 1.4426950408889634073599246810018920;
    const double ln2u = 0.69314718055966295651160180568695068359375;
    const double ln2l = 0.28235290563031577122588448175013436025525412068e-12;
    const double overflow = 7.09782712893384e+02;
    if (isnan(x) || x == INFINITY) return x;
    if (x == -INFINITY) return 0;
    if (x > overflow) return INFINITY;
    double kf = x * log2e;
    if (kf < -2147483648.0) return 0; /* CVTSD2SL would give INT_MIN: underflow */
    int32_t k = (int32_t)nearbyint(kf); /* CVTSD2SL rounds to nearest even */
    double fk = (double)k;
    double r = fma(-ln2u, fk, x);
    r = fma(-ln2l, fk, r);
    r *= 0.0625;
    double p = 2.4801587301587301587e-5;
    p = fma(p, r, 1.9841269841269841270e-4);
    p = fma(p, r, 1.3888888888888888889e-3);
    p = fma(p, r, 8.3333333333333333333e-3);
    p = fma(p, r, 4.1666666666666666667e-2);
    p = fma(p, r, 1.6666666666666666667e-1);
    p = fma(p, r, 0.5);
    p = fma(p, r, 1.0);
    r *= p; /* expm1 of the reduced argument; now square (1+r) four times */
    for (int i = 0; i < 3; i++) r *= r + 2.0;
    r = fma(r + 2.0, r, 1.0);
    int32_t e = k + 0x3FF;
    if (e <= 0) {
        if (e < -52) return 0;
        r *= from_bits((uint64_t)(e + 0x3FE) << 52);
        return r * from_bits(1ULL << 52);
    }
    if (e >= 0x7FF) return INFINITY;
    return r * from_bits((uint64_t)e << 52);
}

/* exp(hi - lo) * 2^k, the kernel shared by exp2 (FreeBSD's __exp). */
static double expmulti(double hi, double lo, int k) {
    const double P1 = 1.66666666666666657415e-01, P2 = -2.77777777770155933842e-03,
                 P3 = 6.61375632143793436117e-05, P4 = -1.65339022054652515390e-06,
                 P5 = 4.13813679705723846039e-08;
    double r = hi - lo;
    double t = r * r;
    double c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    double y = 1 - ((lo - (r * c) / (2 - c)) - hi);
    return ldexp(y, k);
}

double go_exp2(double x) {
    if (isnan(x) || x == INFINITY) return x;
    if (x == -INFINITY) return 0;
    if (x > 1.0239999999999999e+03) return INFINITY;
    if (x < -1.0740e+03) return 0;
    long k = 0;
    if (x > 0) k = (long)(x + 0.5);
    else if (x < 0) k = (long)(x - 0.5);
    double t = x - (double)k;
    double hi = t * LN2HI;
    double lo = -t * LN2LO;
    return expmulti(hi, lo, (int)k);
}

double go_expm1(double x) {
    const double othreshold = 7.09782712893383973096e+02, ln2x56 = 3.88162421113569373274e+01,
                 ln2halfx3 = 1.03972077083991796413e+00, ln2half = 3.46573590279972654709e-01,
                 invln2 = 1.44269504088896338700e+00, tiny = 1.0 / (1LL << 54);
    const double Q1 = -3.33333333333331316428e-02, Q2 = 1.58730158725481460165e-03,
                 Q3 = -7.93650757867487942473e-05, Q4 = 4.00821782732936239552e-06,
                 Q5 = -2.01099218183624371326e-07;
    if (x == INFINITY || isnan(x)) return x;
    if (x == -INFINITY) return -1;
    double absx = x;
    bool sign = false;
    if (x < 0) {
        absx = -absx;
        sign = true;
    }
    if (absx >= ln2x56) {
        if (sign) return -1;
        if (absx >= othreshold) return INFINITY;
    }
    double c = 0;
    long k;
    if (absx > ln2half) {
        double hi, lo;
        if (absx < ln2halfx3) {
            if (!sign) {
                hi = x - LN2HI;
                lo = LN2LO;
                k = 1;
            } else {
                hi = x + LN2HI;
                lo = -LN2LO;
                k = -1;
            }
        } else {
            k = sign ? (long)(invln2 * x - 0.5) : (long)(invln2 * x + 0.5);
            double t = (double)k;
            hi = x - t * LN2HI;
            lo = t * LN2LO;
        }
        x = hi - lo;
        c = (hi - x) - lo;
    } else if (absx < tiny) {
        return x;
    } else {
        k = 0;
    }
    double hfx = 0.5 * x;
    double hxs = x * hfx;
    double r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
    double t = 3 - r1 * hfx;
    double e = hxs * ((r1 - t) / (6.0 - x * t));
    if (k == 0) return x - (x * e - hxs);
    e = (x * (e - c) - c);
    e -= hxs;
    if (k == -1) return 0.5 * (x - e) - 0.5;
    if (k == 1) {
        if (x < -0.25) return -2 * (e - (x + 0.5));
        return 1 + 2 * (x - e);
    }
    if (k <= -2 || k > 56) {
        double y = 1 - (e - x);
        y = from_bits(bits_of(y) + ((uint64_t)k << 52));
        return y - 1;
    }
    if (k < 20) {
        double t2 = from_bits(0x3ff0000000000000ULL - (0x20000000000000ULL >> k)); /* 1 - 2^-k */
        double y = t2 - (e - x);
        return from_bits(bits_of(y) + ((uint64_t)k << 52));
    }
    double t2 = from_bits((uint64_t)(0x3ff - k) << 52); /* 2^-k */
    double y = x - (e + t2);
    y++;
    return from_bits(bits_of(y) + ((uint64_t)k << 52));
}

/* ------------------------------------------------------------------ log */

double go_log(double x) {
    const double L1 = 6.666666666666735130e-01, L2 = 3.999999999940941908e-01,
                 L3 = 2.857142874366239149e-01, L4 = 2.222219843214978396e-01,
                 L5 = 1.818357216161805012e-01, L6 = 1.531383769920937332e-01,
                 L7 = 1.479819860511658591e-01;
    if (isnan(x) || x == INFINITY) return x;
    if (x < 0) return NAN;
    if (x == 0) return -INFINITY;
    int ki;
    double f1 = frexp(x, &ki);
    if (f1 < M_SQRT2 / 2) {
        f1 *= 2;
        ki--;
    }
    double f = f1 - 1;
    double k = (double)ki;
    double s = f / (2 + f);
    double s2 = s * s;
    double s4 = s2 * s2;
    double t1 = s2 * (L1 + s4 * (L3 + s4 * (L5 + s4 * L7)));
    double t2 = s4 * (L2 + s4 * (L4 + s4 * L6));
    double R = t1 + t2;
    double hfsq = 0.5 * f * f;
    return k * LN2HI - ((hfsq - (s * (hfsq + R) + k * LN2LO)) - f);
}

/* 1/Ln10 and 1/Ln2 rounded once, as Go's constant arithmetic does. */
#define INV_LN10 0.43429448190325182765112891891660508229439700580366656611445378
#define INV_LN2 1.44269504088896340735992468100189213742664595415298593413544940

double go_log10(double x) { return go_log(x) * INV_LN10; }

double go_log2(double x) {
    int e;
    double frac = frexp(x, &e);
    if (frac == 0.5) return (double)(e - 1); /* exact powers of two */
    return go_log(frac) * INV_LN2 + (double)e;
}

double go_log1p(double x) {
    const double sqrt2m1 = 4.142135623730950488017e-01, sqrt2halfm1 = -2.928932188134524755992e-01,
                 small = 1.0 / (1 << 29), tiny = 1.0 / (1LL << 54), two53 = 9007199254740992.0;
    const double Lp1 = 6.666666666666735130e-01, Lp2 = 3.999999999940941908e-01,
                 Lp3 = 2.857142874366239149e-01, Lp4 = 2.222219843214978396e-01,
                 Lp5 = 1.818357216161805012e-01, Lp6 = 1.531383769920937332e-01,
                 Lp7 = 1.479819860511658591e-01;
    if (x < -1 || isnan(x)) return NAN;
    if (x == -1) return -INFINITY;
    if (x == INFINITY) return INFINITY;
    double absx = fabs(x), f = 0, c = 0;
    uint64_t iu = 0;
    long k = 1;
    if (absx < sqrt2m1) {
        if (absx < small) {
            if (absx < tiny) return x;
            return x - x * x * 0.5;
        }
        if (x > sqrt2halfm1) {
            k = 0;
            f = x;
            iu = 1;
        }
    }
    if (k != 0) {
        double u;
        if (absx < two53) {
            u = 1.0 + x;
            iu = bits_of(u);
            k = (long)((iu >> 52) - 1023);
            if (k > 0) c = 1.0 - (u - x);
            else c = x - (u - 1.0);
            c /= u;
        } else {
            u = x;
            iu = bits_of(u);
            k = (long)((iu >> 52) - 1023);
            c = 0;
        }
        iu &= 0x000fffffffffffffULL;
        if (iu < 0x0006a09e667f3bcdULL) {
            u = from_bits(iu | 0x3ff0000000000000ULL);
        } else {
            k++;
            u = from_bits(iu | 0x3fe0000000000000ULL);
            iu = (0x0010000000000000ULL - iu) >> 2;
        }
        f = u - 1.0;
    }
    double hfsq = 0.5 * f * f;
    double s, R, z;
    double fk = (double)k;
    if (iu == 0) {
        if (f == 0) {
            if (k == 0) return 0;
            c += fk * LN2LO;
            return fk * LN2HI + c;
        }
        R = hfsq * (1.0 - 0.66666666666666666 * f);
        if (k == 0) return f - R;
        return fk * LN2HI - ((R - (fk * LN2LO + c)) - f);
    }
    s = f / (2.0 + f);
    z = s * s;
    R = z * (Lp1 + z * (Lp2 + z * (Lp3 + z * (Lp4 + z * (Lp5 + z * (Lp6 + z * Lp7))))));
    if (k == 0) return f - (hfsq - s * (hfsq + R));
    return fk * LN2HI - ((hfsq - (s * (hfsq + R) + (fk * LN2LO + c))) - f);
}

/* ------------------------------------------------------------------ pow */

static bool is_odd_int(double x) {
    double xi;
    double xf = modf(x, &xi);
    return xf == 0 && ((int64_t)xi & 1) == 1;
}

double go_pow(double x, double y) {
    if (y == 0 || x == 1) return 1;
    if (y == 1) return x;
    if (isnan(x) || isnan(y)) return NAN;
    if (x == 0) {
        if (y < 0) return is_odd_int(y) ? copysign(INFINITY, x) : INFINITY;
        if (y > 0) return is_odd_int(y) ? x : 0;
    }
    if (isinf(y)) {
        if (x == -1) return 1;
        if ((fabs(x) < 1) == (y > 0)) return 0;
        return INFINITY;
    }
    if (isinf(x)) {
        if (x < 0) return go_pow(1 / x, -y); /* Pow(-0, -y) */
        if (y < 0) return 0;
        if (y > 0) return INFINITY;
    }
    if (y == 0.5) return sqrt(x);
    if (y == -0.5) return 1 / sqrt(x);

    double yi;
    double yf = modf(fabs(y), &yi);
    if (yf != 0 && x < 0) return NAN;
    if (yi >= 9223372036854775808.0) {
        /* yi is a large even int: the result is 0, 1 or Inf. */
        if (x == -1) return 1;
        if ((fabs(x) < 1) == (y > 0)) return 0;
        return INFINITY;
    }
    /* ans = a1 * 2^ae (= 1 for now). */
    double a1 = 1.0;
    long ae = 0;
    if (yf != 0) {
        if (yf > 0.5) {
            yf--;
            yi++;
        }
        a1 = go_exp(yf * go_log(x));
    }
    /* ans *= x^yi by repeated squaring, tracking the exponent separately
     * so that intermediate results cannot overflow. */
    int xe;
    double x1 = frexp(x, &xe);
    long lxe = xe;
    for (int64_t i = (int64_t)yi; i != 0; i >>= 1) {
        if (lxe < -(1 << 12) || (1 << 12) < lxe) {
            /* catastrophic overflow: the final ldexp saturates. */
            ae += lxe;
            break;
        }
        if (i & 1) {
            a1 *= x1;
            ae += lxe;
        }
        x1 *= x1;
        lxe *= 2; /* (a left shift of a negative number is undefined in C) */
        if (x1 < .5) {
            x1 += x1;
            lxe--;
        }
    }
    if (y < 0) {
        a1 = 1 / a1;
        ae = -ae;
    }
    if (ae > 1 << 20) ae = 1 << 20;
    if (ae < -(1 << 20)) ae = -(1 << 20);
    return ldexp(a1, (int)ae);
}

/* 10^n as Go computes it: a product of two table entries. */
double go_pow10(long long n) {
    static const double tab[32] = {1e00, 1e01, 1e02, 1e03, 1e04, 1e05, 1e06, 1e07, 1e08, 1e09, 1e10,
                                   1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21,
                                   1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28, 1e29, 1e30, 1e31};
    static const double pos32[10] = {1e00, 1e32, 1e64, 1e96, 1e128, 1e160, 1e192, 1e224, 1e256, 1e288};
    static const double neg32[11] = {1e-00, 1e-32, 1e-64,  1e-96,  1e-128, 1e-160,
                                     1e-192, 1e-224, 1e-256, 1e-288, 1e-320};
    if (0 <= n && n <= 308) return pos32[n / 32] * tab[n % 32];
    if (-323 <= n && n <= 0) return neg32[-n / 32] / tab[-n % 32];
    return n > 0 ? INFINITY : 0;
}

/* ----------------------------------------------------------------- cbrt */

double go_cbrt(double x) {
    const uint64_t B1 = 715094163, B2 = 696219795;
    const double C = 5.42857142857142815906e-01, D = -7.05306122448979611050e-01,
                 E = 1.41428571428571436819e+00, F = 1.60714285714285720630e+00,
                 G = 3.57142857142857150787e-01, smallest_normal = 2.22507385850720138309e-308;
    if (x == 0 || isnan(x) || isinf(x)) return x;
    bool sign = false;
    if (x < 0) {
        x = -x;
        sign = true;
    }
    /* rough cbrt to 5 bits */
    double t = from_bits(bits_of(x) / 3 + (B1 << 32));
    if (x < smallest_normal) {
        t = (double)(1LL << 54);
        t *= x;
        t = from_bits(bits_of(t) / 3 + (B2 << 32));
    }
    /* new cbrt to 23 bits */
    double r = t * t / x;
    double s = C + r * t;
    t *= G + F / (s + E + D / s);
    /* chop to 22 bits, make larger than cbrt(x) */
    t = from_bits((bits_of(t) & (0xFFFFFFFFCULL << 28)) + (1ULL << 30));
    /* one step of Newton iteration to 53 bits */
    s = t * t;
    r = x / s;
    double w = t + t;
    r = (r - t) / (w + r);
    t = t + t * r;
    return sign ? -t : t;
}

double go_hypot(double p, double q) {
    p = fabs(p), q = fabs(q);
    if (isinf(p) || isinf(q)) return INFINITY;
    if (isnan(p) || isnan(q)) return NAN;
    if (p == 0 && q == 0) return 0;
    double mx = p > q ? p : q, mn = p > q ? q : p;
    /* MAXSD/MINSD pick the second operand on ties and NaN; operands are ordered here */
    mn /= mx;
    return mx * sqrt(mn * mn + 1.0);
}

/* ----------------------------------------------------------- sin, cos */

#define PI4A 7.85398125648498535156e-1 /* Pi/4 split into three parts */
#define PI4B 3.77489470793079817668e-8
#define PI4C 2.69515142907905952645e-15
#define REDUCE_THRESHOLD (double)(1 << 29)

static const double sin_coef[6] = {
    1.58962301576546568060e-10, -2.50507477628578072866e-8, 2.75573136213857245213e-6,
    -1.98412698295895385996e-4, 8.33333333332211858878e-3,  -1.66666666666666307295e-1,
};
static const double cos_coef[6] = {
    -1.13585365213876817300e-11, 2.08757008419747316778e-9, -2.75573141792967388112e-7,
    2.48015872888517045348e-5,   -1.38888888888730564116e-3, 4.16666666666665929218e-2,
};

/* The binary digits of 4/pi, for Payne-Hanek reduction of huge arguments. */
static const uint64_t m_pi4[20] = {
    0x0000000000000001ULL, 0x45f306dc9c882a53ULL, 0xf84eafa3ea69bb81ULL, 0xb6c52b3278872083ULL,
    0xfca2c757bd778ac3ULL, 0x6e48dc74849ba5c0ULL, 0x0c925dd413a32439ULL, 0xfc3bd63962534e7dULL,
    0xd1046bea5d768909ULL, 0xd338e04d68befc82ULL, 0x7323ac7306a673e9ULL, 0x3908bf177bf25076ULL,
    0x3ff12fffbc0b301fULL, 0xde5e2316b414da3eULL, 0xda6cfd9e4f96136eULL, 0x9e8c7ecd3cbfd45aULL,
    0xea4f758fd7cbe2f6ULL, 0x7a0e73ef14a525d4ULL, 0xd7f6bf623f1aba10ULL, 0xac06608df8f6d757ULL,
};

/* x (>= 2^29) reduced to octant j and z in [0, Pi/4): multiply the
 * mantissa by the bits of 4/pi that matter, keep integer and fraction. */
static double trig_reduce(double x, uint64_t *j) {
    const double pi4 = GO_PI / 4;
    if (x < pi4) {
        *j = 0;
        return x;
    }
    uint64_t ix = bits_of(x);
    int exp = (int)((ix >> 52) & 0x7FF) - 1023 - 52;
    ix &= ~(0x7FFULL << 52);
    ix |= 1ULL << 52;
    unsigned digit = (unsigned)(exp + 61) / 64, bitshift = (unsigned)(exp + 61) % 64;
    uint64_t z0 = (m_pi4[digit] << bitshift) | (bitshift ? m_pi4[digit + 1] >> (64 - bitshift) : 0);
    uint64_t z1 = (m_pi4[digit + 1] << bitshift) | (bitshift ? m_pi4[digit + 2] >> (64 - bitshift) : 0);
    uint64_t z2 = (m_pi4[digit + 2] << bitshift) | (bitshift ? m_pi4[digit + 3] >> (64 - bitshift) : 0);
    unsigned __int128 p2 = (unsigned __int128)z2 * ix, p1 = (unsigned __int128)z1 * ix;
    uint64_t z2hi = (uint64_t)(p2 >> 64);
    uint64_t z1hi = (uint64_t)(p1 >> 64), z1lo = (uint64_t)p1;
    uint64_t z0lo = z0 * ix;
    uint64_t lo = z1lo + z2hi;
    uint64_t carry = lo < z1lo;
    uint64_t hi = z0lo + z1hi + carry;
    *j = hi >> 61;
    hi = hi << 3 | lo >> 61;
    unsigned lz = hi ? (unsigned)__builtin_clzll(hi) : 64;
    uint64_t e = (uint64_t)(1023 - (lz + 1));
    /* Go's shifts by >= 64 give 0; C's are undefined, so spell them out. */
    uint64_t hs = lz + 1 < 64 ? hi << (lz + 1) : 0;
    uint64_t ls = lz + 1 == 64 ? lo : lz + 1 < 64 ? lo >> (64 - (lz + 1)) : 0;
    hi = hs | ls;
    hi >>= 64 - 52;
    hi |= e << 52;
    double z = from_bits(hi);
    if (*j & 1) {
        (*j)++;
        *j &= 7;
        z--;
    }
    return z * pi4;
}

/* Octant and reduced argument for |x| (finite). */
static double reduce(double x, uint64_t *j) {
    if (x >= REDUCE_THRESHOLD) return trig_reduce(x, j);
    *j = (uint64_t)(x * (4 / GO_PI));
    double y = (double)*j;
    if (*j & 1) {
        (*j)++;
        y++;
    }
    *j &= 7;
    return ((x - y * PI4A) - y * PI4B) - y * PI4C;
}

static double sin_poly(double z, double zz) {
    return z + z * zz * ((((((sin_coef[0] * zz) + sin_coef[1]) * zz + sin_coef[2]) * zz + sin_coef[3]) * zz + sin_coef[4]) * zz + sin_coef[5]);
}

static double cos_poly(double zz) {
    return 1.0 - 0.5 * zz + zz * zz * ((((((cos_coef[0] * zz) + cos_coef[1]) * zz + cos_coef[2]) * zz + cos_coef[3]) * zz + cos_coef[4]) * zz + cos_coef[5]);
}

double go_cos(double x) {
    if (isnan(x) || isinf(x)) return NAN;
    bool sign = false;
    uint64_t j;
    double z = reduce(fabs(x), &j);
    if (j > 3) {
        j -= 4;
        sign = !sign;
    }
    if (j > 1) sign = !sign;
    double zz = z * z;
    double y = (j == 1 || j == 2) ? sin_poly(z, zz) : cos_poly(zz);
    return sign ? -y : y;
}

double go_sin(double x) {
    if (x == 0 || isnan(x)) return x;
    if (isinf(x)) return NAN;
    bool sign = false;
    if (x < 0) {
        x = -x;
        sign = true;
    }
    uint64_t j;
    double z = reduce(x, &j);
    if (j > 3) {
        sign = !sign;
        j -= 4;
    }
    double zz = z * z;
    double y = (j == 1 || j == 2) ? cos_poly(zz) : sin_poly(z, zz);
    return sign ? -y : y;
}

double go_tan(double x) {
    static const double P[3] = {-1.30936939181383777646e4, 1.15351664838587416140e6, -1.79565251976484877988e7};
    static const double Q[5] = {1.0, 1.36812963470692954678e4, -1.32089234440210967447e6,
                                2.50083801823357915839e7, -5.38695755929454629881e7};
    if (x == 0 || isnan(x)) return x;
    if (isinf(x)) return NAN;
    bool sign = false;
    if (x < 0) {
        x = -x;
        sign = true;
    }
    uint64_t j;
    double z;
    if (x >= REDUCE_THRESHOLD) {
        z = trig_reduce(x, &j);
    } else {
        j = (uint64_t)(x * (4 / GO_PI));
        double y = (double)j;
        if (j & 1) { /* map zeros and singularities to the origin */
            j++;
            y++;
        }
        z = ((x - y * PI4A) - y * PI4B) - y * PI4C;
    }
    double zz = z * z, y;
    if (zz > 1e-14) y = z + z * (zz * (((P[0] * zz) + P[1]) * zz + P[2]) / ((((zz + Q[1]) * zz + Q[2]) * zz + Q[3]) * zz + Q[4]));
    else y = z;
    if (j & 2) y = -1 / y;
    return sign ? -y : y;
}

/* ---------------------------------------------------------------- atan */

static double xatan(double x) {
    const double P0 = -8.750608600031904122785e-01, P1 = -1.615753718733365076637e+01,
                 P2 = -7.500855792314704667340e+01, P3 = -1.228866684490136173410e+02,
                 P4 = -6.485021904942025371773e+01, Q0 = +2.485846490142306297962e+01,
                 Q1 = +1.650270098316988542046e+02, Q2 = +4.328810604912902668951e+02,
                 Q3 = +4.853903996359136964868e+02, Q4 = +1.945506571482613964425e+02;
    double z = x * x;
    z = z * ((((P0 * z + P1) * z + P2) * z + P3) * z + P4) / (((((z + Q0) * z + Q1) * z + Q2) * z + Q3) * z + Q4);
    return x * z + x;
}

/* atan of a non-negative argument, reduced to [0, 0.66]. */
static double satan(double x) {
    const double morebits = 6.123233995736765886130e-17; /* pi/2 = PIO2 + morebits */
    const double tan3pio8 = 2.41421356237309504880;
    if (x <= 0.66) return xatan(x);
    if (x > tan3pio8) return GO_PI / 2 - xatan(1 / x) + morebits;
    return GO_PI / 4 + xatan((x - 1) / (x + 1)) + 0.5 * morebits;
}

double go_atan(double x) {
    if (x == 0) return x;
    return x > 0 ? satan(x) : -satan(-x);
}

double go_asin(double x) {
    if (x == 0) return x;
    bool sign = false;
    if (x < 0) {
        x = -x;
        sign = true;
    }
    if (x > 1) return NAN;
    double temp = sqrt(1 - x * x);
    if (x > 0.7) temp = GO_PI / 2 - satan(temp / x);
    else temp = satan(x / temp);
    return sign ? -temp : temp;
}

double go_acos(double x) { return GO_PI / 2 - go_asin(x); }

double go_atan2(double y, double x) {
    if (isnan(y) || isnan(x)) return NAN;
    if (y == 0) {
        if (x >= 0 && !signbit(x)) return copysign(0, y);
        return copysign(GO_PI, y);
    }
    if (x == 0) return copysign(GO_PI / 2, y);
    if (isinf(x)) {
        if (x > 0) return isinf(y) ? copysign(GO_PI / 4, y) : copysign(0, y);
        return isinf(y) ? copysign(3 * GO_PI / 4, y) : copysign(GO_PI, y);
    }
    if (isinf(y)) return copysign(GO_PI / 2, y);
    double q = go_atan(y / x);
    if (x < 0) return q <= 0 ? q + GO_PI : q - GO_PI;
    return q;
}

/* ----------------------------------------------------------- hyperbolic */

double go_sinh(double x) {
    const double P0 = -0.6307673640497716991184787251e+6, P1 = -0.8991272022039509355398013511e+5,
                 P2 = -0.2894211355989563807284660366e+4, P3 = -0.2630563213397497062819489e+2,
                 Q0 = -0.6307673640497716991212077277e+6, Q1 = 0.1521517378790019070696485176e+5,
                 Q2 = -0.173678953558233699533450911e+3;
    bool sign = false;
    if (x < 0) {
        x = -x;
        sign = true;
    }
    double temp;
    if (x > 21) {
        temp = go_exp(x) * 0.5;
    } else if (x > 0.5) {
        double ex = go_exp(x);
        temp = (ex - 1 / ex) * 0.5;
    } else {
        double sq = x * x;
        temp = (((P3 * sq + P2) * sq + P1) * sq + P0) * x;
        temp = temp / (((sq + Q2) * sq + Q1) * sq + Q0);
    }
    return sign ? -temp : temp;
}

double go_cosh(double x) {
    x = fabs(x);
    if (x > 21) return go_exp(x) * 0.5;
    double ex = go_exp(x);
    return (ex + 1 / ex) * 0.5;
}

double go_tanh(double x) {
    static const double P[3] = {-9.64399179425052238628e-1, -9.92877231001918586564e1, -1.61468768441708447952e3};
    static const double Q[3] = {1.12811678491632931402e2, 2.23548839060100448583e3, 4.84406305325125486048e3};
    const double maxlog = 8.8029691931113054295988e+01; /* log(2**127) */
    double z = fabs(x);
    if (z > 0.5 * maxlog) return x < 0 ? -1 : 1;
    if (z >= 0.625) {
        double s = go_exp(2 * z);
        z = 1 - 2 / (s + 1);
        return x < 0 ? -z : z;
    }
    if (x == 0) return x;
    double s = x * x;
    return x + x * s * ((P[0] * s + P[1]) * s + P[2]) / (((s + Q[0]) * s + Q[1]) * s + Q[2]);
}

double go_asinh(double x) {
    const double ln2 = 6.93147180559945286227e-01, near_zero = 1.0 / (1 << 28), large = 1 << 28;
    if (isnan(x) || isinf(x)) return x;
    bool sign = false;
    if (x < 0) {
        x = -x;
        sign = true;
    }
    double temp;
    if (x > large) temp = go_log(x) + ln2;
    else if (x > 2) temp = go_log(2 * x + 1 / (sqrt(x * x + 1) + x));
    else if (x < near_zero) temp = x;
    else temp = go_log1p(x + x * x / (1 + sqrt(1 + x * x)));
    return sign ? -temp : temp;
}

double go_acosh(double x) {
    const double large = 1 << 28;
    if (x < 1 || isnan(x)) return NAN;
    if (x == 1) return 0;
    if (x >= large) return go_log(x) + M_LN2;
    if (x > 2) return go_log(2 * x - 1 / (x + sqrt(x * x - 1)));
    double t = x - 1;
    return go_log1p(t + sqrt(2 * t + t * t));
}

double go_atanh(double x) {
    const double near_zero = 1.0 / (1 << 28);
    if (x < -1 || x > 1 || isnan(x)) return NAN;
    if (x == 1) return INFINITY;
    if (x == -1) return -INFINITY;
    bool sign = false;
    if (x < 0) {
        x = -x;
        sign = true;
    }
    double temp;
    if (x < near_zero) {
        temp = x;
    } else if (x < 0.5) {
        temp = x + x;
        temp = 0.5 * go_log1p(temp + temp * x / (1 - x));
    } else {
        temp = 0.5 * go_log1p((x + x) / (1 - x));
    }
    return sign ? -temp : temp;
}

/* -------------------------------------------------------------- erfinv */

/* Inverse error function: rational approximations of Wichura's AS241. */
double go_erfinv(double x) {
    static const double a[8] = {1.1975323115670912564578e0, 4.7072688112383978012285e1,
                                6.9706266534389598238465e2, 4.8548868893843886794648e3,
                                1.6235862515167575384252e4, 2.3782041382114385731252e4,
                                1.1819493347062294404278e4, 8.8709406962545514830200e2};
    static const double b[8] = {1.0000000000000000000e0, 4.2313330701600911252e1, 6.8718700749205790830e2,
                                5.3941960214247511077e3, 2.1213794301586595867e4, 3.9307895800092710610e4,
                                2.8729085735721942674e4, 5.2264952788528545610e3};
    static const double c[8] = {1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0,
                                3.64784832476320460504e0, 1.27045825245236838258e0, 2.41780725177450611770e-1,
                                2.27238449892691845833e-2, 7.74545014278341407640e-4};
    static const double d[8] = {1.4142135623730950488016887e0, 2.9036514445419946173133295e0,
                                2.3707661626024532365971225e0, 9.7547832001787427186894837e-1,
                                2.0945065210512749128288442e-1, 2.1494160384252876777097297e-2,
                                7.7441459065157709165577218e-4, 1.4859850019840355905497876e-9};
    static const double e[8] = {6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0,
                                2.96560571828504891230e-1, 2.65321895265761230930e-2, 1.24266094738807843860e-3,
                                2.71155556874348757815e-5, 2.01033439929228813265e-7};
    static const double f[8] = {1.414213562373095048801689e0, 8.482908416595164588112026e-1,
                                1.936480946950659106176712e-1, 2.103693768272068968719679e-2,
                                1.112800997078859844711555e-3, 2.611088405080593625138020e-5,
                                2.010321207683943062279931e-7, 2.891024605872965461538222e-15};
    if (isnan(x) || x <= -1 || x >= 1) {
        if (x == -1 || x == 1) return x * INFINITY;
        return NAN;
    }
    bool sign = false;
    if (x < 0) {
        x = -x;
        sign = true;
    }
    double ans;
#define POLY7(k, r) (((((((k[7] * r + k[6]) * r + k[5]) * r + k[4]) * r + k[3]) * r + k[2]) * r + k[1]) * r + k[0])
    if (x <= 0.85) {
        double r = 0.180625 - 0.25 * x * x;
        ans = (x * POLY7(a, r)) / POLY7(b, r);
    } else {
        double r = sqrt(M_LN2 - go_log(1.0 - x));
        if (r <= 5.0) {
            r -= 1.6;
            ans = POLY7(c, r) / POLY7(d, r);
        } else {
            r -= 5.0;
            ans = POLY7(e, r) / POLY7(f, r);
        }
    }
#undef POLY7
    return sign ? -ans : ans;
}
