/* traceback.c - stacks, panic reports and the built-in print, Go style. */
#include "vm_internal.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

/* The line a frame is at. A frame's saved pc is the next instruction, except
 * for the top frame of a parked goroutine, which is parked ON its
 * instruction. */
static int frame_line(const Frame *f, bool at_pc) {
    uint32_t pcix = f->pc ? (uint32_t)(f->pc - f->fn->code) : 0;
    if (!at_pc && pcix > 0) pcix--;
    return func_line_at(f->fn, pcix);
}

static void print_frames(FILE *out, const Frame *frames, uint32_t n, uint32_t depth, bool top_at_pc) {
    for (uint32_t k = 0; k < n; k++) {
        const Frame *f = &frames[n - 1 - k];
        if (f->fn->name && strncmp(f->fn->name, "runtime.", 8) == 0 && f->fn->native) continue;
        fprintf(out, "%s(...)\n\t%s:%d +0x0\n", f->fn->name, f->fn->file, frame_line(f, top_at_pc && k == 0));
    }
    if (depth > n) fprintf(out, "...additional frames elided...\n");
}

static void print_created_by(FILE *out, G *g) {
    if (g->id == 1 || !g->created_by) return;
    fprintf(out, "created by %s\n\t%s:%d +0x0\n", g->created_by, g->created_file ? g->created_file : "?",
            g->created_line);
}

void vm_print_stack(G *g, FILE *out) {
    bool parked = atomic_load(&g->status) == G_WAITING || atomic_load(&g->status) == G_RUNNABLE;
    uint32_t n = g->nframes < TRACE_MAX ? g->nframes : TRACE_MAX;
    print_frames(out, g->frames + (g->nframes - n), n, g->nframes, parked);
    print_created_by(out, g);
}

const char *vm_current_function(G *g, int *line, const char **file) {
    if (!g->nframes) {
        if (line) *line = 0;
        if (file) *file = NULL;
        return NULL;
    }
    Frame *f = &g->frames[g->nframes - 1];
    bool parked = atomic_load(&g->status) == G_WAITING;
    if (line) *line = frame_line(f, parked);
    if (file) *file = f->fn->file;
    return f->fn->name;
}

/* ------------------------------------------------------------- print */

/* Go's runtime printfloat: +d.dddddde+ddd */
static void print_float(StrBuf *b, double v) {
    if (v != v) {
        sb_puts(b, "NaN");
        return;
    }
    if (v + v == v && v > 0) {
        sb_puts(b, "+Inf");
        return;
    }
    if (v + v == v && v < 0) {
        sb_puts(b, "-Inf");
        return;
    }
    enum { N = 7 };
    char buf[N + 7];
    buf[0] = '+';
    int e = 0;
    if (v == 0) {
        if (1 / v < 0) buf[0] = '-';
    } else {
        if (v < 0) {
            v = -v;
            buf[0] = '-';
        }
        while (v >= 10) {
            e++;
            v /= 10;
        }
        while (v < 1) {
            e--;
            v *= 10;
        }
        double h = 5.0;
        for (int i = 0; i < N; i++) h /= 10;
        v += h;
        if (v >= 10) {
            e++;
            v /= 10;
        }
    }
    for (int i = 0; i < N; i++) {
        int s = (int)v;
        buf[i + 2] = (char)(s + '0');
        v -= s;
        v *= 10;
    }
    buf[1] = buf[2];
    buf[2] = '.';
    buf[N + 2] = 'e';
    buf[N + 3] = '+';
    if (e < 0) {
        e = -e;
        buf[N + 3] = '-';
    }
    buf[N + 4] = (char)(e / 100 + '0');
    buf[N + 5] = (char)((e / 10) % 10 + '0');
    buf[N + 6] = (char)(e % 10 + '0');
    sb_putn(b, buf, sizeof buf);
}

void vm_print_value(StrBuf *b, Type *t, const Value *v) {
    Type *u = t->under;
    switch (u->kind) {
    case KIND_BOOL: sb_puts(b, v[0].i ? "true" : "false"); break;
    case KIND_INT: case KIND_INT8: case KIND_INT16: case KIND_INT32: case KIND_INT64:
        sb_printf(b, "%lld", (long long)v[0].i);
        break;
    case KIND_UINT: case KIND_UINT8: case KIND_UINT16: case KIND_UINT32: case KIND_UINT64: case KIND_UINTPTR:
        sb_printf(b, "%llu", (unsigned long long)v[0].u);
        break;
    case KIND_FLOAT32: case KIND_FLOAT64: print_float(b, v[0].f); break;
    case KIND_COMPLEX64: case KIND_COMPLEX128:
        sb_putc(b, '(');
        print_float(b, v[0].f);
        print_float(b, v[1].f);
        sb_puts(b, "i)");
        break;
    case KIND_STRING: sb_putn(b, (const char *)v[0].p, (size_t)v[1].i); break;
    /* pointers in hex as Go's printpointer does: nil is 0x0 (glibc's %p says "(nil)") */
    case KIND_SLICE: sb_printf(b, "[%lld/%lld]0x%jx", (long long)v[1].i, (long long)v[2].i, (uintmax_t)v[0].u); break;
    case KIND_INTERFACE: sb_printf(b, "(0x%jx,0x%jx)", (uintmax_t)v[0].u, (uintmax_t)v[1].u); break;
    default: sb_printf(b, "0x%jx", (uintmax_t)v[0].u); break;
    }
}

/* ------------------------------------------------------------- panics */

static bool has_method(Type *t, const char *name, Type *result) {
    for (int i = 0; i < t->nmethods; i++) {
        const Method *m = &t->methods[i];
        if (strcmp(m->name, name) == 0)
            return m->sig->nparams == 0 && m->sig->nresults == 1 && m->sig->results[0] == result;
    }
    return false;
}

char *vm_format_panic_value(G *g, Value *iface) {
    Type *t = iface[0].p;
    if (!t) return "nil";
    StrBuf b;
    sb_init(&b);
    const char *mname = has_method(t, "Error", t_string) ? "Error" : has_method(t, "String", t_string) ? "String" : NULL;
    if (mname) {
        Value res[2];
        Panic *saved = g->panic;
        int r = vm_call_method(g, iface, mname, NULL, 0, res, 2);
        g->panic = saved;
        if (r == NATIVE_OK) {
            sb_putn(&b, (const char *)res[0].p, (size_t)res[1].i);
            return b.data;
        }
    }
    Value *data = iface_data(iface);
    Type *u = t->under;
    bool basic = u->kind >= KIND_BOOL && u->kind <= KIND_STRING;
    if (basic) {
        if (t->name && t->pkg) {
            /* a named basic type prints as T(value) */
            sb_printf(&b, "%s(", type_string(t));
            if (u->kind == KIND_STRING) sb_putc(&b, '"');
            vm_print_value(&b, t, data);
            if (u->kind == KIND_STRING) sb_putc(&b, '"');
            sb_putc(&b, ')');
        } else {
            vm_print_value(&b, t, data);
        }
        return b.data;
    }
    sb_printf(&b, "(%s) %p", type_string(t), t->size <= 1 ? iface[1].p : (void *)data);
    return b.data;
}

static void print_panics(G *g, StrBuf *b, Panic *p) {
    if (p->link) {
        print_panics(g, b, p->link);
        if (!p->link->goexit) sb_putc(b, '\t');
    }
    if (p->goexit) return;
    sb_puts(b, "panic: ");
    sb_puts(b, vm_format_panic_value(g, p->val));
    if (p->recovered) sb_puts(b, " [recovered]");
    sb_putc(b, '\n');
}

_Noreturn void vm_fatal_panic(G *g) {
    rt_exit_claim(); /* one report at a time: another ending thread wins */
    Panic *p = g->panic;
    StrBuf b;
    sb_init(&b);
    print_panics(g, &b, p);
    rt_flush_stdout();
    fputs(b.data, stderr);
    /* nil dereferences are signals in Go */
    Type *t = p->val[0].p;
    if (t && t == t_runtime_error) { /* t is NULL after panic(nil) */
        GoString s = str_get(iface_data(p->val));
        if (s.len > 20 && memmem(s.ptr, (size_t)s.len, "nil pointer dereference", 23))
            fputs("[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n", stderr);
    }
    fprintf(stderr, "\ngoroutine %lld [running]:\n", (long long)g->id);
    print_frames(stderr, p->trace, p->ntrace, p->depth, false);
    print_created_by(stderr, g);
    rt_exit(2);
}
