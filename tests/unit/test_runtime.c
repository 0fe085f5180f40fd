/* test_runtime.c - the runtime (scheduler, channels, select, sync, timers,
 * deadlock detection, exit) against the mock VM of mock_vm.c.
 *
 * rt_run_main never returns, so every scenario runs in a forked child
 * (run_child): the child initialises the collector and the runtime, builds
 * its goroutines (C state machines, see mock_vm.c) and runs main; its exit
 * status and output come back to the parent, which asserts on them. Inside
 * the child, CHECK failures print to stderr and exit 3.
 *
 * Correctness never depends on sleeping: goroutines wait for each other
 * through the runtime itself (channels, WaitGroups, yield loops that poll a
 * goroutine's status).
 */
#include "../../runtime/rt_internal.h"

#include <setjmp.h>

#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* ------------------------------------------------------------ test layer */

/* The tests use T_TEST / T_ASSERT / T_LOG: Criterion's Test / cr_assert /
 * cr_log_info normally. Criterion's runner cannot start under
 * ThreadSanitizer (its boxfort sandbox fails: "Could not initialize
 * inheritable arena", or a SEGV), so a TSan build runs the same tests with
 * the small runner below: sequentially, in this process (each scenario
 * still runs in its own forked child). Usage: test_runtime [--filter SUBSTR]. */
#if defined(__SANITIZE_THREAD__) && !defined(RT_USE_CRITERION)
#define RT_OWN_RUNNER 1
#endif

#ifndef RT_OWN_RUNNER
#include <criterion/criterion.h>
#include <criterion/logging.h>
#define T_TEST(suite, name) Test(suite, name)
#define T_ASSERT(...) cr_assert(__VA_ARGS__)
#define T_LOG(...) cr_log_info(__VA_ARGS__)
#else
typedef struct TCase {
    const char *name;
    void (*fn)(void);
} TCase;
static TCase t_cases[128];
static int t_ncases;
static jmp_buf t_jmp;
#define T_TEST(suite, name)                                                                        \
    static void suite##_##name(void);                                                              \
    __attribute__((constructor)) static void t_register_##suite##_##name(void) {                   \
        t_cases[t_ncases++] = (TCase){#suite "/" #name, suite##_##name};                           \
    }                                                                                              \
    static void suite##_##name(void)
#define T_ASSERT(cond, ...)                                                                        \
    do {                                                                                           \
        if (!(cond)) t_fail(__LINE__, #cond, "" __VA_ARGS__);                                      \
    } while (0)
#define T_LOG(...) (fprintf(stderr, "[info] " __VA_ARGS__), fputc('\n', stderr))

static void t_fail(int line, const char *cond, const char *fmt, ...) {
    fprintf(stderr, "[FAIL] test_runtime.c:%d: %s\n", line, cond);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    longjmp(t_jmp, 1);
}

int main(int argc, char **argv) {
    const char *filter = argc > 2 && strcmp(argv[1], "--filter") == 0 ? argv[2] : NULL;
    volatile int failed = 0, run = 0;
    for (volatile int i = 0; i < t_ncases; i++) {
        if (filter && !strstr(t_cases[i].name, filter)) continue;
        run++;
        fprintf(stderr, "[RUN ] %s\n", t_cases[i].name);
        if (setjmp(t_jmp) == 0) {
            t_cases[i].fn();
            fprintf(stderr, "[PASS] %s\n", t_cases[i].name);
        } else {
            fprintf(stderr, "[FAIL] %s\n", t_cases[i].name);
            failed++;
        }
    }
    fprintf(stderr, "[====] Tested: %d | Passing: %d | Failing: %d\n", run, run - failed, failed);
    return failed ? 1 : 0;
}
#endif

/* ------------------------------------------------------------- mock VM API */

enum { MOCK_NEXT, MOCK_DONE, MOCK_PARK, MOCK_YIELD };
typedef int (*MockStep)(G *g, Value *L);
extern int mock_budget;
Closure *mock_fn(const char *name, MockStep step, uint32_t nslots);
const char *mock_panic_msg(G *g);
Type *mock_chan_type(uint32_t elem_slots);

#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
#define SCALE 10 /* sanitizers are slow: smaller workloads */
#else
#define SCALE 1
#endif

#define PC (L[0].i)
#define OKP(slot) ((bool *)&(slot))
/* Run a runtime operation that may park. On RT_PARKED, return to the
 * scheduler with PC unchanged: the operation runs again on wake-up. */
#define AWAIT(op)                                                                                  \
    do {                                                                                           \
        if ((op) == RT_PARKED) return MOCK_PARK;                                                   \
    } while (0)

static Chan *mkchan(uint32_t elem_slots, int64_t cap) {
    return chan_make(mock_chan_type(elem_slots), cap, "test.go", 7);
}

static G *spawn(Closure *fn, G *parent, int nargs, ...) {
    Value args[8];
    va_list ap;
    va_start(ap, nargs);
    for (int i = 0; i < nargs; i++) args[i].i = va_arg(ap, int64_t);
    va_end(ap);
    return rt_spawn(fn, args, (uint32_t)nargs, parent, "test.go", 100);
}


/* --------------------------------------------------------- child harness */

/* printf for the child: through the runtime's stdout (stdio's buffer would
 * be lost when the runtime _exits). */
static void report(const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    rt_write_stdout(buf, n < (int)sizeof buf ? (size_t)n : sizeof buf - 1);
}

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) check_failed(__LINE__, #cond, NULL);                                          \
    } while (0)
#define CHECKF(cond, ...)                                                                          \
    do {                                                                                           \
        if (!(cond)) check_failed(__LINE__, #cond, __VA_ARGS__);                                   \
    } while (0)

static _Noreturn void check_failed(int line, const char *cond, const char *fmt, ...) {
    rt_exit_claim();
    rt_flush_stdout();
    fprintf(stderr, "CHECK FAILED at test_runtime.c:%d: %s", line, cond);
    if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        fputs(": ", stderr);
        vfprintf(stderr, fmt, ap);
        va_end(ap);
    }
    fputc('\n', stderr);
    _exit(3);
}

typedef struct Child {
    int status; /* exit code, or -signal */
    char *out, *err;
} Child;

typedef Closure *(*Setup)(void);

static char *slurp(int fd) {
    off_t n = lseek(fd, 0, SEEK_END);
    char *s = malloc((size_t)n + 1);
    if (pread(fd, s, (size_t)n, 0) != n) n = 0;
    s[n] = 0;
    close(fd);
    return s;
}

static int tmpfd(void) {
    char path[] = "/tmp/goi_rt_test_XXXXXX";
    int fd = mkstemp(path);
    unlink(path);
    return fd;
}

static void on_child_timeout(int sig) {
    static const char msg[] = "TIMEOUT: the child hung; its goroutines:\n";
    ssize_t r = write(2, msg, sizeof msg - 1);
    (void)r;
    kill(getpid(), SIGQUIT);
}

/* Run setup's main goroutine in a child with GOMAXPROCS=procs (0: default).
 * merge: stdout and stderr go to the same file (to check their order). */
static Child run_child_opts(Setup setup, int procs, int timeout, bool merge) {
    int ofd = tmpfd(), efd = merge ? ofd : tmpfd();
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(ofd, 1);
        dup2(efd, 2);
        if (procs > 0) {
            char b[16];
            snprintf(b, sizeof b, "%d", procs);
            setenv("GOMAXPROCS", b, 1);
        } else {
            unsetenv("GOMAXPROCS");
        }
        /* A hung child dumps its goroutines (SIGQUIT) instead of dying silently. */
        signal(SIGALRM, on_child_timeout);
        const char *t = getenv("RT_TEST_TIMEOUT");
        alarm(t ? (unsigned)atoi(t) : (unsigned)timeout);
        GC_INIT();
        rt_init();
        Closure *m = setup();
        rt_run_main(NULL, m);
    }
    int st = 0;
    waitpid(pid, &st, 0);
    Child c;
    c.status = WIFEXITED(st) ? WEXITSTATUS(st) : -WTERMSIG(st);
    c.out = slurp(ofd);
    c.err = merge ? strdup("") : slurp(efd);
    if (getenv("RT_TEST_SHOW")) /* for a human: what the child printed */
        fprintf(stderr, "--- child (GOMAXPROCS=%d) exit %d, stdout:\n%s--- stderr:\n%s---\n", procs, c.status, c.out,
                c.err);
    return c;
}

static Child run_child(Setup setup, int procs) { return run_child_opts(setup, procs, 60 * SCALE, false); }

#define ASSERT_CHILD_OK(child)                                                                     \
    do {                                                                                           \
        Child c_ = (child);                                                                        \
        T_ASSERT(c_.status == 0, "child exit status %d\n--- stderr:\n%.6000s\n--- stdout:\n%.2000s",     \
                 c_.status, c_.err, c_.out);                                                       \
    } while (0)

/* Run a scenario with several GOMAXPROCS values. */
static void run_ok_procs(Setup setup, const int *procs, int n) {
    for (int i = 0; i < n; i++) {
        Child c = run_child(setup, procs[i]);
        T_ASSERT(c.status == 0, "GOMAXPROCS=%d: child exit status %d\n--- stderr:\n%.6000s\n--- stdout:\n%.2000s",
                 procs[i], c.status, c.err, c.out);
    }
}
static const int P1_2_4[] = {1, 2, 4};

/* Yield until g is parked (used by tests that must observe a waiting G). */
static bool parked(G *x) { return atomic_load(&x->status) == G_WAITING; }

/* ============================================================ channels */

static Chan *ch, *ch2, *done_ch;
static Closure *producer_fn;
static int64_t n_msgs;

/* producer(n): send 0..n-1 on ch, then send on done_ch (if any). */
static int producer(G *g, Value *L) {
    switch (PC) {
    case 0:
        L[2].i = 0;
        PC = 1;
        return MOCK_NEXT;
    case 1:
        if (L[2].i == L[1].i) {
            PC = 3;
            return MOCK_NEXT;
        }
        L[3].i = L[2].i; /* the value stays in our slot while we are parked */
        PC = 2;
        return MOCK_NEXT;
    case 2:
        AWAIT(chan_send(g, ch, &L[3]));
        L[2].i++;
        PC = 1;
        return MOCK_NEXT;
    case 3:
        if (!done_ch) return MOCK_DONE;
        AWAIT(chan_send(g, done_ch, &L[3]));
        return MOCK_DONE;
    }
    return MOCK_DONE;
}

/* main: receive n_msgs values in order from ch. */
static int fifo_main(G *g, Value *L) {
    switch (PC) {
    case 0:
        spawn(producer_fn, g, 1, n_msgs);
        PC = 1;
        return MOCK_NEXT;
    case 1:
        if (L[2].i == n_msgs) return MOCK_DONE;
        AWAIT(chan_recv(g, ch, &L[3], OKP(L[4])));
        CHECKF(L[3].i == L[2].i, "got %lld, want %lld", (long long)L[3].i, (long long)L[2].i);
        CHECK(*OKP(L[4]));
        L[2].i++;
        return MOCK_NEXT;
    }
    return MOCK_DONE;
}

static Closure *setup_unbuffered(void) {
    ch = mkchan(1, 0);
    done_ch = NULL;
    n_msgs = 20000 / SCALE;
    producer_fn = mock_fn("main.producer", producer, 8);
    return mock_fn("main.main", fifo_main, 8);
}

static Closure *setup_buffered(void) {
    ch = mkchan(1, 7);
    done_ch = NULL;
    n_msgs = 20000 / SCALE;
    producer_fn = mock_fn("main.producer", producer, 8);
    return mock_fn("main.main", fifo_main, 8);
}

T_TEST(chan, unbuffered_fifo) { run_ok_procs(setup_unbuffered, P1_2_4, 3); }
T_TEST(chan, buffered_fifo) { run_ok_procs(setup_buffered, P1_2_4, 3); }

/* Buffered channel basics without other goroutines: len, cap, FIFO, a
 * two-slot element type, struct{} elements, and try_send/try_recv. */
static int buffer_main(G *g, Value *L) {
    Chan *c = mkchan(2, 3);
    CHECK(chan_cap(c) == 3 && chan_len(c) == 0);
    for (int i = 0; i < 3; i++) {
        Value v[2] = {{.i = i}, {.i = 100 + i}};
        CHECK(chan_send(g, c, v) == RT_OK);
    }
    CHECK(chan_len(c) == 3);
    Value extra[2] = {{.i = 9}, {.i = 9}};
    CHECK(!chan_try_send(c, extra)); /* full */
    for (int i = 0; i < 3; i++) {
        Value v[2];
        bool ok = false;
        CHECK(chan_recv(g, c, v, &ok) == RT_OK);
        CHECK(ok && v[0].i == i && v[1].i == 100 + i);
    }
    Value v[2];
    bool ok;
    CHECK(!chan_try_recv(c, v, &ok)); /* empty */
    CHECK(chan_try_send(c, extra) && chan_try_recv(c, v, &ok) && ok && v[1].i == 9);

    Chan *e = mkchan(0, 2); /* chan struct{} */
    CHECK(chan_send(g, e, NULL) == RT_OK && chan_send(g, e, NULL) == RT_OK && chan_len(e) == 2);
    CHECK(chan_recv(g, e, NULL, &ok) == RT_OK && ok && chan_len(e) == 1);

    CHECK(chan_make(mock_chan_type(1), -1, "x.go", 1) == NULL);
    CHECK(chan_make(mock_chan_type(1), (int64_t)1 << 62, "x.go", 1) == NULL);
    CHECK(chan_len(NULL) == 0 && chan_cap(NULL) == 0);
    return MOCK_DONE;
}
static Closure *setup_buffer(void) { return mock_fn("main.main", buffer_main, 8); }
T_TEST(chan, buffer_basics) { ASSERT_CHILD_OK(run_child(setup_buffer, 1)); }

/* close: buffered values drain first, then (zero, false) forever; parked
 * receivers wake with (zero, false); a parked sender panics; the panics of
 * close(nil), close(closed), send on closed. */
static G *waiters[8];
static _Atomic int closed_receivers, closed_senders;
static Closure *close_recv_fn, *close_send_fn;

static int close_receiver(G *g, Value *L) {
    if (PC == 0) {
        L[2].i = 77; /* must be zeroed by the close */
        PC = 1;
    }
    AWAIT(chan_recv(g, ch, &L[2], OKP(L[3])));
    CHECK(!*OKP(L[3]) && L[2].i == 0);
    atomic_fetch_add(&closed_receivers, 1);
    return MOCK_DONE;
}

static int close_sender(G *g, Value *L) {
    L[2].i = 5;
    int r = chan_send(g, ch2, &L[2]);
    if (r == RT_PARKED) return MOCK_PARK;
    CHECK(r == RT_PANIC);
    const char *m = mock_panic_msg(g);
    CHECKF(m && strcmp(m, "send on closed channel") == 0, "%s", m ? m : "(none)");
    atomic_fetch_add(&closed_senders, 1);
    return MOCK_DONE;
}

static int close_main(G *g, Value *L) {
    switch (PC) {
    case 0: {
        Chan *b = mkchan(1, 4);
        Value v = {.i = 1};
        chan_send(g, b, &v);
        v.i = 2;
        chan_send(g, b, &v);
        CHECK(chan_close(g, b) == RT_OK);
        Value got = {.i = -1};
        bool ok;
        CHECK(chan_recv(g, b, &got, &ok) == RT_OK && ok && got.i == 1);
        CHECK(chan_recv(g, b, &got, &ok) == RT_OK && ok && got.i == 2);
        for (int i = 0; i < 3; i++) {
            got.i = 42;
            CHECK(chan_recv(g, b, &got, &ok) == RT_OK && !ok && got.i == 0);
        }
        CHECK(chan_try_recv(b, &got, &ok) && !ok);
        CHECK(!chan_try_send(b, &v));
        CHECK(chan_send(g, b, &v) == RT_PANIC);
        CHECK(strcmp(mock_panic_msg(g), "send on closed channel") == 0);
        CHECK(chan_close(g, b) == RT_PANIC);
        CHECK(strcmp(mock_panic_msg(g), "close of closed channel") == 0);
        CHECK(chan_close(g, NULL) == RT_PANIC);
        CHECK(strcmp(mock_panic_msg(g), "close of nil channel") == 0);

        for (int i = 0; i < 4; i++) waiters[i] = spawn(close_recv_fn, g, 0);
        for (int i = 4; i < 6; i++) waiters[i] = spawn(close_send_fn, g, 0);
        PC = 1;
        return MOCK_NEXT;
    }
    case 1: /* wait until all six are parked */
        for (int i = 0; i < 6; i++)
            if (!parked(waiters[i])) return MOCK_YIELD;
        CHECK(waiters[0]->wait_reason == WAIT_CHAN_RECV && waiters[5]->wait_reason == WAIT_CHAN_SEND);
        CHECK(chan_close(g, ch) == RT_OK && chan_close(g, ch2) == RT_OK);
        PC = 2;
        return MOCK_NEXT;
    case 2:
        if (atomic_load(&closed_receivers) < 4 || atomic_load(&closed_senders) < 2) return MOCK_YIELD;
        return MOCK_DONE;
    }
    return MOCK_DONE;
}

static Closure *setup_close(void) {
    ch = mkchan(1, 0);
    ch2 = mkchan(1, 0);
    close_recv_fn = mock_fn("main.receiver", close_receiver, 8);
    close_send_fn = mock_fn("main.sender", close_sender, 8);
    return mock_fn("main.main", close_main, 8);
}
T_TEST(chan, close_semantics) { run_ok_procs(setup_close, P1_2_4, 3); }

/* A nil channel blocks forever, with Go's wait reasons. */
static int nil_recv(G *g, Value *L) {
    AWAIT(chan_recv(g, NULL, &L[2], NULL));
    CHECK(!"a receive from a nil channel returned");
    return MOCK_DONE;
}
static int nil_send(G *g, Value *L) {
    AWAIT(chan_send(g, NULL, &L[2]));
    CHECK(!"a send on a nil channel returned");
    return MOCK_DONE;
}
static Closure *nil_recv_fn, *nil_send_fn;
static int nil_main(G *g, Value *L) {
    switch (PC) {
    case 0:
        waiters[0] = spawn(nil_recv_fn, g, 0);
        waiters[1] = spawn(nil_send_fn, g, 0);
        PC = 1;
        return MOCK_NEXT;
    case 1:
        if (!parked(waiters[0]) || !parked(waiters[1])) return MOCK_YIELD;
        CHECK(waiters[0]->wait_reason == WAIT_CHAN_RECV_NIL);
        CHECK(waiters[1]->wait_reason == WAIT_CHAN_SEND_NIL);
        CHECK(strcmp(wait_reason_string(waiters[0]->wait_reason), "chan receive (nil chan)") == 0);
        CHECK(rt_num_goroutine() == 3);
        return MOCK_DONE; /* main returns while they are blocked: exit 0 */
    }
    return MOCK_DONE;
}
static Closure *setup_nil(void) {
    nil_recv_fn = mock_fn("main.r", nil_recv, 4);
    nil_send_fn = mock_fn("main.s", nil_send, 4);
    return mock_fn("main.main", nil_main, 4);
}
T_TEST(chan, nil_channel_blocks_forever) { run_ok_procs(setup_nil, P1_2_4, 3); }

/* ============================================================== select */

static int select_nonblocking_main(G *g, Value *L) {
    Chan *a = mkchan(1, 1), *b = mkchan(1, 1);
    Value va = {.i = 0}, vb = {.i = 0};
    bool oka = false, okb = false;
    int chosen = 99;
    SelectCase cs[2] = {{a, false, &va, &oka}, {b, false, &vb, &okb}};
    CHECK(select_go(g, cs, 2, true, &chosen) == RT_OK && chosen == -1); /* default */
    Value one = {.i = 11};
    CHECK(chan_send(g, b, &one) == RT_OK);
    CHECK(select_go(g, cs, 2, true, &chosen) == RT_OK && chosen == 1 && vb.i == 11 && okb);
    /* send case ready (buffer has room) */
    Value s = {.i = 5};
    SelectCase sc[2] = {{a, true, &s, NULL}, {NULL, false, NULL, NULL}};
    CHECK(select_go(g, sc, 2, false, &chosen) == RT_OK && chosen == 0 && chan_len(a) == 1);
    /* now a is full: the send case is not ready */
    CHECK(select_go(g, sc, 2, true, &chosen) == RT_OK && chosen == -1);
    /* a closed channel's receive case is always ready, with ok == false */
    CHECK(chan_close(g, b) == RT_OK);
    vb.i = 3;
    SelectCase rc[1] = {{b, false, &vb, &okb}};
    CHECK(select_go(g, rc, 1, false, &chosen) == RT_OK && chosen == 0 && !okb && vb.i == 0);
    /* a send case on a closed channel panics */
    SelectCase cl[1] = {{b, true, &s, NULL}};
    CHECK(select_go(g, cl, 1, true, &chosen) == RT_PANIC);
    CHECK(strcmp(mock_panic_msg(g), "send on closed channel") == 0);
    /* no cases with default */
    CHECK(select_go(g, NULL, 0, true, &chosen) == RT_OK && chosen == -1);
    return MOCK_DONE;
}
static Closure *setup_select_nonblocking(void) { return mock_fn("main.main", select_nonblocking_main, 4); }
T_TEST(select, nonblocking_and_default) { ASSERT_CHILD_OK(run_child(setup_select_nonblocking, 1)); }

/* Uniformity: two always-ready cases, 100,000 selects, each case must be
 * chosen 45-55% of the time. */
static int select_fair_main(G *g, Value *L) {
    Chan *a = mkchan(1, 1), *b = mkchan(1, 1);
    Value x = {.i = 1};
    chan_send(g, a, &x);
    chan_send(g, b, &x);
    long count[2] = {0, 0};
    const int N = 100000;
    for (int i = 0; i < N; i++) {
        Value va, vb;
        SelectCase cs[2] = {{a, false, &va, NULL}, {b, false, &vb, NULL}};
        int chosen = -1;
        CHECK(select_go(g, cs, 2, false, &chosen) == RT_OK);
        count[chosen]++;
        chan_send(g, chosen == 0 ? a : b, &x); /* refill */
    }
    CHECKF(count[0] >= N * 45 / 100 && count[0] <= N * 55 / 100, "case 0 chosen %ld of %d", count[0], N);
    report("select fairness: %ld / %ld\n", count[0], count[1]);
    return MOCK_DONE;
}
static Closure *setup_select_fair(void) { return mock_fn("main.main", select_fair_main, 4); }
T_TEST(select, uniform_choice) {
    Child c = run_child(setup_select_fair, 1);
    ASSERT_CHILD_OK(c);
    T_LOG("%s", c.out);
}

/* Blocking select woken by one of its channels; the sudogs queued on the
 * other channels are gone afterwards. */
static Chan *sel_a, *sel_b, *sel_c;
static Closure *sel_sender_fn;
static int sel_sender(G *g, Value *L) { /* L[1]: value to send on sel_b */
    AWAIT(chan_send(g, sel_b, &L[1]));
    return MOCK_DONE;
}
static int select_block_main(G *g, Value *L) {
    SelectCase cs[3] = {{sel_a, false, &L[2], OKP(L[5])},
                        {sel_b, false, &L[3], OKP(L[6])},
                        {sel_c, true, &L[4], NULL}};
    int chosen = -1;
    switch (PC) {
    case 0:
        L[4].i = 1;
        spawn(sel_sender_fn, g, 1, (int64_t)4242);
        PC = 1;
        return MOCK_NEXT;
    case 1:
        AWAIT(select_go(g, cs, 3, false, &chosen));
        CHECKF(chosen == 1, "chosen %d", chosen);
        CHECK(L[3].i == 4242 && *OKP(L[6]));
        /* no stale sudog anywhere */
        CHECK(!sel_a->recvq.first && !sel_b->recvq.first && !sel_c->sendq.first && !sel_b->sendq.first);
        CHECK(g->park.waiting == NULL && atomic_load(&g->park.state) == PARK_NONE);
        return MOCK_DONE;
    }
    return MOCK_DONE;
}
static Closure *setup_select_block(void) {
    sel_a = mkchan(1, 0);
    sel_b = mkchan(1, 0);
    sel_c = mkchan(1, 0);
    sel_sender_fn = mock_fn("main.sender", sel_sender, 4);
    return mock_fn("main.main", select_block_main, 8);
}
T_TEST(select, blocks_and_wakes) { run_ok_procs(setup_select_block, P1_2_4, 3); }

/* Many cases on one channel (and duplicates): every value is received
 * exactly once, and nothing is left queued. */
#define SEL_DUP_CASES 6
static int64_t sel_dup_n;
static int select_dup_main(G *g, Value *L) {
    switch (PC) {
    case 0:
        spawn(producer_fn, g, 1, sel_dup_n);
        L[1].i = 0; /* received */
        L[2].i = 0; /* sum */
        PC = 1;
        return MOCK_NEXT;
    case 1: {
        if (L[1].i == sel_dup_n) {
            int64_t n = sel_dup_n;
            CHECKF(L[2].i == n * (n - 1) / 2, "sum %lld", (long long)L[2].i);
            CHECK(!ch->recvq.first && !ch->sendq.first);
            return MOCK_DONE;
        }
        SelectCase cs[SEL_DUP_CASES + 1];
        for (int i = 0; i < SEL_DUP_CASES; i++) cs[i] = (SelectCase){ch, false, &L[3], OKP(L[4])};
        cs[SEL_DUP_CASES] = (SelectCase){NULL, false, NULL, NULL}; /* a nil case never proceeds */
        int chosen = -1;
        AWAIT(select_go(g, cs, SEL_DUP_CASES + 1, false, &chosen));
        CHECK(chosen >= 0 && chosen < SEL_DUP_CASES && *OKP(L[4]));
        L[2].i += L[3].i;
        L[1].i++;
        return MOCK_NEXT;
    }
    }
    return MOCK_DONE;
}
static Closure *setup_select_dup(void) {
    ch = mkchan(1, 0);
    done_ch = NULL;
    sel_dup_n = 20000 / SCALE;
    producer_fn = mock_fn("main.producer", producer, 8);
    return mock_fn("main.main", select_dup_main, 8);
}
T_TEST(select, many_cases_one_channel) { run_ok_procs(setup_select_dup, P1_2_4, 3); }

/* One goroutine blocked in a select over many channels, woken by many
 * senders racing on all of them: exactly one case completes per select,
 * no wake-up is lost, no value is lost or duplicated. */
#define MANY_CH 8
static Chan *many[MANY_CH];
static Closure *many_sender_fn;
static int many_sender(G *g, Value *L) { /* L[1] channel index, L[2] count */
    switch (PC) {
    case 0:
        L[3].i = 0;
        PC = 1;
        return MOCK_NEXT;
    case 1:
        if (L[3].i == L[2].i) return MOCK_DONE;
        L[4].i = L[1].i * 1000000 + L[3].i + 1;
        PC = 2;
        return MOCK_NEXT;
    case 2:
        AWAIT(chan_send(g, many[L[1].i], &L[4]));
        L[3].i++;
        PC = 1;
        return MOCK_NEXT;
    }
    return MOCK_DONE;
}
static int select_many_main(G *g, Value *L) {
    int64_t per = 3000 / SCALE;
    switch (PC) {
    case 0:
        for (int i = 0; i < MANY_CH; i++) spawn(many_sender_fn, g, 2, (int64_t)i, per);
        PC = 1;
        return MOCK_NEXT;
    case 1: {
        if (L[1].i == per * MANY_CH) {
            int64_t want = 0;
            for (int i = 0; i < MANY_CH; i++) want += i * 1000000 * per + per * (per + 1) / 2;
            CHECKF(L[2].i == want, "sum %lld want %lld", (long long)L[2].i, (long long)want);
            return MOCK_DONE;
        }
        SelectCase cs[MANY_CH];
        for (int i = 0; i < MANY_CH; i++) cs[i] = (SelectCase){many[i], false, &L[3], NULL};
        int chosen;
        AWAIT(select_go(g, cs, MANY_CH, false, &chosen));
        CHECK(L[3].i / 1000000 == chosen);
        L[2].i += L[3].i;
        L[1].i++;
        return MOCK_NEXT;
    }
    }
    return MOCK_DONE;
}
static Closure *setup_select_many(void) {
    for (int i = 0; i < MANY_CH; i++) many[i] = mkchan(1, i % 2);
    many_sender_fn = mock_fn("main.sender", many_sender, 8);
    return mock_fn("main.main", select_many_main, 8);
}
T_TEST(select, one_waiter_many_channels) { run_ok_procs(setup_select_many, P1_2_4, 3); }

/* select {} and a select over only nil channels park forever. */
static int select_forever(G *g, Value *L) {
    int chosen;
    if (L[1].i) {
        SelectCase cs[2] = {{NULL, false, NULL, NULL}, {NULL, true, &L[2], NULL}};
        AWAIT(select_go(g, cs, 2, false, &chosen));
    } else {
        AWAIT(select_go(g, NULL, 0, false, &chosen));
    }
    CHECK(!"returned");
    return MOCK_DONE;
}
static Closure *select_forever_fn;
static int select_forever_main(G *g, Value *L) {
    if (PC == 0) {
        waiters[0] = spawn(select_forever_fn, g, 1, (int64_t)0);
        waiters[1] = spawn(select_forever_fn, g, 1, (int64_t)1);
        PC = 1;
    }
    if (!parked(waiters[0]) || !parked(waiters[1])) return MOCK_YIELD;
    CHECK(waiters[0]->wait_reason == WAIT_SELECT_NO_CASES && waiters[1]->wait_reason == WAIT_SELECT);
    return MOCK_DONE;
}
static Closure *setup_select_forever(void) {
    select_forever_fn = mock_fn("main.f", select_forever, 4);
    return mock_fn("main.main", select_forever_main, 4);
}
T_TEST(select, no_cases_blocks_forever) { ASSERT_CHILD_OK(run_child(setup_select_forever, 2)); }

/* ================================================================ sync */

/* Mutex: many goroutines on GOMAXPROCS=4 increment a plain counter inside
 * a critical section that spans several scheduling steps; the count must
 * be exact and the section never shared. */
static Value mu[2];
static int64_t mu_counter; /* plain: protected by mu */
static _Atomic int in_section;
static Value wg[2];
static Closure *mu_worker_fn;
static int64_t mu_iters;

static int mu_worker(G *g, Value *L) {
    switch (PC) {
    case 0:
        if (L[1].i == mu_iters) {
            PC = 3;
            return MOCK_NEXT;
        }
        AWAIT(rt_mutex_lock(g, mu));
        CHECK(atomic_fetch_add(&in_section, 1) == 0);
        L[2].i = mu_counter; /* read ... */
        PC = 1;
        return MOCK_NEXT;
    case 1:
        mu_counter = L[2].i + 1; /* ... write, a step later */
        CHECK(atomic_fetch_sub(&in_section, 1) == 1);
        CHECK(rt_mutex_unlock(g, mu) == RT_OK);
        L[1].i++;
        PC = (L[1].i % 7 == 0) ? 2 : 0;
        return MOCK_NEXT;
    case 2:
        PC = 0;
        return MOCK_YIELD; /* let others in now and then */
    case 3:
        CHECK(rt_waitgroup_add(g, wg, -1) == RT_OK);
        return MOCK_DONE;
    }
    return MOCK_DONE;
}

static int mu_main(G *g, Value *L) {
    const int workers = 16;
    switch (PC) {
    case 0:
        CHECK(rt_waitgroup_add(g, wg, workers) == RT_OK);
        for (int i = 0; i < workers; i++) spawn(mu_worker_fn, g, 0);
        PC = 1;
        return MOCK_NEXT;
    case 1:
        AWAIT(rt_waitgroup_wait(g, wg));
        CHECKF(mu_counter == workers * mu_iters, "counter %lld", (long long)mu_counter);
        CHECK(atomic_load((_Atomic int64_t *)&mu[0]) == 0); /* unlocked, no waiters */
        return MOCK_DONE;
    }
    return MOCK_DONE;
}
static Closure *setup_mutex(void) {
    mu_iters = 20000 / SCALE;
    mu_worker_fn = mock_fn("main.worker", mu_worker, 8);
    return mock_fn("main.main", mu_main, 8);
}
T_TEST(sync, mutex_exclusion) {
    static const int procs[] = {4, 1, 2};
    run_ok_procs(setup_mutex, procs, 3);
}

/* A contended Lock parks the goroutine (it does not spin its thread);
 * TryLock; starvation handoff keeps working. */
static Closure *mu_locker_fn;
static _Atomic int locker_done;
static int mu_locker(G *g, Value *L) {
    AWAIT(rt_mutex_lock(g, mu));
    atomic_store(&locker_done, 1);
    rt_mutex_unlock(g, mu);
    return MOCK_DONE;
}
static int mu_park_main(G *g, Value *L) {
    switch (PC) {
    case 0:
        CHECK(rt_mutex_trylock(mu) && !rt_mutex_trylock(mu));
        waiters[0] = spawn(mu_locker_fn, g, 0);
        PC = 1;
        return MOCK_NEXT;
    case 1:
        if (!parked(waiters[0])) return MOCK_YIELD;
        CHECK(waiters[0]->wait_reason == WAIT_MUTEX);
        CHECK(strcmp(wait_reason_string(WAIT_MUTEX), "sync.Mutex.Lock") == 0);
        CHECK(!atomic_load(&locker_done));
        rt_mutex_unlock(g, mu);
        PC = 2;
        return MOCK_NEXT;
    case 2:
        if (!atomic_load(&locker_done)) return MOCK_YIELD;
        CHECK(rt_mutex_trylock(mu));
        rt_mutex_unlock(g, mu);
        return MOCK_DONE;
    }
    return MOCK_DONE;
}
static Closure *setup_mutex_park(void) {
    mu_locker_fn = mock_fn("main.locker", mu_locker, 4);
    return mock_fn("main.main", mu_park_main, 4);
}
T_TEST(sync, mutex_contended_lock_parks) { run_ok_procs(setup_mutex_park, P1_2_4, 3); }

static int mu_unlock_unlocked_main(G *g, Value *L) {
    rt_mutex_unlock(g, mu);
    CHECK(!"unlock of an unlocked mutex returned");
    return MOCK_DONE;
}
static Closure *setup_mutex_unlock_unlocked(void) { return mock_fn("main.main", mu_unlock_unlocked_main, 4); }
T_TEST(sync, unlock_of_unlocked_mutex_is_fatal) {
    Child c = run_child(setup_mutex_unlock_unlocked, 2);
    T_ASSERT(c.status == 2, "status %d, stderr:\n%s", c.status, c.err);
    T_ASSERT(strncmp(c.err, "fatal error: sync: unlock of unlocked mutex\n\ngoroutine 1 [running]:\n", 66) == 0,
              "stderr:\n%s", c.err);
}

/* WaitGroup: negative counter panics; several waiters all released. */
static Closure *wg_waiter_fn, *wg_doner_fn;
static _Atomic int wg_released;
static int wg_waiter(G *g, Value *L) {
    AWAIT(rt_waitgroup_wait(g, wg));
    atomic_fetch_add(&wg_released, 1);
    return MOCK_DONE;
}
static int wg_doner(G *g, Value *L) {
    CHECK(rt_waitgroup_add(g, wg, -1) == RT_OK);
    return MOCK_DONE;
}
static int wg_main(G *g, Value *L) {
    switch (PC) {
    case 0: {
        Value tmp[2] = {{0}, {0}};
        CHECK(rt_waitgroup_add(g, tmp, -1) == RT_PANIC);
        CHECK(strcmp(mock_panic_msg(g), "sync: negative WaitGroup counter") == 0);
        CHECK(rt_waitgroup_wait(g, (Value[2]){{0}, {0}}) == RT_OK); /* zero counter: no wait */
        CHECK(rt_waitgroup_add(g, wg, 50) == RT_OK);
        for (int i = 0; i < 5; i++) waiters[i] = spawn(wg_waiter_fn, g, 0);
        PC = 1;
        return MOCK_NEXT;
    }
    case 1:
        for (int i = 0; i < 5; i++)
            if (!parked(waiters[i])) return MOCK_YIELD;
        CHECK(waiters[0]->wait_reason == WAIT_WAITGROUP);
        for (int i = 0; i < 50; i++) spawn(wg_doner_fn, g, 0);
        PC = 2;
        return MOCK_NEXT;
    case 2:
        AWAIT(rt_waitgroup_wait(g, wg));
        PC = 3;
        return MOCK_NEXT;
    case 3:
        if (atomic_load(&wg_released) < 5) return MOCK_YIELD;
        return MOCK_DONE;
    }
    return MOCK_DONE;
}
static Closure *setup_wg(void) {
    wg_waiter_fn = mock_fn("main.waiter", wg_waiter, 4);
    wg_doner_fn = mock_fn("main.doner", wg_doner, 4);
    return mock_fn("main.main", wg_main, 4);
}
T_TEST(sync, waitgroup) { run_ok_procs(setup_wg, P1_2_4, 3); }

/* RWMutex: writers keep two variables equal under the write lock over two
 * steps; readers, holding the read lock over two steps, never see them
 * differ. Readers block while a writer is pending and vice versa. */
static Value rw[4];
static _Atomic int64_t rw_a, rw_b; /* atomics only so a broken lock shows as a CHECK, not UB */
static _Atomic int rw_writers_in, rw_readers_in, rw_max_readers;
static Closure *rw_reader_fn, *rw_writer_fn;
static int64_t rw_iters;

static int rw_reader(G *g, Value *L) {
    switch (PC) {
    case 0:
        if (L[1].i == rw_iters) {
            PC = 3;
            return MOCK_NEXT;
        }
        AWAIT(rt_rwmutex_rlock(g, rw));
        CHECK(atomic_load(&rw_writers_in) == 0);
        {
            int n = atomic_fetch_add(&rw_readers_in, 1) + 1, m = atomic_load(&rw_max_readers);
            while (n > m && !atomic_compare_exchange_weak(&rw_max_readers, &m, n)) {
            }
        }
        L[2].i = atomic_load(&rw_a);
        PC = 1;
        return MOCK_NEXT;
    case 1:
        CHECK(atomic_load(&rw_b) == L[2].i);
        atomic_fetch_sub(&rw_readers_in, 1);
        rt_rwmutex_runlock(g, rw);
        L[1].i++;
        PC = 2;
        return MOCK_NEXT;
    case 2:
        PC = 0;
        return L[1].i % 3 ? MOCK_NEXT : MOCK_YIELD;
    case 3:
        rt_waitgroup_add(g, wg, -1);
        return MOCK_DONE;
    }
    return MOCK_DONE;
}

static int rw_writer(G *g, Value *L) {
    switch (PC) {
    case 0:
        if (L[1].i == rw_iters / 4) {
            PC = 3;
            return MOCK_NEXT;
        }
        AWAIT(rt_rwmutex_lock(g, rw));
        CHECK(atomic_fetch_add(&rw_writers_in, 1) == 0 && atomic_load(&rw_readers_in) == 0);
        atomic_fetch_add(&rw_a, 1);
        PC = 1;
        return MOCK_NEXT;
    case 1:
        atomic_fetch_add(&rw_b, 1);
        atomic_fetch_sub(&rw_writers_in, 1);
        rt_rwmutex_unlock(g, rw);
        L[1].i++;
        PC = 2;
        return MOCK_YIELD;
    case 2:
        PC = 0;
        return MOCK_NEXT;
    case 3:
        rt_waitgroup_add(g, wg, -1);
        return MOCK_DONE;
    }
    return MOCK_DONE;
}

static int rw_main(G *g, Value *L) {
    switch (PC) {
    case 0:
        rt_waitgroup_add(g, wg, 8 + 3);
        for (int i = 0; i < 8; i++) spawn(rw_reader_fn, g, 0);
        for (int i = 0; i < 3; i++) spawn(rw_writer_fn, g, 0);
        PC = 1;
        return MOCK_NEXT;
    case 1:
        AWAIT(rt_waitgroup_wait(g, wg));
        CHECK(atomic_load(&rw_a) == 3 * (rw_iters / 4) && atomic_load(&rw_b) == atomic_load(&rw_a));
        /* readers share: while we hold a read lock, another reader gets in */
        CHECK(rt_rwmutex_rlock(g, rw) == RT_OK);
        rw_iters = 1;
        rt_waitgroup_add(g, wg, 1);
        spawn(rw_reader_fn, g, 0);
        PC = 5;
        return MOCK_NEXT;
    case 5:
        AWAIT(rt_waitgroup_wait(g, wg)); /* the reader finished while we hold ours */
        waiters[0] = spawn(rw_writer_fn, g, 0); /* a writer waits for our read lock */
        rw_iters = 4;
        PC = 2;
        return MOCK_NEXT;
    case 2:
        if (!parked(waiters[0])) return MOCK_YIELD;
        CHECK(waiters[0]->wait_reason == WAIT_RWMUTEX_W);
        waiters[1] = spawn(rw_reader_fn, g, 0); /* a writer is pending: must wait */
        PC = 3;
        return MOCK_NEXT;
    case 3:
        if (!parked(waiters[1])) return MOCK_YIELD;
        CHECK(waiters[1]->wait_reason == WAIT_RWMUTEX_R);
        rt_waitgroup_add(g, wg, 2);
        rt_rwmutex_runlock(g, rw);
        PC = 4;
        return MOCK_NEXT;
    case 4:
        AWAIT(rt_waitgroup_wait(g, wg));
        report("max concurrent readers: %d\n", atomic_load(&rw_max_readers));
        return MOCK_DONE;
    }
    return MOCK_DONE;
}
static Closure *setup_rw(void) {
    rw_iters = 4000 / SCALE;
    rw_reader_fn = mock_fn("main.reader", rw_reader, 4);
    rw_writer_fn = mock_fn("main.writer", rw_writer, 4);
    return mock_fn("main.main", rw_main, 4);
}
T_TEST(sync, rwmutex) { run_ok_procs(setup_rw, P1_2_4, 3); }

/* TryRLock / TryLock never park and respect each other. */
static int rw_try_main(G *g, Value *L) {
    Value r[4] = {{0}, {0}, {0}, {0}};
    CHECK(rt_rwmutex_tryrlock(r) && rt_rwmutex_tryrlock(r));
    CHECK(!rt_rwmutex_trylock(r));
    CHECK(rt_rwmutex_runlock(g, r) == RT_OK && rt_rwmutex_runlock(g, r) == RT_OK);
    CHECK(rt_rwmutex_trylock(r));
    CHECK(!rt_rwmutex_tryrlock(r) && !rt_rwmutex_trylock(r));
    CHECK(rt_rwmutex_unlock(g, r) == RT_OK);
    CHECK(rt_rwmutex_tryrlock(r) && rt_rwmutex_runlock(g, r) == RT_OK);
    CHECK(rt_rwmutex_lock(g, r) == RT_OK && rt_rwmutex_unlock(g, r) == RT_OK);
    return MOCK_DONE;
}
static Closure *setup_rw_try(void) { return mock_fn("main.main", rw_try_main, 4); }
T_TEST(sync, rwmutex_try) { ASSERT_CHILD_OK(run_child(setup_rw_try, 1)); }

/* Cond: consumers wait for items under a mutex (ticket taken before the
 * Unlock, so no signal is lost); Signal per item, Broadcast at the end. */
static Value cv[1];
static int64_t cv_items, cv_consumed, cv_produced_total;
static bool cv_closed;
static Closure *cv_consumer_fn;

static int cv_consumer(G *g, Value *L) {
    switch (PC) {
    case 0:
        AWAIT(rt_mutex_lock(g, mu));
        PC = 1;
        return MOCK_NEXT;
    case 1: /* holding mu */
        if (cv_items > 0) {
            cv_items--;
            cv_consumed++;
            rt_mutex_unlock(g, mu);
            PC = 0;
            return MOCK_NEXT;
        }
        if (cv_closed) {
            rt_mutex_unlock(g, mu);
            PC = 3;
            return MOCK_NEXT;
        }
        L[2].i = rt_cond_add(cv); /* ticket first, then unlock */
        rt_mutex_unlock(g, mu);
        PC = 2;
        return MOCK_NEXT;
    case 2:
        AWAIT(rt_cond_wait_ticket(g, cv, (uint32_t)L[2].i));
        PC = 0;
        return MOCK_NEXT;
    case 3:
        rt_waitgroup_add(g, wg, -1);
        return MOCK_DONE;
    }
    return MOCK_DONE;
}

static int cv_main(G *g, Value *L) {
    switch (PC) {
    case 0:
        rt_waitgroup_add(g, wg, 6);
        for (int i = 0; i < 6; i++) spawn(cv_consumer_fn, g, 0);
        PC = 1;
        return MOCK_NEXT;
    case 1:
        if (L[1].i == cv_produced_total) {
            PC = 3;
            return MOCK_NEXT;
        }
        AWAIT(rt_mutex_lock(g, mu));
        cv_items++;
        rt_cond_signal(cv);
        rt_mutex_unlock(g, mu);
        L[1].i++;
        PC = 2;
        return MOCK_NEXT;
    case 2:
        PC = 1;
        return L[1].i % 5 ? MOCK_NEXT : MOCK_YIELD;
    case 3:
        AWAIT(rt_mutex_lock(g, mu));
        cv_closed = true;
        rt_cond_broadcast(cv);
        rt_mutex_unlock(g, mu);
        PC = 4;
        return MOCK_NEXT;
    case 4:
        AWAIT(rt_waitgroup_wait(g, wg));
        CHECKF(cv_consumed == cv_produced_total, "consumed %lld", (long long)cv_consumed);
        return MOCK_DONE;
    }
    return MOCK_DONE;
}
static Closure *setup_cond(void) {
    cv_produced_total = 20000 / SCALE;
    cv_consumer_fn = mock_fn("main.consumer", cv_consumer, 4);
    return mock_fn("main.main", cv_main, 4);
}
T_TEST(sync, cond_signal_broadcast) { run_ok_procs(setup_cond, P1_2_4, 3); }

/* Raw semaphores: handoff to parked waiters in order. */
static uint32_t sema_word;
static _Atomic int sema_got;
static Closure *sema_waiter_fn;
static int sema_waiter(G *g, Value *L) {
    AWAIT(rt_semacquire(g, &sema_word, WAIT_SEMACQUIRE));
    atomic_fetch_add(&sema_got, 1);
    return MOCK_DONE;
}
static int sema_main(G *g, Value *L) {
    switch (PC) {
    case 0:
        rt_semrelease(&sema_word);
        CHECK(rt_semacquire(g, &sema_word, WAIT_SEMACQUIRE) == RT_OK); /* token available */
        for (int i = 0; i < 4; i++) waiters[i] = spawn(sema_waiter_fn, g, 0);
        PC = 1;
        return MOCK_NEXT;
    case 1:
        for (int i = 0; i < 4; i++)
            if (!parked(waiters[i])) return MOCK_YIELD;
        CHECK(waiters[0]->wait_reason == WAIT_SEMACQUIRE);
        for (int i = 0; i < 4; i++) rt_semrelease(&sema_word);
        PC = 2;
        return MOCK_NEXT;
    case 2:
        if (atomic_load(&sema_got) < 4) return MOCK_YIELD;
        CHECK(sema_word == 0);
        return MOCK_DONE;
    }
    return MOCK_DONE;
}
static Closure *setup_sema(void) {
    sema_waiter_fn = mock_fn("main.w", sema_waiter, 4);
    return mock_fn("main.main", sema_main, 4);
}
T_TEST(sync, semaphore_handoff) { run_ok_procs(setup_sema, P1_2_4, 3); }

/* ============================================================== timers */

/* The heap, driven by hand: timers far in the future fired by timers_run
 * with fake clocks; exactly the due ones fire, in any interleaving of
 * stop and reset. */
static int timer_heap_main(G *g, Value *L) {
    enum { N = 300 };
    static Chan *cs[N];
    static Timer *ts[N];
    static int64_t when[N];
    static bool stopped[N];
    int64_t base = rt_nanotime() + 3600LL * 1000000000; /* an hour away: the scheduler will not fire them */
    for (int i = 0; i < N; i++) {
        cs[i] = mkchan(1, 1);
        when[i] = base + (int64_t)rt_fastrandn(1000000) * 1000;
        ts[i] = rt_timer_new(when[i], 0, cs[i], NULL);
    }
    CHECK(atomic_load(&rt_ntimers) == N);
    for (int i = 0; i < N; i += 7) {
        CHECK(rt_timer_stop(ts[i]));
        CHECK(!rt_timer_stop(ts[i]));
        stopped[i] = true;
    }
    for (int i = 3; i < N; i += 11) {
        bool pending = rt_timer_reset(ts[i], base + (int64_t)rt_fastrandn(1000000) * 1000, 0);
        CHECK(pending == !stopped[i]);
        when[i] = ts[i]->when;
        stopped[i] = false;
    }
    for (int64_t t = base; t <= base + 1000000LL * 1000; t += 50000LL * 1000) {
        timers_run(t);
        for (int i = 0; i < N; i++) {
            bool fired = chan_len(cs[i]) == 1;
            bool due = !stopped[i] && when[i] <= t;
            CHECKF(fired == due, "timer %d when %lld t %lld fired %d", i, (long long)(when[i] - base),
                   (long long)(t - base), fired);
        }
    }
    CHECK(atomic_load(&rt_ntimers) == 0 && atomic_load(&rt_timers_next) == INT64_MAX);
    /* A periodic timer re-arms and skips missed ticks. */
    Chan *tick = mkchan(1, 10);
    Timer *tk = rt_timer_new(base, 1000, tick, NULL);
    timers_run(base + 5500);
    CHECK(chan_len(tick) == 1 && tk->when == base + 6000 && tk->index >= 0);
    CHECK(rt_timer_stop(tk));
    return MOCK_DONE;
}
static Closure *setup_timer_heap(void) { return mock_fn("main.main", timer_heap_main, 4); }
T_TEST(timer, heap_order_stop_reset) { ASSERT_CHILD_OK(run_child(setup_timer_heap, 1)); }

/* Sleep parks with reason "sleep", wakes no earlier than its deadline; a
 * channel timer, an AfterFunc and a ticker deliver. */
static Closure *sleeper_fn, *after_fn;
static Chan *after_ch;
static int sleeper(G *g, Value *L) { /* L[1] = duration ns */
    switch (PC) {
    case 0:
        L[2].i = rt_nanotime() + L[1].i;
        PC = 1;
        return MOCK_NEXT;
    case 1:
        AWAIT(rt_sleep(g, L[1].i));
        CHECKF(rt_nanotime() >= L[2].i, "woke %lld ns early", (long long)(L[2].i - rt_nanotime()));
        rt_waitgroup_add(g, wg, -1);
        return MOCK_DONE;
    }
    return MOCK_DONE;
}
static int after_func(G *g, Value *L) {
    L[1].i = 99;
    AWAIT(chan_send(g, after_ch, &L[1]));
    return MOCK_DONE;
}
static void timer_value_hook(Value *dst, int64_t wall, int64_t mono) { dst[0].i = mono; }

static int sleep_main(G *g, Value *L) {
    switch (PC) {
    case 0:
        rt_waitgroup_add(g, wg, 20);
        for (int i = 0; i < 20; i++) spawn(sleeper_fn, g, 1, (int64_t)(i % 5 + 1) * 1000000);
        waiters[0] = spawn(sleeper_fn, g, 1, (int64_t)200 * 1000000);
        rt_waitgroup_add(g, wg, 1);
        PC = 1;
        return MOCK_NEXT;
    case 1:
        if (!parked(waiters[0])) return MOCK_YIELD;
        CHECK(waiters[0]->wait_reason == WAIT_SLEEP);
        PC = 6;
        return MOCK_NEXT;
    case 6:
        AWAIT(rt_waitgroup_wait(g, wg));
        /* channel timer */
        rt_timer_value = timer_value_hook;
        L[1].p = mkchan(1, 1);
        L[2].i = rt_nanotime() + 2000000;
        rt_timer_new(L[2].i, 0, L[1].p, NULL);
        PC = 2;
        return MOCK_NEXT;
    case 2:
        AWAIT(chan_recv(g, L[1].p, &L[3], NULL));
        CHECK(L[3].i >= L[2].i); /* the hook's value: the time it fired */
        /* AfterFunc */
        after_ch = mkchan(1, 0);
        rt_timer_new(rt_nanotime() + 1000000, 0, NULL, after_fn);
        PC = 3;
        return MOCK_NEXT;
    case 3:
        AWAIT(chan_recv(g, after_ch, &L[3], NULL));
        CHECK(L[3].i == 99);
        /* ticker: 5 ticks */
        L[1].p = mkchan(1, 1);
        L[4].p = rt_timer_new(rt_nanotime() + 1000000, 1000000, L[1].p, NULL);
        L[5].i = 0;
        PC = 4;
        return MOCK_NEXT;
    case 4:
        AWAIT(chan_recv(g, L[1].p, &L[3], NULL));
        if (++L[5].i < 5) return MOCK_NEXT;
        CHECK(rt_timer_stop(L[4].p));
        /* Sleep(0) yields and returns */
        PC = 5;
        return MOCK_NEXT;
    case 5:
        AWAIT(rt_sleep(g, 0));
        return MOCK_DONE;
    }
    return MOCK_DONE;
}
static Closure *setup_sleep(void) {
    sleeper_fn = mock_fn("main.sleeper", sleeper, 4);
    after_fn = mock_fn("main.after", after_func, 4);
    return mock_fn("main.main", sleep_main, 8);
}
T_TEST(timer, sleep_timers_tickers) { run_ok_procs(setup_sleep, P1_2_4, 3); }

/* A program that only waits on a timer uses no CPU. */
static double cpu_seconds(void) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec +
           ru.ru_stime.tv_usec / 1e6;
}
static int idle_main(G *g, Value *L) {
    static double cpu0;
    switch (PC) {
    case 0:
        cpu0 = cpu_seconds();
        PC = 1;
        return MOCK_NEXT;
    case 1:
        AWAIT(rt_sleep(g, 300 * 1000000LL));
        double used = cpu_seconds() - cpu0;
        CHECKF(used < 0.05, "used %.3fs of CPU while sleeping 0.3s", used);
        report("cpu while sleeping 300ms: %.4fs\n", used);
        return MOCK_DONE;
    }
    return MOCK_DONE;
}
static Closure *setup_idle(void) { return mock_fn("main.main", idle_main, 4); }
T_TEST(timer, sleeping_program_is_idle) {
    Child c = run_child(setup_idle, 4);
    ASSERT_CHILD_OK(c);
}

/* ============================================================ deadlock */

/* main waits on a channel nobody else has; a worker waits on a mutex main
 * holds; another on a WaitGroup; one in select {}. Go's report, exit 2. */
static Closure *dl_mutex_fn, *dl_wg_fn, *dl_select_fn, *dl_holder_fn;
static Chan *dl_chan, *dl_held_chan;
static int dl_mutex_waiter(G *g, Value *L) {
    AWAIT(rt_mutex_lock(g, mu));
    return MOCK_DONE;
}
static int dl_wg_waiter(G *g, Value *L) {
    AWAIT(rt_waitgroup_wait(g, wg));
    return MOCK_DONE;
}
static int dl_select(G *g, Value *L) {
    int chosen;
    AWAIT(select_go(g, NULL, 0, false, &chosen));
    return MOCK_DONE;
}
static int dl_holder(G *g, Value *L) { /* holds dl_held_chan in a register, blocked on mu */
    L[3].p = dl_held_chan;
    PC = 9;
    AWAIT(rt_mutex_lock(g, mu));
    return MOCK_DONE;
}
static int dl_main(G *g, Value *L) {
    switch (PC) {
    case 0:
        CHECK(rt_mutex_lock(g, mu) == RT_OK);
        rt_waitgroup_add(g, wg, 2);
        spawn(dl_mutex_fn, g, 0);
        spawn(dl_wg_fn, g, 0);
        spawn(dl_select_fn, g, 0);
        spawn(dl_holder_fn, g, 0);
        PC = 1;
        return MOCK_NEXT;
    case 1:
        AWAIT(chan_recv(g, dl_chan, &L[2], NULL));
        PC = 2;
        return MOCK_NEXT;
    case 2:
        AWAIT(chan_recv(g, dl_held_chan, &L[2], NULL));
        return MOCK_DONE;
    }
    return MOCK_DONE;
}
static Closure *setup_deadlock(void) {
    dl_chan = chan_make(mock_chan_type(1), 0, "prog.go", 12);
    dl_held_chan = chan_make(mock_chan_type(1), 2, "prog.go", 13);
    dl_mutex_fn = mock_fn("main.lockWorker", dl_mutex_waiter, 4);
    dl_wg_fn = mock_fn("main.wgWorker", dl_wg_waiter, 4);
    dl_select_fn = mock_fn("main.selectWorker", dl_select, 4);
    dl_holder_fn = mock_fn("main.holder", dl_holder, 4);
    return mock_fn("main.main", dl_main, 4);
}

static void check_deadlock_report(Child c) {
    T_ASSERT(c.status == 2, "status %d\n%s", c.status, c.err);
    const char *want = "fatal error: all goroutines are asleep - deadlock!\n\n"
                       "goroutine 1 [chan receive]:\n"
                       "main.main(...)\n\tmock.go:1 +0x0\n";
    T_ASSERT(strncmp(c.err, want, strlen(want)) == 0, "stderr:\n%s", c.err);
    T_ASSERT(strstr(c.err, "  why: receiving from channel (chan int, unbuffered) made at prog.go:12\n"
                            "       no other goroutine holds this channel, so nothing can ever send on it\n"),
              "stderr:\n%s", c.err);
    T_ASSERT(strstr(c.err, "[sync.Mutex.Lock]:\nmain.lockWorker(...)\n\tmock.go:0 +0x0\n"
                            "created by main.main\n\ttest.go:100 +0x0\n"
                            "  why: waiting to lock a sync.Mutex"),
              "stderr:\n%s", c.err);
    T_ASSERT(strstr(c.err, "the WaitGroup counter is 2"), "stderr:\n%s", c.err);
    T_ASSERT(strstr(c.err, "[select (no cases)]:\n"), "stderr:\n%s", c.err);
    T_ASSERT(strstr(c.err, "\n\ngoroutine "), "goroutines separated by a blank line:\n%s", c.err);
    T_ASSERT(c.out[0] == 0, "stdout: %s", c.out);
}

T_TEST(deadlock, report_and_exit_2) {
    static const int procs[] = {1, 4};
    for (int i = 0; i < 2; i++) check_deadlock_report(run_child(setup_deadlock, procs[i]));
}

/* The same channel report when another goroutine holds the channel. */
static int dl2_main(G *g, Value *L) {
    switch (PC) {
    case 0:
        CHECK(rt_mutex_lock(g, mu) == RT_OK);
        spawn(dl_holder_fn, g, 0);
        PC = 2;
        return MOCK_NEXT;
    case 2:
        AWAIT(chan_recv(g, dl_held_chan, &L[2], NULL));
        return MOCK_DONE;
    }
    return MOCK_DONE;
}
static Closure *setup_deadlock2(void) {
    dl_held_chan = chan_make(mock_chan_type(1), 2, "prog.go", 13);
    dl_holder_fn = mock_fn("main.holder", dl_holder, 4);
    return mock_fn("main.main", dl2_main, 4);
}
T_TEST(deadlock, explains_who_holds_the_channel) {
    Child c = run_child(setup_deadlock2, 2);
    T_ASSERT(c.status == 2, "status %d\n%s", c.status, c.err);
    T_ASSERT(strstr(c.err, "  why: receiving from channel (chan int, buffer 0/2 empty) made at prog.go:13\n"
                            "       goroutine 2 may hold it (a reference is reachable from its registers), but is"
                            " itself blocked [sync.Mutex.Lock] in main.holder"
                            " at mock.go:9\n"),
              "stderr:\n%s", c.err);
}

/* Not a deadlock: a goroutine is in a blocking call; a timer is pending. */
static Closure *blocker_fn;
static _Atomic int release_blocker;
static int blocker(G *g, Value *L) {
    switch (PC) {
    case 0:
        rt_enter_blocking(g);
        while (!atomic_load(&release_blocker)) usleep(1000); /* a real blocking call */
        rt_exit_blocking(g);
        L[2].i = 7;
        PC = 1;
        return MOCK_NEXT;
    case 1:
        AWAIT(chan_send(g, ch, &L[2]));
        return MOCK_DONE;
    }
    return MOCK_DONE;
}
static int blocking_main(G *g, Value *L) {
    switch (PC) {
    case 0:
        waiters[0] = spawn(blocker_fn, g, 0);
        PC = 1;
        return MOCK_NEXT;
    case 1: /* with GOMAXPROCS=1 this only runs if the blocker handed its P off */
        if (atomic_load(&waiters[0]->status) != G_SYSCALL) return MOCK_YIELD;
        L[3].i = rt_nanotime() + 30 * 1000000;
        PC = 2;
        return MOCK_NEXT;
    case 2: /* every M but the blocked one goes idle for a while: no deadlock */
        if (rt_nanotime() < L[3].i) {
            PC = 3;
            return MOCK_NEXT;
        }
        atomic_store(&release_blocker, 1);
        PC = 4;
        return MOCK_NEXT;
    case 3:
        AWAIT(rt_sleep(g, 1000000));
        PC = 2;
        return MOCK_NEXT;
    case 4:
        AWAIT(chan_recv(g, ch, &L[2], NULL));
        CHECK(L[2].i == 7);
        return MOCK_DONE;
    }
    return MOCK_DONE;
}
static Closure *setup_blocking(void) {
    ch = mkchan(1, 0);
    blocker_fn = mock_fn("main.blocker", blocker, 4);
    return mock_fn("main.main", blocking_main, 4);
}
T_TEST(deadlock, not_while_in_blocking_call) { run_ok_procs(setup_blocking, P1_2_4, 3); }

/* A blocking call must not count as a deadlock even when every other
 * goroutine is blocked forever. */
static int blocked_all_main(G *g, Value *L) {
    switch (PC) {
    case 0:
        waiters[0] = spawn(blocker_fn, g, 0);
        spawn(dl_select_fn, g, 0);
        PC = 1;
        return MOCK_NEXT;
    case 1:
        AWAIT(chan_recv(g, ch, &L[2], NULL)); /* the blocker sends after its call */
        return MOCK_DONE;
    }
    return MOCK_DONE;
}
static void *release_later(void *arg) {
    usleep(100 * 1000);
    atomic_store(&release_blocker, 1);
    return NULL;
}
static Closure *setup_blocked_all(void) {
    ch = mkchan(1, 0);
    blocker_fn = mock_fn("main.blocker", blocker, 4);
    dl_select_fn = mock_fn("main.selectWorker", dl_select, 4);
    pthread_t t;
    pthread_create(&t, NULL, release_later, NULL);
    pthread_detach(t);
    return mock_fn("main.main", blocked_all_main, 4);
}
T_TEST(deadlock, not_while_all_others_blocked_and_one_in_syscall) {
    run_ok_procs(setup_blocked_all, P1_2_4, 3);
}

/* ============================================================ sysmon */

/* Short blocking calls keep their P: no thread is woken for them (before
 * the monitor, every call started a spinning M: ~40 us each). A few
 * retakes are allowed, for when the test thread is descheduled inside a
 * call. Then the monitor, idle, parks: it costs nothing while the program
 * only waits (polled with sleeps; the bound is a huge margin). */
static int short_calls_main(G *g, Value *L) {
    switch (PC) {
    case 0: {
        uint64_t wakeups = atomic_load(&sched.nmwakeups), retakes = atomic_load(&rt_sysmon_retakes);
        int64_t t0 = rt_nanotime();
        for (int i = 0; i < 200000 / SCALE; i++) {
            rt_enter_blocking(g);
            rt_exit_blocking(g);
        }
        int64_t ns = rt_nanotime() - t0;
        uint64_t dw = atomic_load(&sched.nmwakeups) - wakeups, dr = atomic_load(&rt_sysmon_retakes) - retakes;
        CHECKF(dw < 1000 && dr < 1000, "%llu thread wake-ups, %llu retakes for 200000 short calls",
               (unsigned long long)dw, (unsigned long long)dr);
        report("short calls: %.0f ns each, %llu wake-ups, %llu retakes\n", (double)ns / (200000 / SCALE),
               (unsigned long long)dw, (unsigned long long)dr);
        L[2].i = rt_nanotime() + 10 * 1000000000LL;
        PC = 1;
        return MOCK_NEXT;
    }
    case 1:
        if (atomic_load(&rt_sysmon_state) == SYSMON_PARKED) return MOCK_DONE;
        CHECKF(rt_nanotime() < L[2].i, "the monitor did not park within 10 s of the last blocking call");
        AWAIT(rt_sleep(g, 5 * 1000000));
        return MOCK_NEXT;
    }
    return MOCK_DONE;
}
static Closure *setup_short_calls(void) { return mock_fn("main.main", short_calls_main, 4); }
T_TEST(sysmon, short_calls_keep_the_p_then_it_parks) { run_ok_procs(setup_short_calls, P1_2_4, 3); }

/* A long call loses its P to the monitor, and the call's M gets a P back
 * afterwards (here: the only one, after main has parked). With GOMAXPROCS=1
 * main runs at all only because the P was retaken (blocking_main, case 1). */
T_TEST(sysmon, long_call_is_retaken) { run_ok_procs(setup_blocking, P1_2_4, 3); }

/* Deadlock in main only after a sleep: the timer keeps it alive until it
 * fires, then the report comes. */
static int sleep_then_deadlock_main(G *g, Value *L) {
    switch (PC) {
    case 0:
        AWAIT(rt_sleep(g, 20 * 1000000));
        PC = 1;
        return MOCK_NEXT;
    case 1:
        AWAIT(chan_recv(g, NULL, &L[2], NULL));
        return MOCK_DONE;
    }
    return MOCK_DONE;
}
static Closure *setup_sleep_deadlock(void) { return mock_fn("main.main", sleep_then_deadlock_main, 4); }
T_TEST(deadlock, after_timers) {
    Child c = run_child(setup_sleep_deadlock, 2);
    T_ASSERT(c.status == 2, "status %d\n%s", c.status, c.err);
    T_ASSERT(strstr(c.err, "goroutine 1 [chan receive (nil chan)]:\n"), "%s", c.err);
    T_ASSERT(strstr(c.err, "  why: receiving from a nil channel blocks forever"), "%s", c.err);
}

/* ================================================================ exit */

/* Returning from main ends the program at once, whatever the others do:
 * spin, sleep for an hour, wait on a channel. Buffered stdout is flushed. */
static Closure *spinner_fn, *long_sleeper_fn;
static int spinner(G *g, Value *L) {
    L[1].i++;
    return MOCK_NEXT;
}
static int long_sleeper(G *g, Value *L) {
    AWAIT(rt_sleep(g, 3600LL * 1000000000));
    return MOCK_DONE;
}
static int exit_main(G *g, Value *L) {
    switch (PC) {
    case 0:
        for (int i = 0; i < 3; i++) spawn(spinner_fn, g, 0);
        spawn(long_sleeper_fn, g, 0);
        spawn(nil_recv_fn, g, 0);
        rt_write_stdout("bye\n", 4);
        PC = 1;
        return MOCK_YIELD;
    case 1:
        return MOCK_DONE;
    }
    return MOCK_DONE;
}
static Closure *setup_exit(void) {
    spinner_fn = mock_fn("main.spin", spinner, 4);
    long_sleeper_fn = mock_fn("main.sleep", long_sleeper, 4);
    nil_recv_fn = mock_fn("main.r", nil_recv, 4);
    return mock_fn("main.main", exit_main, 4);
}
T_TEST(exit, main_return_ends_program) {
    for (int i = 0; i < 3; i++) {
        Child c = run_child_opts(setup_exit, P1_2_4[i], 20, false);
        ASSERT_CHILD_OK(c);
        T_ASSERT(strcmp(c.out, "bye\n") == 0, "%s", c.out);
    }
}

/* init runs on goroutine 1 before main. */
static _Atomic int init_ran;
static int init_fn_step(G *g, Value *L) {
    CHECK(g->id == 1);
    atomic_store(&init_ran, 1);
    return MOCK_DONE;
}
static int after_init_main(G *g, Value *L) {
    CHECK(g->id == 1 && atomic_load(&init_ran));
    return MOCK_DONE;
}
T_TEST(exit, init_then_main) {
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        alarm(20);
        GC_INIT();
        rt_init();
        rt_run_main(mock_fn("main.init", init_fn_step, 4), mock_fn("main.main", after_init_main, 4));
    }
    int st;
    waitpid(pid, &st, 0);
    T_ASSERT(WIFEXITED(st) && WEXITSTATUS(st) == 0, "status %x", st);
}

/* Concurrent exits: exactly one wins, with its own code. */
static Closure *exiter_fn;
static int exiter(G *g, Value *L) {
    rt_exit((int)L[1].i);
}
static int exit_race_main(G *g, Value *L) {
    for (int i = 0; i < 8; i++) spawn(exiter_fn, g, 1, (int64_t)(10 + i));
    AWAIT(chan_recv(g, NULL, &L[2], NULL));
    return MOCK_DONE;
}
static Closure *setup_exit_race(void) {
    exiter_fn = mock_fn("main.exiter", exiter, 4);
    return mock_fn("main.main", exit_race_main, 4);
}
T_TEST(exit, concurrent_exit_first_wins) {
    Child c = run_child(setup_exit_race, 4);
    T_ASSERT(c.status >= 10 && c.status < 18, "status %d: %s", c.status, c.err);
}

/* Output: many goroutines write whole lines; nothing is lost or torn;
 * stderr writes flush stdout first. */
static Closure *writer_fn;
static int writer(G *g, Value *L) {
    if (L[2].i == 500) {
        rt_waitgroup_add(g, wg, -1);
        return MOCK_DONE;
    }
    char line[64];
    int n = snprintf(line, sizeof line, "writer %lld line %lld\n", (long long)L[1].i, (long long)L[2].i);
    rt_write_stdout(line, (size_t)n);
    L[2].i++;
    return L[2].i % 10 ? MOCK_NEXT : MOCK_YIELD;
}
static int output_main(G *g, Value *L) {
    switch (PC) {
    case 0:
        rt_waitgroup_add(g, wg, 8);
        for (int i = 0; i < 8; i++) spawn(writer_fn, g, 1, (int64_t)i);
        PC = 1;
        return MOCK_NEXT;
    case 1:
        AWAIT(rt_waitgroup_wait(g, wg));
        rt_write_stdout("END-OUT\n", 8);
        rt_write_stderr("END-ERR\n", 8);
        return MOCK_DONE;
    }
    return MOCK_DONE;
}
static Closure *setup_output(void) {
    writer_fn = mock_fn("main.writer", writer, 4);
    return mock_fn("main.main", output_main, 4);
}
T_TEST(exit, output_lines_and_order) {
    Child c = run_child_opts(setup_output, 4, 30, true);
    ASSERT_CHILD_OK(c);
    int count = 0;
    for (char *line = strtok(c.out, "\n"); line; line = strtok(NULL, "\n")) {
        int w, l;
        if (strcmp(line, "END-OUT") == 0) {
            const char *next = strtok(NULL, "\n");
            T_ASSERT(next && strcmp(next, "END-ERR") == 0, "after END-OUT: %s", next ? next : "(nothing)");
            break;
        }
        T_ASSERT(sscanf(line, "writer %d line %d", &w, &l) == 2, "torn line: %s", line);
        count++;
    }
    T_ASSERT(count == 8 * 500, "%d lines", count);
}

/* SIGQUIT prints every goroutine and exits 2. */
static int sigquit_main(G *g, Value *L) {
    switch (PC) {
    case 0:
        waiters[0] = spawn(long_sleeper_fn, g, 0);
        PC = 1;
        return MOCK_YIELD;
    case 1:
        if (!parked(waiters[0])) return MOCK_YIELD;
        kill(getpid(), SIGQUIT);
        PC = 2;
        return MOCK_NEXT;
    case 2:
        AWAIT(chan_recv(g, NULL, &L[2], NULL));
        return MOCK_DONE;
    }
    return MOCK_DONE;
}
static Closure *setup_sigquit(void) {
    long_sleeper_fn = mock_fn("main.sleeper", long_sleeper, 4);
    return mock_fn("main.main", sigquit_main, 4);
}
T_TEST(exit, sigquit_dumps_goroutines) {
    Child c = run_child(setup_sigquit, 2);
    T_ASSERT(c.status == 2, "status %d: %s", c.status, c.err);
    T_ASSERT(strncmp(c.err, "SIGQUIT: quit\n", 14) == 0, "%s", c.err);
    T_ASSERT(strstr(c.err, "\ngoroutine 1 ["), "%s", c.err);
    T_ASSERT(strstr(c.err, "goroutine 2 [sleep]:\nmain.sleeper(...)\n"), "%s", c.err);
}

/* ========================================================== scheduling */

/* A goroutine in `for {}` must not starve the others, even on one P:
 * main (and a ping-pong pair) finish while two spinners run forever. */
static int preempt_main(G *g, Value *L) {
    switch (PC) {
    case 0:
        spawn(spinner_fn, g, 0);
        spawn(spinner_fn, g, 0);
        ch = mkchan(1, 0);
        done_ch = NULL;
        spawn(producer_fn, g, 1, (int64_t)1000);
        PC = 1;
        return MOCK_NEXT;
    case 1:
        if (L[1].i == 1000) {
            PC = 2;
            return MOCK_NEXT;
        }
        AWAIT(chan_recv(g, ch, &L[2], NULL));
        CHECK(L[2].i == L[1].i);
        L[1].i++;
        return MOCK_NEXT;
    case 2: /* a timer must fire while the spinners spin */
        AWAIT(rt_sleep(g, 5 * 1000000));
        PC = 3;
        return MOCK_NEXT;
    case 3: /* plain computation of our own, preempted by the spinners */
        if (++L[3].i < 100000) return MOCK_NEXT;
        return MOCK_DONE;
    }
    return MOCK_DONE;
}
static Closure *setup_preempt(void) {
    spinner_fn = mock_fn("main.spin", spinner, 4);
    producer_fn = mock_fn("main.producer", producer, 8);
    return mock_fn("main.main", preempt_main, 4);
}
T_TEST(sched, spinning_goroutines_do_not_starve_others) { run_ok_procs(setup_preempt, P1_2_4, 3); }

/* An unbuffered ping-pong stays on one thread: after warm-up, no M is
 * woken or created and both goroutines always run on the same thread. */
static _Atomic(pthread_t) pp_thread;
static _Atomic int pp_migrations;
static void pp_note_thread(void) {
    pthread_t self = pthread_self(), prev = atomic_exchange(&pp_thread, self);
    if (!pthread_equal(prev, self)) atomic_fetch_add(&pp_migrations, 1);
}
static int echo(G *g, Value *L);
static int pp_echo(G *g, Value *L) {
    pp_note_thread();
    return echo(g, L);
}
static Closure *pp_echo_fn;
static int pp_main(G *g, Value *L) { /* L[1] round, L[7] phase: 0 warm-up, 1 measured */
    pp_note_thread();
    switch (PC) {
    case 0:
        spawn(pp_echo_fn, g, 0);
        PC = 1;
        return MOCK_NEXT;
    case 1:
        if (L[1].i == 2000) {
            if (L[7].i == 0) {
                L[7].i = 1;
                L[1].i = 0;
                L[6].i = (int64_t)atomic_load(&sched.nmwakeups);
                atomic_store(&pp_migrations, 0);
                return MOCK_NEXT;
            }
            uint64_t wakeups = atomic_load(&sched.nmwakeups) - (uint64_t)L[6].i;
            CHECKF(wakeups == 0, "%llu thread wake-ups during a ping-pong", (unsigned long long)wakeups);
            CHECKF(atomic_load(&pp_migrations) == 0, "%d thread switches", atomic_load(&pp_migrations));
            L[2].i = -1;
            PC = 4;
            return MOCK_NEXT;
        }
        L[2].i = L[1].i;
        PC = 2;
        return MOCK_NEXT;
    case 2:
        AWAIT(chan_send(g, ch, &L[2]));
        PC = 3;
        return MOCK_NEXT;
    case 3:
        AWAIT(chan_recv(g, ch2, &L[3], NULL));
        CHECK(L[3].i == L[1].i);
        L[1].i++;
        PC = 1;
        return MOCK_NEXT;
    case 4:
        AWAIT(chan_send(g, ch, &L[2]));
        return MOCK_DONE;
    }
    return MOCK_DONE;
}
static Closure *setup_pp_locality(void) {
    ch = mkchan(1, 0);
    ch2 = mkchan(1, 0);
    pp_echo_fn = mock_fn("main.echo", pp_echo, 4);
    return mock_fn("main.main", pp_main, 8);
}
T_TEST(sched, pingpong_stays_on_one_thread) {
    static const int procs[] = {4, 2};
    run_ok_procs(setup_pp_locality, procs, 2);
}


/* rt_park_thread: a goroutine parks inside a "nested vm_call" (its C stack
 * must be kept): its thread sleeps, the P moves on, and when woken the same
 * thread continues it. */
static Closure *nested_fn;
static _Atomic(pthread_t) nested_thread;
static int nested(G *g, Value *L) {
    pthread_t self = pthread_self();
    atomic_store(&nested_thread, self);
    for (int i = 0; i < 3; i++) {
        int r;
        while ((r = chan_recv(g, ch, &L[2], NULL)) == RT_PARKED) {
            rt_park_thread(g);
            CHECK(pthread_equal(pthread_self(), self));
            CHECK(rt_current_g() == g && atomic_load(&g->status) == G_RUNNING);
        }
        CHECK(r == RT_OK && L[2].i == 40 + i);
    }
    L[3].i = 1;
    while (chan_send(g, done_ch, &L[3]) == RT_PARKED) rt_park_thread(g);
    return MOCK_DONE;
}
static int nested_main(G *g, Value *L) {
    switch (PC) {
    case 0:
        waiters[0] = spawn(nested_fn, g, 0);
        L[1].i = 0;
        PC = 1;
        return MOCK_NEXT;
    case 1:
        if (L[1].i == 3) {
            PC = 3;
            return MOCK_NEXT;
        }
        if (!parked(waiters[0])) return MOCK_YIELD;
        CHECK(waiters[0]->blocked_thread);
        L[2].i = 40 + L[1].i;
        PC = 2;
        return MOCK_NEXT;
    case 2:
        AWAIT(chan_send(g, ch, &L[2]));
        L[1].i++;
        PC = 1;
        return MOCK_NEXT;
    case 3:
        AWAIT(chan_recv(g, done_ch, &L[2], NULL));
        return MOCK_DONE;
    }
    return MOCK_DONE;
}
static Closure *setup_nested(void) {
    ch = mkchan(1, 0);
    done_ch = mkchan(1, 0);
    nested_fn = mock_fn("main.nested", nested, 4);
    return mock_fn("main.main", nested_main, 4);
}
T_TEST(sched, park_thread_nested_call) { run_ok_procs(setup_nested, P1_2_4, 3); }

/* GOMAXPROCS changes at run time: work keeps flowing through a shrink to 1
 * and a growth to 3. NumGoroutine counts blocked goroutines. */
static int procs_main(G *g, Value *L) {
    switch (PC) {
    case 0:
        CHECK(rt_gomaxprocs(0) == 4 && rt_num_cpu() >= 1);
        for (int i = 0; i < 4; i++) spawn(spinner_fn, g, 0);
        rt_waitgroup_add(g, wg, 8);
        for (int i = 0; i < 8; i++) spawn(mu_worker_fn, g, 0);
        CHECK(rt_gomaxprocs(1) == 4);
        PC = 1;
        return MOCK_NEXT;
    case 1:
        AWAIT(rt_waitgroup_wait(g, wg));
        CHECK(mu_counter == 8 * mu_iters);
        CHECK(rt_gomaxprocs(3) == 1 && rt_gomaxprocs(-1) == 3);
        rt_waitgroup_add(g, wg, 8);
        for (int i = 0; i < 8; i++) spawn(mu_worker_fn, g, 0);
        PC = 2;
        return MOCK_NEXT;
    case 2:
        AWAIT(rt_waitgroup_wait(g, wg));
        CHECK(mu_counter == 16 * mu_iters);
        PC = 3;
        return MOCK_NEXT;
    case 3: /* main + the spinners, once the workers have exited */
        return rt_num_goroutine() == 5 ? MOCK_DONE : MOCK_YIELD;
    }
    return MOCK_DONE;
}
static Closure *setup_procs(void) {
    mu_iters = 5000 / SCALE;
    spinner_fn = mock_fn("main.spin", spinner, 4);
    mu_worker_fn = mock_fn("main.worker", mu_worker, 8);
    return mock_fn("main.main", procs_main, 4);
}
T_TEST(sched, gomaxprocs_at_run_time) { ASSERT_CHILD_OK(run_child(setup_procs, 4)); }

/* Spawn 100,000 goroutines that all block, then release them; measure the
 * memory of a parked goroutine. */
static int64_t n_spawn;
static Closure *parker_fn;
static Chan *gate;
static int parker(G *g, Value *L) {
    AWAIT(chan_recv(g, gate, &L[2], NULL));
    rt_waitgroup_add(g, wg, -1);
    return MOCK_DONE;
}
static size_t heap_used(void) {
    GC_gcollect();
    return GC_get_heap_size() - GC_get_free_bytes();
}
static int spawn_main(G *g, Value *L) {
    static size_t before;
    switch (PC) {
    case 0:
        before = heap_used();
        rt_waitgroup_add(g, wg, n_spawn);
        for (int64_t i = 0; i < n_spawn; i++) spawn(parker_fn, g, 0);
        PC = 1;
        return MOCK_NEXT;
    case 1: {
        /* wait until every one of them is parked on the gate */
        int64_t parked_n = 0;
        rt_lock(&gate->lock);
        for (Sudog *s = gate->recvq.first; s; s = s->next) parked_n++;
        rt_unlock(&gate->lock);
        if (parked_n < n_spawn) return MOCK_YIELD;
        CHECK(rt_num_goroutine() == n_spawn + 1);
        size_t after = heap_used();
        double per = (double)(after - before) / (double)n_spawn;
        report("parked goroutine: %.0f bytes\n", per);
        if (!getenv("GC_DONT_GC")) CHECKF(per <= 1024, "%.0f bytes per parked goroutine", per);
        CHECK(chan_close(g, gate) == RT_OK);
        PC = 3;
        return MOCK_NEXT;
    }
    case 3:
        AWAIT(rt_waitgroup_wait(g, wg));
        PC = 4;
        return MOCK_NEXT;
    case 4: { /* Done comes just before each goroutine exits */
        if (rt_num_goroutine() != 1) return MOCK_YIELD;
        /* The dead goroutines beyond the free lists' capacity are released. */
        size_t after = heap_used();
        double per = (double)(after > before ? after - before : 0) / (double)n_spawn;
        report("after they exit: %.0f bytes per goroutine retained\n", per);
        if (!getenv("GC_DONT_GC") && n_spawn >= 100000) CHECKF(per < 120, "%.0f bytes retained", per);
        return MOCK_DONE;
    }
    }
    return MOCK_DONE;
}
static Closure *setup_spawn(void) {
    n_spawn = 100000 / SCALE;
    gate = mkchan(1, 0);
    parker_fn = mock_fn("main.parker", parker, 4);
    return mock_fn("main.main", spawn_main, 4);
}
T_TEST(sched, spawn_100k_goroutines) {
    for (int i = 0; i < 3; i++) {
        Child c = run_child(setup_spawn, P1_2_4[i]);
        ASSERT_CHILD_OK(c);
        if (i == 0) T_LOG("%s", c.out);
    }
}

/* ============================================================== stress */

/* Producers send unique values through plain sends, blocking selects and
 * selects with default over random channels (buffered and not); consumers
 * receive through selects over every open channel and plain receives, and
 * drop a channel when it reports closed; a closer closes everything when
 * the producers are done. Every value must arrive exactly once. */
#define ST_CH 4
static Chan *st_ch[ST_CH];
static Value st_prod_wg[2], st_cons_wg[2], st_mu[2];
static int64_t st_per, st_sum, st_count;
static int st_producers, st_consumers;
static Closure *st_prod_fn, *st_cons_fn, *st_closer_fn;

static int st_producer(G *g, Value *L) { /* L[1] id, L[2] i, L[3] value, L[4] mode, L[5..7] channels */
    switch (PC) {
    case 0:
        if (L[2].i == st_per) {
            rt_waitgroup_add(g, st_prod_wg, -1);
            return MOCK_DONE;
        }
        L[3].i = L[1].i * st_per + L[2].i + 1;
        L[4].i = rt_fastrandn(3);
        for (int i = 5; i <= 7; i++) L[i].i = rt_fastrandn(ST_CH);
        PC = 1;
        return MOCK_NEXT;
    case 1: {
        int chosen = -1;
        if (L[4].i == 0) {
            AWAIT(chan_send(g, st_ch[L[5].i], &L[3]));
        } else if (L[4].i == 1) {
            SelectCase cs[4] = {{st_ch[L[5].i], true, &L[3], NULL},
                                {st_ch[L[6].i], true, &L[3], NULL},
                                {st_ch[L[7].i], true, &L[3], NULL},
                                {NULL, false, NULL, NULL}};
            AWAIT(select_go(g, cs, 4, false, &chosen));
            CHECK(chosen >= 0 && chosen < 3);
        } else {
            SelectCase cs[2] = {{st_ch[L[5].i], true, &L[3], NULL}, {st_ch[L[6].i], true, &L[3], NULL}};
            CHECK(select_go(g, cs, 2, true, &chosen) == RT_OK);
            if (chosen < 0) { /* nothing ready: pick again, later */
                PC = 0;
                return MOCK_YIELD;
            }
        }
        L[2].i++;
        PC = 0;
        return MOCK_NEXT;
    }
    }
    return MOCK_DONE;
}

static int st_consumer(G *g, Value *L) {
    /* L[2..5] channel still open, L[6] sum, L[7] count, L[8] mode, L[9] channel, L[10] value, L[11] ok */
    switch (PC) {
    case 0:
        for (int i = 0; i < ST_CH; i++) L[2 + i].i = 1;
        PC = 1;
        return MOCK_NEXT;
    case 1: {
        int open = 0;
        for (int i = 0; i < ST_CH; i++) open += (int)L[2 + i].i;
        if (open == 0) {
            PC = 3;
            return MOCK_NEXT;
        }
        /* Consumers 0..ST_CH-1 each serve one channel with plain receives
         * (so a plain send always has a receiver); the others use selects
         * over every open channel. */
        L[8].i = L[1].i < ST_CH;
        L[9].i = L[1].i % ST_CH;
        if (L[8].i && !L[2 + L[9].i].i) {
            PC = 3;
            return MOCK_NEXT;
        }
        PC = 2;
        return MOCK_NEXT;
    }
    case 2: {
        int got = -1;
        bool ok = false;
        if (L[8].i) {
            AWAIT(chan_recv(g, st_ch[L[9].i], &L[10], OKP(L[11])));
            got = (int)L[9].i;
            ok = *OKP(L[11]);
        } else {
            SelectCase cs[ST_CH];
            for (int i = 0; i < ST_CH; i++)
                cs[i] = (SelectCase){L[2 + i].i ? st_ch[i] : NULL, false, &L[10], OKP(L[11])};
            AWAIT(select_go(g, cs, ST_CH, false, &got));
            ok = *OKP(L[11]);
        }
        if (ok) {
            CHECK(L[10].i > 0);
            L[6].i += L[10].i;
            L[7].i++;
        } else {
            CHECK(L[10].i == 0);
            L[2 + got].i = 0; /* closed: stop listening to it */
            if (L[8].i) {
                PC = 3;
                return MOCK_NEXT;
            }
        }
        PC = 1;
        return MOCK_NEXT;
    }
    case 3:
        AWAIT(rt_mutex_lock(g, st_mu));
        st_sum += L[6].i;
        st_count += L[7].i;
        rt_mutex_unlock(g, st_mu);
        rt_waitgroup_add(g, st_cons_wg, -1);
        return MOCK_DONE;
    }
    return MOCK_DONE;
}

static int st_closer(G *g, Value *L) {
    AWAIT(rt_waitgroup_wait(g, st_prod_wg));
    for (int i = 0; i < ST_CH; i++) CHECK(chan_close(g, st_ch[i]) == RT_OK);
    return MOCK_DONE;
}

static int st_main(G *g, Value *L) {
    switch (PC) {
    case 0:
        rt_waitgroup_add(g, st_prod_wg, st_producers);
        rt_waitgroup_add(g, st_cons_wg, st_consumers);
        spawn(st_closer_fn, g, 0);
        for (int i = 0; i < st_consumers; i++) spawn(st_cons_fn, g, 1, (int64_t)i);
        for (int i = 0; i < st_producers; i++) spawn(st_prod_fn, g, 1, (int64_t)i);
        PC = 1;
        return MOCK_NEXT;
    case 1: {
        AWAIT(rt_waitgroup_wait(g, st_cons_wg));
        int64_t n = st_producers * st_per;
        CHECKF(st_count == n, "received %lld of %lld", (long long)st_count, (long long)n);
        CHECKF(st_sum == n * (n + 1) / 2, "sum %lld, want %lld", (long long)st_sum, (long long)(n * (n + 1) / 2));
        for (int i = 0; i < ST_CH; i++) CHECK(!st_ch[i]->recvq.first && !st_ch[i]->sendq.first);
        return MOCK_DONE;
    }
    }
    return MOCK_DONE;
}

static Closure *setup_stress(void) {
    static const int caps[ST_CH] = {0, 1, 0, 16};
    for (int i = 0; i < ST_CH; i++) st_ch[i] = mkchan(1, caps[i]);
    st_producers = 7;
    st_consumers = ST_CH + 3;
    st_per = 4000 / SCALE;
    st_prod_fn = mock_fn("main.producer", st_producer, 16);
    st_cons_fn = mock_fn("main.consumer", st_consumer, 16);
    st_closer_fn = mock_fn("main.closer", st_closer, 4);
    return mock_fn("main.main", st_main, 4);
}
T_TEST(stress, message_conservation) {
    static const int procs[] = {2, 3, 4, 1};
    for (int round = 0; round < 3; round++) run_ok_procs(setup_stress, procs, 4);
}

/* ========================================================== benchmarks */

/* Unbuffered ping-pong round trip and spawn+join, in ns (compare: compiled
 * Go 1.19 on the same machine). Run: test_runtime --filter bench/'*' -j1
 * --verbose. The assertions only catch pathological slowness. */
static int64_t bench_n;
static Closure *echo_fn, *joiner_fn;
static int echo(G *g, Value *L) {
    switch (PC) {
    case 0:
        AWAIT(chan_recv(g, ch, &L[2], NULL));
        if (L[2].i < 0) return MOCK_DONE;
        PC = 1;
        return MOCK_NEXT;
    case 1:
        AWAIT(chan_send(g, ch2, &L[2]));
        PC = 0;
        return MOCK_NEXT;
    }
    return MOCK_DONE;
}
static int pingpong_main(G *g, Value *L) {
    switch (PC) {
    case 0:
        spawn(echo_fn, g, 0);
        L[5].i = rt_nanotime();
        PC = 1;
        return MOCK_NEXT;
    case 1:
        if (L[1].i == bench_n) {
            report("pingpong_ns %.1f\n", (double)(rt_nanotime() - L[5].i) / (double)bench_n);
            L[2].i = -1;
            PC = 3;
            return MOCK_NEXT;
        }
        L[2].i = L[1].i;
        AWAIT(chan_send(g, ch, &L[2]));
        PC = 2;
        return MOCK_NEXT;
    case 2:
        AWAIT(chan_recv(g, ch2, &L[3], NULL));
        CHECK(L[3].i == L[1].i);
        L[1].i++;
        PC = 1;
        return MOCK_NEXT;
    case 3:
        AWAIT(chan_send(g, ch, &L[2]));
        return MOCK_DONE;
    }
    return MOCK_DONE;
}
static Closure *setup_pingpong(void) {
    ch = mkchan(1, 0);
    ch2 = mkchan(1, 0);
    bench_n = 1000000 / SCALE;
    echo_fn = mock_fn("main.echo", echo, 4);
    return mock_fn("main.main", pingpong_main, 8);
}

static int joiner(G *g, Value *L) {
    rt_waitgroup_add(g, wg, -1);
    return MOCK_DONE;
}
static int spawnjoin_main(G *g, Value *L) {
    switch (PC) {
    case 0:
        L[5].i = rt_nanotime();
        rt_waitgroup_add(g, wg, bench_n);
        PC = 1;
        return MOCK_NEXT;
    case 1: /* one `go` statement per step, as in a loop of the real VM */
        spawn(joiner_fn, g, 0);
        if (++L[1].i == bench_n) PC = 2;
        return MOCK_NEXT;
    case 2:
        AWAIT(rt_waitgroup_wait(g, wg));
        report("spawnjoin_ns %.1f\n", (double)(rt_nanotime() - L[5].i) / (double)bench_n);
        return MOCK_DONE;
    }
    return MOCK_DONE;
}
static Closure *setup_spawnjoin(void) {
    bench_n = 1000000 / SCALE;
    if (getenv("MOCK_BUDGET")) mock_budget = atoi(getenv("MOCK_BUDGET"));
    joiner_fn = mock_fn("main.joiner", joiner, 4);
    return mock_fn("main.main", spawnjoin_main, 8);
}

static double bench_value(Setup setup, int procs, const char *key) {
    Child c = run_child(setup, procs);
    ASSERT_CHILD_OK(c);
    const char *p = strstr(c.out, key);
    T_ASSERT(p, "%s", c.out);
    return atof(p + strlen(key));
}

T_TEST(bench, pingpong_round_trip) {
    double one = bench_value(setup_pingpong, 1, "pingpong_ns");
    double all = bench_value(setup_pingpong, 0, "pingpong_ns");
    T_LOG("unbuffered ping-pong round trip: %.0f ns (GOMAXPROCS=1), %.0f ns (default)", one, all);
    T_ASSERT(one < 20000 * SCALE, "%.0f ns", one);
    T_ASSERT(all < 20000 * SCALE, "%.0f ns", all);
}

T_TEST(bench, spawn_and_join) {
    double one = bench_value(setup_spawnjoin, 1, "spawnjoin_ns");
    double all = bench_value(setup_spawnjoin, 0, "spawnjoin_ns");
    T_LOG("spawn + join: %.0f ns per goroutine (GOMAXPROCS=1), %.0f ns (default)", one, all);
    T_ASSERT(one < 50000 * SCALE, "%.0f ns", one);
    T_ASSERT(all < 50000 * SCALE, "%.0f ns", all);
}
