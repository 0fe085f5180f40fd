/* unicode_props.c - Go's unicode predicates and case mapping over the
 * generated tables. The structure follows Go's unicode/letter.go: a Latin-1
 * fast path, then a search of the category's ranges. */
#include "unicode_props.h"

bool uni_in(const UTable *t, int32_t r) {
    uint32_t c = (uint32_t)r;
    int lo = 0, hi = t->n;
    while (lo < hi) {
        int m = lo + (hi - lo) / 2;
        const URange *rg = &t->r[m];
        if (rg->lo <= c && c <= rg->hi) return rg->stride == 1 || (c - rg->lo) % rg->stride == 0;
        if (c < rg->lo) hi = m;
        else lo = m + 1;
    }
    return false;
}

static inline bool latin1(int32_t r) { return (uint32_t)r < 256; }

/* For runes < 256 the generated Latin-1 table is authoritative; beyond it
 * the category table decides (Go's isExcludingLatin). Negative runes fail
 * both, as in Go. */
#define PREDICATE(fn, flag, table)                                                                 \
    bool fn(int32_t r) {                                                                           \
        if (latin1(r)) return (ulatin1_props[r] & (flag)) != 0;                                    \
        return r > 0 && uni_in(&(table), r);                                                       \
    }

PREDICATE(uni_is_letter, UP_LETTER, utab_L)
PREDICATE(uni_is_upper, UP_UPPER, utab_Lu)
PREDICATE(uni_is_lower, UP_LOWER, utab_Ll)
PREDICATE(uni_is_digit, UP_DIGIT, utab_Nd)
PREDICATE(uni_is_number, UP_NUMBER, utab_N)
PREDICATE(uni_is_punct, UP_PUNCT, utab_P)
PREDICATE(uni_is_symbol, UP_SYMBOL, utab_S)
PREDICATE(uni_is_mark, UP_MARK, utab_M)
PREDICATE(uni_is_space, UP_SPACE, utab_White_Space)

bool uni_is_title(int32_t r) { return !latin1(r) && r > 0 && uni_in(&utab_Lt, r); }

bool uni_is_control(int32_t r) { return latin1(r) && (ulatin1_props[r] & UP_CONTROL); }

/* Printable: letters, marks, numbers, punctuation, symbols and the ASCII
 * space. Graphic adds the other space separators (Zs). */
bool uni_is_print(int32_t r) {
    if (latin1(r)) return (ulatin1_props[r] & UP_PRINT) != 0;
    if (r < 0) return false;
    return uni_in(&utab_L, r) || uni_in(&utab_M, r) || uni_in(&utab_N, r) || uni_in(&utab_P, r) ||
           uni_in(&utab_S, r);
}

bool uni_is_graphic(int32_t r) {
    if (latin1(r)) return (ulatin1_props[r] & UP_GRAPHIC) != 0;
    return uni_is_print(r) || uni_in(&utab_Zs, r);
}

int32_t uni_to(int c, int32_t r) {
    if (c < 0 || c > 2) return UNI_REPLACEMENT;
    int lo = 0, hi = ucase_nranges;
    while (lo < hi) {
        int m = lo + (hi - lo) / 2;
        const UCaseRange *cr = &ucase_ranges[m];
        if ((int32_t)cr->lo <= r && r <= (int32_t)cr->hi) {
            int32_t d = cr->delta[c];
            /* In an Upper/Lower run, even offsets are upper case and odd ones
             * lower; UCASE_UPPER and UCASE_TITLE are even, UCASE_LOWER odd. */
            if (d == UCASE_UPPER_LOWER) return (int32_t)cr->lo + (((r - (int32_t)cr->lo) & ~1) | (c & 1));
            return r + d;
        }
        if (r < (int32_t)cr->lo) hi = m;
        else lo = m + 1;
    }
    return r;
}

int32_t uni_to_upper(int32_t r) {
    if ((uint32_t)r < 128) return r >= 'a' && r <= 'z' ? r - 32 : r;
    return uni_to(UCASE_UPPER, r);
}

int32_t uni_to_lower(int32_t r) {
    if ((uint32_t)r < 128) return r >= 'A' && r <= 'Z' ? r + 32 : r;
    return uni_to(UCASE_LOWER, r);
}

int32_t uni_to_title(int32_t r) {
    if ((uint32_t)r < 128) return r >= 'a' && r <= 'z' ? r - 32 : r;
    return uni_to(UCASE_TITLE, r);
}

int32_t uni_simple_fold(int32_t r) {
    if (r < 0 || r > UNI_MAX_RUNE) return r;
    int lo = 0, hi = ufold_nexceptions;
    while (lo < hi) {
        int m = lo + (hi - lo) / 2;
        if ((int32_t)ufold_exceptions[m].from < r) lo = m + 1;
        else hi = m;
    }
    if (lo < ufold_nexceptions && (int32_t)ufold_exceptions[lo].from == r)
        return (int32_t)ufold_exceptions[lo].to;
    int32_t l = uni_to_lower(r);
    return l != r ? l : uni_to_upper(r);
}
