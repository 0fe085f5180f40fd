/* fmt_internal.h - the parts of goi's fmt engine shared between its files:
 * the raw formatter (fmt_format.c, Go's format.go), the printer (fmt.c, Go's
 * print.go) and map key sorting (fmt_sort.c, Go's internal/fmtsort). */
#ifndef GOI_FMT_INTERNAL_H
#define GOI_FMT_INTERNAL_H

#include "stdlib.h"

typedef struct FmtFlags {
    bool wid_present, prec_present;
    bool minus, plus, sharp, space, zero;
    /* %+v and %#v: set instead of plus/sharp, which mean other things there */
    bool plus_v, sharp_v;
} FmtFlags;

/* The raw formatter: flags, width and precision of the current verb. */
typedef struct Fmt {
    StrBuf *buf;
    FmtFlags f;
    int wid, prec;
} Fmt;

extern const char fmt_ldigits[]; /* "0123456789abcdefx" */
extern const char fmt_udigits[]; /* "0123456789ABCDEFX" */

void fmt_clear_flags(Fmt *f);
void fmt_write_padding(Fmt *f, int n);
void fmt_pad(Fmt *f, const char *s, size_t n);
void fmt_boolean(Fmt *f, bool v);
void fmt_unicode(Fmt *f, uint64_t u);
void fmt_integer(Fmt *f, uint64_t u, int base, bool is_signed, int verb, const char *digits);
void fmt_s(Fmt *f, const char *s, size_t n);
void fmt_sbx(Fmt *f, const char *s, size_t n, const char *digits);
void fmt_q(Fmt *f, const char *s, size_t n);
void fmt_c(Fmt *f, uint64_t c);
void fmt_qc(Fmt *f, uint64_t c);
void fmt_float(Fmt *f, double v, int size, int verb, int prec);

/* Number of runes in s, counting each invalid byte as one (utf8.RuneCount). */
size_t fmt_rune_count(const char *s, size_t n);

/* One entry of a map being printed. */
typedef struct MapEntry {
    const Value *key, *val;
} MapEntry;
/* The entries of m (non-nil) in fmtsort order; *n receives the count. */
MapEntry *fmt_sorted_map(Map *m, int64_t *n);

/* The type *fmtState of fmt.go, which Formatter methods receive as their
 * State; registered by package fmt's initialisation. */
void fmt_set_state_type(Type *ptr_type);

/* Provided by the VM: after vm_call/vm_call_method returned NATIVE_PANIC,
 * take the pending panic off g (as recover() would) and store its value
 * (an interface, 2 slots) in *val. False if it cannot be recovered. Weak
 * until the VM defines it; without it, panics in String methods propagate. */
bool vm_take_panic(G *g, Value *val) __attribute__((weak));

#endif
