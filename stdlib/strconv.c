/* strconv.c - natives of package strconv (stdlib/go/strconv.go). The
 * kernels live in strconv_*.c; these wrappers move values between slots
 * and return outcome codes from which the Go side builds *NumError values. */
#include "natives.h"
#include "strconv_core.h"
#include "unicode_props.h"

#define STR(k) arg_str(a + (k))

/* func parseInt(s string, base int, bitSize int) (int64, int) */
static int n_parse_int(G *g, Value *a) {
    GoString s = STR(0);
    int64_t v;
    int rc = strconv_parse_int(s.ptr, (size_t)s.len, (int)a[2].i, (int)a[3].i, &v);
    a[0].i = v;
    a[1].i = rc;
    return NATIVE_OK;
}

/* func parseUint(s string, base int, bitSize int) (uint64, int) */
static int n_parse_uint(G *g, Value *a) {
    GoString s = STR(0);
    uint64_t v;
    int rc = strconv_parse_uint(s.ptr, (size_t)s.len, (int)a[2].i, (int)a[3].i, &v);
    a[0].u = v;
    a[1].i = rc;
    return NATIVE_OK;
}

/* func parseFloat(s string, bitSize int) (float64, int) */
static int n_parse_float(G *g, Value *a) {
    GoString s = STR(0);
    double v;
    int rc = strconv_parse_float(s.ptr, (size_t)s.len, (int)a[2].i, &v);
    a[0].f = v;
    a[1].i = rc;
    return NATIVE_OK;
}

/* func parseFloatPrefix(s string, bitSize int) (f float64, n int, code int) */
static int n_parse_float_prefix(G *g, Value *a) {
    GoString s = STR(0);
    double v;
    size_t used;
    int rc = strconv_parse_float_prefix(s.ptr, (size_t)s.len, (int)a[2].i, &v, &used);
    a[0].f = v;
    a[1].i = (int64_t)used;
    a[2].i = rc;
    return NATIVE_OK;
}

/* A short result built on the stack, copied once into a Go string. */
#define WITH_BUF(b)                                                                                \
    char store_[64];                                                                               \
    StrBuf b = {store_, 0, sizeof store_};                                                         \
    store_[0] = 0

static GoString buf_str(const StrBuf *b) { return str_from(b->data, b->len); }

/* Small non-negative numbers are common; keep their strings. */
static GoString small_ints[100];
static GoString small_int(int64_t i) {
    GoString s = small_ints[i];
    if (!s.ptr) {
        char tmp[3];
        int n = snprintf(tmp, sizeof tmp, "%d", (int)i);
        s = str_from(tmp, (size_t)n);
        small_ints[i] = s; /* a benign race: every thread stores an equal string */
    }
    return s;
}

/* func Itoa(i int) string */
static int n_itoa(G *g, Value *a) {
    int64_t i = a[0].i;
    if (i >= 0 && i < 100) {
        ret_str(a, small_int(i));
        return NATIVE_OK;
    }
    WITH_BUF(b);
    strconv_format_int(&b, i, 10);
    ret_str(a, buf_str(&b));
    return NATIVE_OK;
}

/* func formatInt(i int64, base int) string; the base was checked. */
static int n_format_int(G *g, Value *a) {
    int64_t i = a[0].i;
    int base = (int)a[1].i;
    if (base == 10 && i >= 0 && i < 100) {
        ret_str(a, small_int(i));
        return NATIVE_OK;
    }
    WITH_BUF(b);
    strconv_format_int(&b, i, base);
    ret_str(a, buf_str(&b));
    return NATIVE_OK;
}

/* func formatUint(i uint64, base int) string */
static int n_format_uint(G *g, Value *a) {
    WITH_BUF(b);
    strconv_format_uint(&b, a[0].u, (int)a[1].i);
    ret_str(a, buf_str(&b));
    return NATIVE_OK;
}

/* func formatFloat(f float64, fmt byte, prec, bitSize int) string */
static int n_format_float(G *g, Value *a) {
    WITH_BUF(b);
    format_float(&b, a[0].f, (char)a[1].u, (int)a[2].i, (int)a[3].i);
    ret_str(a, buf_str(&b));
    return NATIVE_OK;
}

static int quote_with(Value *a, uint8_t quote, bool ascii, bool graphic) {
    GoString s = STR(0);
    StrBuf b;
    sb_init(&b);
    strconv_quote(&b, s.ptr, (size_t)s.len, quote, ascii, graphic);
    ret_str(a, str_from_buf(&b));
    return NATIVE_OK;
}

static int n_quote(G *g, Value *a) { return quote_with(a, '"', false, false); }
static int n_quote_to_ascii(G *g, Value *a) { return quote_with(a, '"', true, false); }
static int n_quote_to_graphic(G *g, Value *a) { return quote_with(a, '"', false, true); }

static int quote_rune_with(Value *a, bool ascii, bool graphic) {
    int32_t r = (int32_t)a[0].i;
    WITH_BUF(b);
    strconv_quote_rune(&b, r, ascii, graphic);
    ret_str(a, buf_str(&b));
    return NATIVE_OK;
}

static int n_quote_rune(G *g, Value *a) { return quote_rune_with(a, false, false); }
static int n_quote_rune_to_ascii(G *g, Value *a) { return quote_rune_with(a, true, false); }
static int n_quote_rune_to_graphic(G *g, Value *a) { return quote_rune_with(a, false, true); }

static int n_can_backquote(G *g, Value *a) {
    GoString s = STR(0);
    ret_bool(a, strconv_can_backquote(s.ptr, (size_t)s.len));
    return NATIVE_OK;
}

static int n_is_print(G *g, Value *a) {
    ret_bool(a, uni_is_print((int32_t)a[0].i));
    return NATIVE_OK;
}

static int n_is_graphic(G *g, Value *a) {
    ret_bool(a, uni_is_graphic((int32_t)a[0].i));
    return NATIVE_OK;
}

/* func unquote(s string, unescape bool) (out string, consumed int, ok bool) */
static int n_unquote(G *g, Value *a) {
    GoString s = STR(0);
    bool unescape = a[2].u != 0;
    StrBuf b = {0};
    size_t used = 0;
    int rc = strconv_unquote(s.ptr, (size_t)s.len, unescape, &b, &used);
    ret_str(a, rc == NUM_OK ? str_from_buf(&b) : (GoString){NULL, 0});
    a[2].i = (int64_t)used;
    ret_bool(a + 3, rc == NUM_OK);
    return NATIVE_OK;
}

/* func unquoteChar(s string, quote byte) (value rune, multibyte bool, consumed int, ok bool) */
static int n_unquote_char(G *g, Value *a) {
    GoString s = STR(0);
    int32_t v;
    bool mb;
    size_t used;
    int rc = strconv_unquote_char(s.ptr, (size_t)s.len, (uint8_t)a[2].u, &v, &mb, &used);
    a[0].i = v;
    ret_bool(a + 1, mb);
    a[2].i = (int64_t)used;
    ret_bool(a + 3, rc == NUM_OK);
    return NATIVE_OK;
}

const NativeDef stdlib_natives_strconv[] = {
    NATIVE("CanBackquote", n_can_backquote),
    NATIVE("IsGraphic", n_is_graphic),
    NATIVE("IsPrint", n_is_print),
    NATIVE("Itoa", n_itoa),
    NATIVE("Quote", n_quote),
    NATIVE("QuoteRune", n_quote_rune),
    NATIVE("QuoteRuneToASCII", n_quote_rune_to_ascii),
    NATIVE("QuoteRuneToGraphic", n_quote_rune_to_graphic),
    NATIVE("QuoteToASCII", n_quote_to_ascii),
    NATIVE("QuoteToGraphic", n_quote_to_graphic),
    NATIVE("formatFloat", n_format_float),
    NATIVE("formatInt", n_format_int),
    NATIVE("formatUint", n_format_uint),
    NATIVE("parseFloat", n_parse_float),
    NATIVE("parseFloatPrefix", n_parse_float_prefix),
    NATIVE("parseInt", n_parse_int),
    NATIVE("parseUint", n_parse_uint),
    NATIVE("unquote", n_unquote),
    NATIVE("unquoteChar", n_unquote_char),
    NATIVES_END,
};
