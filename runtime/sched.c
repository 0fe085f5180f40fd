/* sched.c - the M:N scheduler: Ms (threads), Ps (processors), the schedule
 * loop, idle and spinning threads, work stealing, wake-ups, blocking calls,
 * GOMAXPROCS and deadlock detection. After Go's runtime/proc.go.
 *
 * An M runs goroutines only while it holds a P. The loop of every M is
 * schedule(): find a runnable G (find_runnable), run it with vm_execute,
 * then act on how it stopped (DONE, YIELD, PARKED).
 *
 * WAKE-UP POLICY (Go's). A thread is woken (wakep) only when there is work
 * another thread could steal - something in a local ring or the global
 * queue, never a runnext G - and there is an idle P and no M is already
 * spinning. A spinning M that finds work wakes the next one if more work is
 * stealable, so parallelism ramps up one thread at a time, and a channel
 * handoff between two goroutines stays on one thread with no wake-ups.
 *
 * SPINNING. An M without work looks for some (stealing) as a "spinning" M;
 * at most half of the busy Ps' worth of Ms spin at once. When a spinning M
 * gives up it re-checks every queue after dropping the spinning count: a
 * producer may have skipped wakep because it saw it spinning.
 *
 * IDLE Ms AND TIMERS. An idle M sleeps on its note in sched.midle. At most
 * one idle M, the timer sleeper, sleeps with a timeout: until the earliest
 * timer. Every wake-up of an idle M happens under sched.lock, and an idle M
 * decides what woke it under sched.lock, so no wake-up is ever stale:
 *   - m->nextp set: startm (or a locked-G handoff) gave it a P: run;
 *   - note set without nextp: a timer earlier than its deadline was added;
 *   - deadline passed: run the due timers.
 *
 * LOCKED Gs. A goroutine whose OS thread cannot be abandoned (it parked
 * inside a nested vm_call, or came back from a blocking call when no P was
 * free) has blocked_thread set; its M sleeps with it. Whoever dequeues such
 * a G hands its own P to that M (start_locked_m) and goes idle, as Go does
 * for LockOSThread.
 *
 * DEADLOCK. The M that goes idle last (every M idle or asleep with a locked
 * G, every P idle, no G runnable, no timer pending) reports the deadlock.
 * An M in a blocking call is not idle, so it prevents the report.
 */
#include "rt_internal.h"

#include <stdlib.h>
#include <unistd.h>

Sched sched;
P *allp[RT_MAX_PROCS];
_Thread_local M *tls_m;
_Atomic int64_t rt_ngoroutines;
G *rt_main_g;

static M *allm;
static _Atomic int64_t timer_sleep_until = INT64_MIN; /* the sleeper's deadline; INT64_MIN: none */
static Closure *main_fn;   /* main.main, started on G1 when init returns */
static bool main_in_init;  /* G1 is running package initialisation */
static bool main_started;  /* rt_run_main has begun (deadlock checks armed) */
/* main.main called runtime.Goexit: the program goes on without G1 until
 * every other goroutine has ended too (then Go's "no goroutines" fatal). */
static _Atomic bool main_goexited;
static bool initialized;

static void stopm(M *m);
static void wakep(void);

G *rt_current_g(void) {
    M *m = tls_m;
    return m ? m->curg : NULL;
}

/* ------------------------------------------------- P and M lists (locked) */

static int32_t procs(void) { return atomic_load_explicit(&sched.gomaxprocs, memory_order_relaxed); }

static void pidleput(P *p) {
    p->m = NULL;
    atomic_store_explicit(&p->status, P_IDLE, memory_order_relaxed);
    p->link = sched.pidle;
    sched.pidle = p;
    atomic_fetch_add_explicit(&sched.npidle, 1, memory_order_relaxed);
}

static P *pidleget(void) {
    P *p = sched.pidle;
    if (p) {
        sched.pidle = p->link;
        p->link = NULL;
        atomic_store_explicit(&p->status, P_RUNNING, memory_order_relaxed);
        atomic_fetch_sub_explicit(&sched.npidle, 1, memory_order_relaxed);
    }
    return p;
}

static bool pidle_take(P *want) {
    for (P **pp = &sched.pidle; *pp; pp = &(*pp)->link) {
        if (*pp == want) {
            *pp = want->link;
            want->link = NULL;
            atomic_store_explicit(&want->status, P_RUNNING, memory_order_relaxed);
            atomic_fetch_sub_explicit(&sched.npidle, 1, memory_order_relaxed);
            return true;
        }
    }
    return false;
}

/* A P beyond GOMAXPROCS stops: its runnable Gs go to the global queue. */
static void p_retire(P *p) {
    runq_drain_to_global(p);
    p_flush_caches(p);
    p->m = NULL;
    atomic_store_explicit(&p->status, P_DEAD, memory_order_relaxed);
}

/* Give p back: idle, or retired if GOMAXPROCS shrank below it. */
static void p_release_locked(P *p) {
    if (p->id >= sched.gomaxprocs)
        p_retire(p);
    else
        pidleput(p);
}

static void mput(M *m) {
    m->schedlink = sched.midle;
    sched.midle = m;
    sched.nmidle++;
}

static void mremove(M *m) {
    for (M **pp = &sched.midle; *pp; pp = &(*pp)->schedlink) {
        if (*pp == m) {
            *pp = m->schedlink;
            m->schedlink = NULL;
            sched.nmidle--;
            return;
        }
    }
}

static void timer_role_end(M *m) {
    if (sched.timer_sleeper == m) {
        sched.timer_sleeper = NULL;
        atomic_store(&timer_sleep_until, INT64_MIN);
    }
}

static M *mget(void) {
    M *m = sched.midle;
    if (m) {
        sched.midle = m->schedlink;
        m->schedlink = NULL;
        sched.nmidle--;
        timer_role_end(m);
    }
    return m;
}

static void acquirep(M *m, P *p) {
    m->p = p;
    p->m = m;
    atomic_store_explicit(&p->status, P_RUNNING, memory_order_relaxed);
}

static P *releasep(M *m) {
    P *p = m->p;
    m->p = NULL;
    p->m = NULL;
    return p;
}

static P *p_new(int32_t id) {
    P *p = NEW(P);
    p->id = id;
    p->status = P_DEAD;
    return p;
}

/* --------------------------------------------------------------- threads */

static _Noreturn void schedule(M *m);

static void *mstart(void *arg) {
    M *m = arg;
    tls_m = m;
    acquirep(m, m->nextp);
    m->nextp = NULL;
    schedule(m);
}

static void newm(P *p, bool spinning) {
    M *m = NEW(M);
    m->nextp = p;
    m->spinning = spinning;
    rt_lock(&sched.lock);
    m->id = sched.mcount++;
    m->alllink = allm;
    allm = m;
    rt_unlock(&sched.lock);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t th;
    /* pthread_create is GC_pthread_create (common.h defines GC_THREADS), so
     * the collector knows the thread and scans its stack. */
    if (pthread_create(&th, &attr, mstart, m) != 0) rt_fatal("newm: cannot create an OS thread", false);
    pthread_attr_destroy(&attr);
}

/* Run some M on p (an idle P if p is NULL): wake an idle M or create one.
 * spinning: the caller incremented sched.nmspinning on the M's behalf. */
static void startm(P *p, bool spinning) {
    rt_lock(&sched.lock);
    if (!p) {
        p = pidleget();
        if (!p) {
            rt_unlock(&sched.lock);
            if (spinning) atomic_fetch_sub(&sched.nmspinning, 1);
            return;
        }
    }
    M *m = mget();
    atomic_fetch_add_explicit(&sched.nmwakeups, 1, memory_order_relaxed);
    if (!m) {
        rt_unlock(&sched.lock);
        newm(p, spinning);
        return;
    }
    m->spinning = spinning;
    m->nextp = p;
    note_wakeup(&m->park);
    rt_unlock(&sched.lock);
}

/* Start a spinning M if there is an idle P and nobody is spinning. */
static void wakep(void) {
    if (atomic_load_explicit(&sched.npidle, memory_order_relaxed) == 0) return;
    int32_t zero = 0;
    if (atomic_load_explicit(&sched.nmspinning, memory_order_relaxed) != 0 ||
        !atomic_compare_exchange_strong(&sched.nmspinning, &zero, 1))
        return;
    startm(NULL, true);
}

static void wakep_if_stealable(P *p) {
    if (runq_has_stealable(p) || atomic_load_explicit(&sched.runqsize, memory_order_relaxed) > 0) wakep();
}

/* p was released by an M that will not run Go code for a while (blocking
 * call, locked park): give it to another M if there is anything to do. */
static void handoffp(P *p) {
    if (!runq_empty(p) || atomic_load(&sched.runqsize) > 0) {
        startm(p, false);
        return;
    }
    /* Nobody spinning or idle-with-P: start a spinner to look elsewhere. */
    int32_t zero = 0;
    if (atomic_load(&sched.nmspinning) + atomic_load(&sched.npidle) == 0 &&
        atomic_compare_exchange_strong(&sched.nmspinning, &zero, 1)) {
        startm(p, true);
        return;
    }
    rt_lock(&sched.lock);
    if (sched.runqsize > 0) {
        rt_unlock(&sched.lock);
        startm(p, false);
        return;
    }
    /* Timers need a thread to watch them. */
    if (atomic_load(&rt_ntimers) > 0 && !sched.timer_sleeper && p->id < sched.gomaxprocs) {
        rt_unlock(&sched.lock);
        startm(p, false);
        return;
    }
    p_release_locked(p);
    rt_unlock(&sched.lock);
}

/* Park m until it is given a P. An M going idle is where output is flushed,
 * where the timer sleeper role is taken, and where deadlocks are found. */
static void stopm(M *m) {
    for (;;) {
        if (output_pending()) rt_flush_stdout();
        rt_lock(&sched.lock);
        note_clear(&m->park);
        mput(m);
        int64_t until = INT64_MAX;
        if (!sched.timer_sleeper && atomic_load(&rt_ntimers) > 0) {
            /* Publish "a sleeper exists" before reading the deadline, so a
             * concurrent timer add either is seen here or sees us (and
             * wakes us through sched_wake_timer_sleeper). */
            atomic_store(&timer_sleep_until, INT64_MAX);
            until = atomic_load(&rt_timers_next);
            if (until == INT64_MAX) {
                atomic_store(&timer_sleep_until, INT64_MIN);
            } else {
                sched.timer_sleeper = m;
                m->sleep_until = until;
                atomic_store(&timer_sleep_until, until);
            }
        }
        sched_checkdead();
        rt_unlock(&sched.lock);

        for (;;) {
            if (until == INT64_MAX)
                note_sleep(&m->park);
            else
                note_timed_sleep(&m->park, until - rt_nanotime());
            rt_lock(&sched.lock);
            if (m->nextp) { /* claimed: already off the idle list */
                rt_unlock(&sched.lock);
                acquirep(m, m->nextp);
                m->nextp = NULL;
                return;
            }
            if (sched.timer_sleeper == m && note_is_set(&m->park) && rt_nanotime() < m->sleep_until) {
                /* An earlier timer was added: sleep to the new deadline. */
                note_clear(&m->park);
                until = m->sleep_until;
                rt_unlock(&sched.lock);
                continue;
            }
            if (sched.timer_sleeper == m && rt_nanotime() >= until) break;
            rt_unlock(&sched.lock); /* spurious */
        }
        /* Timers are due (sched.lock held, m still on the idle list). */
        mremove(m);
        timer_role_end(m);
        P *p = pidleget();
        rt_unlock(&sched.lock);
        if (p) {
            acquirep(m, p); /* find_runnable runs the timers with a P */
            return;
        }
        /* Every P is busy: fire the timers from here; their Gs go to the
         * global queue, which busy Ms check at their next budget check. */
        timers_run(rt_nanotime());
    }
}

void sched_wake_timer_sleeper(int64_t when) {
    if (when >= atomic_load(&timer_sleep_until)) return;
    rt_lock(&sched.lock);
    M *s = sched.timer_sleeper;
    if (s && when < s->sleep_until) {
        s->sleep_until = when;
        atomic_store(&timer_sleep_until, when);
        note_wakeup(&s->park);
    }
    rt_unlock(&sched.lock);
}

/* ------------------------------------------------------------ find work */

static G *steal_work(P *p, int32_t nprocs) {
    for (int round = 0; round < 4; round++) {
        bool last = round == 3;
        uint32_t start = rt_fastrandn((uint32_t)nprocs);
        for (int32_t i = 0; i < nprocs; i++) {
            P *v = allp[(start + (uint32_t)i) % (uint32_t)nprocs];
            if (v == p || !v || atomic_load_explicit(&v->status, memory_order_relaxed) == P_DEAD) continue;
            G *g = runqsteal(p, v, last);
            if (g) return g;
        }
    }
    return NULL;
}

static void reset_spinning(M *m) {
    m->spinning = false;
    if (atomic_fetch_sub(&sched.nmspinning, 1) == 1 && m->p) wakep_if_stealable(m->p);
}

/* Returns a runnable G; m holds a P on return (possibly another one). */
static G *find_runnable(M *m) {
top:;
    P *p = m->p;
    if (unlikely(p->id >= procs())) {
        rt_lock(&sched.lock);
        if (p->id >= sched.gomaxprocs) {
            releasep(m);
            p_retire(p);
            rt_unlock(&sched.lock);
            if (m->spinning) {
                m->spinning = false;
                atomic_fetch_sub(&sched.nmspinning, 1);
            }
            stopm(m);
            goto top;
        }
        rt_unlock(&sched.lock);
    }
    if (atomic_load_explicit(&rt_timers_next, memory_order_relaxed) != INT64_MAX) {
        int64_t now = rt_nanotime();
        if (timers_due(now)) timers_run(now);
    }
    G *g;
    /* Every 61st schedule look at the global queue first, so a P whose
     * local queue never empties cannot starve it. */
    if (p->schedtick % 61 == 0 && atomic_load_explicit(&sched.runqsize, memory_order_relaxed) > 0) {
        rt_lock(&sched.lock);
        g = globrunqget(p, 1);
        rt_unlock(&sched.lock);
        if (g) return g;
    }
    if ((g = runqget(p))) return g;
    if (atomic_load_explicit(&sched.runqsize, memory_order_relaxed) > 0) {
        rt_lock(&sched.lock);
        g = globrunqget(p, 0);
        rt_unlock(&sched.lock);
        if (g) return g;
    }
    int32_t n = procs();
    if (n > 1 && (m->spinning || 2 * atomic_load(&sched.nmspinning) < n - atomic_load(&sched.npidle))) {
        if (!m->spinning) {
            m->spinning = true;
            atomic_fetch_add(&sched.nmspinning, 1);
        }
        if ((g = steal_work(p, n))) return g;
    }

    /* Nothing to do: give up the P. */
    rt_lock(&sched.lock);
    if (sched.runqsize > 0) {
        g = globrunqget(p, 0);
        rt_unlock(&sched.lock);
        return g;
    }
    releasep(m);
    p_release_locked(p);
    rt_unlock(&sched.lock);

    if (m->spinning) {
        m->spinning = false;
        atomic_fetch_sub(&sched.nmspinning, 1);
        /* Re-check everything: a producer that saw us spinning did not wake
         * anybody, and we are about to sleep. */
        bool work = atomic_load(&sched.runqsize) > 0;
        for (int32_t i = 0; i < n && !work; i++) {
            P *v = allp[i];
            if (v && atomic_load_explicit(&v->status, memory_order_relaxed) != P_DEAD && runq_has_stealable(v))
                work = true;
        }
        if (work) {
            rt_lock(&sched.lock);
            P *np = pidleget();
            rt_unlock(&sched.lock);
            if (np) {
                acquirep(m, np);
                m->spinning = true;
                atomic_fetch_add(&sched.nmspinning, 1);
                goto top;
            }
        }
    }
    stopm(m);
    goto top;
}

/* ------------------------------------------------------------ run a G */

/* g is locked to another thread: hand it our P and go idle. */
static void start_locked_m(M *m, G *g) {
    P *p = releasep(m);
    M *lm = g->m;
    rt_lock(&sched.lock);
    sched.nmidlelocked--;
    lm->nextp = p;
    note_wakeup(&lm->park);
    rt_unlock(&sched.lock);
    stopm(m);
}

static void goexit(M *m, G *g) {
    if (g == rt_main_g) {
        if (main_in_init) {
            main_in_init = false;
            vm_prepare_goroutine(g, main_fn, NULL, 0);
            g->start_fn = main_fn;
            g_set_status(g, G_RUNNABLE);
            runqput(m->p, g, true);
            return;
        }
        /* The VM reports runtime.Goexit as VM_DONE with the Goexit record
         * still on g->panic; a plain return leaves g->panic NULL. */
        if (!g->panic) rt_exit(0); /* returning from main.main ends the program */
        /* Goexit: G1 dies but is never recycled (rt_main_g must keep naming
         * it), and the program runs on. */
        atomic_store(&main_goexited, true);
        atomic_fetch_sub_explicit(&rt_ngoroutines, 1, memory_order_relaxed);
        g_set_status(g, G_DEAD);
        return;
    }
    repl_goexit(g); /* REPL: a statement's results go to the waiting REPL thread */
    atomic_fetch_sub_explicit(&rt_ngoroutines, 1, memory_order_relaxed);
    g_put(m->p, g);
}

static void execute(M *m, G *g) {
    m->p->schedtick++;
    g->m = m;
    m->curg = g;
    g_set_status(g, G_RUNNING);
    VMStatus st = vm_execute(g);
    /* vm_execute may have changed m's P (blocking calls, locked parks). */
    m->curg = NULL;
    switch (st) {
    case VM_DONE:
        goexit(m, g);
        break;
    case VM_YIELD:
        g->m = NULL;
        g_set_status(g, G_RUNNABLE);
        rt_lock(&sched.lock);
        globrunqput(g);
        rt_unlock(&sched.lock);
        wakep();
        break;
    case VM_PARKED: {
        void (*unlockf)(G *, void *) = g->unlockf;
        void *arg = g->unlock_arg;
        g->unlockf = NULL;
        g->unlock_arg = NULL;
        g->m = NULL;
        g_set_status(g, G_WAITING);
        /* From here on a waker may ready g and another M may run it: g is
         * not touched again. */
        if (unlockf) unlockf(g, arg);
        break;
    }
    }
}

static _Noreturn void schedule(M *m) {
    for (;;) {
        G *g = find_runnable(m);
        if (m->spinning) reset_spinning(m);
        if (unlikely(g->blocked_thread)) {
            start_locked_m(m, g);
            continue;
        }
        execute(m, g);
    }
}

/* ------------------------------------------------------------ public API */

void sched_globrunqput_wake(G *g) {
    rt_lock(&sched.lock);
    globrunqput(g);
    rt_unlock(&sched.lock);
    wakep();
}

void rt_ready(G *g) {
    int st = atomic_load_explicit(&g->status, memory_order_relaxed);
    if (unlikely(st != G_WAITING))
        goi_panic_internal("rt_ready: goroutine %lld is not waiting (status %d)", (long long)g->id, st);
    g_set_status(g, G_RUNNABLE);
    M *m = tls_m;
    P *p = m ? m->p : NULL;
    if (p) {
        runqput(p, g, true);
        wakep_if_stealable(p);
    } else {
        sched_globrunqput_wake(g);
    }
}

bool rt_should_yield(G *g) {
    M *m = tls_m;
    P *p = m ? m->p : NULL;
    if (unlikely(!p)) return false;
    if (unlikely(g->preempt)) {
        g->preempt = false;
        return true;
    }
    if (atomic_load_explicit(&rt_timers_next, memory_order_relaxed) != INT64_MAX) {
        int64_t now = rt_nanotime();
        if (timers_due(now)) timers_run(now);
    }
    if (!runq_empty(p)) return true;
    if (atomic_load_explicit(&sched.runqsize, memory_order_relaxed) > 0) return true;
    if (unlikely(p->id >= procs())) return true; /* this P is being retired */
    return false;
}

G *rt_spawn(Closure *fn, const Value *args, uint32_t nargs, G *parent, const char *file, int line) {
    const char *created_by = NULL;
    if (parent) {
        int l = 0;
        const char *f = NULL;
        created_by = vm_current_function(parent, &l, &f);
    }
    return sched_spawn(fn, args, nargs, created_by, parent ? parent->id : 0, file, line);
}

G *sched_spawn(Closure *fn, const Value *args, uint32_t nargs, const char *created_by, int64_t created_goid,
               const char *file, int line) {
    M *m = tls_m;
    P *p = m ? m->p : NULL;
    G *g = g_get(p);
    g->id = g_next_id();
    vm_prepare_goroutine(g, fn, args, nargs);
    g->start_fn = fn;
    g->created_file = file;
    g->created_line = line;
    g->created_by = created_by;
    g->created_goid = created_goid;
    atomic_fetch_add_explicit(&rt_ngoroutines, 1, memory_order_relaxed);
    g_set_status(g, G_RUNNABLE);
    if (p) {
        runqput(p, g, true); /* like newproc: the new G runs next */
        wakep_if_stealable(p);
    } else {
        sched_globrunqput_wake(g);
    }
    return g;
}

int64_t rt_num_goroutine(void) { return atomic_load_explicit(&rt_ngoroutines, memory_order_relaxed); }

int rt_gomaxprocs(int n) {
    rt_lock(&sched.lock);
    int old = sched.gomaxprocs;
    if (n < 1 || n == old) {
        rt_unlock(&sched.lock);
        return old;
    }
    if (n > RT_MAX_PROCS) n = RT_MAX_PROCS;
    if (n > old) {
        for (int i = old; i < n; i++) {
            if (!allp[i]) allp[i] = p_new(i);
            /* A P still RUNNING was being retired and simply stays. */
            if (atomic_load(&allp[i]->status) == P_DEAD) pidleput(allp[i]);
        }
        atomic_store(&sched.gomaxprocs, n);
    } else {
        atomic_store(&sched.gomaxprocs, n);
        for (P **pp = &sched.pidle; *pp;) {
            P *p = *pp;
            if (p->id >= n) {
                *pp = p->link;
                p->link = NULL;
                atomic_fetch_sub(&sched.npidle, 1);
                p_retire(p);
            } else {
                pp = &p->link;
            }
        }
        /* Ps >= n that are running retire at their next schedule
         * (rt_should_yield asks their goroutines to yield). */
    }
    rt_unlock(&sched.lock);
    if (n > old && initialized) wakep();
    return old;
}

/* ------------------------------------------------------- blocking calls */

/* Go's entersyscall: the P stays with this M, marked P_SYSCALL; sysmon
 * hands it to another M if the call lasts (see sysmon.c). */
void rt_enter_blocking(G *g) {
    M *m = tls_m;
    g_set_status(g, G_SYSCALL);
    P *p = releasep(m);
    m->oldp = p;
    atomic_fetch_add_explicit(&p->syscalltick, 1, memory_order_relaxed);
    /* Sequentially consistent store, then load: pairs with sysmon's
     * "publish PARKED, then look at the Ps" so one of them sees the other. */
    atomic_store(&p->status, P_SYSCALL);
    if (unlikely(atomic_load(&rt_sysmon_state) != SYSMON_RUNNING)) sysmon_wake();
}

void sched_handoffp(P *p) { handoffp(p); }

/* Sleep until a scheduler hands m a P together with its locked G. */
static void wait_for_handoff(M *m, G *g) {
    note_sleep(&m->park);
    acquirep(m, m->nextp);
    m->nextp = NULL;
    g->blocked_thread = false;
    g_set_status(g, G_RUNNING);
}

/* Go's exitsyscall: take the P back with one CAS unless sysmon retook it;
 * then any idle P; else wait in the run queue for one. */
void rt_exit_blocking(G *g) {
    M *m = tls_m;
    P *oldp = m->oldp;
    m->oldp = NULL;
    int s = P_SYSCALL;
    if (likely(oldp && atomic_compare_exchange_strong(&oldp->status, &s, P_RUNNING))) {
        acquirep(m, oldp);
        g_set_status(g, G_RUNNING);
        return;
    }
    rt_lock(&sched.lock);
    P *p = NULL;
    if (oldp && atomic_load(&oldp->status) == P_IDLE && pidle_take(oldp))
        p = oldp;
    else
        p = pidleget();
    if (p) {
        rt_unlock(&sched.lock);
        acquirep(m, p);
        g_set_status(g, G_RUNNING);
        return;
    }
    /* No free P: queue g, locked to this thread, and sleep until some M
     * dequeues it and hands us its P. */
    g->blocked_thread = true;
    g->m = m;
    note_clear(&m->park);
    sched.nmidlelocked++;
    g_set_status(g, G_RUNNABLE);
    globrunqput(g);
    rt_unlock(&sched.lock);
    wait_for_handoff(m, g);
}

void rt_park_thread(G *g) {
    M *m = tls_m;
    g->blocked_thread = true;
    g->m = m;
    note_clear(&m->park);
    void (*unlockf)(G *, void *) = g->unlockf;
    void *arg = g->unlock_arg;
    g->unlockf = NULL;
    g->unlock_arg = NULL;
    /* Count this M as idle before g can be readied: the handoff that
     * follows a wake-up un-counts it under sched.lock. */
    rt_lock(&sched.lock);
    sched.nmidlelocked++;
    rt_unlock(&sched.lock);
    g_set_status(g, G_WAITING);
    if (unlockf) unlockf(g, arg);
    handoffp(releasep(m));
    rt_lock(&sched.lock);
    sched_checkdead();
    rt_unlock(&sched.lock);
    wait_for_handoff(m, g);
}

/* ------------------------------------------------------------ deadlock */

void sched_checkdead(void) {
    bool repl = rt_repl_mode();
    if ((!main_started && !repl) || atomic_load(&rt_exiting)) return;
    int32_t run = sched.mcount - sched.nmidle - sched.nmidlelocked;
    if (repl) run--; /* m0 is the REPL's thread: it reads input and never runs goroutines */
    if (run > 0) return; /* some M runs Go code or is in a blocking call */
    if (atomic_load(&rt_ntimers) > 0) return; /* a timer will wake somebody */
    if (sched.runqsize > 0) return;
    int32_t n = sched.gomaxprocs;
    if (atomic_load(&sched.npidle) < n) return; /* a P is still held */
    for (int32_t i = 0; i < n; i++)
        if (allp[i] && !runq_empty(allp[i])) return;
    if (repl) {
        repl_deadlock(); /* the REPL reports it and goes on */
        return;
    }
    if (atomic_load(&main_goexited) && rt_num_goroutine() == 0)
        rt_fatal("no goroutines (main called runtime.Goexit) - deadlock!", false);
    dump_deadlock();
}

/* ------------------------------------------------------------ start-up */

void rt_init(void) {
    if (initialized) return;
    if (!GC_is_init_called()) GC_INIT();
    sys_init();
    int n = rt_ncpu;
    const char *env = getenv("GOMAXPROCS");
    if (env && *env) {
        char *end;
        long v = strtol(env, &end, 10);
        if (*end == 0 && v > 0) n = v > RT_MAX_PROCS ? RT_MAX_PROCS : (int)v;
    }
    rt_lock(&sched.lock);
    atomic_store(&sched.gomaxprocs, n);
    for (int i = n - 1; i >= 0; i--) {
        allp[i] = p_new(i);
        pidleput(allp[i]);
    }
    M *m0 = NEW(M);
    m0->id = sched.mcount++;
    allm = m0;
    rt_unlock(&sched.lock);
    tls_m = m0;
    output_init();
    dump_init();
    initialized = true;
}

_Noreturn void rt_run_main(Closure *init, Closure *mainfn) {
    rt_init();
    M *m = tls_m;
    G *g = g_get(NULL);
    g->id = g_next_id();
    main_fn = mainfn;
    main_in_init = init != NULL;
    vm_prepare_goroutine(g, init ? init : mainfn, NULL, 0);
    g->start_fn = init ? init : mainfn;
    rt_main_g = g;
    atomic_store(&rt_ngoroutines, 1);
    rt_lock(&sched.lock);
    P *p = pidleget();
    main_started = true;
    rt_unlock(&sched.lock);
    acquirep(m, p);
    g_set_status(g, G_RUNNABLE);
    runqput(p, g, true);
    schedule(m);
}
