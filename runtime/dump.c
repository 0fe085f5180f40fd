/* dump.c - goroutine dumps: tracebacks of every goroutine, the deadlock
 * report, and SIGQUIT.
 *
 * Formats are Go's (1.19): "goroutine 1 [chan receive]:", then the stack as
 * vm_print_stack prints it (ending with "created by main.main" +
 * "\tfile:line +0x0"), a blank line between goroutines.
 *
 * The deadlock report adds, after each blocked goroutine, "why:" lines
 * (indented, so the Go-format lines around them stay intact) for students:
 * which channel or primitive it waits on, where the channel was made, its
 * state, and whether any other goroutine could still complete the
 * operation. Every goroutine is asleep at that point, so the report can
 * look at their stacks safely; "holds a reference" is found by a bounded,
 * conservative scan of each goroutine's registers and the objects they
 * point to (two levels: closure -> captured variable -> channel).
 *
 * SIGQUIT: the handler only writes a byte to a pipe; a dedicated thread
 * reads it and prints the dump outside signal context, then exits 2.
 */
#include "rt_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

const char *wait_reason_string(WaitReason r) {
    static const char *const names[] = {
#define GOI_WAIT_NAME(e, s) s,
        GOI_WAIT_REASONS(GOI_WAIT_NAME)
#undef GOI_WAIT_NAME
    };
    return (unsigned)r < countof(names) ? names[r] : "unknown";
}

static const char *status_string(G *g, int status) {
    switch (status) {
    case G_IDLE: return "idle";
    case G_RUNNABLE: return "runnable";
    case G_RUNNING: return "running";
    case G_SYSCALL: return "syscall";
    case G_WAITING: {
        const char *s = wait_reason_string(g->wait_reason);
        return *s ? s : "waiting";
    }
    default: return "dead";
    }
}

void rt_print_created_by(G *g, FILE *out) {
    if (g->id == 1 || !g->created_by) return;
    fprintf(out, "created by %s\n", g->created_by);
    if (g->created_file) fprintf(out, "\t%s:%d +0x0\n", g->created_file, g->created_line);
}

void rt_dump_goroutine(FILE *out, G *g) {
    int status = atomic_load(&g->status);
    fprintf(out, "goroutine %lld [%s]:\n", (long long)g->id, status_string(g, status));
    if (status == G_RUNNING && g != rt_current_g()) {
        fputs("\tgoroutine running on other thread; stack unavailable\n", out);
        rt_print_created_by(g, out);
    } else {
        vm_print_stack(g, out); /* includes the "created by" lines */
    }
}

typedef struct DumpCtx {
    FILE *out;
    G *skip;
    bool any;
    bool explain;
} DumpCtx;

static void explain(FILE *out, G *g);

static void dump_each(G *g, void *arg) {
    DumpCtx *d = arg;
    if (g == d->skip) return;
    if (d->any) fputc('\n', d->out);
    rt_dump_goroutine(d->out, g);
    if (d->explain) explain(d->out, g);
    d->any = true;
}

void rt_dump_goroutines(FILE *out, G *first) {
    DumpCtx d = {out, first, false, false};
    if (first) {
        rt_dump_goroutine(out, first);
        d.any = true;
    }
    rt_for_each_g(dump_each, &d);
}

/* ------------------------------------------------------ deadlock report */

_Noreturn void dump_deadlock(void) {
    exit_claim();
    rt_flush_stdout();
    fputs("fatal error: all goroutines are asleep - deadlock!\n\n", stderr);
    DumpCtx d = {stderr, NULL, false, true};
    rt_for_each_g(dump_each, &d);
    fflush(stderr);
    _exit(2);
}

/* Conservative search for ptr in the words of an object, following
 * pointers into the collected heap `depth` more levels. */
static bool object_refers(void *obj, const void *ptr, int depth, long *budget) {
    void *base = GC_base(obj);
    if (!base) return false;
    size_t words = GC_size(base) / sizeof(void *);
    if (words > 64) words = 64; /* big objects (arrays) are not worth it */
    void **w = base;
    for (size_t i = 0; i < words && *budget > 0; i++, (*budget)--) {
        if (w[i] == ptr) return true;
        if (depth > 0 && w[i] && w[i] != base && object_refers(w[i], ptr, depth - 1, budget)) return true;
    }
    return false;
}

static bool slots_refer(const Value *slots, uint32_t n, const void *ptr, long *budget) {
    for (uint32_t i = 0; i < n && *budget > 0; i++, (*budget)--) {
        void *p = slots[i].p;
        if (p == ptr) return true;
        if (p && object_refers(p, ptr, 1, budget)) return true;
    }
    return false;
}

static bool g_refers(G *g, const void *ptr) {
    long budget = 20000;
    if (slots_refer(g->stack, g->stack_size, ptr, &budget)) return true;
    for (uint32_t i = 0; i < g->nframes; i++)
        if (g->frames[i].cl && object_refers(g->frames[i].cl, ptr, 1, &budget)) return true;
    return false;
}

static Value *globals;
static uint32_t nglobals;

void rt_register_globals(Value *g, uint32_t n) {
    globals = g;
    nglobals = n;
}

static const char *chan_desc(Chan *c, char *buf, size_t n) {
    const char *ts = c->type ? type_string(c->type) : "chan";
    int64_t q = atomic_load(&c->qcount);
    if (c->dataqsiz == 0)
        snprintf(buf, n, "%s, unbuffered%s", ts, c->closed ? ", closed" : "");
    else
        snprintf(buf, n, "%s, buffer %lld/%lld%s%s", ts, (long long)q, (long long)c->dataqsiz,
                 q == c->dataqsiz ? " full" : q == 0 ? " empty" : "", c->closed ? ", closed" : "");
    return buf;
}

static void chan_where(FILE *out, Chan *c) {
    if (c->made_file)
        fprintf(out, " made at %s:%d", c->made_file, c->made_line);
}

typedef struct HolderCtx {
    FILE *out;
    G *self;
    Chan *c;
    int holders;
} HolderCtx;

static bool waits_on(G *g, Chan *c, bool *is_send) {
    if (g->wait_reason == WAIT_CHAN_RECV || g->wait_reason == WAIT_CHAN_SEND) {
        *is_send = g->wait_reason == WAIT_CHAN_SEND;
        return g->park.obj == c;
    }
    if (g->wait_reason == WAIT_SELECT)
        for (Sudog *s = g->park.waiting; s; s = s->waitlink)
            if (s->c == c) {
                *is_send = s->is_send;
                return true;
            }
    return false;
}

static void holder_each(G *g, void *arg) {
    HolderCtx *h = arg;
    if (g == h->self) return;
    bool is_send = false;
    if (waits_on(g, h->c, &is_send)) {
        fprintf(h->out, "       goroutine %lld is also blocked on it (%s)\n", (long long)g->id,
                is_send ? "sending" : "receiving");
        h->holders++;
        return;
    }
    if (!g_refers(g, h->c)) return;
    int line = 0;
    const char *file = NULL;
    const char *fn = vm_current_function(g, &line, &file);
    fprintf(h->out, "       goroutine %lld holds it, but is itself blocked [%s]", (long long)g->id,
            status_string(g, atomic_load(&g->status)));
    if (fn) fprintf(h->out, " in %s", fn);
    if (file) fprintf(h->out, " at %s:%d", file, line);
    fputc('\n', h->out);
    h->holders++;
}

static void explain_chan(FILE *out, G *g, Chan *c, bool is_send) {
    char buf[256];
    fprintf(out, "  why: %s channel (%s)", is_send ? "sending on" : "receiving from", chan_desc(c, buf, sizeof buf));
    chan_where(out, c);
    fputc('\n', out);
    HolderCtx h = {out, g, c, 0};
    rt_for_each_g(holder_each, &h);
    if (h.holders > 0) return;
    long budget = 200000;
    if (globals && slots_refer(globals, nglobals, c, &budget))
        fprintf(out, "       it is reachable from a package-level variable, but every goroutine that could %s it"
                " is blocked too\n", is_send ? "receive from" : "send on");
    else
        fprintf(out, "       no other goroutine holds this channel, so nothing can ever %s it\n",
                is_send ? "receive from" : "send on");
}

static void explain(FILE *out, G *g) {
    if (atomic_load(&g->status) != G_WAITING) return;
    switch (g->wait_reason) {
    case WAIT_CHAN_RECV:
    case WAIT_CHAN_SEND:
        if (g->park.obj) explain_chan(out, g, g->park.obj, g->wait_reason == WAIT_CHAN_SEND);
        break;
    case WAIT_CHAN_RECV_NIL:
    case WAIT_CHAN_SEND_NIL:
        fprintf(out, "  why: %s a nil channel blocks forever (was the channel never made with make?)\n",
                g->wait_reason == WAIT_CHAN_SEND_NIL ? "sending on" : "receiving from");
        break;
    case WAIT_SELECT:
        if (!g->park.waiting) {
            fputs("  why: every case of this select is on a nil channel, so it blocks forever\n", out);
            break;
        }
        fputs("  why: no case of this select can proceed:\n", out);
        for (Sudog *s = g->park.waiting; s; s = s->waitlink) {
            if (s->waitlink && s->waitlink->c == s->c && s->waitlink->is_send == s->is_send) continue;
            explain_chan(out, g, s->c, s->is_send);
        }
        break;
    case WAIT_SELECT_NO_CASES:
        fputs("  why: select {} with no cases blocks forever\n", out);
        break;
    case WAIT_MUTEX:
    case WAIT_RWMUTEX_R:
    case WAIT_RWMUTEX_W:
        fputs("  why: waiting for a lock that no other goroutine can release (is an Unlock missing,"
              " or is it locked twice?)\n", out);
        break;
    case WAIT_WAITGROUP: {
        Value *wg = g->park.obj;
        int32_t v = wg ? (int32_t)(atomic_load((_Atomic uint64_t *)&wg[0]) >> 32) : 0;
        fprintf(out, "  why: the WaitGroup counter is %d: Wait returns after %d more Done call%s,"
                " but no goroutine can make %s\n", v, v, v == 1 ? "" : "s", v == 1 ? "it" : "them");
        break;
    }
    case WAIT_COND:
        fputs("  why: waiting on a sync.Cond that no other goroutine can Signal or Broadcast\n", out);
        break;
    default:
        break;
    }
}

/* ----------------------------------------------------------------- SIGQUIT */

static int sigquit_pipe[2] = {-1, -1};

static void on_sigquit(int sig) {
    char b = 1;
    ssize_t r = write(sigquit_pipe[1], &b, 1);
    (void)r;
}

static void *sigquit_thread(void *arg) {
    char b;
    for (;;) {
        ssize_t r = read(sigquit_pipe[0], &b, 1);
        if (r == 1) break;
        if (r < 0 && errno != EINTR) return NULL;
    }
    exit_claim();
    rt_flush_stdout();
    fputs("SIGQUIT: quit\nPC=0x0 m=0 sigcode=0\n\n", stderr);
    rt_dump_goroutines(stderr, NULL);
    fflush(stderr);
    _exit(2);
}

void dump_init(void) {
    if (pipe2(sigquit_pipe, O_CLOEXEC) != 0) return;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t th;
    if (pthread_create(&th, &attr, sigquit_thread, NULL) == 0) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_sigquit;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART;
        sigaction(SIGQUIT, &sa, NULL);
    }
    pthread_attr_destroy(&attr);
}
