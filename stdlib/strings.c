/* strings.c - natives of package strings (the Go side is stdlib/go/strings.go).
 *
 * Everything that scans bytes is here; functions taking Go closures
 * (Map, FieldsFunc, TrimFunc, IndexFunc ...) are Go code. Substrings share
 * the bytes of their source string, as in Go. Invalid UTF-8 behaves as in
 * Go: each bad byte is one RuneError.
 *
 * strings.Builder keeps its bytes in a plain byte buffer rather than a
 * goi []byte (one slot per byte), so String() is free and appending is a
 * memcpy. Its Go declaration is
 *     type Builder struct { addr *Builder; buf *byte; n int; c int }
 * slots: [0] addr (copy check), [1] buffer, [2] length, [3] capacity.
 */
#include "natives.h"
#include "unicode_props.h"
#include "../lexer/lexer.h"

#include <string.h>

static GoString substr(GoString s, int64_t i, int64_t j) { return (GoString){s.ptr + i, j - i}; }

static inline int32_t decode(GoString s, int64_t i, int *size) {
    if (s.ptr[i] < 0x80) {
        *size = 1;
        return s.ptr[i];
    }
    return utf8_decode(s.ptr + i, (size_t)(s.len - i), size);
}

/* Go's utf8.DecodeLastRuneInString. */
static int32_t decode_last(GoString s, int64_t end, int *size) {
    int64_t start = end - 1;
    if (s.ptr[start] < 0x80) {
        *size = 1;
        return s.ptr[start];
    }
    int64_t lim = end - 4 < 0 ? 0 : end - 4;
    for (start--; start >= lim; start--)
        if ((s.ptr[start] & 0xC0) != 0x80) break;
    if (start < 0) start = 0;
    int32_t r = utf8_decode(s.ptr + start, (size_t)(end - start), size);
    if (start + *size != end) {
        *size = 1;
        return UNI_REPLACEMENT;
    }
    return r;
}

int64_t strings_index(GoString s, GoString sep) {
    if (sep.len == 0) return 0;
    if (sep.len > s.len) return -1;
    if (sep.len == 1) {
        const uint8_t *p = memchr(s.ptr, sep.ptr[0], (size_t)s.len);
        return p ? p - s.ptr : -1;
    }
    const uint8_t *p = memmem(s.ptr, (size_t)s.len, sep.ptr, (size_t)sep.len);
    return p ? p - s.ptr : -1;
}

static int64_t last_index(GoString s, GoString sep) {
    if (sep.len == 0) return s.len;
    for (int64_t i = s.len - sep.len; i >= 0; i--)
        if (s.ptr[i] == sep.ptr[0] && memcmp(s.ptr + i, sep.ptr, (size_t)sep.len) == 0) return i;
    return -1;
}

static int64_t rune_count(GoString s) {
    int64_t n = 0;
    for (int64_t i = 0; i < s.len; n++) {
        int size;
        decode(s, i, &size);
        i += size;
    }
    return n;
}

static int64_t count(GoString s, GoString sep) {
    if (sep.len == 0) return rune_count(s) + 1;
    int64_t n = 0;
    for (;;) {
        int64_t i = strings_index(s, sep);
        if (i < 0) return n;
        n++;
        s = substr(s, i + sep.len, s.len);
    }
}

/* Go's IndexRune, including its treatment of RuneError (matches invalid
 * bytes too) and of invalid runes (never found). */
static int64_t index_rune(GoString s, int32_t r) {
    if (r >= 0 && r < 0x80) {
        const uint8_t *p = s.len ? memchr(s.ptr, r, (size_t)s.len) : NULL;
        return p ? p - s.ptr : -1;
    }
    if (r == UNI_REPLACEMENT) {
        for (int64_t i = 0; i < s.len;) {
            int size;
            if (decode(s, i, &size) == UNI_REPLACEMENT) return i;
            i += size;
        }
        return -1;
    }
    if (r < 0 || r > UNI_MAX_RUNE || (r >= 0xD800 && r <= 0xDFFF)) return -1;
    uint8_t enc[4];
    int n = utf8_encode(enc, r);
    return strings_index(s, (GoString){enc, n});
}

static bool contains_rune(GoString s, int32_t r) { return index_rune(s, r) >= 0; }

static int64_t index_any(GoString s, GoString chars) {
    if (chars.len == 0) return -1;
    for (int64_t i = 0; i < s.len;) {
        int size;
        int32_t r = decode(s, i, &size);
        if (contains_rune(chars, r)) return i;
        i += size;
    }
    return -1;
}

static int64_t last_index_any(GoString s, GoString chars) {
    if (chars.len == 0) return -1;
    for (int64_t i = s.len; i > 0;) {
        int size;
        int32_t r = decode_last(s, i, &size);
        i -= size;
        if (contains_rune(chars, r)) return i;
    }
    return -1;
}

static bool equal_fold(GoString s, GoString t) {
    int64_t i = 0, j = 0;
    while (i < s.len && j < t.len) {
        int ns, nt;
        int32_t sr = decode(s, i, &ns), tr = decode(t, j, &nt);
        i += ns;
        j += nt;
        if (sr == tr) continue;
        if (tr < sr) {
            int32_t x = tr;
            tr = sr;
            sr = x;
        }
        if (tr < 0x80) {
            if ('A' <= sr && sr <= 'Z' && tr == sr + 'a' - 'A') continue;
            return false;
        }
        /* General case: walk the case orbit of sr up to tr. */
        int32_t r = uni_simple_fold(sr);
        while (r != sr && r < tr) r = uni_simple_fold(r);
        if (r == tr) continue;
        return false;
    }
    return i == s.len && j == t.len;
}

/* ------------------------------------------------------------- natives */

#define STR(k) arg_str(a + (k))

static int n_compare(G *g, Value *a) {
    int c = str_compare(STR(0), STR(2));
    ret_int(a, c < 0 ? -1 : c > 0);
    return NATIVE_OK;
}

static int n_contains(G *g, Value *a) {
    ret_bool(a, strings_index(STR(0), STR(2)) >= 0);
    return NATIVE_OK;
}

static int n_contains_any(G *g, Value *a) {
    ret_bool(a, index_any(STR(0), STR(2)) >= 0);
    return NATIVE_OK;
}

static int n_contains_rune(G *g, Value *a) {
    ret_bool(a, index_rune(STR(0), (int32_t)a[2].i) >= 0);
    return NATIVE_OK;
}

static int n_count(G *g, Value *a) {
    ret_int(a, count(STR(0), STR(2)));
    return NATIVE_OK;
}

static int n_equal_fold(G *g, Value *a) {
    ret_bool(a, equal_fold(STR(0), STR(2)));
    return NATIVE_OK;
}

static int n_has_prefix(G *g, Value *a) {
    GoString s = STR(0), p = STR(2);
    ret_bool(a, s.len >= p.len && (p.len == 0 || memcmp(s.ptr, p.ptr, (size_t)p.len) == 0));
    return NATIVE_OK;
}

static int n_has_suffix(G *g, Value *a) {
    GoString s = STR(0), p = STR(2);
    ret_bool(a, s.len >= p.len && (p.len == 0 || memcmp(s.ptr + s.len - p.len, p.ptr, (size_t)p.len) == 0));
    return NATIVE_OK;
}

static int n_index(G *g, Value *a) {
    ret_int(a, strings_index(STR(0), STR(2)));
    return NATIVE_OK;
}

static int n_index_any(G *g, Value *a) {
    ret_int(a, index_any(STR(0), STR(2)));
    return NATIVE_OK;
}

static int n_index_byte(G *g, Value *a) {
    GoString s = STR(0);
    const uint8_t *p = s.len ? memchr(s.ptr, (int)(a[2].u & 0xFF), (size_t)s.len) : NULL;
    ret_int(a, p ? p - s.ptr : -1);
    return NATIVE_OK;
}

static int n_index_rune(G *g, Value *a) {
    ret_int(a, index_rune(STR(0), (int32_t)a[2].i));
    return NATIVE_OK;
}

static int n_last_index(G *g, Value *a) {
    ret_int(a, last_index(STR(0), STR(2)));
    return NATIVE_OK;
}

static int n_last_index_any(G *g, Value *a) {
    ret_int(a, last_index_any(STR(0), STR(2)));
    return NATIVE_OK;
}

static int n_last_index_byte(G *g, Value *a) {
    GoString s = STR(0);
    uint8_t c = (uint8_t)a[2].u;
    int64_t i = s.len - 1;
    while (i >= 0 && s.ptr[i] != c) i--;
    ret_int(a, i);
    return NATIVE_OK;
}

/* func Join(elems []string, sep string) string */
static int n_join(G *g, Value *a) {
    GoSlice elems = slice_get(a);
    GoString sep = STR(3);
    if (elems.len == 0) {
        ret_str(a, (GoString){NULL, 0});
        return NATIVE_OK;
    }
    if (elems.len == 1) {
        ret_str(a, str_get(elems.ptr));
        return NATIVE_OK;
    }
    int64_t n = sep.len * (elems.len - 1);
    for (int64_t i = 0; i < elems.len; i++) n += elems.ptr[2 * i + 1].i;
    uint8_t *d = gc_alloc_atomic((size_t)n), *w = d;
    for (int64_t i = 0; i < elems.len; i++) {
        if (i && sep.len) {
            memcpy(w, sep.ptr, (size_t)sep.len);
            w += sep.len;
        }
        GoString e = str_get(elems.ptr + 2 * i);
        if (e.len) memcpy(w, e.ptr, (size_t)e.len);
        w += e.len;
    }
    ret_str(a, (GoString){d, n});
    return NATIVE_OK;
}

/* func repeat(s string, count int) string; the Go side checks count. */
static int n_repeat(G *g, Value *a) {
    GoString s = STR(0);
    int64_t n = a[2].i;
    if (n <= 0 || s.len == 0) {
        ret_str(a, (GoString){NULL, 0});
        return NATIVE_OK;
    }
    int64_t total = s.len * n;
    uint8_t *d = gc_alloc_atomic((size_t)total);
    memcpy(d, s.ptr, (size_t)s.len);
    /* Double the filled prefix until done. */
    for (int64_t have = s.len; have < total;) {
        int64_t chunk = have < total - have ? have : total - have;
        memcpy(d + have, d, (size_t)chunk);
        have += chunk;
    }
    ret_str(a, (GoString){d, total});
    return NATIVE_OK;
}

/* func Replace(s, old, new string, n int) string */
static int n_replace(G *g, Value *a) {
    GoString s = STR(0), old = STR(2), new = STR(4);
    int64_t n = a[6].i;
    if ((old.len == new.len && (old.len == 0 || memcmp(old.ptr, new.ptr, (size_t)old.len) == 0)) || n == 0) {
        ret_str(a, s);
        return NATIVE_OK;
    }
    int64_t m = count(s, old);
    if (m == 0) {
        ret_str(a, s);
        return NATIVE_OK;
    }
    if (n < 0 || m < n) n = m;
    StrBuf b;
    sb_init(&b);
    sb_reserve(&b, (size_t)(s.len + n * (new.len - old.len)));
    int64_t start = 0;
    for (int64_t i = 0; i < n; i++) {
        int64_t j = start;
        if (old.len == 0) {
            if (i > 0) {
                int wid = 1;
                if (start < s.len) decode(s, start, &wid);
                else wid = 0;
                j += wid;
            }
        } else {
            j += strings_index(substr(s, start, s.len), old);
        }
        sb_putn_safe(&b, (const char *)s.ptr + start, (size_t)(j - start));
        if (new.len) sb_putn_safe(&b, (const char *)new.ptr, (size_t)new.len);
        start = j + old.len;
    }
    if (start < s.len) sb_putn_safe(&b, (const char *)s.ptr + start, (size_t)(s.len - start));
    ret_str(a, str_from_buf(&b));
    return NATIVE_OK;
}

/* func genSplit(s, sep string, sepSave, n int) []string (Go's genSplit/explode). */
static int n_gen_split(G *g, Value *a) {
    GoString s = STR(0), sep = STR(2);
    int64_t save = a[4].i, n = a[5].i;
    if (n == 0) {
        slice_set(a, (GoSlice){NULL, 0, 0});
        return NATIVE_OK;
    }
    if (sep.len == 0) {
        int64_t l = rune_count(s);
        if (n < 0 || n > l) n = l;
        GoSlice out = new_string_slice(n);
        int64_t i = 0;
        static const uint8_t replacement[] = {0xEF, 0xBF, 0xBD};
        for (int64_t k = 0; k < n - 1; k++) {
            int size;
            int32_t r = decode(s, i, &size);
            /* Go's explode turns RuneError (from bad bytes too) into "\uFFFD" */
            GoString piece = r == UNI_REPLACEMENT ? (GoString){replacement, 3} : substr(s, i, i + size);
            str_set(out.ptr + 2 * k, piece);
            i += size;
        }
        if (n > 0) str_set(out.ptr + 2 * (n - 1), substr(s, i, s.len));
        slice_set(a, out);
        return NATIVE_OK;
    }
    if (n < 0) n = count(s, sep) + 1;
    if (n > s.len + 1) n = s.len + 1;
    GoSlice out = new_string_slice(n);
    n--;
    int64_t k = 0;
    while (k < n) {
        int64_t m = strings_index(s, sep);
        if (m < 0) break;
        str_set(out.ptr + 2 * k, substr(s, 0, m + save));
        s = substr(s, m + sep.len, s.len);
        k++;
    }
    str_set(out.ptr + 2 * k, s);
    out.len = k + 1;
    slice_set(a, out);
    return NATIVE_OK;
}

static bool ascii_space(uint8_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

/* func Fields(s string) []string */
static int n_fields(G *g, Value *a) {
    GoString s = STR(0);
    /* Count first so the slice has exactly the right length and capacity. */
    int64_t n = 0;
    bool was_space = true;
    for (int64_t i = 0; i < s.len;) {
        int size;
        bool sp = uni_is_space(decode(s, i, &size));
        if (was_space && !sp) n++;
        was_space = sp;
        i += size;
    }
    GoSlice out = new_string_slice(n);
    int64_t k = 0, start = -1;
    for (int64_t i = 0; i < s.len;) {
        int size;
        bool sp = uni_is_space(decode(s, i, &size));
        if (sp && start >= 0) {
            str_set(out.ptr + 2 * k++, substr(s, start, i));
            start = -1;
        } else if (!sp && start < 0) {
            start = i;
        }
        i += size;
    }
    if (start >= 0) str_set(out.ptr + 2 * k++, substr(s, start, s.len));
    slice_set(a, out);
    return NATIVE_OK;
}

/* Go's Map for the case mappings: unchanged strings are returned as is;
 * invalid bytes become U+FFFD once anything changes. */
static GoString map_runes(GoString s, int32_t (*fn)(int32_t)) {
    int64_t i = 0;
    int32_t r = 0;
    int size = 1;
    for (;; i += size) {
        if (i >= s.len) return s;
        int32_t c = decode(s, i, &size);
        r = fn(c); /* called once per rune: Title's mapping has state */
        if (r == c && (c != UNI_REPLACEMENT || size != 1)) continue;
        break;
    }
    StrBuf b;
    sb_init(&b);
    sb_reserve(&b, (size_t)s.len + 4);
    sb_putn_safe(&b, (const char *)s.ptr, (size_t)i);
    uint8_t enc[4];
    for (;;) {
        if (r >= 0) {
            if (r < 0x80) sb_putc(&b, (char)r);
            else sb_putn_safe(&b, (const char *)enc, (size_t)utf8_encode(enc, r));
        }
        i += size;
        if (i >= s.len) break;
        r = fn(decode(s, i, &size));
    }
    return str_from_buf(&b);
}

/* ASCII fast path shared by ToUpper and ToLower. */
static int to_case(Value *a, int32_t (*fn)(int32_t), uint8_t lo, uint8_t hi, int delta) {
    GoString s = STR(0);
    bool ascii = true, change = false;
    for (int64_t i = 0; i < s.len; i++) {
        if (s.ptr[i] >= 0x80) {
            ascii = false;
            break;
        }
        change |= s.ptr[i] >= lo && s.ptr[i] <= hi;
    }
    if (ascii) {
        if (!change) {
            ret_str(a, s);
            return NATIVE_OK;
        }
        uint8_t *d = gc_alloc_atomic((size_t)s.len);
        for (int64_t i = 0; i < s.len; i++) {
            uint8_t c = s.ptr[i];
            d[i] = c >= lo && c <= hi ? (uint8_t)(c + delta) : c;
        }
        ret_str(a, (GoString){d, s.len});
        return NATIVE_OK;
    }
    ret_str(a, map_runes(s, fn));
    return NATIVE_OK;
}

static int n_to_upper(G *g, Value *a) { return to_case(a, uni_to_upper, 'a', 'z', 'A' - 'a'); }
static int n_to_lower(G *g, Value *a) { return to_case(a, uni_to_lower, 'A', 'Z', 'a' - 'A'); }

static int n_to_title(G *g, Value *a) {
    ret_str(a, map_runes(STR(0), uni_to_title));
    return NATIVE_OK;
}

/* Title's word boundaries (Go's isSeparator). */
static bool is_separator(int32_t r) {
    if (r <= 0x7F) {
        if (('0' <= r && r <= '9') || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || r == '_') return false;
        return true;
    }
    if (uni_is_letter(r) || uni_is_digit(r)) return false;
    return uni_is_space(r);
}

static __thread int32_t title_prev;
static int32_t title_rune(int32_t r) {
    int32_t prev = title_prev;
    title_prev = r;
    return is_separator(prev) ? uni_to_title(r) : r;
}

static int n_title(G *g, Value *a) {
    title_prev = ' ';
    ret_str(a, map_runes(STR(0), title_rune));
    return NATIVE_OK;
}

/* func ToValidUTF8(s, replacement string) string */
static int n_to_valid_utf8(G *g, Value *a) {
    GoString s = STR(0), rep = STR(2);
    int64_t i = 0;
    for (; i < s.len;) {
        int size;
        int32_t r = decode(s, i, &size);
        if (r == UNI_REPLACEMENT && size == 1) break;
        i += size;
    }
    if (i >= s.len) {
        ret_str(a, s);
        return NATIVE_OK;
    }
    StrBuf b;
    sb_init(&b);
    sb_putn_safe(&b, (const char *)s.ptr, (size_t)i);
    bool invalid = false;
    while (i < s.len) {
        int size;
        int32_t r = decode(s, i, &size);
        if (r == UNI_REPLACEMENT && size == 1) {
            i++;
            if (!invalid) {
                invalid = true;
                if (rep.len) sb_putn_safe(&b, (const char *)rep.ptr, (size_t)rep.len);
            }
            continue;
        }
        invalid = false;
        sb_putn_safe(&b, (const char *)s.ptr + i, (size_t)size);
        i += size;
    }
    ret_str(a, str_from_buf(&b));
    return NATIVE_OK;
}

static GoString trim_left(GoString s, GoString cutset) {
    while (s.len > 0) {
        int size;
        int32_t r = decode(s, 0, &size);
        if (!contains_rune(cutset, r)) break;
        s = substr(s, size, s.len);
    }
    return s;
}

static GoString trim_right(GoString s, GoString cutset) {
    while (s.len > 0) {
        int size;
        int32_t r = decode_last(s, s.len, &size);
        if (!contains_rune(cutset, r)) break;
        s.len -= size;
    }
    return s;
}

static int n_trim(G *g, Value *a) {
    GoString s = STR(0), cut = STR(2);
    if (s.len && cut.len) s = trim_right(trim_left(s, cut), cut);
    ret_str(a, s);
    return NATIVE_OK;
}

static int n_trim_left(G *g, Value *a) {
    GoString s = STR(0), cut = STR(2);
    if (s.len && cut.len) s = trim_left(s, cut);
    ret_str(a, s);
    return NATIVE_OK;
}

static int n_trim_right(G *g, Value *a) {
    GoString s = STR(0), cut = STR(2);
    if (s.len && cut.len) s = trim_right(s, cut);
    ret_str(a, s);
    return NATIVE_OK;
}

static int n_trim_space(G *g, Value *a) {
    GoString s = STR(0);
    int64_t i = 0, j = s.len;
    while (i < j) {
        if (s.ptr[i] < 0x80) {
            if (!ascii_space(s.ptr[i])) break;
            i++;
            continue;
        }
        int size;
        if (!uni_is_space(decode(s, i, &size))) break;
        i += size;
    }
    while (j > i) {
        if (s.ptr[j - 1] < 0x80) {
            if (!ascii_space(s.ptr[j - 1])) break;
            j--;
            continue;
        }
        int size;
        if (!uni_is_space(decode_last(s, j, &size))) break;
        j -= size;
    }
    ret_str(a, substr(s, i, j));
    return NATIVE_OK;
}

static int n_trim_prefix(G *g, Value *a) {
    GoString s = STR(0), p = STR(2);
    if (s.len >= p.len && (p.len == 0 || memcmp(s.ptr, p.ptr, (size_t)p.len) == 0)) s = substr(s, p.len, s.len);
    ret_str(a, s);
    return NATIVE_OK;
}

static int n_trim_suffix(G *g, Value *a) {
    GoString s = STR(0), p = STR(2);
    if (s.len >= p.len && (p.len == 0 || memcmp(s.ptr + s.len - p.len, p.ptr, (size_t)p.len) == 0)) s.len -= p.len;
    ret_str(a, s);
    return NATIVE_OK;
}

/* func replace(oldnew []string, s string) string: strings.Replacer's
 * semantics. At each position the earliest pair whose old string matches
 * wins; an empty old string matches everywhere, but not twice in a row at
 * the same position. */
static int n_replacer_replace(G *g, Value *a) {
    GoSlice on = slice_get(a);
    GoString s = STR(3);
    int64_t npairs = on.len / 2;
    bool has_empty = false;
    bool first[256] = {false};
    for (int64_t k = 0; k < npairs; k++) {
        GoString old = str_get(on.ptr + 4 * k);
        if (old.len == 0) has_empty = true;
        else first[old.ptr[0]] = true;
    }
    StrBuf b = {0};
    int64_t last = 0;
    bool prev_empty = false, changed = false;
    for (int64_t i = 0; i <= s.len;) {
        if (!has_empty && (i == s.len || !first[s.ptr[i]])) {
            i++;
            continue;
        }
        int64_t match = -1;
        for (int64_t k = 0; k < npairs; k++) {
            GoString old = str_get(on.ptr + 4 * k);
            if (old.len == 0 && prev_empty) continue;
            if (old.len <= s.len - i && (old.len == 0 || memcmp(s.ptr + i, old.ptr, (size_t)old.len) == 0)) {
                match = k;
                break;
            }
        }
        if (match < 0) {
            prev_empty = false;
            i++;
            continue;
        }
        GoString old = str_get(on.ptr + 4 * match), new = str_get(on.ptr + 4 * match + 2);
        prev_empty = old.len == 0;
        if (!changed) {
            sb_init(&b);
            changed = true;
        }
        sb_putn_safe(&b, (const char *)s.ptr + last, (size_t)(i - last));
        if (new.len) sb_putn_safe(&b, (const char *)new.ptr, (size_t)new.len);
        i += old.len;
        last = i;
    }
    if (!changed) {
        ret_str(a, s);
        return NATIVE_OK;
    }
    if (last < s.len) sb_putn_safe(&b, (const char *)s.ptr + last, (size_t)(s.len - last));
    ret_str(a, str_from_buf(&b));
    return NATIVE_OK;
}

/* ------------------------------------------------------------- Builder */

/* gc's malloc size classes up to 32 KiB: append rounds capacities to them. */
static const uint16_t size_classes[] = {
    8,    16,   24,   32,   48,   64,   80,   96,   112,  128,  144,  160,  176,  192,  208,  224,
    240,  256,  288,  320,  352,  384,  416,  448,  480,  512,  576,  640,  704,  768,  896,  1024,
    1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528,
    6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480,
    21760, 24576, 27264, 28672, 32768};

/* The capacity append on a []byte would pick (Go 1.19 growslice). */
static int64_t append_cap(int64_t oldcap, int64_t need) {
    int64_t newcap = oldcap, doublecap = oldcap * 2;
    if (need > doublecap) {
        newcap = need;
    } else if (oldcap < 256) {
        newcap = doublecap;
    } else {
        while (0 < newcap && newcap < need) newcap += (newcap + 3 * 256) / 4;
        if (newcap <= 0) newcap = need;
    }
    if (newcap <= 32768) {
        for (size_t i = 0; i < sizeof size_classes / sizeof size_classes[0]; i++)
            if (size_classes[i] >= newcap) return size_classes[i];
    }
    return (newcap + 8191) / 8192 * 8192;
}

enum { B_ADDR, B_BUF, B_LEN, B_CAP };

static void builder_realloc(Value *b, int64_t cap) {
    uint8_t *nb = gc_alloc_atomic((size_t)cap);
    if (b[B_LEN].i) memcpy(nb, b[B_BUF].p, (size_t)b[B_LEN].i);
    b[B_BUF].p = nb;
    b[B_CAP].i = cap;
}

/* Room for n more bytes, growing as append would. */
static inline uint8_t *builder_room(Value *b, int64_t n) {
    int64_t len = b[B_LEN].i;
    if (len + n > b[B_CAP].i) builder_realloc(b, append_cap(b[B_CAP].i, len + n));
    return (uint8_t *)b[B_BUF].p + len;
}

static bool nil_receiver(G *g, Value *b) {
    if (b) return false;
    vm_panic_runtime(g, "runtime error: invalid memory address or nil pointer dereference");
    return true;
}

/* Builders must not be copied once used (Go's copyCheck). */
static bool copy_check(G *g, Value *b) {
    if (nil_receiver(g, b)) return false;
    if (b[B_ADDR].p == NULL) {
        b[B_ADDR].p = b;
    } else if (b[B_ADDR].p != b) {
        Value msg[2], iface[2];
        str_set(msg, str_from_cstr("strings: illegal use of non-zero Builder copied by value"));
        iface_make(iface, t_string, msg);
        vm_panic_value(g, iface);
        return false;
    }
    return true;
}

static int n_builder_write_string(G *g, Value *a) {
    Value *b = a[0].p;
    if (!copy_check(g, b)) return NATIVE_PANIC;
    GoString s = STR(1);
    if (s.len) {
        memcpy(builder_room(b, s.len), s.ptr, (size_t)s.len);
        b[B_LEN].i += s.len;
    }
    ret_int(a, s.len);
    ret_nil_iface(a + 1);
    return NATIVE_OK;
}

static int n_builder_write_byte(G *g, Value *a) {
    Value *b = a[0].p;
    if (!copy_check(g, b)) return NATIVE_PANIC;
    *builder_room(b, 1) = (uint8_t)a[1].u;
    b[B_LEN].i++;
    ret_nil_iface(a);
    return NATIVE_OK;
}

static int n_builder_write_rune(G *g, Value *a) {
    Value *b = a[0].p;
    if (!copy_check(g, b)) return NATIVE_PANIC;
    int32_t r = (int32_t)a[1].i;
    int n;
    if (r >= 0 && r < 0x80) {
        *builder_room(b, 1) = (uint8_t)r;
        n = 1;
    } else {
        /* Go 1.19 makes room for utf8.UTFMax bytes with grow (2*cap+4),
         * not with append, so the capacities differ from WriteString's. */
        if (b[B_CAP].i - b[B_LEN].i < 4) builder_realloc(b, 2 * b[B_CAP].i + 4);
        n = utf8_encode((uint8_t *)b[B_BUF].p + b[B_LEN].i, r);
    }
    b[B_LEN].i += n;
    ret_int(a, n);
    ret_nil_iface(a + 1);
    return NATIVE_OK;
}

static int n_builder_write(G *g, Value *a) {
    Value *b = a[0].p;
    if (!copy_check(g, b)) return NATIVE_PANIC;
    GoSlice p = slice_get(a + 1);
    uint8_t *d = builder_room(b, p.len);
    for (int64_t i = 0; i < p.len; i++) d[i] = (uint8_t)p.ptr[i].u;
    b[B_LEN].i += p.len;
    ret_int(a, p.len);
    ret_nil_iface(a + 1);
    return NATIVE_OK;
}

static int n_builder_string(G *g, Value *a) {
    Value *b = a[0].p;
    if (nil_receiver(g, b)) return NATIVE_PANIC;
    ret_str(a, (GoString){b[B_BUF].p, b[B_LEN].i});
    return NATIVE_OK;
}

static int n_builder_len(G *g, Value *a) {
    Value *b = a[0].p;
    if (nil_receiver(g, b)) return NATIVE_PANIC;
    ret_int(a, b[B_LEN].i);
    return NATIVE_OK;
}

static int n_builder_cap(G *g, Value *a) {
    Value *b = a[0].p;
    if (nil_receiver(g, b)) return NATIVE_PANIC;
    ret_int(a, b[B_CAP].i);
    return NATIVE_OK;
}

static int n_builder_reset(G *g, Value *a) {
    Value *b = a[0].p;
    if (nil_receiver(g, b)) return NATIVE_PANIC;
    b[B_ADDR].p = b[B_BUF].p = NULL;
    b[B_LEN].i = b[B_CAP].i = 0;
    return NATIVE_OK;
}

/* func (b *Builder) grow(n int): the Go side checked n >= 0. As Go's Grow:
 * new capacity 2*cap+n when the room is short. */
static int n_builder_grow(G *g, Value *a) {
    Value *b = a[0].p;
    if (!copy_check(g, b)) return NATIVE_PANIC;
    int64_t n = a[1].i;
    if (b[B_CAP].i - b[B_LEN].i < n) builder_realloc(b, 2 * b[B_CAP].i + n);
    return NATIVE_OK;
}

const NativeDef stdlib_natives_strings[] = {
    NATIVE("Compare", n_compare),
    NATIVE("Contains", n_contains),
    NATIVE("ContainsAny", n_contains_any),
    NATIVE("ContainsRune", n_contains_rune),
    NATIVE("Count", n_count),
    NATIVE("EqualFold", n_equal_fold),
    NATIVE("Fields", n_fields),
    NATIVE("HasPrefix", n_has_prefix),
    NATIVE("HasSuffix", n_has_suffix),
    NATIVE("Index", n_index),
    NATIVE("IndexAny", n_index_any),
    NATIVE("IndexByte", n_index_byte),
    NATIVE("IndexRune", n_index_rune),
    NATIVE("Join", n_join),
    NATIVE("LastIndex", n_last_index),
    NATIVE("LastIndexAny", n_last_index_any),
    NATIVE("LastIndexByte", n_last_index_byte),
    NATIVE("Replace", n_replace),
    NATIVE("Title", n_title),
    NATIVE("ToLower", n_to_lower),
    NATIVE("ToTitle", n_to_title),
    NATIVE("ToUpper", n_to_upper),
    NATIVE("ToValidUTF8", n_to_valid_utf8),
    NATIVE("Trim", n_trim),
    NATIVE("TrimLeft", n_trim_left),
    NATIVE("TrimPrefix", n_trim_prefix),
    NATIVE("TrimRight", n_trim_right),
    NATIVE("TrimSpace", n_trim_space),
    NATIVE("TrimSuffix", n_trim_suffix),
    NATIVE("genSplit", n_gen_split),
    NATIVE("repeat", n_repeat),
    NATIVE("replace", n_replacer_replace),
    NATIVE("Builder.Cap", n_builder_cap),
    NATIVE("Builder.Len", n_builder_len),
    NATIVE("Builder.Reset", n_builder_reset),
    NATIVE("Builder.String", n_builder_string),
    NATIVE("Builder.Write", n_builder_write),
    NATIVE("Builder.WriteByte", n_builder_write_byte),
    NATIVE("Builder.WriteRune", n_builder_write_rune),
    NATIVE("Builder.WriteString", n_builder_write_string),
    NATIVE("Builder.grow", n_builder_grow),
    NATIVES_END,
};
