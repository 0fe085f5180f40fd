/* fmt_format.c - the raw formatter of fmt (Go's format.go): padding,
 * integers, strings, runes and floats under the current flags, width and
 * precision. Output goes straight into the printer's StrBuf. */
#include "fmt_internal.h"
#include "strconv_core.h"
#include "unicode_props.h"
#include "../lexer/lexer.h"

#include <stdlib.h>

const char fmt_ldigits[] = "0123456789abcdefx";
const char fmt_udigits[] = "0123456789ABCDEFX";

void fmt_clear_flags(Fmt *f) { memset(&f->f, 0, sizeof f->f); }

size_t fmt_rune_count(const char *s, size_t n) {
    size_t count = 0;
    for (size_t i = 0; i < n; count++) {
        if ((uint8_t)s[i] < 0x80) {
            i++;
            continue;
        }
        int size;
        utf8_decode((const uint8_t *)s + i, n - i, &size);
        i += (size_t)size;
    }
    return count;
}

void fmt_write_padding(Fmt *f, int n) {
    if (n <= 0) return;
    sb_reserve(f->buf, (size_t)n);
    memset(f->buf->data + f->buf->len, f->f.zero ? '0' : ' ', (size_t)n);
    f->buf->len += (size_t)n;
    f->buf->data[f->buf->len] = 0;
}

/* Append s, padded to the width on the left (or the right with '-'). */
void fmt_pad(Fmt *f, const char *s, size_t n) {
    if (n == 0) s = ""; /* empty Go strings may have a NULL pointer */
    if (!f->f.wid_present || f->wid == 0) {
        sb_putn_safe(f->buf, s, n);
        return;
    }
    int width = f->wid - (int)fmt_rune_count(s, n);
    if (!f->f.minus) {
        fmt_write_padding(f, width);
        sb_putn_safe(f->buf, s, n);
    } else {
        sb_putn_safe(f->buf, s, n);
        fmt_write_padding(f, width);
    }
}

void fmt_boolean(Fmt *f, bool v) {
    if (v) fmt_pad(f, "true", 4);
    else fmt_pad(f, "false", 5);
}

/* %U: "U+0078", or "U+0078 'x'" with '#'. */
void fmt_unicode(Fmt *f, uint64_t u) {
    char small[68];
    char *buf = small;
    size_t len = sizeof small;
    int prec = 4;
    if (f->f.prec_present && f->prec > 4) {
        prec = f->prec;
        size_t width = 2 + (size_t)prec + 2 + 4 + 1;
        if (width > len) {
            buf = gc_alloc_atomic(width);
            len = width;
        }
    }
    size_t i = len;
    if (f->f.sharp && u <= UNI_MAX_RUNE && uni_is_print((int32_t)u)) {
        uint8_t tmp[4];
        int w = utf8_encode(tmp, (int32_t)u);
        buf[--i] = '\'';
        i -= (size_t)w;
        memcpy(buf + i, tmp, (size_t)w);
        buf[--i] = '\'';
        buf[--i] = ' ';
    }
    while (u >= 16) {
        buf[--i] = fmt_udigits[u & 0xF];
        prec--;
        u >>= 4;
    }
    buf[--i] = fmt_udigits[u];
    prec--;
    while (prec > 0) {
        buf[--i] = '0';
        prec--;
    }
    buf[--i] = '+';
    buf[--i] = 'U';
    bool zero = f->f.zero;
    f->f.zero = false;
    fmt_pad(f, buf + i, len - i);
    f->f.zero = zero;
}

void fmt_integer(Fmt *f, uint64_t u, int base, bool is_signed, int verb, const char *digits) {
    bool negative = is_signed && (int64_t)u < 0;
    if (negative) u = 0 - u;
    char small[68];
    char *buf = small;
    size_t len = sizeof small;
    if (f->f.wid_present || f->f.prec_present) {
        size_t width = 3 + (size_t)f->wid + (size_t)f->prec; /* both are non-negative */
        if (width > len) {
            buf = gc_alloc_atomic(width);
            len = width;
        }
    }
    /* Two ways to ask for leading zeros: %.3d or %03d; a precision wins. */
    int prec = 0;
    if (f->f.prec_present) {
        prec = f->prec;
        if (prec == 0 && u == 0) {
            bool zero = f->f.zero;
            f->f.zero = false;
            fmt_write_padding(f, f->wid);
            f->f.zero = zero;
            return;
        }
    } else if (f->f.zero && f->f.wid_present) {
        prec = f->wid;
        if (negative || f->f.plus || f->f.space) prec--; /* room for the sign */
    }
    size_t i = len;
    switch (base) {
    case 10:
        while (u >= 10) {
            uint64_t next = u / 10;
            buf[--i] = (char)('0' + u - next * 10);
            u = next;
        }
        break;
    case 16:
        while (u >= 16) {
            buf[--i] = digits[u & 0xF];
            u >>= 4;
        }
        break;
    case 8:
        while (u >= 8) {
            buf[--i] = (char)('0' + (u & 7));
            u >>= 3;
        }
        break;
    case 2:
        while (u >= 2) {
            buf[--i] = (char)('0' + (u & 1));
            u >>= 1;
        }
        break;
    }
    buf[--i] = digits[u];
    while (i > 0 && prec > (int)(len - i)) buf[--i] = '0';
    if (f->f.sharp) {
        switch (base) {
        case 2:
            buf[--i] = 'b';
            buf[--i] = '0';
            break;
        case 8:
            if (buf[i] != '0') buf[--i] = '0';
            break;
        case 16:
            buf[--i] = digits[16];
            buf[--i] = '0';
            break;
        }
    }
    if (verb == 'O') {
        buf[--i] = 'o';
        buf[--i] = '0';
    }
    if (negative) buf[--i] = '-';
    else if (f->f.plus) buf[--i] = '+';
    else if (f->f.space) buf[--i] = ' ';
    /* Zero padding was done above through prec; pad the rest with spaces. */
    bool zero = f->f.zero;
    f->f.zero = false;
    fmt_pad(f, buf + i, len - i);
    f->f.zero = zero;
}

/* The first prec runes of s when a precision is given. */
static size_t truncated_len(const Fmt *f, const char *s, size_t n) {
    if (!f->f.prec_present) return n;
    int left = f->prec;
    for (size_t i = 0; i < n;) {
        if (--left < 0) return i;
        int size = 1;
        if ((uint8_t)s[i] >= 0x80) utf8_decode((const uint8_t *)s + i, n - i, &size);
        i += (size_t)size;
    }
    return n;
}

void fmt_s(Fmt *f, const char *s, size_t n) { fmt_pad(f, s, truncated_len(f, s, n)); }

/* %x on strings and byte slices: hex pairs, "% x" separates them, "%#x" adds 0x. */
void fmt_sbx(Fmt *f, const char *s, size_t n, const char *digits) {
    size_t length = n;
    if (f->f.prec_present && (size_t)f->prec < length) length = (size_t)f->prec;
    size_t width = 2 * length;
    if (width > 0) {
        if (f->f.space) {
            if (f->f.sharp) width *= 2;
            width += length - 1;
        } else if (f->f.sharp) {
            width += 2;
        }
    } else {
        if (f->f.wid_present) fmt_write_padding(f, f->wid);
        return;
    }
    if (f->f.wid_present && f->wid > (int)width && !f->f.minus) fmt_write_padding(f, f->wid - (int)width);
    StrBuf *b = f->buf;
    sb_reserve(b, width);
    if (f->f.sharp) {
        sb_putc(b, '0');
        sb_putc(b, digits[16]);
    }
    for (size_t i = 0; i < length; i++) {
        if (f->f.space && i > 0) {
            sb_putc(b, ' ');
            if (f->f.sharp) {
                sb_putc(b, '0');
                sb_putc(b, digits[16]);
            }
        }
        uint8_t c = (uint8_t)s[i];
        sb_putc(b, digits[c >> 4]);
        sb_putc(b, digits[c & 0xF]);
    }
    if (f->f.wid_present && f->wid > (int)width && f->f.minus) fmt_write_padding(f, f->wid - (int)width);
}

/* %q on strings: Go-quoted, `raw` with '#' when possible, ASCII-only with '+'. */
void fmt_q(Fmt *f, const char *s, size_t n) {
    n = truncated_len(f, s, n);
    StrBuf q;
    sb_init(&q);
    if (f->f.sharp && strconv_can_backquote((const uint8_t *)s, n)) {
        sb_putc(&q, '`');
        sb_putn_safe(&q, s, n);
        sb_putc(&q, '`');
    } else {
        strconv_quote(&q, (const uint8_t *)s, n, '"', f->f.plus, false);
    }
    fmt_pad(f, q.data, q.len);
}

void fmt_c(Fmt *f, uint64_t c) {
    int32_t r = c > UNI_MAX_RUNE ? UNI_REPLACEMENT : (int32_t)c;
    uint8_t tmp[4];
    int w = utf8_encode(tmp, r);
    fmt_pad(f, (const char *)tmp, (size_t)w);
}

void fmt_qc(Fmt *f, uint64_t c) {
    int32_t r = c > UNI_MAX_RUNE ? UNI_REPLACEMENT : (int32_t)c;
    StrBuf q;
    sb_init(&q);
    strconv_quote_rune(&q, r, f->f.plus, false);
    fmt_pad(f, q.data, q.len);
}

void fmt_float(Fmt *f, double v, int size, int verb, int prec) {
    if (f->f.prec_present) prec = f->prec;
    /* Format with a leading sign position: num[0] is '+', '-' or ' '. */
    /* sb_reserve copies into collected memory when it grows, so a stack
     * buffer serves the common short case without allocating. */
    char store[80];
    StrBuf nb = {store, 0, sizeof store};
    store[0] = 0;
    sb_putc(&nb, '+');
    format_float(&nb, v, (char)verb, prec, size);
    char *num = nb.data;
    size_t n = nb.len;
    if (num[1] == '-' || num[1] == '+') {
        num++;
        n--;
    } else {
        num[0] = '+';
    }
    if (f->f.space && num[0] == '+' && !f->f.plus) num[0] = ' ';
    /* Infinities and NaN are not padded with zeros. */
    if (num[1] == 'I' || num[1] == 'N') {
        bool zero = f->f.zero;
        f->f.zero = false;
        if (num[1] == 'N' && !f->f.space && !f->f.plus) {
            num++;
            n--;
        }
        fmt_pad(f, num, n);
        f->f.zero = zero;
        return;
    }
    /* '#' forces a decimal point and keeps trailing zeros (%#g, %#e ...). */
    char sharpbuf[128];
    if (f->f.sharp && verb != 'b') {
        int digits = 0;
        if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x') {
            digits = prec;
            if (digits == -1) digits = 6;
        }
        char tail[8];
        size_t tlen = 0;
        bool has_point = false, saw_nonzero = false;
        for (size_t i = 1; i < n; i++) {
            char c = num[i];
            if (c == '.') {
                has_point = true;
            } else if (c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
                tlen = n - i < sizeof tail ? n - i : sizeof tail;
                memcpy(tail, num + i, tlen);
                n = i;
                break;
            } else {
                if (c != '0') saw_nonzero = true;
                if (saw_nonzero) digits--;
            }
        }
        size_t extra = (has_point ? 0 : 1) + (digits > 0 ? (size_t)digits : 0) + tlen;
        char *out = n + extra <= sizeof sharpbuf ? sharpbuf : gc_alloc_atomic(n + extra);
        memcpy(out, num, n);
        if (!has_point) {
            if (n == 2 && num[1] == '0') digits--; /* a lone 0 counts as a digit */
            out[n++] = '.';
        }
        while (digits > 0) {
            out[n++] = '0';
            digits--;
        }
        memcpy(out + n, tail, tlen);
        n += tlen;
        num = out;
    }
    if (f->f.plus || num[0] != '+') {
        /* Zero padding goes between the sign and the digits. */
        if (f->f.zero && f->f.wid_present && f->wid > (int)n) {
            sb_putc(f->buf, num[0]);
            fmt_write_padding(f, f->wid - (int)n);
            sb_putn_safe(f->buf, num + 1, n - 1);
            return;
        }
        fmt_pad(f, num, n);
        return;
    }
    fmt_pad(f, num + 1, n - 1);
}
