/* cgo.h - import "C": calling C libraries through libffi.
 *
 * goi reads no C headers. The comment above import "C" (the preamble)
 * declares what the program uses, in a small subset of C:
 *
 *     // #cgo LDFLAGS: -lm -lz             libraries to dlopen (libc is always there)
 *     // #include <math.h>                 allowed and ignored
 *     // #define BUFSIZE 64               integer/float constants: C.BUFSIZE
 *     // typedef unsigned long uLong;      typedefs: C.uLong
 *     // struct stat;                      opaque structs: *C.struct_stat
 *     // double cos(double);               prototypes: C.cos
 *     // int printf(const char *, ...);    variadic functions
 *     // void qsort(void *, size_t, size_t, int (*)(const void *, const void *));
 *     import "C"
 *
 * cgo_package turns the preamble into an ordinary standard package: Go
 * source for package "C" in which every C name X is declared as _C_X (so C
 * names never shadow Go's predeclared ones) plus natives. Each prototype
 * becomes a body-less Go function whose native is a libffi closure bound
 * to the C function's descriptor, so the checker enforces argument counts
 * and types like for any Go call. The compiler maps C.X to _C_X, treats
 * every name of package C as exported, and strips the prefix from type
 * names (C.int prints as "C.int").
 *
 * Libraries are loaded and every symbol is looked up here, before the
 * program runs: failures are compile errors carrying dlerror()'s text.
 * See docs/ffi.md for the type mapping and the rules for pointers.
 */
#ifndef GOI_CGO_H
#define GOI_CGO_H

#include "../parser/parser.h"
#include "stdlib.h"

/* Prefix of every C name in package C's Go source. */
#define CGO_PREFIX "_C_"

typedef struct CgoError {
    Pos pos;
    const char *msg;
} CgoError;
typedef Vec(CgoError) CgoErrors;

/* The package C of file (its cgo_preamble). If the preamble has errors,
 * they are appended to *errs (positions in file; import_pos when there is
 * no better one) and the package holds only what cgo always defines (the
 * C types, C.CString, C.GoString ...). The result lives for the rest of
 * the process. */
const StdPackage *cgo_package(const File *file, Pos import_pos, CgoErrors *errs);

/* The compile error for C.name when package C does not declare it:
 * cgo's wording plus how to declare it. */
const char *cgo_undeclared_message(const char *name);

#endif
