/* output.c - the program's stdout and stderr.
 *
 * stdout goes through one buffer under one lock, so writes from different
 * goroutines never interleave inside a write and cost no system call each.
 * It is flushed: when it would exceed OUT_FLUSH_AT bytes, after every write
 * when stdout is a terminal (interactive output must appear at once), when
 * a thread goes idle (the program waits, so what it printed should be
 * visible), and at exit. stderr is unbuffered; stdout is flushed before
 * each stderr write, so on a shared terminal the two appear in order.
 */
#include "rt_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#define OUT_FLUSH_AT (64 * 1024)

static RtLock outlock;
static char *outbuf;            /* malloc'd: holds no pointers, so not scanned */
static _Atomic size_t outlen;   /* written under outlock, peeked without it */
static int out_tty = -1;        /* -1: not yet known */
/* The REPL's output hook (rt_set_output_hook), read and written under outlock. */
static void (*out_hook)(int fd, const void *p, size_t n);

static void write_all(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return; /* nowhere to report it; like Go, drop the output */
        }
        p += w;
        n -= (size_t)w;
    }
}

static void flush_locked(void) {
    size_t n = atomic_load_explicit(&outlen, memory_order_relaxed);
    if (n) {
        write_all(1, outbuf, n);
        atomic_store_explicit(&outlen, 0, memory_order_relaxed);
    }
}

void output_init(void) {
    rt_lock(&outlock);
    if (!outbuf) {
        outbuf = malloc(OUT_FLUSH_AT);
        if (!outbuf) goi_panic_internal("out of memory for the output buffer");
    }
    if (out_tty < 0) out_tty = isatty(1);
    rt_unlock(&outlock);
}

bool output_pending(void) { return atomic_load_explicit(&outlen, memory_order_relaxed) != 0; }

void rt_write_stdout(const void *p, size_t n) {
    if (unlikely(!outbuf)) output_init();
    rt_lock(&outlock);
    if (unlikely(out_hook)) { /* the REPL prints it above the line being edited */
        out_hook(1, p, n);
        rt_unlock(&outlock);
        return;
    }
    size_t len = atomic_load_explicit(&outlen, memory_order_relaxed);
    if (len + n > OUT_FLUSH_AT) {
        flush_locked();
        len = 0;
    }
    if (n >= OUT_FLUSH_AT) {
        write_all(1, p, n); /* too big to buffer */
    } else {
        memcpy(outbuf + len, p, n);
        atomic_store_explicit(&outlen, len + n, memory_order_relaxed);
        if (out_tty) flush_locked();
    }
    rt_unlock(&outlock);
}

void rt_flush_stdout(void) {
    if (!outbuf) return;
    rt_lock(&outlock);
    flush_locked();
    rt_unlock(&outlock);
}

void rt_write_stderr(const void *p, size_t n) {
    if (unlikely(!outbuf)) output_init();
    rt_lock(&outlock);
    flush_locked();
    if (unlikely(out_hook))
        out_hook(2, p, n);
    else
        write_all(2, p, n);
    rt_unlock(&outlock);
}

void rt_set_output_hook(void (*hook)(int fd, const void *p, size_t n)) {
    if (unlikely(!outbuf)) output_init();
    rt_lock(&outlock);
    flush_locked(); /* what was written before goes first */
    out_hook = hook;
    rt_unlock(&outlock);
}
