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
#include <criterion/criterion.h>
#include <criterion/logging.h>

#include "../../runtime/rt_internal.h"

#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

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

static G *spawnp(Closure *fn, G *parent, void *arg) {
    Value a = {.p = arg};
    return rt_spawn(fn, &a, 1, parent, "test.go", 101);
}

/* --------------------------------------------------------- child harness */

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
    return c;
}

static Child run_child(Setup setup, int procs) { return run_child_opts(setup, procs, 60 * SCALE, false); }

#define ASSERT_CHILD_OK(c)                                                                         \
    cr_assert_eq((c).status, 0, "child exit status %d\n--- stderr:\n%.6000s\n--- stdout:\n%.2000s", (c).status, \
                 (c).err, (c).out)

/* Run a scenario with several GOMAXPROCS values. */
static void run_ok_procs(Setup setup, const int *procs, int n) {
    for (int i = 0; i < n; i++) {
        Child c = run_child(setup, procs[i]);
        cr_assert_eq(c.status, 0, "GOMAXPROCS=%d: child exit status %d\n--- stderr:\n%.6000s\n--- stdout:\n%.2000s",
                     procs[i], c.status, c.err, c.out);
    }
}
static const int P1_2_4[] = {1, 2, 4};

/* Yield until g is parked (used by tests that must observe a waiting G). */
static bool parked(G *x) { return atomic_load(&x->status) == G_WAITING; }

/* ============================================================ channels */

static Chan *ch, *ch2, *done_ch;
static Closure *producer_fn, *echo_fn;
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

Test(chan, unbuffered_fifo) { run_ok_procs(setup_unbuffered, P1_2_4, 3); }
Test(chan, buffered_fifo) { run_ok_procs(setup_buffered, P1_2_4, 3); }

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
Test(chan, buffer_basics) { ASSERT_CHILD_OK(run_child(setup_buffer, 1)); }

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
Test(chan, close_semantics) { run_ok_procs(setup_close, P1_2_4, 3); }

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
Test(chan, nil_channel_blocks_forever) { run_ok_procs(setup_nil, P1_2_4, 3); }

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
Test(select, nonblocking_and_default) { ASSERT_CHILD_OK(run_child(setup_select_nonblocking, 1)); }

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
    printf("select fairness: %ld / %ld\n", count[0], count[1]);
    return MOCK_DONE;
}
static Closure *setup_select_fair(void) { return mock_fn("main.main", select_fair_main, 4); }
Test(select, uniform_choice) {
    Child c = run_child(setup_select_fair, 1);
    ASSERT_CHILD_OK(c);
    cr_log_info("%s", c.out);
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
Test(select, blocks_and_wakes) { run_ok_procs(setup_select_block, P1_2_4, 3); }

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
Test(select, many_cases_one_channel) { run_ok_procs(setup_select_dup, P1_2_4, 3); }

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
Test(select, one_waiter_many_channels) { run_ok_procs(setup_select_many, P1_2_4, 3); }

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
Test(select, no_cases_blocks_forever) { ASSERT_CHILD_OK(run_child(setup_select_forever, 2)); }

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
Test(sync, mutex_exclusion) {
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
Test(sync, mutex_contended_lock_parks) { run_ok_procs(setup_mutex_park, P1_2_4, 3); }

static int mu_unlock_unlocked_main(G *g, Value *L) {
    rt_mutex_unlock(g, mu);
    CHECK(!"unlock of an unlocked mutex returned");
    return MOCK_DONE;
}
static Closure *setup_mutex_unlock_unlocked(void) { return mock_fn("main.main", mu_unlock_unlocked_main, 4); }
Test(sync, unlock_of_unlocked_mutex_is_fatal) {
    Child c = run_child(setup_mutex_unlock_unlocked, 2);
    cr_assert_eq(c.status, 2, "status %d, stderr:\n%s", c.status, c.err);
    cr_assert(strncmp(c.err, "fatal error: sync: unlock of unlocked mutex\n\ngoroutine 1 [running]:\n", 66) == 0,
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
Test(sync, waitgroup) { run_ok_procs(setup_wg, P1_2_4, 3); }

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
        /* blocking states */
        CHECK(rt_rwmutex_rlock(g, rw) == RT_OK);
        waiters[0] = spawn(rw_writer_fn, g, 0); /* will wait for our read lock */
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
        printf("max concurrent readers: %d\n", atomic_load(&rw_max_readers));
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
Test(sync, rwmutex) { run_ok_procs(setup_rw, P1_2_4, 3); }

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
Test(sync, cond_signal_broadcast) { run_ok_procs(setup_cond, P1_2_4, 3); }

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
Test(sync, semaphore_handoff) { run_ok_procs(setup_sema, P1_2_4, 3); }

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
Test(timer, heap_order_stop_reset) { ASSERT_CHILD_OK(run_child(setup_timer_heap, 1)); }

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
Test(timer, sleep_timers_tickers) { run_ok_procs(setup_sleep, P1_2_4, 3); }

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
        printf("cpu while sleeping 300ms: %.4fs\n", used);
        return MOCK_DONE;
    }
    return MOCK_DONE;
}
static Closure *setup_idle(void) { return mock_fn("main.main", idle_main, 4); }
Test(timer, sleeping_program_is_idle) {
    Child c = run_child(setup_idle, 4);
    ASSERT_CHILD_OK(c);
}
