/* math_kernels.h - elementary functions computed the way Go's math
 * package computes them on amd64, so printed results agree to the last
 * bit (glibc's libm is more accurate in places, and therefore different
 * in about a quarter of results). See math_kernels.c. */
#ifndef GOI_MATH_KERNELS_H
#define GOI_MATH_KERNELS_H

double go_exp(double x);
double go_exp2(double x);
double go_expm1(double x);
double go_log(double x);
double go_log10(double x);
double go_log2(double x);
double go_log1p(double x);
double go_pow(double x, double y);
double go_pow10(long long n);
double go_cbrt(double x);
double go_hypot(double p, double q);
double go_sin(double x);
double go_cos(double x);
double go_tan(double x);
double go_atan(double x);
double go_asin(double x);
double go_acos(double x);
double go_atan2(double y, double x);
double go_sinh(double x);
double go_cosh(double x);
double go_tanh(double x);
double go_asinh(double x);
double go_acosh(double x);
double go_atanh(double x);
double go_erfinv(double x);

#endif
