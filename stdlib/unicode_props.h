/* unicode_props.h - rune classification and case mapping as Go's unicode
 * package does them, over tables generated from Go itself
 * (unicode_tables.c, see tools/gen_unicode_tables.go). Shared by the
 * unicode, strings, strconv and fmt natives. */
#ifndef GOI_UNICODE_PROPS_H
#define GOI_UNICODE_PROPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UNI_MAX_RUNE 0x10FFFF
#define UNI_REPLACEMENT 0xFFFD

/* A run of code points lo..hi taking every stride-th one. */
typedef struct URange {
    uint32_t lo, hi, stride;
} URange;
typedef struct UTable {
    const URange *r;
    int n;
} UTable;

/* Categories and properties (Go's unicode.L, unicode.Lu ...). */
extern const UTable utab_L, utab_Lu, utab_Ll, utab_Lt, utab_M, utab_N, utab_Nd, utab_P, utab_S,
    utab_Zs, utab_White_Space;
extern const char unicode_tables_version[];
/* Every table Go's unicode package names (categories, scripts, properties):
 * utab_named[id] for the ids in stdlib/go/unicode.go; id 0 is empty. */
extern const UTable utab_named[];
extern const int utab_nnamed;

/* Latin-1 fast path: what each predicate answers for runes < 256. */
enum {
    UP_CONTROL = 1 << 0, UP_LETTER = 1 << 1, UP_UPPER = 1 << 2, UP_LOWER = 1 << 3,
    UP_DIGIT = 1 << 4, UP_NUMBER = 1 << 5, UP_PUNCT = 1 << 6, UP_SYMBOL = 1 << 7,
    UP_SPACE = 1 << 8, UP_PRINT = 1 << 9, UP_GRAPHIC = 1 << 10, UP_MARK = 1 << 11,
};
extern const uint16_t ulatin1_props[256];

/* Case mapping ranges (Go's unicode.CaseRanges): deltas for upper, lower,
 * title; UCASE_UPPER_LOWER marks alternating Upper/Lower runs. */
#define UCASE_UPPER_LOWER INT32_MIN
typedef struct UCaseRange {
    uint32_t lo, hi;
    int32_t delta[3];
} UCaseRange;
extern const UCaseRange ucase_ranges[];
extern const int ucase_nranges;

/* SimpleFold results that differ from "ToLower if different, else ToUpper". */
typedef struct UFold {
    uint32_t from, to;
} UFold;
extern const UFold ufold_exceptions[];
extern const int ufold_nexceptions;

bool uni_in(const UTable *t, int32_t r);

bool uni_is_letter(int32_t r);
bool uni_is_upper(int32_t r);
bool uni_is_lower(int32_t r);
bool uni_is_title(int32_t r);
bool uni_is_digit(int32_t r);
bool uni_is_number(int32_t r);
bool uni_is_punct(int32_t r);
bool uni_is_symbol(int32_t r);
bool uni_is_mark(int32_t r);
bool uni_is_space(int32_t r);
bool uni_is_print(int32_t r);
bool uni_is_graphic(int32_t r);
bool uni_is_control(int32_t r);

enum { UCASE_UPPER = 0, UCASE_LOWER = 1, UCASE_TITLE = 2 };
/* unicode.To: the mapping of r to case c (r itself when there is none). */
int32_t uni_to(int c, int32_t r);
int32_t uni_to_upper(int32_t r);
int32_t uni_to_lower(int32_t r);
int32_t uni_to_title(int32_t r);
int32_t uni_simple_fold(int32_t r);

#endif
