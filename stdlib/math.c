/* math.c - natives of package math (stdlib/go/math.go). The elementary
 * functions come from math_kernels.c so results match Go bit for bit; the
 * exactly rounded operations (Sqrt, Floor, Mod, FMA ...) are libm's.
 * Erf, Erfc, Gamma, Lgamma and the Bessel functions are Go code in
 * math.go (Go 1.19's own). */
#include "natives.h"
#include "math_kernels.h"

#include <math.h>

#define F1(cname, expr)                                                                            \
    static int cname(G *g, Value *a) {                                                             \
        double x = a[0].f;                                                                         \
        a[0].f = (expr);                                                                           \
        return NATIVE_OK;                                                                          \
    }
#define F2(cname, expr)                                                                            \
    static int cname(G *g, Value *a) {                                                             \
        double x = a[0].f, y = a[1].f;                                                             \
        a[0].f = (expr);                                                                           \
        return NATIVE_OK;                                                                          \
    }

static double bits_double(uint64_t u) {
    double d;
    memcpy(&d, &u, 8);
    return d;
}

static uint64_t double_bits(double d) {
    uint64_t u;
    memcpy(&u, &d, 8);
    return u;
}

/* Go's NaN() has this exact bit pattern. */
#define GO_NAN bits_double(0x7FF8000000000001ULL)

/* Max and Min: an infinity of the right sign beats NaN, NaN beats numbers,
 * and +0 is larger than -0. */
static double go_max(double x, double y) {
    if (isinf(x) && x > 0) return x;
    if (isinf(y) && y > 0) return y;
    if (isnan(x) || isnan(y)) return GO_NAN;
    if (x == 0 && x == y) return signbit(x) ? y : x;
    return x > y ? x : y;
}

static double go_min(double x, double y) {
    if (isinf(x) && x < 0) return x;
    if (isinf(y) && y < 0) return y;
    if (isnan(x) || isnan(y)) return GO_NAN;
    if (x == 0 && x == y) return signbit(x) ? x : y;
    return x < y ? x : y;
}

static double go_dim(double x, double y) {
    double v = x - y;
    return v <= 0 ? 0 : v;
}

F1(n_abs, fabs(x))
F1(n_acos, go_acos(x))
F1(n_acosh, go_acosh(x))
F1(n_asin, go_asin(x))
F1(n_asinh, go_asinh(x))
F1(n_atan, go_atan(x))
F2(n_atan2, go_atan2(x, y))
F1(n_atanh, go_atanh(x))
F1(n_cbrt, go_cbrt(x))
F1(n_ceil, ceil(x))
F2(n_copysign, copysign(x, y))
F1(n_cos, go_cos(x))
F1(n_cosh, go_cosh(x))
F2(n_dim, go_dim(x, y))
F1(n_erfinv, go_erfinv(x))
F1(n_erfcinv, go_erfinv(1 - x))
F1(n_exp, go_exp(x))
F1(n_exp2, go_exp2(x))
F1(n_expm1, go_expm1(x))
F1(n_floor, floor(x))
F2(n_hypot, go_hypot(x, y))
F1(n_log, go_log(x))
F1(n_log10, go_log10(x))
F1(n_log1p, go_log1p(x))
F1(n_log2, go_log2(x))
F1(n_logb, isinf(x) ? INFINITY : logb(x))
F2(n_max, go_max(x, y))
F2(n_min, go_min(x, y))
F2(n_mod, fmod(x, y))
F2(n_nextafter, isnan(x) || isnan(y) ? GO_NAN : x == y ? x : nextafter(x, y))
F2(n_pow, go_pow(x, y))
F2(n_remainder, remainder(x, y))
F1(n_round, round(x))
F1(n_round_to_even, nearbyint(x))
F1(n_sin, go_sin(x))
F1(n_sinh, go_sinh(x))
F1(n_sqrt, sqrt(x))
F1(n_tan, go_tan(x))
F1(n_tanh, go_tanh(x))
F1(n_trunc, trunc(x))

static int n_fma(G *g, Value *a) {
    a[0].f = fma(a[0].f, a[1].f, a[2].f);
    return NATIVE_OK;
}

static int n_nan(G *g, Value *a) {
    a[0].f = GO_NAN;
    return NATIVE_OK;
}

/* func Inf(sign int) float64 */
static int n_inf(G *g, Value *a) {
    a[0].f = a[0].i >= 0 ? INFINITY : -INFINITY;
    return NATIVE_OK;
}

/* func IsInf(f float64, sign int) bool */
static int n_is_inf(G *g, Value *a) {
    double f = a[0].f;
    int64_t sign = a[1].i;
    ret_bool(a, (sign >= 0 && f == INFINITY) || (sign <= 0 && f == -INFINITY));
    return NATIVE_OK;
}

static int n_is_nan(G *g, Value *a) {
    ret_bool(a, isnan(a[0].f));
    return NATIVE_OK;
}

static int n_signbit(G *g, Value *a) {
    ret_bool(a, signbit(a[0].f) != 0);
    return NATIVE_OK;
}

static int n_float64bits(G *g, Value *a) {
    a[0].u = double_bits(a[0].f);
    return NATIVE_OK;
}

static int n_float64frombits(G *g, Value *a) {
    a[0].f = bits_double(a[0].u);
    return NATIVE_OK;
}

static int n_float32bits(G *g, Value *a) {
    float f = (float)a[0].f;
    uint32_t u;
    memcpy(&u, &f, 4);
    a[0].u = u;
    return NATIVE_OK;
}

static int n_float32frombits(G *g, Value *a) {
    uint32_t u = (uint32_t)a[0].u;
    float f;
    memcpy(&f, &u, 4);
    a[0].f = f;
    return NATIVE_OK;
}

static int n_nextafter32(G *g, Value *a) {
    a[0].f = nextafterf((float)a[0].f, (float)a[1].f);
    return NATIVE_OK;
}

/* func Frexp(f float64) (frac float64, exp int) */
static int n_frexp(G *g, Value *a) {
    double f = a[0].f;
    int e = 0;
    if (f == 0 || isinf(f) || isnan(f)) {
        a[1].i = 0;
        return NATIVE_OK;
    }
    a[0].f = frexp(f, &e);
    a[1].i = e;
    return NATIVE_OK;
}

/* func Ldexp(frac float64, exp int) float64 */
static int n_ldexp(G *g, Value *a) {
    int64_t e = a[1].i;
    if (e > 100000) e = 100000; /* saturates to Inf or 0 either way */
    if (e < -100000) e = -100000;
    a[0].f = ldexp(a[0].f, (int)e);
    return NATIVE_OK;
}

/* func Modf(f float64) (int float64, frac float64) */
static int n_modf(G *g, Value *a) {
    double f = a[0].f, ip;
    if (isinf(f)) {
        a[1].f = GO_NAN;
        return NATIVE_OK;
    }
    double frac = modf(f, &ip);
    a[0].f = ip;
    a[1].f = frac;
    return NATIVE_OK;
}

/* func Ilogb(x float64) int */
static int n_ilogb(G *g, Value *a) {
    double x = a[0].f;
    if (x == 0) a[0].i = INT32_MIN;
    else if (isnan(x) || isinf(x)) a[0].i = INT32_MAX;
    else a[0].i = ilogb(x);
    return NATIVE_OK;
}

/* func Sincos(x float64) (sin, cos float64) */
static int n_sincos(G *g, Value *a) {
    double x = a[0].f;
    a[0].f = go_sin(x);
    a[1].f = go_cos(x);
    return NATIVE_OK;
}

/* func Pow10(n int) float64 */
static int n_pow10(G *g, Value *a) {
    a[0].f = go_pow10(a[0].i);
    return NATIVE_OK;
}

const NativeDef stdlib_natives_math[] = {
    NATIVE("Abs", n_abs),
    NATIVE("Acos", n_acos),
    NATIVE("Acosh", n_acosh),
    NATIVE("Asin", n_asin),
    NATIVE("Asinh", n_asinh),
    NATIVE("Atan", n_atan),
    NATIVE("Atan2", n_atan2),
    NATIVE("Atanh", n_atanh),
    NATIVE("Cbrt", n_cbrt),
    NATIVE("Ceil", n_ceil),
    NATIVE("Copysign", n_copysign),
    NATIVE("Cos", n_cos),
    NATIVE("Cosh", n_cosh),
    NATIVE("Dim", n_dim),
    NATIVE("Erfcinv", n_erfcinv),
    NATIVE("Erfinv", n_erfinv),
    NATIVE("Exp", n_exp),
    NATIVE("Exp2", n_exp2),
    NATIVE("Expm1", n_expm1),
    NATIVE("FMA", n_fma),
    NATIVE("Float32bits", n_float32bits),
    NATIVE("Float32frombits", n_float32frombits),
    NATIVE("Float64bits", n_float64bits),
    NATIVE("Float64frombits", n_float64frombits),
    NATIVE("Floor", n_floor),
    NATIVE("Frexp", n_frexp),
    NATIVE("Hypot", n_hypot),
    NATIVE("Ilogb", n_ilogb),
    NATIVE("Inf", n_inf),
    NATIVE("IsInf", n_is_inf),
    NATIVE("IsNaN", n_is_nan),
    NATIVE("Ldexp", n_ldexp),
    NATIVE("Log", n_log),
    NATIVE("Log10", n_log10),
    NATIVE("Log1p", n_log1p),
    NATIVE("Log2", n_log2),
    NATIVE("Logb", n_logb),
    NATIVE("Max", n_max),
    NATIVE("Min", n_min),
    NATIVE("Mod", n_mod),
    NATIVE("Modf", n_modf),
    NATIVE("NaN", n_nan),
    NATIVE("Nextafter", n_nextafter),
    NATIVE("Nextafter32", n_nextafter32),
    NATIVE("Pow", n_pow),
    NATIVE("Pow10", n_pow10),
    NATIVE("Remainder", n_remainder),
    NATIVE("Round", n_round),
    NATIVE("RoundToEven", n_round_to_even),
    NATIVE("Signbit", n_signbit),
    NATIVE("Sin", n_sin),
    NATIVE("Sincos", n_sincos),
    NATIVE("Sinh", n_sinh),
    NATIVE("Sqrt", n_sqrt),
    NATIVE("Tan", n_tan),
    NATIVE("Tanh", n_tanh),
    NATIVE("Trunc", n_trunc),
    NATIVES_END,
};
