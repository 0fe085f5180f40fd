/* runtime.h - goroutines, the M:N scheduler, channels, select, timers,
 * semaphores and process exit.
 *
 * THE MODEL (after Go's runtime/proc.go). A G is a goroutine: a VM frame
 * stack in collected memory. An M is an OS thread. A P is a processor:
 * the right to run Go code, with a local run queue. There are GOMAXPROCS Ps.
 * An M runs Gs while it holds a P: it takes runnext, then its local queue,
 * then the global queue, then steals half of another P's queue. An M with
 * nothing to run parks on a condition variable; an idle M sleeps until the
 * earliest timer when timers are pending.
 *
 * THE CONTRACT WITH vm/. vm_execute(g) runs g and returns DONE, YIELD or
 * PARKED. An operation that cannot complete (receive on an empty channel,
 * locked mutex, Sleep) is an instruction that calls into this runtime; the
 * runtime enqueues g where its waker will find it, records in g->unlockf
 * what must be released once g is fully stopped, and returns RT_PARKED.
 * The VM leaves the instruction pointer ON that instruction and returns
 * VM_PARKED; the scheduler then calls g->unlockf (like gopark's unlockf), so
 * no other thread can ready g before its state is saved.
 *
 * On wake-up the same instruction executes again with the same operands.
 * The runtime recognises the second execution by g->park.state != PARK_NONE
 * and completes the operation from what the waker left (g->park.ok, the
 * value the waker already copied into the destination slots, the select
 * case it chose), then resets g->park.state. This "re-execute to complete"
 * rule keeps the VM free of per-operation resume logic.
 *
 * Results of runtime operations: RT_OK, RT_PARKED, RT_PANIC (a Go panic was
 * raised with vm_panic_runtime; the VM unwinds).
 */
#ifndef GOI_RUNTIME_H
#define GOI_RUNTIME_H

#include <pthread.h>
#include <stdio.h> /* before vm.h, which uses FILE */

#include "../vm/vm.h"

enum { RT_OK = 0, RT_PARKED = 1, RT_PANIC = 2 };

typedef struct P P;
typedef struct M M;
typedef struct Sudog Sudog;
typedef struct Timer Timer;

/* Why a goroutine waits, in Go's words (for tracebacks and deadlock
 * reports). The sync primitives use the names Go 1.20 introduced
 * (sync.Mutex.Lock, sync.WaitGroup.Wait, ...): Go 1.19 said "semacquire"
 * for all of them, which tells a student nothing. */
#define GOI_WAIT_REASONS(X)                                                                        \
    X(WAIT_NONE, "")                                                                               \
    X(WAIT_CHAN_RECV, "chan receive")                                                              \
    X(WAIT_CHAN_SEND, "chan send")                                                                 \
    X(WAIT_CHAN_RECV_NIL, "chan receive (nil chan)")                                               \
    X(WAIT_CHAN_SEND_NIL, "chan send (nil chan)")                                                  \
    X(WAIT_SELECT, "select")                                                                       \
    X(WAIT_SELECT_NO_CASES, "select (no cases)")                                                   \
    X(WAIT_SLEEP, "sleep")                                                                         \
    X(WAIT_MUTEX, "sync.Mutex.Lock")                                                               \
    X(WAIT_RWMUTEX_R, "sync.RWMutex.RLock")                                                        \
    X(WAIT_RWMUTEX_W, "sync.RWMutex.Lock")                                                         \
    X(WAIT_WAITGROUP, "sync.WaitGroup.Wait")                                                       \
    X(WAIT_COND, "sync.Cond.Wait")                                                                 \
    X(WAIT_SEMACQUIRE, "semacquire")                                                               \
    X(WAIT_SYSCALL, "syscall")                                                                     \
    X(WAIT_FOREVER, "forever")

typedef enum {
#define GOI_WAIT_ENUM(e, s) e,
    GOI_WAIT_REASONS(GOI_WAIT_ENUM)
#undef GOI_WAIT_ENUM
} WaitReason;
const char *wait_reason_string(WaitReason r);

typedef enum {
    G_IDLE,     /* allocated, not started */
    G_RUNNABLE, /* in a run queue */
    G_RUNNING,
    G_WAITING,  /* parked */
    G_SYSCALL,  /* in a blocking native call, without a P */
    G_DEAD,
} GStatus;

typedef enum { PARK_NONE = 0, PARK_WAITING, PARK_DONE } ParkState;

/* One call frame of a goroutine. */
typedef struct Frame {
    Func *fn;
    Closure *cl;       /* the closure being run (upvalues), or NULL for direct calls */
    const Instr *pc;   /* saved instruction pointer (the next instruction, or the
                          parked one) */
    uint32_t base;     /* index of R[0] in g->stack */
    uint16_t flags;    /* vm-private FRAME_* bits */
    uint16_t ndefer;   /* deferred calls registered by this frame */
} Frame;

/* A deferred call (vm-private layout; here so the G can hold the list). */
typedef struct Defer Defer;
/* An active panic (vm-private). */
typedef struct Panic Panic;

struct G {
    int64_t id;                 /* 1 is main */
    _Atomic int status;         /* GStatus */

    /* VM state */
    Value *stack;               /* registers of every frame */
    uint32_t stack_size;        /* slots */
    Frame *frames;
    uint32_t nframes, frames_cap;
    Defer *defers;              /* most recent first */
    Panic *panic;               /* innermost active panic */
    uint32_t nested;            /* depth of vm_call from native code */
    Value panic_scratch[2];     /* vm-private */

    /* parking */
    WaitReason wait_reason;
    void (*unlockf)(G *g, void *arg); /* run by the scheduler after VM_PARKED */
    void *unlock_arg;
    struct {
        _Atomic int state;      /* ParkState */
        bool ok;                /* channel receive: a value (true) or closed (false) */
        int selected;           /* select: index of the case that completed */
        bool closed;            /* a parked send was woken by close: panic on resume */
        Sudog *waiting;         /* sudogs this G is queued with (select: one per case) */
        int64_t when;           /* sleep deadline (nanotime) */
        Timer *timer;
        void *obj;              /* what it waits on (channel, mutex address), for reports */
    } park;

    /* scheduling */
    G *schedlink;               /* run queue / free list link */
    M *m;                       /* thread running it, when running */
    bool preempt;               /* asked to yield at the next check */
    bool blocked_thread;        /* parked inside vm_call, or back from a blocking call
                                   without a P: g->m is the thread that must run it,
                                   and whoever dequeues g hands that thread its P */
    pthread_cond_t *thread_cond;/* unused (blocked threads sleep on their M's note) */
    _Atomic uint32_t select_done; /* a blocked select: the first waker CASes 0 -> 1 and wins */

    /* bookkeeping */
    Closure *start_fn;          /* the function the goroutine started with */
    const char *created_file;   /* where the `go` statement was, for tracebacks */
    int created_line;
    const char *created_by;     /* function containing the `go` statement */
    int64_t created_goid;
};

/* The goroutine running on this thread (NULL on a thread outside the scheduler). */
G *rt_current_g(void);

/* --------------------------------------------------------------- lifecycle */

/* Initialise the scheduler: GOMAXPROCS from the environment (default: the
 * number of CPUs). Call once, after types_init. */
void rt_init(void);

/* Run the program: start main as goroutine 1 on the scheduler and return
 * only through rt_exit. init (may be NULL) runs first on goroutine 1. */
_Noreturn void rt_run_main(Closure *init, Closure *main);

/* Create a goroutine running fn(args) and make it runnable (the `go`
 * statement). created_by/file/line describe the go statement. */
G *rt_spawn(Closure *fn, const Value *args, uint32_t nargs, G *parent, const char *file, int line);

/* End the process: flush stdout and exit with code. Safe from any thread;
 * the first caller wins, later callers block forever. */
_Noreturn void rt_exit(int code);

/* Claim the process exit before printing a fatal report (e.g. an
 * unrecovered panic), then call rt_exit: if another thread is already
 * ending the process, this blocks forever, so reports never interleave. */
void rt_exit_claim(void);

/* Fatal runtime error: prints "fatal error: msg", optionally all
 * goroutines, and exits 2. */
_Noreturn void rt_fatal(const char *msg, bool dump_all);

/* Make a parked goroutine runnable (called by its waker). Puts it in the
 * current P's runnext slot when called from a goroutine (so a channel
 * handoff runs the receiver next on this thread), otherwise in the global
 * queue. Wakes an idle thread only when there is stealable work. */
void rt_ready(G *g);

/* Budget check from the dispatch loop: true if g should yield now because
 * other goroutines are waiting for a processor or a timer is due. Cheap. */
bool rt_should_yield(G *g);

/* runtime.Gosched / GOMAXPROCS / NumGoroutine / NumCPU. */
int rt_gomaxprocs(int n); /* n < 1: query only; returns the previous value */
int64_t rt_num_goroutine(void);
int rt_num_cpu(void);

/* Blocking native calls (stdin, files, C functions), as Go's entersyscall /
 * exitsyscall: the P stays with the calling thread, marked as in a call;
 * the monitor thread (sysmon.c) hands it to another thread if the call
 * lasts, and exit takes it back (or another P, or waits for one). No
 * runtime or VM call may happen between the two. */
void rt_enter_blocking(G *g);
void rt_exit_blocking(G *g);

/* Park the current goroutine from inside a nested vm_call (native code on
 * the C stack): runs g->unlockf, releases the P, blocks this OS thread
 * until rt_ready(g), then reacquires a P. */
void rt_park_thread(G *g);

/* The program's package-level variables (optional, for deadlock reports:
 * they tell whether a channel is still reachable from a global). */
void rt_register_globals(Value *globals, uint32_t n);

/* Every goroutine, for deadlock reports and SIGQUIT: calls fn for each live G. */
void rt_for_each_g(void (*fn)(G *g, void *ctx), void *ctx);
/* Print all goroutines Go-style ("goroutine 1 [chan receive]:" + stack),
 * first (may be NULL) first, a blank line between goroutines. */
void rt_dump_goroutines(FILE *out, G *first);
/* Print one goroutine: the header line, then vm_print_stack (which ends
 * with the "created by" lines), or for a goroutine running on another
 * thread Go's "goroutine running on other thread; stack unavailable" and
 * the "created by" lines. */
void rt_dump_goroutine(FILE *out, G *g);
/* Go's "created by main.main\n\t/path/file.go:14 +0x0\n" lines (nothing for
 * goroutine 1). */
void rt_print_created_by(G *g, FILE *out);

/* Monotonic clock in nanoseconds, and wall clock. */
int64_t rt_nanotime(void);
int64_t rt_walltime(void);

/* Fast thread-local random numbers (select order, map iteration seeds). */
uint32_t rt_fastrand(void);
uint64_t rt_fastrand64(void);

/* ---------------------------------------------------------------- channels */

/* Source and destination pointers (chan_send src, chan_recv dst, select
 * case val/ok) must stay valid while the goroutine is parked: point into the
 * goroutine's own stack slots (or heap memory), never at a C temporary of
 * the dispatch loop. A waker copies straight into/out of them. */

/* make(chan T, cap); made_file/line record where, for deadlock reports.
 * Panics ("makechan: size out of range") are reported by returning NULL. */
Chan *chan_make(Type *chantype, int64_t cap, const char *made_file, int made_line);

/* ch <- *src (elem size slots). nil channel: parks forever. Closed: panics
 * "send on closed channel". */
int chan_send(G *g, Chan *c, const Value *src);
/* *dst = <-ch; *ok (may be NULL) gets false when the channel is closed and empty. */
int chan_recv(G *g, Chan *c, Value *dst, bool *ok);
/* close(ch): panics "close of nil channel" / "close of closed channel". */
int chan_close(G *g, Chan *c);
int64_t chan_len(Chan *c);
int64_t chan_cap(Chan *c);
/* Non-blocking send/receive for timers and natives: true if done. */
bool chan_try_send(Chan *c, const Value *src);
bool chan_try_recv(Chan *c, Value *dst, bool *ok);
Type *chan_elem_type(Chan *c);

/* ---------------------------------------------------------------- select */

typedef struct SelectCase {
    Chan *c;        /* NULL: the case never proceeds */
    bool is_send;
    Value *val;     /* send: source slots; receive: destination slots (may be NULL for `<-ch`) */
    bool *ok;       /* receive: comma-ok destination (may be NULL) */
} SelectCase;

/* Run a select over n cases. With has_default and nothing ready, returns
 * RT_OK with *chosen = -1. Otherwise picks uniformly among ready cases, or
 * parks (RT_PARKED) until one completes. n == 0 without default parks
 * forever ("select (no cases)"). A send case on a closed channel panics.
 * On re-execution after wake-up, pass the same cases: the call completes
 * the chosen case, dequeues g from the other channels and sets *chosen. */
int select_go(G *g, SelectCase *cases, int n, bool has_default, int *chosen);

/* ------------------------------------------------------- semaphores, sync */

/* Go's sema.go: a semaphore is a uint32 count at addr (a Go variable).
 * Acquire decrements when > 0, else parks g (reason) until a release hands
 * it over. Release increments and wakes one waiter (handoff: the waiter owns
 * the token without competing). */
int rt_semacquire(G *g, uint32_t *addr, WaitReason reason);
void rt_semrelease(uint32_t *addr);

/* The sync primitives operate on the slots of the Go structs (zero value =
 * ready to use). Layouts, in slots: Mutex 2, RWMutex 4, WaitGroup 2,
 * Cond's notify list 1 (the slot layouts are documented in runtime/sema.c),
 * Once 2 (done, mutex...) - see stdlib/sync.go. Each returns RT_OK,
 * RT_PARKED or RT_PANIC (Go's messages, e.g. "sync: negative WaitGroup
 * counter", fatal "sync: unlock of unlocked mutex"). */
int rt_mutex_lock(G *g, Value *m);
bool rt_mutex_trylock(Value *m);
int rt_mutex_unlock(G *g, Value *m);
int rt_rwmutex_rlock(G *g, Value *rw);
int rt_rwmutex_runlock(G *g, Value *rw);
int rt_rwmutex_lock(G *g, Value *rw);
int rt_rwmutex_unlock(G *g, Value *rw);
bool rt_rwmutex_tryrlock(Value *rw);
bool rt_rwmutex_trylock(Value *rw);
int rt_waitgroup_add(G *g, Value *wg, int64_t delta);
int rt_waitgroup_wait(G *g, Value *wg);
/* sync.Cond: c is the Cond's notify-list slot. Cond.Wait must take a
 * ticket BEFORE unlocking the Locker, or a Signal sent between the Unlock
 * and the wait is lost (Go's runtime_notifyListAdd/Wait):
 *     t := rt_cond_add(c); L.Unlock(); rt_cond_wait_ticket(g, c, t); L.Lock()
 * rt_cond_wait = add + wait in one call, for callers that hold no lock. */
uint32_t rt_cond_add(Value *c);
int rt_cond_wait_ticket(G *g, Value *c, uint32_t ticket);
int rt_cond_wait(G *g, Value *c);
void rt_cond_signal(Value *c);
void rt_cond_broadcast(Value *c);

/* ---------------------------------------------------------------- timers */

/* Park g for d nanoseconds (time.Sleep); d <= 0 yields. */
int rt_sleep(G *g, int64_t d);

/* A runtime timer. When it fires: if c != NULL, a non-blocking send of the
 * current time (a time.Time value of c's element type, built by the
 * callback) on c; if fn != NULL, a new goroutine runs fn (AfterFunc).
 * period > 0 repeats (Ticker). */
Timer *rt_timer_new(int64_t when, int64_t period, Chan *c, Closure *fn);
bool rt_timer_stop(Timer *t);                  /* true if it was pending */
bool rt_timer_reset(Timer *t, int64_t when, int64_t period); /* true if it was pending */
/* Hook that builds the value sent on a timer channel (set by stdlib/time). */
extern void (*rt_timer_value)(Value *dst, int64_t now_wall, int64_t now_mono);

/* ---------------------------------------------------------------- output */

/* Buffered, thread-safe stdout/stderr writers. stdout is flushed when a
 * thread goes idle, on exit, when it grows large, and after every write
 * when it is a terminal. stderr is unbuffered. */
void rt_write_stdout(const void *p, size_t n);
void rt_write_stderr(const void *p, size_t n);
void rt_flush_stdout(void);

/* ------------------------------------------------------------------ REPL */

/* The interactive REPL (cmd/goi/repl.c; runtime/repl.c explains the
 * design). The REPL reads and compiles input on the process's main thread,
 * which never runs goroutines; each statement runs as a new goroutine while
 * the REPL thread waits, and goroutines keep running in the background
 * while the REPL reads the next line. */

typedef enum {
    RT_REPL_FINISHED,    /* returned: its results were copied out */
    RT_REPL_GOEXIT,      /* it called runtime.Goexit: no results */
    RT_REPL_PANICKED,    /* an unrecovered panic, already reported */
    RT_REPL_DEADLOCKED,  /* it blocked with every goroutine asleep: reported; it stays blocked */
    RT_REPL_INTERRUPTED, /* Ctrl-C: it unwound like runtime.Goexit (deferred calls ran) */
    RT_REPL_ABANDONED,   /* Ctrl-C while it was blocked, or it would not stop in time: left
                            behind, marked; it unwinds when it next runs */
} ReplOutcome;

typedef struct ReplRun {
    Value *results;          /* in: where a finished statement's results go */
    uint32_t nres;           /* in: their size in slots */
    ReplOutcome outcome;     /* out */
    int64_t goid;            /* out: the statement's goroutine */
    const char *left_status; /* out, RT_REPL_ABANDONED: "chan receive", "running"... */
} ReplRun;

/* Start the scheduler for the REPL: no main goroutine; a deadlock does not
 * end the process and an unrecovered panic ends only its goroutine. */
void rt_repl_start(void);
bool rt_repl_mode(void);
/* Run fn(args) as a new goroutine (from the REPL thread) and wait for it. */
void rt_repl_run(Closure *fn, const Value *args, uint32_t nargs, ReplRun *r);
/* Ctrl-C: stop the statement being waited for. Async-signal-safe. */
void rt_repl_interrupt(void);
/* Was there a Ctrl-C since the last call? (for the REPL thread) */
bool rt_repl_take_interrupt(void);
/* Called once, by whichever thread ends the process, before anything is
 * printed: the REPL restores the terminal and writes pending output. */
void rt_repl_set_exit_hook(void (*hook)(void));
/* While set, the program's stdout (fd 1) and stderr (fd 2) writes go to
 * hook, in order, instead of the terminal: the REPL prints them above the
 * line being edited. Called under the output lock; must not write through
 * rt_write_*. NULL restores direct output. */
void rt_set_output_hook(void (*hook)(int fd, const void *p, size_t n));

/* For the VM: at a preemption point, should g unwind (Ctrl-C)? Cheap when
 * nothing was interrupted. */
bool rt_repl_should_stop(G *g);
/* For the VM, after printing an unrecovered panic's report: true in the
 * REPL, where only g ends (the VM returns VM_DONE); false: exit. */
bool rt_repl_goroutine_panicked(G *g);

#endif
