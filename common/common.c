/* common.c - collected memory, string buffers, interning and diagnostics. */
#include "common.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static _Noreturn void out_of_memory(size_t n) {
    fprintf(stderr, "fatal error: out of memory (allocating %zu bytes)\n", n);
    _exit(2);
}

void *gc_alloc(size_t n) {
    void *p = GC_MALLOC(n ? n : 1);
    if (unlikely(!p)) out_of_memory(n);
    return p;
}

void *gc_alloc_atomic(size_t n) {
    void *p = GC_MALLOC_ATOMIC(n ? n : 1);
    if (unlikely(!p)) out_of_memory(n);
    return p;
}

void *gc_realloc(void *p, size_t n) {
    void *q = GC_REALLOC(p, n ? n : 1);
    if (unlikely(!q)) out_of_memory(n);
    return q;
}

char *gc_strndup(const char *s, size_t n) {
    char *d = gc_alloc_atomic(n + 1);
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

char *gc_strdup(const char *s) { return gc_strndup(s, strlen(s)); }

char *gc_vsprintf(const char *fmt, va_list ap) {
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    char *d = gc_alloc_atomic((size_t)n + 1);
    vsnprintf(d, (size_t)n + 1, fmt, ap);
    return d;
}

char *gc_sprintf(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *d = gc_vsprintf(fmt, ap);
    va_end(ap);
    return d;
}

/* ---- string buffers ---- */

void sb_init(StrBuf *b) {
    b->cap = 64;
    b->len = 0;
    b->data = gc_alloc_atomic(b->cap);
    b->data[0] = 0;
}

void sb_reserve(StrBuf *b, size_t extra) {
    if (!b->data) sb_init(b);
    if (b->len + extra + 1 <= b->cap) return;
    size_t cap = b->cap * 2;
    while (cap < b->len + extra + 1) cap *= 2;
    char *d = gc_alloc_atomic(cap);
    memcpy(d, b->data, b->len + 1);
    b->data = d;
    b->cap = cap;
}

void sb_putn(StrBuf *b, const char *s, size_t n) {
    if (n == 0) {
        if (!b->data) sb_init(b);
        return;
    }
    sb_reserve(b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
}

void sb_putc(StrBuf *b, char c) {
    sb_reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = 0;
}

void sb_puts(StrBuf *b, const char *s) { sb_putn(b, s, strlen(s)); }

void sb_printf(StrBuf *b, const char *fmt, ...) {
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    sb_reserve(b, (size_t)n);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
    va_end(ap);
}

/* ---- interning: an open-addressing table of collected strings. The table
 * itself is uncollectable memory so the collector scans it. ---- */

static pthread_mutex_t intern_lock = PTHREAD_MUTEX_INITIALIZER;
static const char **intern_tab;
static size_t intern_cap, intern_count;

static void intern_grow(void) {
    size_t ncap = intern_cap ? intern_cap * 2 : 1024;
    const char **nt = GC_MALLOC_UNCOLLECTABLE(ncap * sizeof(char *));
    if (!nt) out_of_memory(ncap * sizeof(char *));
    memset(nt, 0, ncap * sizeof(char *));
    for (size_t i = 0; i < intern_cap; i++) {
        const char *s = intern_tab[i];
        if (!s) continue;
        size_t j = hash_bytes(s, strlen(s)) & (ncap - 1);
        while (nt[j]) j = (j + 1) & (ncap - 1);
        nt[j] = s;
    }
    if (intern_tab) GC_FREE(intern_tab);
    intern_tab = nt;
    intern_cap = ncap;
}

const char *intern(const char *s, size_t n) {
    pthread_mutex_lock(&intern_lock);
    if ((intern_count + 1) * 2 > intern_cap) intern_grow();
    size_t j = hash_bytes(s, n) & (intern_cap - 1);
    while (intern_tab[j]) {
        const char *t = intern_tab[j];
        if (strncmp(t, s, n) == 0 && t[n] == 0) {
            pthread_mutex_unlock(&intern_lock);
            return t;
        }
        j = (j + 1) & (intern_cap - 1);
    }
    char *d = gc_strndup(s, n);
    intern_tab[j] = d;
    intern_count++;
    pthread_mutex_unlock(&intern_lock);
    return d;
}

/* ---- diagnostics ---- */

bool diag_show_caret = true;

typedef struct SourceEntry {
    const char *file;
    const char *src;
    size_t len;
} SourceEntry;
static SourceEntry sources[32];
static int nsources;

void diag_set_source(const char *file, const char *src, size_t len) {
    for (int i = 0; i < nsources; i++) {
        if (strcmp(sources[i].file, file) == 0) {
            sources[i].src = src;
            sources[i].len = len;
            return;
        }
    }
    if (nsources == (int)countof(sources)) nsources--; /* keep the newest */
    sources[nsources++] = (SourceEntry){file, src, len};
}

static bool source_line(const char *file, int line, const char **start, size_t *len) {
    for (int i = 0; i < nsources; i++) {
        if (strcmp(sources[i].file, file) != 0) continue;
        const char *p = sources[i].src, *end = p + sources[i].len;
        for (int l = 1; l < line && p < end; p++)
            if (*p == '\n') l++;
        if (p > end) return false;
        const char *e = p;
        while (e < end && *e != '\n') e++;
        *start = p;
        *len = (size_t)(e - p);
        return true;
    }
    return false;
}

void diag_print(const char *file, int line, int col, const char *msg) {
    if (line > 0)
        fprintf(stderr, "%s:%d:%d: %s\n", file, line, col, msg);
    else
        fprintf(stderr, "%s: %s\n", file, msg);
    const char *text;
    size_t len;
    if (!diag_show_caret || line <= 0 || !source_line(file, line, &text, &len)) return;
    if (len > 0 && text[len - 1] == '\r') len--;
    fprintf(stderr, "\t%.*s\n\t", (int)len, text);
    /* Reproduce tabs so the caret lines up under the column. */
    for (int i = 0; i < col - 1 && (size_t)i < len; i++) fputc(text[i] == '\t' ? '\t' : ' ', stderr);
    fputs("^\n", stderr);
}

bool stack_exhausted(void) {
    static __thread uintptr_t limit; /* the lowest safe address; 1 when unknown */
    if (unlikely(!limit)) {
        limit = 1;
        pthread_attr_t attr;
        void *base;
        size_t size;
        if (pthread_getattr_np(pthread_self(), &attr) == 0) {
            if (pthread_attr_getstack(&attr, &base, &size) == 0) {
                size_t margin = size / 8 > (256 << 10) ? size / 8 : (256 << 10);
                if (size > margin) limit = (uintptr_t)base + margin;
            }
            pthread_attr_destroy(&attr);
        }
    }
    /* the frame address, not a local's: AddressSanitizer may move locals
     * off the stack */
    return (uintptr_t)__builtin_frame_address(0) < limit;
}

_Noreturn void goi_panic_internal(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("goi: internal error: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    abort();
}

char *read_whole_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    StrBuf b;
    sb_init(&b);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) sb_putn(&b, buf, n);
    fclose(f);
    *len = b.len;
    return b.data;
}
