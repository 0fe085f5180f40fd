/* rt_internal.h - the runtime's private structures, shared by its files.
 *
 * MEMORY. Everything here that points at collected objects (Gs, channels,
 * closures, sudogs) is itself collected memory reachable from a static root
 * (allp, allm, allgs, the global queues, the timer heap, the semaphore
 * table) or lives in static storage, which Boehm scans. Thread-local
 * variables are not scanned: they only ever hold pointers that are also
 * reachable from a root (tls_m is in allm; an M's curg is in allgs).
 *
 * LOCK ORDER (a lock may be taken while holding the ones before it):
 *   channel locks (address order) / semaphore-root locks / timers.lock
 *     -> sched.lock -> allglock, gflock, sudoglock, the output lock.
 * Wake-ups (rt_ready) happen after the channel / root / timer lock is
 * released, except where a comment says otherwise.
 */
#ifndef GOI_RUNTIME_INTERNAL_H
#define GOI_RUNTIME_INTERNAL_H

#include "runtime.h"
#include "lock.h"

#include <stdatomic.h>

#define RT_MAX_PROCS 256   /* upper bound for GOMAXPROCS */
#define RUNQ_SIZE 256      /* local run queue ring (a power of two) */
#define G_STACK_SLOTS 32   /* initial Value slots of a new goroutine */
#define G_FRAMES 4         /* initial frames of a new goroutine */
#define SUDOG_CACHE 64     /* per-P cache of free sudogs */
#define GFREE_LOCAL_MAX 64 /* per-P dead Gs kept before spilling to the global list */

/* ------------------------------------------------------------------ sudog */

/* A goroutine waiting in a queue: on a channel (one per select case), on a
 * semaphore, or on a sync.Cond notify list. */
struct Sudog {
    G *g;
    Sudog *next, *prev; /* links in the wait queue (next == prev == NULL: not queued) */
    Sudog *waitlink;    /* g->park.waiting list: a select's sudogs, in lock order */
    Chan *c;            /* channel waits */
    Value *elem;        /* channel: the waiter's data slots (source or destination) */
    void *key;          /* semaphore / notify-list address */
    uint32_t ticket;    /* notify list: the waiter's ticket */
    int32_t case_index; /* select: which case this sudog stands for */
    bool is_select;
    bool is_send;
};

typedef struct WaitQ {
    Sudog *first, *last;
} WaitQ;

/* ---------------------------------------------------------------- channel */

struct Chan {
    RtLock lock;
    uint32_t elemsize;        /* slots per element (0 for struct{}) */
    _Atomic int64_t qcount;   /* elements in the buffer (written under lock) */
    int64_t dataqsiz;         /* capacity */
    int64_t sendx, recvx;     /* ring indexes */
    Value *buf;               /* dataqsiz * elemsize slots */
    _Atomic bool closed;      /* written under lock */
    WaitQ recvq, sendq;
    Type *type;               /* the channel type */
    const char *made_file;
    int made_line;
    uint32_t magic;           /* CHAN_MAGIC: lets the deadlock report recognise a
                                 channel among the objects a goroutine reaches */
};
#define CHAN_MAGIC 0x6368616eu /* "chan" */

/* ------------------------------------------------------------------ timer */

struct Timer {
    int64_t when;    /* nanotime at which it fires */
    int64_t period;  /* > 0: re-armed after firing */
    Chan *c;         /* send the time on c */
    Closure *fn;     /* spawn fn (AfterFunc) */
    G *g;            /* ready g (Sleep) */
    int32_t index;   /* position in the heap, -1 when not scheduled */
};

/* ------------------------------------------------------------------- P, M */

/* P_SYSCALL: its M is in a blocking call (rt_enter_blocking) and still
 * owns it; the M takes it back with a CAS to P_RUNNING, or sysmon retakes
 * it with a CAS to P_IDLE and hands it off. */
enum { P_IDLE, P_RUNNING, P_SYSCALL, P_DEAD };

struct P {
    int32_t id;
    _Atomic int status;       /* P_IDLE (in sched.pidle), P_RUNNING (owned by an M), P_SYSCALL, P_DEAD */
    _Atomic uint32_t syscalltick; /* incremented by every blocking call (sysmon tells calls apart) */
    P *link;                  /* sched.pidle list */
    M *m;                     /* owner when running */
    uint32_t schedtick;       /* incremented on every schedule */
    uint32_t inherit;         /* consecutive runnext picks (time-slice inheritance) */

    /* Local run queue: lock-free ring; only the owner puts, anyone may take. */
    _Atomic uint32_t runqhead;
    _Atomic uint32_t runqtail;
    _Atomic(G *) runq[RUNQ_SIZE];
    _Atomic(G *) runnext;     /* runs next, before the queue (handoff locality) */

    /* Caches owned by the P (no locking). */
    G *gfree;
    int32_t ngfree;
    Sudog *sudogcache[SUDOG_CACHE];
    int32_t nsudog;
};

struct M {
    int32_t id;
    P *p;              /* attached processor, NULL when idle or in a blocking call */
    P *nextp;          /* processor handed over by startm / a locked-G handoff */
    P *oldp;           /* processor left in P_SYSCALL by a blocking call, to take back */
    G *curg;           /* goroutine being run */
    Note park;         /* idle Ms and locked Ms sleep here */
    bool spinning;     /* looking for work, counted in sched.nmspinning */
    M *schedlink;      /* sched.midle list */
    M *alllink;        /* allm list */
    int64_t sleep_until; /* timer sleeper: the deadline it sleeps to */
};

typedef struct Sched {
    RtLock lock;

    M *midle;                   /* idle Ms */
    int32_t nmidle;             /* idle Ms */
    int32_t nmidlelocked;       /* Ms blocked with their goroutine (rt_park_thread, exit_blocking) */
    int32_t mcount;             /* Ms created */
    M *timer_sleeper;           /* the idle M sleeping until the earliest timer */

    P *pidle;                   /* idle Ps */
    _Atomic int32_t npidle;
    _Atomic int32_t nmspinning;
    _Atomic int32_t gomaxprocs;

    /* Global run queue, linked through g->schedlink. */
    G *runqhead, *runqtail;
    _Atomic int32_t runqsize;

    _Atomic uint64_t nmwakeups; /* Ms woken or created to run Go code (for tests) */
} Sched;

extern Sched sched;
extern P *allp[RT_MAX_PROCS];
extern int rt_ncpu;
extern _Thread_local M *tls_m;
extern _Atomic int64_t rt_ngoroutines;
extern _Atomic int rt_exiting; /* rt_exit/rt_fatal has begun: no more deadlock checks */

/* ------------------------------------------------------------ sched.c */

/* rt_spawn with the creator given by name (e.g. "time.goFunc"). */
G *sched_spawn(Closure *fn, const Value *args, uint32_t nargs, const char *created_by, int64_t created_goid,
               const char *file, int line);
/* Queue g (runnable) on the global queue and wake a thread if one is idle. */
void sched_globrunqput_wake(G *g);
/* Called with sched.lock held when a thread goes idle: reports a deadlock
 * and exits if no goroutine can ever run again. */
void sched_checkdead(void);
/* Timers changed: if the idle timer sleeper sleeps past `when`, wake it. */
void sched_wake_timer_sleeper(int64_t when);
/* Give p, which no M holds now, to an M if there is anything to do, else
 * put it on the idle list. */
void sched_handoffp(P *p);
/* The main goroutine, for reports. */
extern G *rt_main_g;

/* ------------------------------------------------------------ runq.c */

void runqput(P *p, G *g, bool next);
G *runqget(P *p);
bool runq_empty(P *p);
/* Stealable work (the ring, not runnext). */
bool runq_has_stealable(P *p);
G *runqsteal(P *p, P *victim, bool steal_runnext);
/* Global queue; sched.lock held. */
void globrunqput(G *g);
void globrunqputbatch(G *head, G *tail, int32_t n);
G *globrunqget(P *p, int32_t max);
/* Move everything in p's local queue to the global queue (sched.lock held). */
void runq_drain_to_global(P *p);

/* ------------------------------------------------------------ gs.c */

G *g_get(P *p);            /* a fresh or recycled G, status G_IDLE */
void g_put(P *p, G *g);    /* recycle a dead G */
void g_set_status(G *g, int status);
void allg_add(G *g);
int64_t g_next_id(void);
Sudog *sudog_get(void);
void sudog_put(Sudog *s);
/* Release every sudog on g->park.waiting and reset g's park state. */
void park_reset(G *g);
/* Flush a retiring P's caches to the global ones. */
void p_flush_caches(P *p);

/* ------------------------------------------------------------ timer.c */

extern _Atomic int64_t rt_timers_next; /* earliest deadline, INT64_MAX when none */
extern _Atomic int32_t rt_ntimers;     /* scheduled timers */
/* Run the timers that are due at now; returns how many fired. */
int timers_run(int64_t now);
static inline bool timers_due(int64_t now) {
    return atomic_load_explicit(&rt_timers_next, memory_order_relaxed) <= now;
}

/* ------------------------------------------------------------ chan.c */

void waitq_enqueue(WaitQ *q, Sudog *s);
Sudog *waitq_dequeue(WaitQ *q);
void waitq_remove(WaitQ *q, Sudog *s);
/* Complete a waiter woken by a channel operation: set its park result and
 * return its G for the caller to ready (after releasing the lock). */
G *chan_wake(Sudog *s, bool ok, bool closed);
/* The transfers, for select (c locked). */
G *chan_send_to(Chan *c, Sudog *s, const Value *src);
G *chan_recv_from(Chan *c, Sudog *s, Value *dst);
void chan_buf_put(Chan *c, const Value *src);
void chan_buf_take(Chan *c, Value *dst);

/* ------------------------------------------------------------ sysmon.c */

enum { SYSMON_NONE, SYSMON_RUNNING, SYSMON_PARKED };
extern _Atomic int rt_sysmon_state;
/* A P entered a blocking call and rt_sysmon_state was not SYSMON_RUNNING:
 * start the monitor, or wake it. */
void sysmon_wake(void);
extern _Atomic uint64_t rt_sysmon_retakes; /* Ps taken back from blocking calls (for tests) */

/* ------------------------------------------------------------ output.c */

void output_init(void);
bool output_pending(void);

/* ------------------------------------------------------------ dump.c */

void dump_init(void);
/* Print the deadlock report and exit 2 (sched.lock held, every M idle). */
_Noreturn void dump_deadlock(void);
/* Claim the process exit (first caller wins, others block forever). */
void exit_claim(void);

/* ------------------------------------------------------------ repl.c */

/* The REPL's hooks (no-ops outside REPL mode): goexit hands a statement's
 * results to the REPL thread; sched_checkdead reports a stuck statement
 * instead of ending the process (sched.lock held); exit_claim lets the REPL
 * restore the terminal before the process ends. */
void repl_goexit(G *g);
void repl_deadlock(void);
void repl_before_exit(void);

/* ------------------------------------------------------------ sys.c */

void sys_init(void);
/* Uniform in [0, n) (Lemire's multiply-shift; bias below 2^-32 * n). */
static inline uint32_t rt_fastrandn(uint32_t n) { return (uint32_t)(((uint64_t)rt_fastrand() * n) >> 32); }

#endif
