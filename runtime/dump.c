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
#include <gc/gc_mark.h> /* GC_get_kind_and_size */
#include <stdlib.h>
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
static void reach_compute(void);

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

/* A report of a million goroutines is millions of lines: buffer stderr
 * (the process ends right after, with a flush). */
static void buffer_stderr(void) {
    static char buf[1 << 16];
    setvbuf(stderr, buf, _IOFBF, sizeof buf);
}

_Noreturn void dump_deadlock(void) {
    exit_claim();
    rt_flush_stdout();
    buffer_stderr();
    fputs("fatal error: all goroutines are asleep - deadlock!\n\n", stderr);
    reach_compute();
    DumpCtx d = {stderr, NULL, false, true};
    rt_for_each_g(dump_each, &d);
    fflush(stderr);
    _exit(2);
}

/* ---------------------------------------- who can still reach a channel
 *
 * "Could any other goroutine still complete this operation?" is answered
 * by reachability, computed once per report: for every live goroutine, a
 * breadth-first walk of the collected heap from its registers, its frames'
 * closures and its deferred calls, noting which of the channels waited on
 * it reaches; one more walk from the package-level variables. The walk is
 * conservative (any word that points into a heap object is followed), so
 * a stale register can make a goroutine look like a holder, but a real
 * holder is never missed unless the word budget runs out, in which case
 * the report says so instead of claiming nobody holds the channel.
 *
 * Some objects are never walked into: the goroutines themselves (a G's
 * fields are not Go values), the package variables' storage during a
 * goroutine's walk (compiled code refers to every global through its
 * constants, so every goroutine would "reach" every global channel), the
 * code (walked once from every frame's function, then fenced off), and
 * the wait queues of a channel (only its buffer holds Go values). A
 * channel is recognised by its CHAN_MAGIC word.
 */

#define WALK_BUDGET_PER_G (4L << 20)   /* words examined per walk */
#define WALK_BUDGET_TOTAL (24L << 20)  /* words examined per report */
#define WALK_BUDGET_CODE (16L << 20)   /* words of code examined (once) */

typedef struct PtrSet {
    void **slot; /* open addressing, NULL = empty */
    size_t cap, len;
} PtrSet;

static size_t pset_hash(const void *p, size_t cap) {
    uint64_t x = (uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15ull;
    return (size_t)(x >> 20) & (cap - 1);
}

static bool pset_has(const PtrSet *s, const void *p) {
    if (!s->cap) return false;
    for (size_t i = pset_hash(p, s->cap);; i = (i + 1) & (s->cap - 1)) {
        if (s->slot[i] == p) return true;
        if (!s->slot[i]) return false;
    }
}

/* Add p; false if it was there already. */
static bool pset_add(PtrSet *s, void *p) {
    if (2 * (s->len + 1) > s->cap) {
        PtrSet n = {calloc(s->cap ? 2 * s->cap : 64, sizeof(void *)), s->cap ? 2 * s->cap : 64, 0};
        if (!n.slot) return false;
        for (size_t i = 0; i < s->cap; i++)
            if (s->slot[i]) pset_add(&n, s->slot[i]);
        free(s->slot);
        *s = n;
    }
    for (size_t i = pset_hash(p, s->cap);; i = (i + 1) & (s->cap - 1)) {
        if (s->slot[i] == p) return false;
        if (!s->slot[i]) {
            s->slot[i] = p;
            s->len++;
            return true;
        }
    }
}

/* Empty s for the next walk. A big table that the last walk hardly used is
 * dropped instead of cleared: with a million small walks after one big
 * one, clearing the big table each time would dominate. */
static void pset_clear(PtrSet *s) {
    if (s->cap > 1024 && s->len < s->cap / 8) {
        free(s->slot);
        *s = (PtrSet){0};
        return;
    }
    if (s->len) memset(s->slot, 0, s->cap * sizeof(void *));
    s->len = 0;
}

/* What the report says about one waited-on channel, computed once: the
 * goroutines blocked on it (from its wait queues) and those that reach it
 * without being blocked on it. */
#define SHOWN 5 /* goroutine ids kept per list (one may be the reader itself) */
typedef struct ChanInfo {
    Chan *c;
    int64_t nblocked[2];          /* receiving, sending */
    int64_t blocked_ids[2][SHOWN];
    int64_t nholders;
    G *holders[SHOWN];
} ChanInfo;

typedef struct Reach {
    ChanInfo *chans; /* open addressing by channel, c == NULL: empty */
    size_t chancap, nchans;
    PtrSet fences;   /* objects never walked into (Gs, globals' storage, the code) */
    PtrSet visited;
    PtrSet reached;  /* waited-on channels the current walk reached */
    void **work;     /* walk queue */
    size_t nwork, capwork;
    long budget;     /* words left for the whole report */
    int64_t ngs;     /* live goroutines */
    bool incomplete; /* some goroutine's walk ran out of budget */
    PtrSet global_reached;
    bool globals_complete;
} Reach;

static Reach reach;
static Value *globals;
static uint32_t nglobals;

void rt_register_globals(Value *g, uint32_t n) {
    globals = g;
    nglobals = n;
}

static ChanInfo *chan_info(Chan *c, bool add) {
    if (add && 2 * (reach.nchans + 1) > reach.chancap) {
        size_t cap = reach.chancap ? 2 * reach.chancap : 64;
        ChanInfo *n = calloc(cap, sizeof(ChanInfo));
        if (!n) return NULL;
        for (size_t i = 0; i < reach.chancap; i++) {
            ChanInfo *o = &reach.chans[i];
            if (!o->c) continue;
            size_t k = pset_hash(o->c, cap);
            while (n[k].c) k = (k + 1) & (cap - 1);
            n[k] = *o;
        }
        free(reach.chans);
        reach.chans = n;
        reach.chancap = cap;
    }
    if (!reach.chancap) return NULL;
    for (size_t k = pset_hash(c, reach.chancap);; k = (k + 1) & (reach.chancap - 1)) {
        ChanInfo *ci = &reach.chans[k];
        if (ci->c == c) return ci;
        if (!ci->c) {
            if (!add) return NULL;
            ci->c = c;
            reach.nchans++;
            return ci;
        }
    }
}

static void walk_push(void *p) {
    if (!p) return;
    if (reach.nwork == reach.capwork) {
        size_t cap = reach.capwork ? 2 * reach.capwork : 1024;
        void **w = realloc(reach.work, cap * sizeof(void *));
        if (!w) return;
        reach.work = w;
        reach.capwork = cap;
    }
    reach.work[reach.nwork++] = p;
}

static bool is_chan(void *base, size_t size) {
    return size >= sizeof(Chan) && ((Chan *)base)->magic == CHAN_MAGIC;
}

/* Walk from the queued roots; record in out the waited-on channels
 * reached. Returns false if the budget ran out first. fence: add every
 * object visited (but channels) to the fences afterwards. */
static bool walk(PtrSet *out, long budget, bool fence) {
    bool complete = true;
    /* Breadth-first: take from the front. */
    for (size_t head = 0; head < reach.nwork; head++) {
        void *base = GC_base(reach.work[head]);
        if (!base || pset_has(&reach.fences, base) || !pset_add(&reach.visited, base)) continue;
        size_t size = 0;
        int kind = GC_get_kind_and_size(base, &size);
        if (is_chan(base, size)) {
            Chan *c = base;
            if (chan_info(c, false)) pset_add(out, c);
            walk_push(c->buf); /* its buffered values, not its wait queues */
            continue;
        }
        if (kind == 0) continue; /* GC_I_PTRFREE: string bytes, numeric arrays */
        size_t words = size / sizeof(void *);
        if ((long)words > budget) {
            complete = false;
            break;
        }
        budget -= (long)words;
        if (!fence) reach.budget -= (long)words;
        void **w = base;
        for (size_t i = 0; i < words; i++)
            if (w[i] && w[i] != base) walk_push(w[i]);
    }
    reach.nwork = 0;
    if (fence)
        for (size_t i = 0; i < reach.visited.cap; i++) {
            void *o = reach.visited.slot[i];
            if (o && !is_chan(o, GC_size(o))) pset_add(&reach.fences, o);
        }
    pset_clear(&reach.visited);
    return complete;
}

static long per_g_budget(void) { return WALK_BUDGET_PER_G < reach.budget ? WALK_BUDGET_PER_G : reach.budget; }

static void g_roots(G *g) {
    uint32_t used = 0;
    for (uint32_t i = 0; i < g->nframes; i++) {
        Frame *f = &g->frames[i];
        if (f->fn && f->base + f->fn->frame_size > used) used = f->base + f->fn->frame_size;
        walk_push(f->cl);
    }
    if (used > g->stack_size) used = g->stack_size;
    for (uint32_t i = 0; i < used; i++) walk_push(g->stack[i].p);
    walk_push(g->defers); /* defer close(ch) holds ch */
    walk_push(g->start_fn);
}

static bool waits_on(G *g, Chan *c, bool *is_send) {
    if (atomic_load(&g->status) != G_WAITING) return false;
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

/* Note the goroutines blocked on c, from its wait queues (a select's
 * sudogs are there once per case). */
static void note_blocked(ChanInfo *ci) {
    for (int k = 0; k < 2; k++) {
        G *last = NULL;
        for (Sudog *s = (k ? ci->c->sendq : ci->c->recvq).first; s; s = s->next) {
            if (s->g == last) continue; /* several cases of one select */
            last = s->g;
            if (ci->nblocked[k] < SHOWN) ci->blocked_ids[k][ci->nblocked[k]] = s->g->id;
            ci->nblocked[k]++;
        }
    }
}

static void collect_targets(G *g, void *arg) {
    (void)arg;
    reach.ngs++;
    pset_add(&reach.fences, g);
    if (atomic_load(&g->status) != G_WAITING) return;
    ChanInfo *ci;
    if ((g->wait_reason == WAIT_CHAN_RECV || g->wait_reason == WAIT_CHAN_SEND) && g->park.obj &&
        (ci = chan_info(g->park.obj, true)) && ci->nblocked[0] + ci->nblocked[1] == 0)
        note_blocked(ci);
    if (g->wait_reason == WAIT_SELECT)
        for (Sudog *s = g->park.waiting; s; s = s->waitlink)
            if (s->c && (ci = chan_info(s->c, true)) && ci->nblocked[0] + ci->nblocked[1] == 0) note_blocked(ci);
}

static void push_code_roots(G *g, void *arg) {
    (void)arg;
    for (uint32_t k = 0; k < g->nframes; k++) walk_push(g->frames[k].fn);
    if (g->start_fn) walk_push(g->start_fn->fn);
}

/* One goroutine's walk: it holds the waited-on channels it reaches and is
 * not blocked on. */
static void walk_goroutine(G *g, void *arg) {
    (void)arg;
    g_roots(g);
    if (!walk(&reach.reached, per_g_budget(), false)) reach.incomplete = true;
    for (size_t i = 0; i < reach.reached.cap; i++) {
        Chan *c = reach.reached.slot[i];
        bool is_send;
        if (!c || waits_on(g, c, &is_send)) continue;
        ChanInfo *ci = chan_info(c, false);
        if (ci->nholders < SHOWN) ci->holders[ci->nholders] = g;
        ci->nholders++;
    }
    pset_clear(&reach.reached);
}

/* Compute, for the deadlock report, who is blocked on and who reaches each
 * waited-on channel, and which of them the package variables reach. */
static void reach_compute(void) {
    memset(&reach, 0, sizeof reach);
    reach.budget = WALK_BUDGET_TOTAL;
    rt_for_each_g(collect_targets, NULL); /* also fences the Gs */
    if (!reach.nchans) return;
    /* The globals first. */
    if (globals) {
        for (uint32_t i = 0; i < nglobals; i++) walk_push(globals[i].p);
        reach.globals_complete = walk(&reach.global_reached, per_g_budget(), false);
        for (uint32_t i = 0; i < nglobals; i++)
            if (GC_base(globals[i].p)) pset_add(&reach.fences, GC_base(globals[i].p));
    } else {
        reach.globals_complete = true;
    }
    /* Then the code every goroutine runs: functions, their constants,
     * types, method tables (and the compiler's data behind lazily compiled
     * functions). It holds no channels, only the globals (fenced off now),
     * yet it is most of what each goroutine reaches: walk it once and
     * fence it off too, so the goroutines' walks cover only their data. */
    rt_for_each_g(push_code_roots, NULL);
    PtrSet none = {0};
    walk(&none, WALK_BUDGET_CODE, true);
    free(none.slot);
    rt_for_each_g(walk_goroutine, NULL);
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

/* "goroutine 7 is" / "goroutines 7, 9, 12, 15 and 996 more are", leaving
 * out self. */
static void print_gids(FILE *out, const int64_t *ids, int64_t n, int64_t self) {
    int64_t shown[SHOWN];
    int k = 0;
    for (int i = 0; i < SHOWN && i < n; i++)
        if (ids[i] != self && k < SHOWN - 1) shown[k++] = ids[i];
    int64_t total = self >= 0 ? n - 1 : n; /* self is among the n, kept or not */
    fprintf(out, "goroutine%s ", total > 1 ? "s" : "");
    for (int i = 0; i < k; i++)
        fprintf(out, "%s%lld", i == 0 ? "" : i == k - 1 && total == k ? " and " : ", ", (long long)shown[i]);
    if (total > k) fprintf(out, " and %lld more", (long long)(total - k));
    fputs(total > 1 ? " are" : " is", out);
}

static void explain_chan(FILE *out, G *g, Chan *c, bool is_send) {
    char buf[256];
    fprintf(out, "  why: %s channel (%s)", is_send ? "sending on" : "receiving from", chan_desc(c, buf, sizeof buf));
    chan_where(out, c);
    fputc('\n', out);
    ChanInfo *ci = chan_info(c, false);
    if (!ci) return;
    /* Goroutines that may hold it, then those blocked on it (g is one of
     * them, in the direction it waits: count it out). */
    for (int64_t i = 0; i < ci->nholders && i < SHOWN - 1; i++) {
        G *h = ci->holders[i];
        int line = 0;
        const char *file = NULL;
        const char *fn = vm_current_function(h, &line, &file);
        fprintf(out,
                "       goroutine %lld may hold it (a reference is reachable from its registers), but is itself"
                " blocked [%s]",
                (long long)h->id, status_string(h, atomic_load(&h->status)));
        if (fn) fprintf(out, " in %s", fn);
        if (file) fprintf(out, " at %s:%d", file, line);
        fputc('\n', out);
    }
    if (ci->nholders > SHOWN - 1)
        fprintf(out, "       and %lld more goroutines may hold it, all blocked\n", (long long)(ci->nholders - SHOWN + 1));
    bool others_blocked = false;
    for (int k = 0; k < 2; k++) {
        int64_t n = ci->nblocked[k];
        bool self_here = k == (int)is_send;
        if (n - (self_here ? 1 : 0) <= 0) continue;
        others_blocked = true;
        fputs("       ", out);
        print_gids(out, ci->blocked_ids[k], n, self_here ? g->id : -1);
        fprintf(out, " also blocked on it (%s)\n", k ? "sending" : "receiving");
    }
    if (ci->nholders > 0) return;
    /* Nobody else reaches it (those blocked on it cannot help: they wait
     * in the same direction, or they would have met). */
    const char *op = is_send ? "receive from" : "send on";
    const char *lead = others_blocked ? "and no other goroutine" : "no other goroutine";
    if (pset_has(&reach.global_reached, c)) {
        if (reach.ngs <= 1)
            fprintf(out, "       it is reachable from a package-level variable, but no other goroutine is left"
                         " to %s it\n", op);
        else
            fprintf(out, "       it is reachable from a package-level variable, but every other goroutine is"
                         " blocked too\n");
    } else if (reach.incomplete || !reach.globals_complete) {
        fprintf(out, "       %s was found holding this channel (the search was cut short)\n", lead);
    } else {
        fprintf(out, "       %s holds this channel, so nothing can ever %s it\n", lead, op);
    }
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
        fputs("  why: waiting to lock a sync.Mutex that no other goroutine can unlock (is an Unlock missing,"
              " or is it locked twice?)\n", out);
        break;
    case WAIT_RWMUTEX_R:
    case WAIT_RWMUTEX_W:
        fprintf(out, "  why: waiting to %s a sync.RWMutex that no other goroutine can unlock (is an Unlock or"
                     " RUnlock missing?)\n", g->wait_reason == WAIT_RWMUTEX_R ? "read-lock" : "lock");
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
    buffer_stderr();
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
