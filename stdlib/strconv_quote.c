/* strconv_quote.c - Go's Quote/QuoteRune/Unquote/UnquoteChar/CanBackquote.
 * Printability follows Go's unicode tables (unicode_props.h). */
#include "strconv_core.h"
#include "unicode_props.h"
#include "../lexer/lexer.h"

static const char lowerhex[] = "0123456789abcdef";

static bool valid_rune(int32_t r) { return (r >= 0 && r < 0xD800) || (r > 0xDFFF && r <= UNI_MAX_RUNE); }

static void put_rune(StrBuf *b, int32_t r) {
    uint8_t tmp[4];
    sb_putn_safe(b, (const char *)tmp, (size_t)utf8_encode(tmp, r));
}

static void escaped_rune(StrBuf *b, int32_t r, uint8_t quote, bool ascii, bool graphic) {
    if (r == quote || r == '\\') {
        sb_putc(b, '\\');
        sb_putc(b, (char)r);
        return;
    }
    if (ascii) {
        if (r < 0x80 && uni_is_print(r)) {
            sb_putc(b, (char)r);
            return;
        }
    } else if (uni_is_print(r) || (graphic && uni_is_graphic(r))) {
        put_rune(b, r);
        return;
    }
    switch (r) {
    case '\a': sb_puts(b, "\\a"); return;
    case '\b': sb_puts(b, "\\b"); return;
    case '\f': sb_puts(b, "\\f"); return;
    case '\n': sb_puts(b, "\\n"); return;
    case '\r': sb_puts(b, "\\r"); return;
    case '\t': sb_puts(b, "\\t"); return;
    case '\v': sb_puts(b, "\\v"); return;
    }
    if (r < ' ' || r == 0x7f) {
        sb_puts(b, "\\x");
        sb_putc(b, lowerhex[(r >> 4) & 0xF]);
        sb_putc(b, lowerhex[r & 0xF]);
        return;
    }
    if (!valid_rune(r)) r = UNI_REPLACEMENT;
    if (r < 0x10000) {
        sb_puts(b, "\\u");
        for (int s = 12; s >= 0; s -= 4) sb_putc(b, lowerhex[(r >> s) & 0xF]);
    } else {
        sb_puts(b, "\\U");
        for (int s = 28; s >= 0; s -= 4) sb_putc(b, lowerhex[(r >> s) & 0xF]);
    }
}

void strconv_quote(StrBuf *b, const uint8_t *s, size_t n, uint8_t quote, bool ascii, bool graphic) {
    sb_reserve(b, n + 2);
    sb_putc(b, (char)quote);
    for (size_t i = 0; i < n;) {
        uint8_t c = s[i];
        /* Plain printable ASCII is by far the common case. */
        if (c >= 0x20 && c < 0x7f && c != quote && c != '\\') {
            sb_putc(b, (char)c);
            i++;
            continue;
        }
        int32_t r = c;
        int width = 1;
        if (c >= 0x80) r = utf8_decode(s + i, n - i, &width);
        if (width == 1 && r == UNI_REPLACEMENT) {
            sb_puts(b, "\\x");
            sb_putc(b, lowerhex[c >> 4]);
            sb_putc(b, lowerhex[c & 0xF]);
            i++;
            continue;
        }
        escaped_rune(b, r, quote, ascii, graphic);
        i += (size_t)width;
    }
    sb_putc(b, (char)quote);
}

void strconv_quote_rune(StrBuf *b, int32_t r, bool ascii, bool graphic) {
    sb_putc(b, '\'');
    if (!valid_rune(r)) r = UNI_REPLACEMENT;
    escaped_rune(b, r, '\'', ascii, graphic);
    sb_putc(b, '\'');
}

bool strconv_can_backquote(const uint8_t *s, size_t n) {
    for (size_t i = 0; i < n;) {
        int width = 1;
        int32_t r = s[i] < 0x80 ? s[i] : utf8_decode(s + i, n - i, &width);
        i += (size_t)width;
        if (width > 1) {
            if (r == 0xFEFF) return false; /* BOMs are invisible */
            continue;
        }
        if (r == UNI_REPLACEMENT) return false;
        if ((r < ' ' && r != '\t') || r == '`' || r == 0x7F) return false;
    }
    return true;
}

static int unhex(uint8_t c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

int strconv_unquote_char(const uint8_t *s, size_t n, uint8_t quote, int32_t *value,
                         bool *multibyte, size_t *consumed) {
    *value = 0;
    *multibyte = false;
    *consumed = 0;
    if (n == 0) return NUM_SYNTAX;
    uint8_t c = s[0];
    if (c == quote && (quote == '\'' || quote == '"')) return NUM_SYNTAX;
    if (c >= 0x80) {
        int size;
        *value = utf8_decode(s, n, &size);
        *multibyte = true;
        *consumed = (size_t)size;
        return NUM_OK;
    }
    if (c != '\\') {
        *value = c;
        *consumed = 1;
        return NUM_OK;
    }
    if (n <= 1) return NUM_SYNTAX;
    c = s[1];
    size_t i = 2;
    int32_t v = 0;
    switch (c) {
    case 'a': v = '\a'; break;
    case 'b': v = '\b'; break;
    case 'f': v = '\f'; break;
    case 'n': v = '\n'; break;
    case 'r': v = '\r'; break;
    case 't': v = '\t'; break;
    case 'v': v = '\v'; break;
    case 'x':
    case 'u':
    case 'U': {
        size_t digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        if (n - i < digits) return NUM_SYNTAX;
        for (size_t j = 0; j < digits; j++) {
            int x = unhex(s[i + j]);
            if (x < 0) return NUM_SYNTAX;
            v = (int32_t)(((uint32_t)v << 4) | (uint32_t)x);
        }
        i += digits;
        if (c != 'x') {
            if (!valid_rune(v)) return NUM_SYNTAX;
            *multibyte = true;
        }
        break;
    }
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
        v = c - '0';
        if (n - i < 2) return NUM_SYNTAX;
        for (size_t j = 0; j < 2; j++) {
            int x = s[i + j] - '0';
            if (x < 0 || x > 7) return NUM_SYNTAX;
            v = (v << 3) | x;
        }
        i += 2;
        if (v > 255) return NUM_SYNTAX;
        break;
    case '\\': v = '\\'; break;
    case '\'':
    case '"':
        if (c != quote) return NUM_SYNTAX;
        v = c;
        break;
    default: return NUM_SYNTAX;
    }
    *value = v;
    *consumed = i;
    return NUM_OK;
}

static bool valid_utf8(const uint8_t *s, size_t n) {
    for (size_t i = 0; i < n;) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        int size;
        int32_t r = utf8_decode(s + i, n - i, &size);
        if (r == UNI_REPLACEMENT && size == 1) return false;
        i += (size_t)size;
    }
    return true;
}

int strconv_unquote(const uint8_t *in, size_t n, bool unescape, StrBuf *out, size_t *consumed) {
    *consumed = 0;
    if (n < 2) return NUM_SYNTAX;
    uint8_t quote = in[0];
    const uint8_t *close = memchr(in + 1, quote, n - 1);
    if (!close) return NUM_SYNTAX;
    size_t end = (size_t)(close - in) + 1; /* after the first closing quote; may be wrong with escapes */

    if (quote == '`') {
        if (!unescape) {
            sb_putn_safe(out, (const char *)in, end);
        } else {
            for (size_t i = 1; i < end - 1; i++)
                if (in[i] != '\r') sb_putc(out, (char)in[i]);
        }
        *consumed = end;
        return NUM_OK;
    }
    if (quote != '"' && quote != '\'') return NUM_SYNTAX;

    /* Fast path: nothing to unescape. */
    if (!memchr(in, '\\', end) && !memchr(in, '\n', end)) {
        bool valid;
        if (quote == '"') {
            valid = valid_utf8(in + 1, end - 2);
        } else {
            int size = 0;
            int32_t r = end > 2 ? utf8_decode(in + 1, end - 2, &size) : 0;
            valid = end > 2 && (size_t)size + 2 == end && (r != UNI_REPLACEMENT || size != 1);
        }
        if (valid) {
            if (unescape) sb_putn_safe(out, (const char *)in + 1, end - 2);
            else sb_putn_safe(out, (const char *)in, end);
            *consumed = end;
            return NUM_OK;
        }
    }

    size_t start_len = out->len;
    size_t i = 1;
    while (i < n && in[i] != quote) {
        int32_t r;
        bool multibyte;
        size_t used;
        if (in[i] == '\n' || strconv_unquote_char(in + i, n - i, quote, &r, &multibyte, &used) != NUM_OK) {
            out->len = start_len;
            if (out->data) out->data[start_len] = 0;
            return NUM_SYNTAX;
        }
        if (unescape) {
            if (r < 0x80 || !multibyte) sb_putc(out, (char)r);
            else put_rune(out, r);
        }
        i += used;
        if (quote == '\'') break;
    }
    if (!(i < n && in[i] == quote)) {
        out->len = start_len;
        if (out->data) out->data[start_len] = 0;
        return NUM_SYNTAX;
    }
    i++;
    if (!unescape) sb_putn_safe(out, (const char *)in, i);
    *consumed = i;
    return NUM_OK;
}
