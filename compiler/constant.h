/* constant.h - exact constant values for the checker (Go's go/constant).
 *
 * Untyped constants are arbitrary-precision: integers are GMP integers,
 * floats are exact rationals (a literal like 1e-1000 or a quotient 1.0/3.0
 * stays exact until it is converted to a typed value). Values are immutable
 * and collected; every operation returns a new value.
 */
#ifndef GOI_CONSTANT_H
#define GOI_CONSTANT_H

#include "../common/common.h"
#include "../lexer/lexer.h"
#include "../vm/vm.h"

typedef struct ConstVal ConstVal;

typedef enum { CV_UNKNOWN, CV_BOOL, CV_STRING, CV_INT, CV_FLOAT, CV_COMPLEX } CVKind;

CVKind cv_kind(const ConstVal *v);

ConstVal *cv_unknown(void);
ConstVal *cv_bool(bool b);
ConstVal *cv_string(const char *s, size_t n);
ConstVal *cv_int64(int64_t i);
ConstVal *cv_uint64(uint64_t u);
ConstVal *cv_float64(double f);

/* A literal token's value (TK_INT, TK_FLOAT, TK_IMAG, TK_CHAR, TK_STRING).
 * NULL with *err set for malformed literals (gc's messages). */
ConstVal *cv_from_literal(TokenKind kind, const char *text, size_t len, const char **err);

/* Accessors (the value must be of the matching kind / representable). */
bool cv_bool_val(const ConstVal *v);
GoString cv_string_val(const ConstVal *v);
int64_t cv_int64_val(const ConstVal *v);   /* CV_INT fitting in int64 */
uint64_t cv_uint64_val(const ConstVal *v); /* CV_INT fitting in uint64 */
double cv_float64_val(const ConstVal *v);  /* nearest float64 of an INT or FLOAT */
double cv_real_val(const ConstVal *v);     /* real part as float64 (any numeric kind) */
double cv_imag_val(const ConstVal *v);
ConstVal *cv_real(const ConstVal *v);      /* exact real part as a float constant (numeric kinds) */
ConstVal *cv_imag(const ConstVal *v);      /* exact imaginary part (0 for non-complex kinds) */
bool cv_fits_int64(const ConstVal *v);
int cv_int_bitlen(const ConstVal *v);     /* bits of |v| for CV_INT (go/constant.BitLen), else 0 */
bool cv_fits_uint64(const ConstVal *v);
int cv_sign(const ConstVal *v);            /* -1, 0, 1 (numeric kinds) */
bool cv_is_integral(const ConstVal *v);    /* INT, or FLOAT/COMPLEX with an integer value */

/* Kind conversions; NULL when not exact (e.g. cv_to_int(2.5)). */
ConstVal *cv_to_int(const ConstVal *v);
ConstVal *cv_to_float(const ConstVal *v);
ConstVal *cv_to_complex(const ConstVal *v);

/* x op y for + - * / % & | ^ &^ (ops as token kinds). Operands have the
 * same kind (the checker converts first). int_div: / on integers truncates.
 * Returns NULL with *err ("division by zero") on failure. */
ConstVal *cv_binary(TokenKind op, const ConstVal *x, const ConstVal *y, bool int_div, const char **err);
/* x << s, x >> s (x integral). */
ConstVal *cv_shift(TokenKind op, const ConstVal *x, uint64_t s);
/* x == y, !=, <, <=, >, >= */
bool cv_compare(TokenKind op, const ConstVal *x, const ConstVal *y);
/* +x, -x, ^x, !x. For ^x of a typed unsigned constant pass its bit size in
 * ubits (^x is then x XOR all-ones of that size); 0 otherwise. */
ConstVal *cv_unary(TokenKind op, const ConstVal *x, int ubits);

/* Can v be represented by a value of basic type t (which may be untyped)?
 * On success *out receives the value as t holds it (floats rounded to
 * float32/float64 precision, ints unchanged). On failure, *why is the gc
 * wording: "overflows" (integer out of range, float too large), "truncated"
 * (non-integer to integer type), or "" (other kinds mismatch). */
bool cv_representable(const ConstVal *v, Type *t, ConstVal **out, const char **why);

/* The constant as gc prints it in messages: 256, -1, 1e+100, 3.14159, "abc",
 * true, (1 + 2i). Large or long values abbreviated like gc does. */
const char *cv_repr(const ConstVal *v);

/* Materialise as run-time slots for a value of type t (after a successful
 * cv_representable): ints normalised, float32 rounded, strings (2 slots),
 * complex (2 slots). */
void cv_to_slots(const ConstVal *v, Type *t, Value *out);

#endif
