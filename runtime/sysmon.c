/* sysmon.c - the system monitor: takes processors back from blocking calls.
 * After the syscall half of Go's sysmon (runtime/proc.go: sysmon, retake).
 *
 * WHY. A native call that may block (a C function, a read from a pipe or a
 * terminal) must not stop the other goroutines. Handing the P to another
 * thread on every call costs a thread wake-up (tens of microseconds) even
 * when the call returns in nanoseconds, as C.cos does. So, as Go does, a
 * blocking call only marks its P as P_SYSCALL (rt_enter_blocking), and
 * returning from it takes the same P back with one CAS (rt_exit_blocking).
 * This thread looks at the Ps every 20 us or so; a P that has been in the
 * same call since its previous look (syscalltick unchanged) is retaken
 * with a CAS P_SYSCALL -> P_IDLE and handed to another thread (handoffp).
 * Whichever CAS wins decides: the returning thread either has its P back
 * or goes the slow way (an idle P, or queue its goroutine and wait).
 *
 * COST. The monitor starts with the first blocking call, so a program
 * that never makes one has no monitor at all. It sleeps 20 us between
 * looks while it retakes, doubles the sleep after 50 idle looks up to
 * 10 ms, and parks on its note when no P is in a call at 10 ms; the next
 * blocking call wakes it (one atomic load on that path when it runs). A
 * program that only waits on timers therefore uses no CPU for it.
 *
 * As in Go, a P whose queue is empty while other Ps are idle or spinning
 * is left alone for up to 10 ms: retaking it would give nobody work.
 */
#include "rt_internal.h"

#include <time.h>

#define SYSMON_MIN_US 20
#define SYSMON_MAX_US 10000
#define SYSMON_IDLE_LOOPS 50           /* idle looks before the sleep starts doubling */
#define SYSMON_KEEP_IDLE_NS 10000000LL /* an idle P stays in its call this long */

_Atomic int rt_sysmon_state = SYSMON_NONE;
static RtLock sysmon_start_lock;
static Note sysmon_note;

/* What the monitor saw of each P at its previous look (only it uses this). */
static struct {
    uint32_t syscalltick;
    int64_t syscallwhen; /* when it first saw this syscalltick */
} pdata[RT_MAX_PROCS];

_Atomic uint64_t rt_sysmon_retakes;

static int32_t nallp; /* Ps ever made: GOMAXPROCS's high-water mark (allp[i] are never freed) */

/* Take back every P that has been in the same blocking call since the
 * previous look; returns how many, and in *insyscall whether any P is in
 * a call at all. */
static int retake(int64_t now, bool *insyscall) {
    int n = 0;
    *insyscall = false;
    int32_t np = atomic_load(&sched.gomaxprocs);
    if (np > nallp) nallp = np;
    for (int32_t i = 0; i < nallp; i++) {
        P *p = allp[i];
        if (!p || atomic_load(&p->status) != P_SYSCALL) continue;
        *insyscall = true;
        if (i >= np) {
            /* GOMAXPROCS shrank during the call: retire the P now (handoffp
             * does), so the goroutines in its queue are not stranded. */
            int s = P_SYSCALL;
            if (atomic_compare_exchange_strong(&p->status, &s, P_IDLE)) sched_handoffp(p);
            continue;
        }
        uint32_t t = atomic_load_explicit(&p->syscalltick, memory_order_relaxed);
        if (pdata[i].syscalltick != t) { /* a new call since the last look */
            pdata[i].syscalltick = t;
            pdata[i].syscallwhen = now;
            continue;
        }
        if (runq_empty(p) && atomic_load(&sched.nmspinning) + atomic_load(&sched.npidle) > 0 &&
            pdata[i].syscallwhen + SYSMON_KEEP_IDLE_NS > now)
            continue;
        int s = P_SYSCALL;
        if (atomic_compare_exchange_strong(&p->status, &s, P_IDLE)) {
            n++;
            atomic_fetch_add_explicit(&rt_sysmon_retakes, 1, memory_order_relaxed);
            sched_handoffp(p);
        }
    }
    return n;
}

static bool any_p_in_syscall(void) {
    for (int32_t i = 0; i < nallp; i++)
        if (allp[i] && atomic_load(&allp[i]->status) == P_SYSCALL) return true;
    return false;
}

static void *sysmon(void *arg) {
    (void)arg;
    int64_t delay = SYSMON_MIN_US;
    int idle = 0;
    for (;;) {
        struct timespec ts = {.tv_sec = delay / 1000000, .tv_nsec = (delay % 1000000) * 1000};
        nanosleep(&ts, NULL);
        bool insyscall;
        if (retake(rt_nanotime(), &insyscall) > 0) {
            idle = 0;
            delay = SYSMON_MIN_US;
        } else if (++idle > SYSMON_IDLE_LOOPS) {
            delay *= 2;
            if (delay > SYSMON_MAX_US) delay = SYSMON_MAX_US;
        }
        if (insyscall || delay < SYSMON_MAX_US) continue;
        /* Nothing to watch for a while: park until the next blocking call.
         * Publish PARKED before looking again, so a call that began before
         * the publication is seen here, and one that begins after it sees
         * PARKED and wakes us. */
        note_clear(&sysmon_note);
        atomic_store(&rt_sysmon_state, SYSMON_PARKED);
        int parked = SYSMON_PARKED;
        if (any_p_in_syscall() && atomic_compare_exchange_strong(&rt_sysmon_state, &parked, SYSMON_RUNNING))
            continue;
        note_sleep(&sysmon_note); /* set by sysmon_wake, which also set RUNNING */
        idle = 0;
        delay = SYSMON_MIN_US;
    }
    return NULL;
}

void sysmon_wake(void) {
    int s = atomic_load(&rt_sysmon_state);
    if (s == SYSMON_PARKED) {
        if (atomic_compare_exchange_strong(&rt_sysmon_state, &s, SYSMON_RUNNING)) note_wakeup(&sysmon_note);
        return;
    }
    if (s != SYSMON_NONE) return;
    rt_lock(&sysmon_start_lock);
    if (atomic_load(&rt_sysmon_state) == SYSMON_NONE) {
        atomic_store(&rt_sysmon_state, SYSMON_RUNNING); /* before it can park */
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        pthread_t th;
        /* A collector-registered thread (gc.h's pthread_create): handoffp
         * may create an M, which allocates. */
        if (pthread_create(&th, &attr, sysmon, NULL) != 0)
            rt_fatal("cannot start the system monitor thread", false);
        pthread_attr_destroy(&attr);
    }
    rt_unlock(&sysmon_start_lock);
}
