/* common.h - the few helpers every stage shares: memory, growable arrays,
 * string buffers and diagnostics.
 *
 * All long-lived memory (AST, types, bytecode, Go values) comes from the
 * Boehm-Demers-Weiser collector, so nothing in the pipeline frees by hand.
 * Memory that holds no pointers is allocated "atomic" so the collector does
 * not scan it.
 */
#ifndef GOI_COMMON_H
#define GOI_COMMON_H

#define GC_THREADS 1
#include <gc.h>

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define GOI_VERSION "0.1.0"

#define countof(a) (sizeof(a) / sizeof((a)[0]))
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

/* Collected allocation. gc_alloc memory is zeroed and scanned for pointers;
 * gc_alloc_atomic memory is not scanned and not zeroed. Both abort with a
 * message on out-of-memory. */
void *gc_alloc(size_t n);
void *gc_alloc_atomic(size_t n);
void *gc_realloc(void *p, size_t n);
char *gc_strdup(const char *s);
char *gc_strndup(const char *s, size_t n);
char *gc_sprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *gc_vsprintf(const char *fmt, va_list ap);
#define NEW(T) ((T *)gc_alloc(sizeof(T)))

/* Growable array of T: a struct with items/len/cap, GC-allocated storage.
 *   Vec(int) v = {0}; vec_push(&v, 3); v.items[0] ... */
#define Vec(T)                                                                                     \
    struct {                                                                                       \
        T *items;                                                                                  \
        int len, cap;                                                                              \
    }
#define vec_push(v, x)                                                                             \
    do {                                                                                           \
        if ((v)->len == (v)->cap) {                                                                \
            (v)->cap = (v)->cap ? (v)->cap * 2 : 4;                                                \
            (v)->items = gc_realloc((v)->items, (size_t)(v)->cap * sizeof(*(v)->items));           \
        }                                                                                          \
        (v)->items[(v)->len++] = (x);                                                              \
    } while (0)
#define vec_last(v) ((v)->items[(v)->len - 1])

/* A growable byte buffer (GC-allocated, always NUL-terminated). */
typedef struct StrBuf {
    char *data;
    size_t len, cap;
} StrBuf;
void sb_init(StrBuf *b);
void sb_putc(StrBuf *b, char c);
void sb_puts(StrBuf *b, const char *s);
void sb_putn(StrBuf *b, const char *s, size_t n);
void sb_printf(StrBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_reserve(StrBuf *b, size_t extra);

/* The whole content of the file at path (GC-allocated, NUL-terminated, its
 * length in *len), or NULL with errno set when it cannot be opened. */
char *read_whole_file(const char *path, size_t *len);

/* Interned identifier strings: equal names give the same pointer, so the
 * checker compares names with ==. Thread-safe. */
const char *intern(const char *s, size_t n);
static inline const char *intern_cstr(const char *s) { return intern(s, strlen(s)); }

/* FNV-1a, for the hash tables of the compiler. */
static inline uint64_t hash_bytes(const void *p, size_t n) {
    const uint8_t *s = p;
    uint64_t h = 14695981039346656037ULL;
    for (size_t i = 0; i < n; i++) h = (h ^ s[i]) * 1099511628211ULL;
    return h;
}

/* Print "file:line:col: message" to stderr, then the source line and a caret
 * under the column when the source is known (see diag_set_source). */
void diag_set_source(const char *file, const char *src, size_t len);
void diag_print(const char *file, int line, int col, const char *msg);
/* Whether carets are printed after messages (default: true). */
extern bool diag_show_caret;

/* Whether the calling thread's C stack is nearly used up (less than an
 * eighth of it, at least 256 KiB, is left). Recursions whose depth the
 * program decides (checking dependent declarations, comparing or printing
 * values nested through interfaces, natives calling back into Go) test it
 * and report an error instead of overflowing the stack. Cheap: the bound
 * is computed once per thread. */
bool stack_exhausted(void);

/* Fatal internal error: prints and aborts. For "cannot happen" states only. */
_Noreturn void goi_panic_internal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
