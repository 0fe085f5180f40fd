/* stdlib.h - the standard packages goi provides.
 *
 * A package is Go source plus native functions. The source
 * (stdlib/go/<name>.go, embedded into the binary at build time) declares the
 * package's types, constants, variables and functions exactly as Go code;
 * a function or method declared WITHOUT a body is native: the compiler binds
 * it to the C function registered under its name here:
 *
 *     func ToUpper(s string) string            -> "ToUpper"
 *     func (b *Builder) WriteString(s string) (int, error)  -> "Builder.WriteString"
 *
 * Natives follow the NativeFn ABI of vm/vm.h: arguments in Go slot layout
 * (receiver first), results written back from args[0] in slot layout.
 * Keep natives primitive where an error value or a callback is involved:
 * a native returns codes and plain values, and the Go source around it
 * builds error values and calls closures. That keeps the C small and the
 * Go semantics (error types, wrapping) in Go.
 *
 * Packages are compiled on import, so start-up cost is proportional to what
 * a program imports.
 */
#ifndef GOI_STDLIB_H
#define GOI_STDLIB_H

#include "../vm/vm.h"

typedef struct NativeDef {
    const char *name; /* "Func" or "Type.Method" */
    NativeFn fn;
} NativeDef;

typedef struct StdPackage {
    const char *path;          /* import path: "unicode/utf8" */
    const char *name;          /* package name: "utf8" */
    const char *source;        /* Go source text of the package */
    const NativeDef *natives;  /* terminated by {NULL, NULL}; may be NULL */
} StdPackage;

/* The package with this import path, or NULL if goi does not have it. */
const StdPackage *stdlib_lookup(const char *path);
/* The native registered under name in pkg, or NULL. */
NativeFn stdlib_native(const StdPackage *pkg, const char *name);
/* All packages, for completion and `goi help packages`. */
const StdPackage *const *stdlib_packages(int *n);

/* ---- helpers shared by natives ---- */

/* sb_putn for bytes of Go strings, whose pointer may be NULL when empty. */
static inline void sb_putn_safe(StrBuf *b, const void *p, size_t n) {
    if (n) sb_putn(b, (const char *)p, n);
}

/* The Go string in args (2 slots) as a GoString / fresh C string. */
static inline GoString arg_str(const Value *args) { return str_get(args); }

/* Append formatted output of fmt's Sprint/Sprintln/Sprintf family to b.
 * args is the []any slice (each element 2 slots). Returns NATIVE_OK or
 * NATIVE_PANIC (a String/Error method panicked). */
int fmt_sprint(G *g, StrBuf *b, GoSlice args);
int fmt_sprintln(G *g, StrBuf *b, GoSlice args);
int fmt_sprintf(G *g, StrBuf *b, GoString format, GoSlice args);
/* fmt.Errorf's formatting: like fmt_sprintf, and *wrapped receives the
 * index in args of the operand of the %w verb, or -1. */
int fmt_errorf(G *g, StrBuf *b, GoString format, GoSlice args, int *wrapped);
/* Format one value with %v (used by panics, the REPL and print). */
int fmt_value(G *g, StrBuf *b, Type *t, const Value *v, char verb, bool plus, bool sharp);

/* Go's shortest round-trip formatting of a float64 (strconv.FormatFloat(f, fmt, prec, bitSize)). */
void format_float(StrBuf *b, double f, char fmt, int prec, int bitsize);

#endif
