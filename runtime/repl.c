/* repl.c - the runtime side of the interactive REPL (cmd/goi/repl.c).
 *
 * A program has a main goroutine and ends when it returns. The REPL has no
 * main goroutine: the process's main thread (m0) reads and compiles input
 * and never runs Go code, while the scheduler's threads run goroutines in
 * the background, also while the REPL waits for the next line. Each
 * statement runs as a fresh goroutine and the REPL thread waits for it to
 * end in one of these ways:
 *
 *   finished     the scheduler's goexit calls repl_goexit, which copies the
 *                results out of the goroutine's registers before the G is
 *                recycled;
 *   panicked     the VM prints Go's report and asks rt_repl_goroutine_panicked
 *                whether to end the process; in the REPL only the goroutine
 *                ends (background goroutines too);
 *   deadlocked   every goroutine is asleep while a statement waits:
 *                sched_checkdead calls repl_deadlock instead of ending the
 *                process; the goroutines are listed and the statement's
 *                goroutine stays blocked - leaked, as Go would leave it (a
 *                later statement may still wake it);
 *   interrupted  Ctrl-C (rt_repl_interrupt, async-signal-safe) marks the
 *                goroutine; the dispatch loop asks rt_repl_should_stop at
 *                its preemption points and unwinds it like runtime.Goexit,
 *                running its deferred calls. A goroutine that is blocked is
 *                left behind, still marked, and unwinds once it runs again.
 *
 * SYNCHRONISATION. `stmt` (the running statement) and the list of marked
 * goroutines are protected by repl_lock. Lock order: sched.lock ->
 * repl_lock (repl_deadlock runs under sched.lock), so nothing here calls
 * into the scheduler while holding repl_lock. The REPL thread sleeps on a
 * POSIX semaphore rather than a condition variable because sem_post is
 * async-signal-safe: the SIGINT handler can wake it directly. Every post
 * only means "look again"; the state under repl_lock is the truth.
 */
#include "rt_internal.h"

#include <errno.h>
#include <semaphore.h>
#include <stdlib.h>
#include <time.h>

/* How long a running statement gets to unwind after Ctrl-C before the
 * REPL gives up on it (it may be inside a long native call). */
#define INTERRUPT_GRACE_NS (2 * 1000000000LL)
#define MAX_MARKED 256

static _Atomic bool repl_on;
static RtLock repl_lock;
static sem_t repl_wake;
static _Atomic int interrupt_requested;
static void (*exit_hook)(void);

/* The statement being waited for. Its closure identifies its G: the G may
 * finish before rt_spawn even returns to the REPL thread. */
static struct {
    Closure *fn;          /* NULL: no statement is waited for */
    G *g;                 /* set once rt_spawn returned */
    ReplRun *run;
    bool done;
    bool waiting;         /* the REPL thread sleeps until the statement ends */
} stmt;

/* stmt.fn, readable without the lock: most goroutines that end are not the
 * statement, and need not take the lock to find out. */
static _Atomic(Closure *) stmt_fn_fast;

/* Goroutines interrupted by Ctrl-C that have not unwound yet (static
 * storage: the collector scans it). */
static G *marked[MAX_MARKED];
static int nmarked;
static _Atomic int nmarked_fast; /* nmarked, readable without the lock */

bool rt_repl_mode(void) { return atomic_load_explicit(&repl_on, memory_order_relaxed); }

void rt_repl_start(void) {
    rt_init();
    if (sem_init(&repl_wake, 0, 0) != 0) goi_panic_internal("rt_repl_start: sem_init failed");
    atomic_store(&repl_on, true);
}

/* ------------------------------------------------------------- marking */

static bool is_marked_locked(G *g) {
    for (int i = 0; i < nmarked; i++)
        if (marked[i] == g) return true;
    return false;
}

/* repl_lock held. */
static void mark_locked(G *g) {
    if (!is_marked_locked(g) && nmarked < MAX_MARKED) {
        marked[nmarked++] = g;
        atomic_store(&nmarked_fast, nmarked);
    }
}

/* repl_lock held. */
static void unmark_locked(G *g) {
    for (int i = 0; i < nmarked; i++) {
        if (marked[i] != g) continue;
        marked[i] = marked[--nmarked];
        marked[nmarked] = NULL;
        atomic_store(&nmarked_fast, nmarked);
        return;
    }
}

bool rt_repl_should_stop(G *g) {
    /* Called by every goroutine at its preemption points: one relaxed load
     * when nothing was interrupted. */
    if (likely(atomic_load_explicit(&nmarked_fast, memory_order_relaxed) == 0)) return false;
    rt_lock(&repl_lock);
    bool m = is_marked_locked(g);
    rt_unlock(&repl_lock);
    return m;
}

/* ------------------------------------------- how a statement's G ends */

/* repl_lock held: the statement ends with outcome; wake the REPL thread. */
static void finish_locked(ReplOutcome outcome) {
    stmt.run->outcome = outcome;
    stmt.done = true;
    stmt.fn = NULL;
    atomic_store(&stmt_fn_fast, NULL);
    stmt.g = NULL;
    sem_post(&repl_wake);
}

static bool is_stmt_locked(G *g) { return stmt.fn && !stmt.done && g->start_fn == stmt.fn; }

void repl_goexit(G *g) {
    if (!rt_repl_mode()) return;
    if (atomic_load(&nmarked_fast) == 0 && g->start_fn != atomic_load(&stmt_fn_fast)) return;
    rt_lock(&repl_lock);
    bool was_marked = is_marked_locked(g);
    if (was_marked) unmark_locked(g);
    if (is_stmt_locked(g)) {
        ReplRun *r = stmt.run;
        if (was_marked) {
            finish_locked(RT_REPL_INTERRUPTED);
        } else if (g->panic) {
            /* the first frame returned through a pending Goexit */
            finish_locked(RT_REPL_GOEXIT);
        } else {
            /* The first frame's results are at the bottom of its stack. */
            if (r->nres) memcpy(r->results, g->stack, r->nres * sizeof(Value));
            finish_locked(RT_REPL_FINISHED);
        }
    }
    rt_unlock(&repl_lock);
}

bool rt_repl_goroutine_panicked(G *g) {
    if (!rt_repl_mode()) return false;
    rt_lock(&repl_lock);
    if (is_stmt_locked(g)) finish_locked(RT_REPL_PANICKED);
    rt_unlock(&repl_lock);
    return true;
}

typedef struct StuckCtx {
    FILE *out;
    bool any;
} StuckCtx;

static void print_stuck(G *g, void *arg) {
    StuckCtx *c = arg;
    if (c->any) fputc('\n', c->out);
    rt_dump_goroutine(c->out, g);
    c->any = true;
}

/* sched.lock held, every M idle. The REPL thread is not an M: only while
 * it sleeps in rt_repl_run can nothing run until the statement ends. (It
 * may just be queueing the statement's goroutine, which the M that went
 * idle cannot see yet; then it checks again itself before sleeping.) */
void repl_deadlock(void) {
    rt_lock(&repl_lock);
    if (stmt.fn && !stmt.done && stmt.waiting) {
        /* Print here, while the goroutines are guaranteed to stand still. */
        rt_flush_stdout();
        fprintf(stderr, "deadlock: all goroutines are asleep, so this statement can never go on:\n\n");
        StuckCtx c = {stderr, false};
        rt_for_each_g(print_stuck, &c);
        fflush(stderr);
        finish_locked(RT_REPL_DEADLOCKED);
    }
    rt_unlock(&repl_lock);
}

/* ------------------------------------------------------ the REPL thread */

static void sleep_until(int64_t deadline);

void rt_repl_interrupt(void) {
    /* async-signal-safe: an atomic store and sem_post */
    atomic_store(&interrupt_requested, 1);
    sem_post(&repl_wake);
}

bool rt_repl_take_interrupt(void) { return atomic_exchange(&interrupt_requested, 0) != 0; }

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void set_waiting(bool w) {
    rt_lock(&repl_lock);
    stmt.waiting = w;
    rt_unlock(&repl_lock);
}

/* Sleep until posted or until deadline (CLOCK_REALTIME ns; 0: none). A
 * deadlock that came about before this thread was waiting went unreported
 * (repl_deadlock): look for one now. */
static void wait_wake(int64_t deadline) {
    set_waiting(true);
    rt_lock(&sched.lock);
    sched_checkdead();
    rt_unlock(&sched.lock);
    sleep_until(deadline);
    set_waiting(false);
}

static void sleep_until(int64_t deadline) {
    if (!deadline) {
        while (sem_wait(&repl_wake) != 0 && errno == EINTR) {}
        return;
    }
    struct timespec ts = {(time_t)(deadline / 1000000000LL), (long)(deadline % 1000000000LL)};
    while (sem_timedwait(&repl_wake, &ts) != 0 && errno == EINTR) {}
}

/* Give up waiting for the statement: it runs on (or stays blocked)
 * without anyone waiting for its results. repl_lock held and the statement
 * not done, so g cannot end and be recycled meanwhile (repl_goexit waits
 * for the lock). */
static void abandon_locked(ReplRun *r, G *g) {
    int st = atomic_load(&g->status);
    r->left_status = st == G_WAITING ? wait_reason_string(g->wait_reason)
                     : st == G_SYSCALL ? "in a system call"
                                       : "running";
    finish_locked(RT_REPL_ABANDONED);
}

static void abandon(ReplRun *r, G *g) {
    rt_lock(&repl_lock);
    if (!stmt.done) abandon_locked(r, g);
    rt_unlock(&repl_lock);
}

/* Ctrl-C while the statement runs: mark its goroutine. A blocked goroutine
 * cannot be unwound where it is (it is queued on channels, timers), so it
 * is left behind, marked: it unwinds as soon as it runs again. Returns the
 * deadline until which a running goroutine may unwind itself, or 0 when
 * the wait is over. */
static int64_t interrupt_stmt(ReplRun *r, G *g) {
    int64_t deadline = 0;
    rt_lock(&repl_lock);
    if (!stmt.done) {
        mark_locked(g);
        int st = atomic_load(&g->status);
        if (st == G_WAITING || st == G_SYSCALL)
            abandon_locked(r, g);
        else
            deadline = now_ns() + INTERRUPT_GRACE_NS;
    }
    rt_unlock(&repl_lock);
    return deadline;
}

void rt_repl_run(Closure *fn, const Value *args, uint32_t nargs, ReplRun *r) {
    r->outcome = RT_REPL_FINISHED;
    r->goid = 0;
    r->left_status = NULL;
    rt_repl_take_interrupt(); /* a Ctrl-C typed before the statement started is not for it */
    rt_lock(&repl_lock);
    stmt.fn = fn;
    atomic_store(&stmt_fn_fast, fn);
    stmt.g = NULL;
    stmt.run = r;
    stmt.done = false;
    rt_unlock(&repl_lock);

    G *g = rt_spawn(fn, args, nargs, NULL, NULL, 0);
    r->goid = g->id; /* g may already have ended and been recycled: only its id is kept */

    rt_lock(&repl_lock);
    if (!stmt.done) stmt.g = g;
    rt_unlock(&repl_lock);

    int64_t deadline = 0;
    for (;;) {
        rt_lock(&repl_lock);
        bool done = stmt.done;
        rt_unlock(&repl_lock);
        if (done) break;
        if (rt_repl_take_interrupt()) {
            if (deadline) abandon(r, g); /* a second Ctrl-C: stop waiting */
            else deadline = interrupt_stmt(r, g);
            continue;
        }
        if (deadline && now_ns() >= deadline) {
            abandon(r, g);
            continue;
        }
        wait_wake(deadline);
    }
    /* Drain stale posts so the next wait really sleeps. */
    while (sem_trywait(&repl_wake) == 0) {}
}

/* ---------------------------------------------------------------- exit */

void rt_repl_set_exit_hook(void (*hook)(void)) { exit_hook = hook; }

void repl_before_exit(void) {
    if (exit_hook) exit_hook();
}
