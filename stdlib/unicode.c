/* unicode.c - natives of package unicode (stdlib/go/unicode.go): the
 * predicates and case mappings over Go's own tables (unicode_props.h). */
#include "natives.h"
#include "unicode_props.h"

#define PRED(cname, fn)                                                                            \
    static int cname(G *g, Value *a) {                                                             \
        ret_bool(a, fn((int32_t)a[0].i));                                                          \
        return NATIVE_OK;                                                                          \
    }
#define MAPPING(cname, fn)                                                                         \
    static int cname(G *g, Value *a) {                                                             \
        ret_int(a, fn((int32_t)a[0].i));                                                           \
        return NATIVE_OK;                                                                          \
    }

PRED(n_is_control, uni_is_control)
PRED(n_is_digit, uni_is_digit)
PRED(n_is_graphic, uni_is_graphic)
PRED(n_is_letter, uni_is_letter)
PRED(n_is_lower, uni_is_lower)
PRED(n_is_mark, uni_is_mark)
PRED(n_is_number, uni_is_number)
PRED(n_is_print, uni_is_print)
PRED(n_is_punct, uni_is_punct)
PRED(n_is_space, uni_is_space)
PRED(n_is_symbol, uni_is_symbol)
PRED(n_is_title, uni_is_title)
PRED(n_is_upper, uni_is_upper)
MAPPING(n_to_lower, uni_to_lower)
MAPPING(n_to_title, uni_to_title)
MAPPING(n_to_upper, uni_to_upper)
MAPPING(n_simple_fold, uni_simple_fold)

/* func To(_case int, r rune) rune */
static int n_to(G *g, Value *a) {
    int64_t c = a[0].i;
    ret_int(a, c < 0 || c > 2 ? UNI_REPLACEMENT : uni_to((int)c, (int32_t)a[1].i));
    return NATIVE_OK;
}

/* func inTable(id int, r rune) bool: membership in a named table
 * (unicode.Han, unicode.Lu ...), see utab_named. */
static int n_in_table(G *g, Value *a) {
    int64_t id = a[0].i;
    int32_t r = (int32_t)a[1].i;
    ret_bool(a, id > 0 && id < utab_nnamed && r >= 0 && uni_in(&utab_named[id], r));
    return NATIVE_OK;
}

const NativeDef stdlib_natives_unicode[] = {
    NATIVE("IsControl", n_is_control),
    NATIVE("IsDigit", n_is_digit),
    NATIVE("IsGraphic", n_is_graphic),
    NATIVE("IsLetter", n_is_letter),
    NATIVE("IsLower", n_is_lower),
    NATIVE("IsMark", n_is_mark),
    NATIVE("IsNumber", n_is_number),
    NATIVE("IsPrint", n_is_print),
    NATIVE("IsPunct", n_is_punct),
    NATIVE("IsSpace", n_is_space),
    NATIVE("IsSymbol", n_is_symbol),
    NATIVE("IsTitle", n_is_title),
    NATIVE("IsUpper", n_is_upper),
    NATIVE("SimpleFold", n_simple_fold),
    NATIVE("To", n_to),
    NATIVE("ToLower", n_to_lower),
    NATIVE("ToTitle", n_to_title),
    NATIVE("ToUpper", n_to_upper),
    NATIVE("inTable", n_in_table),
    NATIVES_END,
};
