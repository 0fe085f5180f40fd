/* test_constant.c - exact constant arithmetic (compiler/constant.c).
 *
 * Expected values were checked against Go 1.19: gc's error messages for the
 * cv_repr forms and representability wording, and run-time prints / bit
 * patterns for rounding to float32 and float64. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/constant.h"

static void setup(void) {
    GC_INIT();
    types_init();
}

TestSuite(constant, .init = setup);

/* ---------------------------------------------------------------- helpers */

static ConstVal *lit(TokenKind k, const char *s) {
    const char *err = NULL;
    ConstVal *v = cv_from_literal(k, s, strlen(s), &err);
    cr_assert_not_null(v, "literal %s rejected: %s", s, err ? err : "(no message)");
    return v;
}

static const char *lit_err(TokenKind k, const char *s) {
    const char *err = NULL;
    ConstVal *v = cv_from_literal(k, s, strlen(s), &err);
    cr_assert_null(v, "literal %s accepted as %s", s, v ? cv_repr(v) : "");
    cr_assert_not_null(err);
    return err;
}

static ConstVal *I(int64_t i) { return cv_int64(i); }
static ConstVal *INT(const char *dec) { return lit(TK_INT, dec); }
static ConstVal *FLT(const char *s) { return lit(TK_FLOAT, s); }

/* The exact fraction n/d as a float constant. */
static ConstVal *Q(int64_t n, int64_t d) {
    const char *err = NULL;
    ConstVal *v = cv_binary(TK_QUO, I(n), I(d), false, &err);
    cr_assert_not_null(v);
    cr_assert_eq(cv_kind(v), CV_FLOAT);
    return v;
}

static ConstVal *bin(TokenKind op, ConstVal *x, ConstVal *y) {
    const char *err = NULL;
    ConstVal *v = cv_binary(op, x, y, true, &err);
    cr_assert_not_null(v, "%s %s %s failed: %s", cv_repr(x), token_spelling(op), cv_repr(y), err);
    return v;
}

static ConstVal *cplx(ConstVal *re, ConstVal *im) {
    return bin(TK_ADD, cv_to_complex(re), bin(TK_MUL, im, lit(TK_IMAG, "1i")));
}

/* 10^n as an integer constant. */
static ConstVal *pow10c(int n) {
    char *s = malloc((size_t)n + 2);
    s[0] = '1';
    memset(s + 1, '0', (size_t)n);
    s[n + 1] = 0;
    ConstVal *v = INT(s);
    free(s);
    return v;
}

#define assert_const_eq(a, b)                                                                      \
    do {                                                                                           \
        ConstVal *a_ = (a), *b_ = (b);                                                             \
        cr_assert(cv_compare(TK_EQL, a_, b_), "%s != %s (%s, line %d)", cv_repr(a_), cv_repr(b_),  \
                  #a, __LINE__);                                                                   \
    } while (0)

#define assert_int(v, expect)                                                                      \
    do {                                                                                           \
        ConstVal *v_ = (v);                                                                        \
        cr_assert_eq(cv_kind(v_), CV_INT, "%s is not an int", #v);                                 \
        cr_assert_str_eq(cv_repr(v_), (expect), "%s", #v);                                         \
    } while (0)

#define assert_repr(v, expect) cr_assert_str_eq(cv_repr(v), (expect), "repr of %s", #v)

static uint64_t bits64(double d) {
    uint64_t u;
    memcpy(&u, &d, 8);
    return u;
}

static uint32_t bits32(float f) {
    uint32_t u;
    memcpy(&u, &f, 4);
    return u;
}

/* ------------------------------------------------------- integer literals */

Test(constant, int_literals) {
    assert_int(INT("0"), "0");
    assert_int(INT("42"), "42");
    assert_int(INT("1_000_000"), "1000000");
    assert_int(INT("0x1F"), "31");
    assert_int(INT("0XdeadBEEF"), "3735928559");
    assert_int(INT("0x_ff"), "255");
    assert_int(INT("017"), "15");
    assert_int(INT("00"), "0");
    assert_int(INT("0o17"), "15");
    assert_int(INT("0O_7_7"), "63");
    assert_int(INT("0b1011"), "11");
    assert_int(INT("0B_1_0"), "2");
    assert_int(INT("18446744073709551615"), "18446744073709551615");
    assert_int(INT("0xffffffffffffffffffffffffffffffff"), "340282366920938463463374607431768211455");
    assert_int(INT("1267650600228229401496703205376"), "1267650600228229401496703205376");
}

Test(constant, int_literal_errors) {
    cr_assert_str_eq(lit_err(TK_INT, "09"), "invalid digit '9' in octal literal");
    cr_assert_str_eq(lit_err(TK_INT, "0b102"), "invalid digit '2' in binary literal");
    cr_assert_str_eq(lit_err(TK_INT, "0x"), "hexadecimal literal has no digits");
    lit_err(TK_IDENT, "x");
}

/* --------------------------------------------------------- float literals */

Test(constant, float_literals_exact) {
    assert_const_eq(FLT("0.1"), Q(1, 10));
    assert_const_eq(FLT("2.5"), Q(5, 2));
    assert_const_eq(FLT(".5"), Q(1, 2));
    assert_const_eq(FLT("1."), I(1));
    assert_const_eq(FLT("1e3"), I(1000));
    assert_const_eq(FLT("1E+3"), I(1000));
    assert_const_eq(FLT("125e-3"), Q(1, 8));
    assert_const_eq(FLT("1_000.000_5"), Q(10000005, 10000));
    assert_const_eq(FLT("0755.5"), Q(1511, 2)); /* decimal despite the leading 0 */
    assert_const_eq(FLT("01e2"), I(100));
    assert_const_eq(FLT("0e-99999999999"), I(0)); /* zero whatever the exponent */
    cr_assert_eq(cv_kind(FLT("2.0")), CV_FLOAT);
    cr_assert(cv_is_integral(FLT("2.0")));
    cr_assert_not(cv_is_integral(FLT("2.5")));

    /* 1e-400 is not zero, and exactly 1/10^400. */
    ConstVal *tiny = FLT("1e-400");
    cr_assert_eq(cv_sign(tiny), 1);
    assert_const_eq(bin(TK_MUL, tiny, pow10c(400)), I(1));
    assert_const_eq(bin(TK_MUL, FLT("1e400"), tiny), I(1));
    assert_const_eq(FLT("1e400"), pow10c(400));
}

Test(constant, hex_float_literals) {
    assert_const_eq(FLT("0x1p-2"), Q(1, 4));
    assert_const_eq(FLT("0x1.8p1"), I(3));
    assert_const_eq(FLT("0X.8p0"), Q(1, 2));
    assert_const_eq(FLT("0x_1_0p0"), I(16));
    assert_const_eq(FLT("0x1P+10"), I(1024));
    assert_const_eq(FLT("0x.1p4"), I(1));
    assert_const_eq(FLT("0xA.Bp0"), Q(0xAB, 16));
    /* 2^-1074, the smallest float64 subnormal, exactly. */
    ConstVal *v = FLT("0x1p-1074");
    cr_assert_eq(cv_float64_val(v), 4.9406564584124654e-324);
    assert_const_eq(bin(TK_MUL, v, cv_shift(TK_SHL, I(1), 1074)), I(1));
}

Test(constant, float_literal_errors) {
    cr_assert_str_eq(lit_err(TK_FLOAT, "1e"), "exponent has no digits");
    cr_assert_str_eq(lit_err(TK_FLOAT, "1e+"), "exponent has no digits");
    cr_assert_str_eq(lit_err(TK_FLOAT, "0x1.8"), "hexadecimal mantissa requires a 'p' exponent");
    /* Beyond our magnitude cap (gc's is larger but reports the same way). */
    cr_assert_str_eq(lit_err(TK_FLOAT, "1e1000000"), "malformed constant: 1e1000000");
    cr_assert_str_eq(lit_err(TK_FLOAT, "1e-1000000"), "malformed constant: 1e-1000000");
    cr_assert_str_eq(lit_err(TK_FLOAT, "1e100000000000000000000"),
                     "malformed constant: 1e100000000000000000000");
    cr_assert_str_eq(lit_err(TK_FLOAT, "0x1p2000000"), "malformed constant: 0x1p2000000");
}

Test(constant, huge_exponents_are_fast_and_bounded) {
    /* Within the cap, big exponents work and stay cheap: gc switches to
     * 512-bit floats for such values and so do we. */
    ConstVal *big = FLT("1e300000");
    ConstVal *small = FLT("1e-300000");
    cr_assert_eq(cv_sign(big), 1);
    cr_assert_eq(cv_sign(small), 1);
    cr_assert(isinf(cv_float64_val(big)));
    cr_assert_eq(cv_float64_val(small), 0);
    ConstVal *one = bin(TK_MUL, big, small);
    cr_assert(fabs(cv_float64_val(one) - 1) < 1e-15);
    /* Results beyond the cap are reported, not computed. */
    const char *err = NULL;
    cr_assert_null(cv_binary(TK_MUL, big, big, false, &err));
    cr_assert_str_eq(err, "constant result is not representable");
}

/* ---------------------------------------------- imaginary, rune, string */

Test(constant, imaginary_literals) {
    ConstVal *v = lit(TK_IMAG, "2i");
    cr_assert_eq(cv_kind(v), CV_COMPLEX);
    cr_assert_eq(cv_real_val(v), 0);
    cr_assert_eq(cv_imag_val(v), 2);
    cr_assert_eq(cv_imag_val(lit(TK_IMAG, "0123i")), 123); /* decimal, for compatibility */
    cr_assert_eq(cv_imag_val(lit(TK_IMAG, "0_1i")), 1);
    cr_assert_eq(cv_imag_val(lit(TK_IMAG, "0o17i")), 15);
    cr_assert_eq(cv_imag_val(lit(TK_IMAG, "0x10i")), 16);
    cr_assert_eq(cv_imag_val(lit(TK_IMAG, "0b11i")), 3);
    cr_assert_eq(cv_imag_val(lit(TK_IMAG, "1.5i")), 1.5);
    cr_assert_eq(cv_imag_val(lit(TK_IMAG, "1e2i")), 100);
    cr_assert_eq(cv_imag_val(lit(TK_IMAG, ".25i")), 0.25);
    cr_assert_eq(cv_imag_val(lit(TK_IMAG, "0x1p-2i")), 0.25);
    cr_assert_eq(cv_imag_val(lit(TK_IMAG, "1_0i")), 10);
    assert_const_eq(lit(TK_IMAG, "0i"), I(0));
}

Test(constant, rune_literals) {
    assert_int(lit(TK_CHAR, "'a'"), "97");
    assert_int(lit(TK_CHAR, "'\\n'"), "10");
    assert_int(lit(TK_CHAR, "'\\''"), "39");
    assert_int(lit(TK_CHAR, "'\\\\'"), "92");
    assert_int(lit(TK_CHAR, "'\\x41'"), "65");
    assert_int(lit(TK_CHAR, "'\\377'"), "255");
    assert_int(lit(TK_CHAR, "'\\u00e9'"), "233");
    assert_int(lit(TK_CHAR, "'\\U0001F600'"), "128512");
    assert_int(lit(TK_CHAR, "'é'"), "233");
    assert_int(lit(TK_CHAR, "'\\000'"), "0");
    lit_err(TK_CHAR, "'ab'");
    lit_err(TK_CHAR, "'\\q'");
}

Test(constant, string_literals) {
    ConstVal *v = lit(TK_STRING, "\"a\\x00b\\n\"");
    GoString s = cv_string_val(v);
    cr_assert_eq(s.len, 4);
    cr_assert(memcmp(s.ptr, "a\0b\n", 4) == 0);
    s = cv_string_val(lit(TK_STRING, "\"\\u00e9\\xff\""));
    cr_assert_eq(s.len, 3);
    cr_assert(memcmp(s.ptr, "\xc3\xa9\xff", 3) == 0);
    s = cv_string_val(lit(TK_STRING, "`raw\\n\r\nx`"));
    cr_assert_eq(s.len, 7); /* raw strings drop carriage returns */
    cr_assert(memcmp(s.ptr, "raw\\n\nx", 7) == 0);
    cr_assert_eq(cv_string_val(lit(TK_STRING, "\"\"")).len, 0);
    lit_err(TK_STRING, "\"\\q\"");
}

/* ------------------------------------------------------------- arithmetic */

Test(constant, integer_arithmetic) {
    assert_int(bin(TK_ADD, I(2), I(3)), "5");
    assert_int(bin(TK_SUB, I(2), I(3)), "-1");
    assert_int(bin(TK_MUL, I(-4), I(3)), "-12");
    /* Go truncates toward zero; % has the sign of the dividend. */
    assert_int(bin(TK_QUO, I(7), I(-2)), "-3");
    assert_int(bin(TK_QUO, I(-7), I(2)), "-3");
    assert_int(bin(TK_REM, I(-7), I(3)), "-1");
    assert_int(bin(TK_REM, I(7), I(-3)), "1");
    /* Huge values. */
    ConstVal *big = cv_shift(TK_SHL, I(1), 100);
    assert_int(big, "1267650600228229401496703205376");
    assert_int(bin(TK_MUL, big, big), "1606938044258990275541962092341162602522202993782792835301376");
    assert_int(bin(TK_REM, big, I(7)), "2");
    assert_int(bin(TK_REM, bin(TK_QUO, cv_unary(TK_SUB, big, 0), I(3)), I(1000)), "-125");
    assert_int(bin(TK_ADD, INT("18446744073709551615"), I(1)), "18446744073709551616");
    assert_int(bin(TK_SUB, I(INT64_MIN), I(1)), "-9223372036854775809");
    /* Compound-assignment operators mean the same. */
    assert_int(bin(TK_ADD_ASSIGN, I(2), I(3)), "5");
}

Test(constant, integer_quotient_without_int_div_is_exact) {
    const char *err = NULL;
    ConstVal *v = cv_binary(TK_QUO, I(7), I(2), false, &err);
    cr_assert_eq(cv_kind(v), CV_FLOAT);
    assert_const_eq(v, Q(7, 2));
}

Test(constant, division_by_zero) {
    const char *err = NULL;
    cr_assert_null(cv_binary(TK_QUO, I(1), I(0), true, &err));
    cr_assert_str_eq(err, "division by zero");
    err = NULL;
    cr_assert_null(cv_binary(TK_REM, I(1), I(0), true, &err));
    cr_assert_str_eq(err, "division by zero");
    err = NULL;
    cr_assert_null(cv_binary(TK_QUO, FLT("1.5"), FLT("0.0"), false, &err));
    cr_assert_str_eq(err, "division by zero");
    err = NULL;
    cr_assert_null(cv_binary(TK_QUO, lit(TK_IMAG, "1i"), cv_to_complex(I(0)), false, &err));
    cr_assert_str_eq(err, "division by zero");
    err = NULL;
    cr_assert_null(cv_binary(TK_QUO, I(1), I(0), false, &err));
    cr_assert_str_eq(err, "division by zero");
}

Test(constant, bitwise) {
    assert_int(bin(TK_AND, I(6), I(3)), "2");
    assert_int(bin(TK_OR, I(6), I(3)), "7");
    assert_int(bin(TK_XOR, I(6), I(3)), "5");
    assert_int(bin(TK_AND_NOT, I(6), I(3)), "4");
    /* Negative operands act as infinite two's complement, as in Go. */
    assert_int(bin(TK_AND_NOT, I(-6), I(3)), "-8");
    assert_int(bin(TK_AND, I(-6), I(-3)), "-8");
    assert_int(bin(TK_OR, I(-6), I(3)), "-5");
    assert_int(bin(TK_XOR, I(-6), I(3)), "-7");
    ConstVal *big = cv_shift(TK_SHL, I(1), 80);
    assert_int(bin(TK_OR, big, I(1)), "1208925819614629174706177");
    const char *err = NULL;
    cr_assert_null(cv_binary(TK_AND, FLT("1.5"), FLT("1.0"), true, &err));
    cr_assert_not_null(err);
}

Test(constant, shifts) {
    assert_int(cv_shift(TK_SHL, I(1), 62), "4611686018427387904");
    assert_int(cv_shift(TK_SHL, I(1), 64), "18446744073709551616");
    assert_int(cv_shift(TK_SHR, I(-1), 1), "-1");
    assert_int(cv_shift(TK_SHR, I(-7), 1), "-4"); /* floor, i.e. arithmetic shift */
    assert_int(cv_shift(TK_SHR, I(7), 1), "3");
    assert_int(cv_shift(TK_SHR, I(5), 100), "0");
    assert_int(cv_shift(TK_SHR, I(-5), 1000000), "-1");
    ConstVal *big = cv_shift(TK_SHL, I(1), 100);
    assert_int(cv_shift(TK_SHR, big, 98), "4");
    assert_int(cv_shift(TK_SHR, cv_unary(TK_SUB, big, 0), 99), "-2");
    assert_int(cv_shift(TK_SHR, bin(TK_SUB, cv_unary(TK_SUB, big, 0), I(1)), 100), "-2");
    assert_int(cv_shift(TK_SHL, I(0), UINT64_MAX), "0");
    /* An integral untyped float shifts as an integer. */
    assert_int(cv_shift(TK_SHL, FLT("1.0"), 3), "8");
    cr_assert_eq(cv_kind(cv_shift(TK_SHL, FLT("1.5"), 3)), CV_UNKNOWN);
    /* Absurd counts give unknown instead of exhausting memory. */
    cr_assert_eq(cv_kind(cv_shift(TK_SHL, I(1), 1ULL << 40)), CV_UNKNOWN);
}

Test(constant, float_arithmetic_is_exact) {
    /* 0.1 + 0.2 == 0.3 for constants. */
    cr_assert(cv_compare(TK_EQL, bin(TK_ADD, FLT("0.1"), FLT("0.2")), FLT("0.3")));
    ConstVal *third = bin(TK_QUO, FLT("1.0"), FLT("3.0"));
    assert_const_eq(bin(TK_MUL, third, I(3)), I(1));
    assert_const_eq(bin(TK_SUB, bin(TK_ADD, third, FLT("1e300")), FLT("1e300")), third);
    /* Mixed kinds promote. */
    assert_const_eq(bin(TK_ADD, I(1), FLT("0.5")), Q(3, 2));
    cr_assert_eq(cv_kind(bin(TK_ADD, I(1), FLT("0.5"))), CV_FLOAT);
    cr_assert_eq(cv_float64_val(bin(TK_QUO, FLT("1e100"), I(3))), 3.333333333333333e+99);
    cr_assert_eq(bits64(cv_float64_val(bin(TK_QUO, FLT("1e100"), I(3)))), 6095730106324201297ULL);
    const char *err = NULL;
    cr_assert_null(cv_binary(TK_REM, FLT("1.5"), FLT("1.0"), false, &err));
}

Test(constant, long_fractions_switch_to_512_bit_floats) {
    /* (1 + 1/3)^(2^10) grows numerator and denominator; gc rounds such
     * fractions to 512-bit floats, and so must we to stay fast. */
    ConstVal *x = bin(TK_ADD, I(1), Q(1, 3));
    for (int i = 0; i < 10; i++) x = bin(TK_MUL, x, x);
    double expect = pow(4.0 / 3.0, 1024);
    cr_assert(fabs(cv_float64_val(x) / expect - 1) < 1e-12, "%g vs %g", cv_float64_val(x), expect);
    /* Long decimal literals of ordinary magnitude stay exact below the limit. */
    ConstVal *pi = FLT("3.14159265358979323846264338327950288419716939937510582097494459");
    cr_assert_eq(cv_float64_val(pi), 3.141592653589793);
}

Test(constant, big_exponents_use_gcs_512_bit_tier) {
    /* Literals with binary exponents beyond 4096 are 512-bit floats in gc;
     * the results below are what gc 1.19 computes. */
    ConstVal *b = FLT("1e5000");
    ConstVal *a = bin(TK_QUO, b, FLT("1e4990"));
    cr_assert(cv_is_integral(a)); /* within rounding error of an integer */
    assert_int(cv_to_int(a), "10000000000");
    cr_assert(cv_representable(a, t_int64, NULL, NULL));
    const char *why;
    cr_assert_not(cv_representable(a, t_int8, NULL, &why));
    cr_assert_str_eq(why, "truncated");
    assert_const_eq(bin(TK_QUO, b, FLT("1e4999")), I(10));
    assert_const_eq(bin(TK_SUB, bin(TK_QUO, bin(TK_MUL, FLT("0.1"), FLT("1e4000")), FLT("1e4000")), FLT("0.1")),
                    I(0));
    assert_const_eq(bin(TK_QUO, FLT("1e1500"), FLT("1e1499")), I(10));
    assert_repr(bin(TK_ADD, bin(TK_QUO, FLT("1e1500"), FLT("1e1499")), FLT("0.5")), "10.5");
    /* gc's ToInt refuses such huge values even when integral. */
    cr_assert_null(cv_to_int(b));
    assert_repr(b, "1e+5000");
    assert_repr(FLT("0x1p5000"), "1.41247e+1505");
    /* Exact fractions are not fuzzy: 1/3*3 is exactly 1, 1/3 is not an int. */
    cr_assert_null(cv_to_int(Q(1, 3)));
    cr_assert_null(cv_to_int(bin(TK_ADD, I(1), bin(TK_QUO, I(1), cv_to_float(cv_shift(TK_SHL, I(1), 600))))));
}

Test(constant, complex_arithmetic) {
    ConstVal *a = cplx(I(1), I(2)), *b = cplx(I(3), I(-4));
    ConstVal *p = bin(TK_MUL, a, b);
    cr_assert_eq(cv_real_val(p), 11);
    cr_assert_eq(cv_imag_val(p), 2);
    ConstVal *q = bin(TK_QUO, a, b);
    assert_const_eq(q, cplx(Q(-1, 5), Q(2, 5)));
    assert_const_eq(bin(TK_SUB, bin(TK_ADD, a, b), b), a);
    ConstVal *r = bin(TK_QUO, FLT("3.0"), lit(TK_IMAG, "2.0i"));
    assert_repr(r, "(0 + -1.5i)");
    cr_assert(cv_compare(TK_NEQ, a, b));
    cr_assert_not(cv_compare(TK_EQL, a, b));
    cr_assert(cv_compare(TK_EQL, cv_to_complex(I(5)), I(5)));
}

Test(constant, string_and_bool_operations) {
    ConstVal *s = bin(TK_ADD, cv_string("ab", 2), cv_string("\0c", 2));
    GoString g = cv_string_val(s);
    cr_assert_eq(g.len, 4);
    cr_assert(memcmp(g.ptr, "ab\0c", 4) == 0);
    cr_assert(cv_bool_val(bin(TK_LAND, cv_bool(true), cv_bool(true))));
    cr_assert_not(cv_bool_val(bin(TK_LAND, cv_bool(true), cv_bool(false))));
    cr_assert(cv_bool_val(bin(TK_LOR, cv_bool(false), cv_bool(true))));
    cr_assert(cv_bool_val(cv_unary(TK_NOT, cv_bool(false), 0)));
    cr_assert_not(cv_bool_val(cv_unary(TK_NOT, cv_bool(true), 0)));
}

Test(constant, unary) {
    assert_int(cv_unary(TK_SUB, I(5), 0), "-5");
    assert_int(cv_unary(TK_ADD, I(5), 0), "5");
    assert_int(cv_unary(TK_XOR, I(5), 0), "-6");
    assert_int(cv_unary(TK_XOR, I(-1), 0), "0");
    /* Typed unsigned: XOR with all ones of the size. */
    assert_int(cv_unary(TK_XOR, I(5), 8), "250");
    assert_int(cv_unary(TK_XOR, I(0), 16), "65535");
    assert_int(cv_unary(TK_XOR, cv_uint64(1ULL << 63), 64), "9223372036854775807");
    assert_int(cv_unary(TK_XOR, I(0), 64), "18446744073709551615");
    assert_const_eq(cv_unary(TK_SUB, FLT("2.5"), 0), Q(-5, 2));
    cr_assert_eq(cv_kind(cv_unary(TK_SUB, FLT("2.5"), 0)), CV_FLOAT);
    ConstVal *c = cv_unary(TK_SUB, cplx(I(1), I(-2)), 0);
    cr_assert_eq(cv_real_val(c), -1);
    cr_assert_eq(cv_imag_val(c), 2);
    cr_assert_eq(cv_kind(cv_unary(TK_SUB, cv_unknown(), 0)), CV_UNKNOWN);
}

Test(constant, comparisons) {
    cr_assert(cv_compare(TK_LSS, I(1), I(2)));
    cr_assert(cv_compare(TK_LEQ, I(2), I(2)));
    cr_assert(cv_compare(TK_GTR, cv_shift(TK_SHL, I(1), 100), INT("18446744073709551615")));
    cr_assert(cv_compare(TK_GEQ, I(-1), I(-1)));
    cr_assert(cv_compare(TK_NEQ, I(-1), I(1)));
    cr_assert(cv_compare(TK_LSS, FLT("1e-400"), FLT("2e-400")));
    cr_assert(cv_compare(TK_GTR, FLT("0.5"), I(0)));
    cr_assert(cv_compare(TK_EQL, FLT("2.0"), I(2)));
    /* Strings compare bytewise, including bytes >= 0x80 and NUL. */
    cr_assert(cv_compare(TK_LSS, cv_string("abc", 3), cv_string("abd", 3)));
    cr_assert(cv_compare(TK_LSS, cv_string("ab", 2), cv_string("abc", 3)));
    cr_assert(cv_compare(TK_LSS, cv_string("a\0", 2), cv_string("a\x01", 2)));
    cr_assert(cv_compare(TK_GTR, cv_string("\xff", 1), cv_string("a", 1)));
    cr_assert(cv_compare(TK_EQL, cv_string("", 0), cv_string("", 0)));
    cr_assert(cv_compare(TK_EQL, cv_bool(true), cv_bool(true)));
    cr_assert(cv_compare(TK_NEQ, cv_bool(true), cv_bool(false)));
    cr_assert_not(cv_compare(TK_EQL, cv_unknown(), cv_unknown()));
}

/* ------------------------------------------------------------- accessors */

Test(constant, accessors) {
    cr_assert_eq(cv_int64_val(I(INT64_MIN)), INT64_MIN);
    cr_assert_eq(cv_int64_val(I(INT64_MAX)), INT64_MAX);
    cr_assert_eq(cv_uint64_val(cv_uint64(UINT64_MAX)), UINT64_MAX);
    cr_assert(cv_fits_int64(I(INT64_MIN)));
    cr_assert_not(cv_fits_int64(cv_uint64(1ULL << 63)));
    cr_assert(cv_fits_uint64(cv_uint64(UINT64_MAX)));
    cr_assert_not(cv_fits_uint64(I(-1)));
    cr_assert_not(cv_fits_uint64(bin(TK_ADD, cv_uint64(UINT64_MAX), I(1))));
    cr_assert(cv_fits_int64(FLT("1e18")));
    cr_assert_not(cv_fits_int64(FLT("1.5")));
    cr_assert_eq(cv_int64_val(FLT("1e18")), 1000000000000000000LL);
    cr_assert_eq(cv_sign(I(-3)), -1);
    cr_assert_eq(cv_sign(FLT("0.0")), 0);
    cr_assert_eq(cv_sign(lit(TK_IMAG, "2i")), 1);
    cr_assert_eq(cv_sign(lit(TK_IMAG, "0i")), 0);
    cr_assert(cv_is_integral(cv_to_complex(I(3))));
    cr_assert_not(cv_is_integral(lit(TK_IMAG, "1i")));
    cr_assert_eq(cv_float64_val(I(1 << 30)), 1 << 30);
    cr_assert_eq(cv_float64_val(cv_float64(0.1)), 0.1);
    cr_assert_eq(cv_kind(cv_float64(NAN)), CV_UNKNOWN);
    cr_assert_eq(cv_kind(cv_float64(INFINITY)), CV_UNKNOWN);
    cr_assert(cv_compare(TK_NEQ, cv_float64(0.1), FLT("0.1"))); /* the double is not 1/10 */
}

Test(constant, conversions) {
    assert_int(cv_to_int(FLT("3.0")), "3");
    cr_assert_null(cv_to_int(FLT("2.5")));
    cr_assert_null(cv_to_int(lit(TK_IMAG, "1i")));
    assert_int(cv_to_int(cv_to_complex(I(7))), "7");
    cr_assert_eq(cv_kind(cv_to_float(I(7))), CV_FLOAT);
    cr_assert_null(cv_to_float(lit(TK_IMAG, "1i")));
    cr_assert_eq(cv_kind(cv_to_float(cv_to_complex(FLT("2.5")))), CV_FLOAT);
    cr_assert_eq(cv_kind(cv_to_complex(FLT("2.5"))), CV_COMPLEX);
    cr_assert_null(cv_to_int(cv_string("x", 1)));
}

Test(constant, float64_correct_rounding) {
    /* mpq_get_d would truncate; these need round-to-nearest-even. */
    ConstVal *two53 = cv_shift(TK_SHL, I(1), 53);
    cr_assert_eq(cv_float64_val(bin(TK_ADD, two53, I(1))), 9007199254740992.0); /* tie: even */
    cr_assert_eq(cv_float64_val(bin(TK_ADD, two53, I(3))), 9007199254740996.0); /* tie: even */
    cr_assert_eq(cv_float64_val(bin(TK_ADD, two53, Q(3, 2))), 9007199254740994.0);
    cr_assert_eq(cv_float64_val(FLT("0.1")), 0.1);
    cr_assert_eq(cv_float64_val(FLT("1e23")), 1e23);
    cr_assert_eq(bits64(cv_float64_val(FLT("1e23"))), 4950912855330343670ULL);
    cr_assert_eq(cv_float64_val(Q(2, 3)), 2.0 / 3.0);
    cr_assert_eq(cv_float64_val(Q(-2, 3)), -2.0 / 3.0);
    /* Subnormals and underflow. */
    cr_assert_eq(cv_float64_val(FLT("0x1p-1075")), 0);             /* tie with 0: even */
    cr_assert_eq(bits64(cv_float64_val(FLT("0x1.8p-1074"))), 2);   /* tie: even */
    cr_assert_eq(bits64(cv_float64_val(FLT("0x1.0000000000001p-1075"))), 1);
    cr_assert_eq(cv_float64_val(FLT("1e-320")), 1e-320);
    cr_assert_eq(cv_float64_val(FLT("2.2250738585072011e-308")), 2.2250738585072011e-308);
    cr_assert_eq(cv_float64_val(FLT("4.9406564584124654e-324")), 4.9406564584124654e-324);
    /* Overflow. */
    cr_assert_eq(cv_float64_val(FLT("1.7976931348623157e308")), 1.7976931348623157e308);
    ConstVal *halfway = bin(TK_ADD, FLT("0x1.fffffffffffffp1023"), FLT("0x1p970"));
    cr_assert(isinf(cv_float64_val(halfway)));
    cr_assert_gt(cv_float64_val(halfway), 0);
    ConstVal *below = bin(TK_ADD, FLT("0x1.fffffffffffffp1023"), FLT("0x1p969"));
    cr_assert_eq(cv_float64_val(below), 1.7976931348623157e308);
    cr_assert(isinf(cv_float64_val(FLT("1e400"))));
    cr_assert_lt(cv_float64_val(cv_unary(TK_SUB, FLT("1e400"), 0)), 0);
}

/* -------------------------------------------------------- representability */

typedef struct IntCase {
    Type **t;
    const char *lo, *hi;
} IntCase;

Test(constant, representable_integer_boundaries) {
    IntCase cases[] = {
        {&t_int8, "-128", "127"},
        {&t_int16, "-32768", "32767"},
        {&t_int32, "-2147483648", "2147483647"},
        {&t_int64, "-9223372036854775808", "9223372036854775807"},
        {&t_int, "-9223372036854775808", "9223372036854775807"},
        {&t_uint8, "0", "255"},
        {&t_uint16, "0", "65535"},
        {&t_uint32, "0", "4294967295"},
        {&t_uint64, "0", "18446744073709551615"},
        {&t_uint, "0", "18446744073709551615"},
        {&t_uintptr, "0", "18446744073709551615"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Type *t = *cases[i].t;
        ConstVal *lo = INT(cases[i].lo + (cases[i].lo[0] == '-'));
        if (cases[i].lo[0] == '-') lo = cv_unary(TK_SUB, lo, 0);
        ConstVal *hi = INT(cases[i].hi);
        ConstVal *out = NULL;
        const char *why = NULL;
        cr_assert(cv_representable(lo, t, &out, &why), "%s in %s", cases[i].lo, type_string(t));
        assert_const_eq(out, lo);
        cr_assert(cv_representable(hi, t, &out, &why), "%s in %s", cases[i].hi, type_string(t));
        cr_assert(cv_representable(bin(TK_SUB, hi, I(1)), t, NULL, NULL));
        cr_assert_not(cv_representable(bin(TK_SUB, lo, I(1)), t, &out, &why));
        cr_assert_str_eq(why, "overflows", "%s-1 in %s", cases[i].lo, type_string(t));
        cr_assert_not(cv_representable(bin(TK_ADD, hi, I(1)), t, &out, &why));
        cr_assert_str_eq(why, "overflows");
        /* Integral floats convert; the same value as a float says "truncated" on failure. */
        cr_assert(cv_representable(cv_to_float(hi), t, &out, &why));
        cr_assert_eq(cv_kind(out), CV_INT);
        cr_assert_not(cv_representable(cv_to_float(bin(TK_ADD, hi, I(1))), t, &out, &why));
        cr_assert_str_eq(why, "truncated");
    }
    /* The classic cases. */
    const char *why;
    cr_assert_not(cv_representable(I(-1), t_uint, NULL, &why));
    cr_assert_str_eq(why, "overflows");
    cr_assert_not(cv_representable(cv_shift(TK_SHL, I(1), 63), t_int64, NULL, &why));
    cr_assert(cv_representable(cv_shift(TK_SHL, I(1), 63), t_uint64, NULL, &why));
    cr_assert_not(cv_representable(I(256), t_uint8, NULL, &why));
    cr_assert_str_eq(why, "overflows");
    cr_assert_not(cv_representable(FLT("2.5"), t_int, NULL, &why));
    cr_assert_str_eq(why, "truncated");
    cr_assert_not(cv_representable(FLT("1e10"), t_uint8, NULL, &why));
    cr_assert_str_eq(why, "truncated"); /* gc: integral but still "truncated" */
    cr_assert_not(cv_representable(FLT("1e-400"), t_int8, NULL, &why));
    cr_assert_str_eq(why, "truncated");
    cr_assert_not(cv_representable(lit(TK_IMAG, "0.5i"), t_int, NULL, &why));
    cr_assert_str_eq(why, "truncated");
    cr_assert_not(cv_representable(cplx(I(1), I(2)), t_int, NULL, &why));
    cr_assert_str_eq(why, "truncated");
    cr_assert(cv_representable(cv_to_complex(I(3)), t_int8, NULL, &why));
    cr_assert_not(cv_representable(cv_to_complex(I(300)), t_int8, NULL, &why));
    cr_assert_str_eq(why, "truncated");
}

Test(constant, representable_untyped_and_other_kinds) {
    ConstVal *out;
    const char *why;
    ConstVal *big = cv_shift(TK_SHL, I(1), 300);
    cr_assert(cv_representable(big, t_untyped_int, &out, &why));
    cr_assert(cv_representable(FLT("4.0"), t_untyped_rune, &out, &why));
    cr_assert_eq(cv_kind(out), CV_INT);
    cr_assert_not(cv_representable(FLT("4.5"), t_untyped_int, &out, &why));
    cr_assert_str_eq(why, "truncated");
    cr_assert(cv_representable(I(3), t_untyped_float, &out, &why));
    cr_assert_eq(cv_kind(out), CV_FLOAT);
    cr_assert(cv_representable(FLT("1e-400"), t_untyped_float, &out, &why));
    assert_const_eq(out, FLT("1e-400")); /* untyped floats stay exact */
    cr_assert(cv_representable(I(3), t_untyped_complex, &out, &why));
    cr_assert_eq(cv_kind(out), CV_COMPLEX);
    cr_assert_not(cv_representable(cplx(I(1), I(2)), t_untyped_float, &out, &why));
    cr_assert_str_eq(why, "overflows");
    cr_assert_not(cv_representable(cplx(I(1), I(2)), t_float64, &out, &why));
    cr_assert_str_eq(why, "overflows"); /* gc's wording for complex -> float */
    cr_assert(cv_representable(cv_to_complex(FLT("2.5")), t_float64, &out, &why));
    cr_assert_eq(cv_kind(out), CV_FLOAT);

    cr_assert_not(cv_representable(cv_string("a", 1), t_int, &out, &why));
    cr_assert_str_eq(why, "");
    cr_assert_not(cv_representable(I(1), t_string, &out, &why));
    cr_assert_str_eq(why, "");
    cr_assert_not(cv_representable(I(1), t_bool, &out, &why));
    cr_assert_str_eq(why, "");
    cr_assert_not(cv_representable(cv_bool(true), t_int, &out, &why));
    cr_assert_str_eq(why, "");
    cr_assert(cv_representable(cv_bool(true), t_bool, &out, &why));
    cr_assert(cv_representable(cv_bool(true), t_untyped_bool, &out, &why));
    cr_assert(cv_representable(cv_string("a", 1), t_string, &out, &why));
    cr_assert(cv_representable(cv_string("a", 1), t_untyped_string, &out, &why));
    cr_assert_not(cv_representable(I(1), t_any, &out, &why));
    /* Unknown values are accepted quietly (their error was already reported). */
    cr_assert(cv_representable(cv_unknown(), t_int8, &out, &why));
}

Test(constant, representable_float_rounding) {
    ConstVal *out;
    const char *why;
    /* float32: 2^24+1 is a tie and rounds to even, 2^24+3 rounds up. */
    cr_assert(cv_representable(I(16777217), t_float32, &out, &why));
    cr_assert_eq(cv_kind(out), CV_FLOAT);
    assert_const_eq(out, I(16777216));
    cr_assert(cv_representable(I(16777219), t_float32, &out, &why));
    assert_const_eq(out, I(16777220));
    /* float64 ties. */
    ConstVal *two53 = cv_shift(TK_SHL, I(1), 53);
    cr_assert(cv_representable(bin(TK_ADD, two53, I(1)), t_float64, &out, &why));
    assert_const_eq(out, two53);
    cr_assert(cv_representable(bin(TK_ADD, two53, I(3)), t_float64, &out, &why));
    assert_const_eq(out, bin(TK_ADD, two53, I(4)));
    /* 0.1 as float32 is the float32 nearest 0.1, not the double. */
    cr_assert(cv_representable(FLT("0.1"), t_float32, &out, &why));
    cr_assert_eq(cv_float64_val(out), (double)0.1f);
    cr_assert_eq(bits32((float)cv_float64_val(out)), 1036831949u);
    cr_assert(cv_representable(FLT("0.1"), t_float64, &out, &why));
    assert_const_eq(out, cv_float64(0.1));
    /* Underflow to zero is fine, overflow is not. */
    cr_assert(cv_representable(FLT("1e-50"), t_float32, &out, &why));
    cr_assert_eq(cv_sign(out), 0);
    cr_assert(cv_representable(FLT("0x1p-150"), t_float32, &out, &why)); /* tie with 0 */
    cr_assert_eq(cv_sign(out), 0);
    cr_assert(cv_representable(FLT("0x1.8p-149"), t_float32, &out, &why)); /* tie: even */
    assert_const_eq(out, FLT("0x1p-148"));
    cr_assert(cv_representable(FLT("1e-400"), t_float64, &out, &why));
    cr_assert_eq(cv_sign(out), 0);
    cr_assert_not(cv_representable(FLT("1e40"), t_float32, &out, &why));
    cr_assert_str_eq(why, "overflows");
    cr_assert_not(cv_representable(FLT("1e400"), t_float64, &out, &why));
    cr_assert_str_eq(why, "overflows");
    cr_assert_not(cv_representable(cv_shift(TK_SHL, I(1), 128), t_float32, &out, &why));
    cr_assert_str_eq(why, "overflows");
    /* MaxFloat32 and the halfway point above it (which rounds to 2^128). */
    cr_assert(cv_representable(FLT("0x1.fffffep127"), t_float32, &out, &why));
    cr_assert_eq(cv_float64_val(out), 3.4028234663852886e38);
    ConstVal *half32 = bin(TK_ADD, FLT("0x1.fffffep127"), FLT("0x1p103"));
    cr_assert_not(cv_representable(half32, t_float32, &out, &why));
    cr_assert_str_eq(why, "overflows");
    cr_assert(cv_representable(bin(TK_SUB, half32, FLT("0x1p50")), t_float32, &out, &why));
    cr_assert_eq(bits32((float)cv_float64_val(out)), 2139095039u);
    cr_assert(cv_representable(half32, t_float64, &out, &why));
    ConstVal *half64 = bin(TK_ADD, FLT("0x1.fffffffffffffp1023"), FLT("0x1p970"));
    cr_assert_not(cv_representable(half64, t_float64, &out, &why));
    cr_assert(cv_representable(bin(TK_ADD, FLT("0x1.fffffffffffffp1023"), FLT("0x1p969")), t_float64, &out,
                               &why));
    /* Complex components round separately; either overflowing fails. */
    cr_assert(cv_representable(cplx(FLT("0.1"), FLT("0.2")), t_complex64, &out, &why));
    cr_assert_eq(cv_real_val(out), (double)0.1f);
    cr_assert_eq(cv_imag_val(out), (double)0.2f);
    cr_assert_not(cv_representable(lit(TK_IMAG, "1e40i"), t_complex64, &out, &why));
    cr_assert_str_eq(why, "overflows");
    cr_assert(cv_representable(lit(TK_IMAG, "1e40i"), t_complex128, &out, &why));
    cr_assert(cv_representable(I(5), t_complex128, &out, &why));
    cr_assert_eq(cv_kind(out), CV_COMPLEX);
}

/* ---------------------------------------------------------------- repr */

Test(constant, repr_ints_bools_unknown) {
    assert_repr(I(0), "0");
    assert_repr(I(-1), "-1");
    assert_repr(I(256), "256");
    assert_repr(cv_shift(TK_SHL, I(1), 100), "1267650600228229401496703205376");
    assert_repr(cv_uint64(UINT64_MAX), "18446744073709551615");
    assert_repr(cv_bool(true), "true");
    assert_repr(cv_bool(false), "false");
    assert_repr(cv_unknown(), "unknown");
}

Test(constant, repr_floats_like_gc) {
    /* Each pair is what gc 1.19 prints for the constant expression. */
    assert_repr(FLT("2.5"), "2.5");
    assert_repr(FLT("2.0"), "2");
    assert_repr(FLT("1e100"), "1e+100");
    assert_repr(FLT("1e10"), "1e+10");
    assert_repr(FLT("0.1"), "0.1");
    assert_repr(FLT("3.14159265"), "3.14159");
    assert_repr(Q(1, 3), "0.333333");
    assert_repr(Q(-2, 3), "-0.666667");
    assert_repr(FLT("123456.5"), "123456");
    assert_repr(FLT("1234567.5"), "1.23457e+06");
    assert_repr(FLT("0.000012345"), "1.2345e-05");
    assert_repr(FLT("0.00012345"), "0.00012345");
    assert_repr(FLT("999999.5"), "1e+06");
    assert_repr(FLT("1.0000001"), "1");
    assert_repr(FLT("1e-320"), "9.99989e-321");
    assert_repr(FLT("0x1p-1074"), "4.94066e-324");
    assert_repr(FLT("3.4028235677973367e38"), "3.40282e+38");
    assert_repr(FLT("0.0"), "0");
    /* Outside float64's range: gc's approximate decimal conversion. */
    assert_repr(FLT("1e-400"), "1e-400");
    assert_repr(cv_unary(TK_SUB, FLT("1e-400"), 0), "-1e-400");
    assert_repr(FLT("1e400"), "1e+400");
    assert_repr(FLT("1e500"), "1e+500");
    assert_repr(FLT("0x1p-1075"), "2.47033e-324");
    assert_repr(FLT("0x1p1024"), "1.79769e+308");
    assert_repr(bin(TK_ADD, FLT("0x1.fffffffffffffp1023"), FLT("0x1p970")), "1.79769e+308");
    assert_repr(bin(TK_MUL, FLT("1e308"), I(10)), "1e+309");
    assert_repr(FLT("9.9999995e-401"), "1e-400");
    assert_repr(FLT("99999.95e-405"), "0.999999e-400"); /* gc's quirk, reproduced */
    assert_repr(FLT("0.5e-100000"), "5e-100001");
    assert_repr(FLT("5e100000"), "5e+100000");
    assert_repr(bin(TK_QUO, FLT("0x1p-1074"), I(3)), "1.64689e-324");
}

Test(constant, repr_complex) {
    assert_repr(cplx(I(1), I(2)), "(1 + 2i)");
    assert_repr(cplx(FLT("1.5"), I(0)), "(1.5 + 0i)");
    assert_repr(lit(TK_IMAG, "0.5i"), "(0 + 0.5i)");
    assert_repr(lit(TK_IMAG, "1e40i"), "(0 + 1e+40i)");
    assert_repr(lit(TK_IMAG, "1e400i"), "(0 + 1e+400i)");
    assert_repr(bin(TK_MUL, cplx(FLT("2.5"), I(1)), I(2)), "(5 + 2i)");
}

Test(constant, repr_strings) {
    const char s[] = "hello\0\n\"world\xc3\xa9\xf0\x9f\x98\x80\xff\\\t\x7f\x01";
    assert_repr(cv_string(s, sizeof s - 1), "\"hello\\x00\\n\\\"world\xc3\xa9\xf0\x9f\x98\x80\\xff\\\\\\t\\x7f\\x01\"");
    assert_repr(cv_string("", 0), "\"\"");
    assert_repr(cv_string("\xc2\xa0\xe2\x80\x8b", 5), "\"\\u00a0\\u200b\"");
    assert_repr(cv_string("\xef\xbf\xbd", 3), "\"\xef\xbf\xbd\""); /* a real U+FFFD is printable */
    /* 72 runes at most, counted on the quoted form. */
    char a70[71], a71[72];
    memset(a70, 'a', 70);
    a70[70] = 0;
    memset(a71, 'a', 71);
    a71[71] = 0;
    char expect70[80];
    snprintf(expect70, sizeof expect70, "\"%s\"", a70);
    assert_repr(cv_string(a70, 70), expect70); /* 72 runes with quotes: kept */
    char expect71[80];
    snprintf(expect71, sizeof expect71, "\"%.68s...", a71);
    assert_repr(cv_string(a71, 71), expect71);
    /* Multi-byte runes count as one (gc output for a long run of é). */
    StrBuf b;
    sb_init(&b);
    for (int i = 0; i < 88; i++) sb_puts(&b, "\xc3\xa9");
    StrBuf e;
    sb_init(&e);
    sb_putc(&e, '"');
    for (int i = 0; i < 68; i++) sb_puts(&e, "\xc3\xa9");
    sb_puts(&e, "...");
    assert_repr(cv_string(b.data, b.len), e.data);
}

/* ------------------------------------------------------------ slots */

Test(constant, to_slots) {
    Value v[2];
    memset(v, 0xAB, sizeof v);
    cv_to_slots(I(-1), t_int8, v);
    cr_assert_eq(v[0].i, -1);
    cv_to_slots(I(255), t_uint8, v);
    cr_assert_eq(v[0].u, 255);
    cv_to_slots(I(-128), t_int8, v);
    cr_assert_eq(v[0].i, -128);
    cv_to_slots(I(65535), t_uint16, v);
    cr_assert_eq(v[0].u, 65535);
    cv_to_slots(I(INT32_MIN), t_int32, v);
    cr_assert_eq(v[0].i, INT32_MIN);
    cv_to_slots(I(4294967295LL), t_uint32, v);
    cr_assert_eq(v[0].u, 4294967295ULL);
    cv_to_slots(cv_uint64(UINT64_MAX), t_uint64, v);
    cr_assert_eq(v[0].u, UINT64_MAX);
    cv_to_slots(cv_uint64(UINT64_MAX), t_uintptr, v);
    cr_assert_eq(v[0].u, UINT64_MAX);
    cv_to_slots(I(INT64_MIN), t_int, v);
    cr_assert_eq(v[0].i, INT64_MIN);
    cv_to_slots(I('x'), t_untyped_rune, v);
    cr_assert_eq(v[0].i, 'x');
    cv_to_slots(FLT("7.0"), t_int, v); /* an integral float as an int */
    cr_assert_eq(v[0].i, 7);
    cv_to_slots(cv_bool(true), t_bool, v);
    cr_assert_eq(v[0].i, 1);
    cv_to_slots(cv_bool(false), t_untyped_bool, v);
    cr_assert_eq(v[0].i, 0);

    cv_to_slots(FLT("0.1"), t_float64, v);
    cr_assert_eq(v[0].f, 0.1);
    cv_to_slots(FLT("0.1"), t_float32, v);
    cr_assert_eq(v[0].f, (double)0.1f);
    cv_to_slots(I(16777217), t_float32, v);
    cr_assert_eq(v[0].f, 16777216.0);
    cv_to_slots(I(3), t_untyped_float, v);
    cr_assert_eq(v[0].f, 3.0);
    cv_to_slots(cv_unary(TK_SUB, FLT("1e-400"), 0), t_float64, v); /* Go constants are never -0 */
    cr_assert_eq(bits64(v[0].f), 0);
    cv_to_slots(cv_unary(TK_SUB, FLT("1e-50"), 0), t_float32, v);
    cr_assert_eq(bits64(v[0].f), 0);
    /* Rounding straight to float32 avoids double rounding: this value is
     * just above a float32 tie, but rounds to the tie as a float64. */
    ConstVal *x = bin(TK_ADD, FLT("0x1.000001p0"), FLT("0x1p-60"));
    cv_to_slots(x, t_float32, v);
    cr_assert_eq(v[0].f, (double)0x1.000002p0f);

    cv_to_slots(cplx(FLT("0.1"), cv_unary(TK_SUB, FLT("2.5"), 0)), t_complex128, v);
    cr_assert_eq(v[0].f, 0.1);
    cr_assert_eq(v[1].f, -2.5);
    cv_to_slots(cplx(FLT("0.1"), FLT("0.2")), t_complex64, v);
    cr_assert_eq(v[0].f, (double)0.1f);
    cr_assert_eq(v[1].f, (double)0.2f);
    cv_to_slots(I(4), t_complex128, v);
    cr_assert_eq(v[0].f, 4.0);
    cr_assert_eq(v[1].f, 0.0);

    cv_to_slots(cv_string("a\0b", 3), t_string, v);
    GoString s = str_get(v);
    cr_assert_eq(s.len, 3);
    cr_assert(memcmp(s.ptr, "a\0b", 3) == 0);
    cv_to_slots(cv_string("", 0), t_untyped_string, v);
    cr_assert_eq(str_get(v).len, 0);
}

Test(constant, to_slots_named_type) {
    /* Named types materialise by the kind of their underlying type. */
    Type *dur = type_named("time", "Duration");
    type_set_underlying(dur, t_int64);
    Value v[1];
    cv_to_slots(I(-5), dur, v);
    cr_assert_eq(v[0].i, -5);
    cr_assert(cv_representable(I(1000), dur, NULL, NULL));
}
