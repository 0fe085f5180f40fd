/* timer.c - runtime timers and time.Sleep: one min-heap of Timers ordered by
 * deadline, under timers.lock (after Go's runtime/time.go, without the
 * per-P heaps).
 *
 * INVARIANTS
 *  - t->index is t's position in the heap, or -1 when t is not scheduled.
 *  - rt_timers_next is the earliest deadline (INT64_MAX when the heap is
 *    empty) and rt_ntimers the heap size; both are written under the lock
 *    and read without it as cheap "anything due?" checks.
 *  - Who runs due timers: a running M at each schedule and budget check
 *    (rt_should_yield), and the idle "timer sleeper" M, which sleeps until
 *    rt_timers_next (sched.c). Adding a timer earlier than the sleeper's
 *    deadline wakes it.
 *  - Firing happens outside the lock: a Sleep timer readies its G, a
 *    channel timer does a non-blocking send of the time, an AfterFunc timer
 *    spawns a goroutine. A periodic timer is re-armed before it fires.
 *
 * Sleep adds the G's timer only in the park's unlock function, once the G
 * is parked, so the timer can never ready a G that is still running.
 */
#include "rt_internal.h"

static struct {
    RtLock lock;
    Timer **heap; /* collected array */
    int32_t len, cap;
} timers;

_Atomic int64_t rt_timers_next = INT64_MAX;
_Atomic int32_t rt_ntimers;

void (*rt_timer_value)(Value *dst, int64_t now_wall, int64_t now_mono);

/* --------------------------------------------------------------- the heap */

static void heap_set(int32_t i, Timer *t) {
    timers.heap[i] = t;
    t->index = i;
}

static void sift_up(int32_t i) {
    Timer *t = timers.heap[i];
    while (i > 0) {
        int32_t parent = (i - 1) / 2;
        if (timers.heap[parent]->when <= t->when) break;
        heap_set(i, timers.heap[parent]);
        i = parent;
    }
    heap_set(i, t);
}

static void sift_down(int32_t i) {
    Timer *t = timers.heap[i];
    for (;;) {
        int32_t c = 2 * i + 1;
        if (c >= timers.len) break;
        if (c + 1 < timers.len && timers.heap[c + 1]->when < timers.heap[c]->when) c++;
        if (timers.heap[c]->when >= t->when) break;
        heap_set(i, timers.heap[c]);
        i = c;
    }
    heap_set(i, t);
}

static void publish_next(void) {
    atomic_store(&rt_timers_next, timers.len ? timers.heap[0]->when : INT64_MAX);
    atomic_store(&rt_ntimers, timers.len);
}

static void heap_add(Timer *t) {
    if (timers.len == timers.cap) {
        int32_t cap = timers.cap ? timers.cap * 2 : 64;
        Timer **h = gc_alloc((size_t)cap * sizeof(Timer *));
        if (timers.len) memcpy(h, timers.heap, (size_t)timers.len * sizeof(Timer *));
        timers.heap = h;
        timers.cap = cap;
    }
    heap_set(timers.len++, t);
    sift_up(t->index);
    publish_next();
}

static void heap_remove(Timer *t) {
    int32_t i = t->index;
    Timer *last = timers.heap[--timers.len];
    timers.heap[timers.len] = NULL;
    t->index = -1;
    if (i < timers.len) {
        heap_set(i, last);
        sift_down(i);
        sift_up(last->index);
    }
    publish_next();
}

/* ---------------------------------------------------------------- firing */

static void send_time(Chan *c) {
    uint32_t n = c->elemsize;
    Value v[n ? n : 1];
    memset(v, 0, sizeof v);
    if (rt_timer_value)
        rt_timer_value(v, rt_walltime(), rt_nanotime());
    else if (n)
        v[0].i = rt_walltime();
    chan_try_send(c, v);
}

typedef struct Fired {
    Chan *c;
    Closure *fn;
    G *g;
} Fired;

#define FIRE_BATCH 32

int timers_run(int64_t now) {
    int total = 0;
    for (;;) {
        Fired fired[FIRE_BATCH];
        int n = 0;
        rt_lock(&timers.lock);
        while (timers.len > 0 && timers.heap[0]->when <= now && n < FIRE_BATCH) {
            Timer *t = timers.heap[0];
            fired[n++] = (Fired){t->c, t->fn, t->g};
            if (t->period > 0) {
                /* Re-arm; a late ticker skips the ticks it missed, as Go's does. */
                t->when += t->period * (1 + (now - t->when) / t->period);
                sift_down(0);
                publish_next();
            } else {
                heap_remove(t);
                t->g = NULL;
            }
        }
        bool more = timers.len > 0 && timers.heap[0]->when <= now;
        rt_unlock(&timers.lock);
        for (int i = 0; i < n; i++) {
            if (fired[i].g) {
                G *g = fired[i].g;
                atomic_store_explicit(&g->park.state, PARK_DONE, memory_order_release);
                rt_ready(g);
            }
            if (fired[i].c) send_time(fired[i].c);
            if (fired[i].fn) /* as Go: "created by time.goFunc" */
                sched_spawn(fired[i].fn, NULL, 0, "time.goFunc", 0, "$GOROOT/src/time/sleep.go", 176);
        }
        total += n;
        if (!more) return total;
    }
}

/* ------------------------------------------------------------ public API */

static void timer_add(Timer *t) {
    rt_lock(&timers.lock);
    heap_add(t);
    int64_t when = t->when; /* once unlocked, t may fire and be re-armed */
    rt_unlock(&timers.lock);
    sched_wake_timer_sleeper(when);
}

static int64_t deadline_after(int64_t d) {
    int64_t now = rt_nanotime();
    return d > INT64_MAX - now ? INT64_MAX - 1 : now + d;
}

Timer *rt_timer_new(int64_t when, int64_t period, Chan *c, Closure *fn) {
    Timer *t = NEW(Timer);
    t->when = when;
    t->period = period;
    t->c = c;
    t->fn = fn;
    t->index = -1;
    timer_add(t);
    return t;
}

bool rt_timer_stop(Timer *t) {
    rt_lock(&timers.lock);
    bool pending = t->index >= 0;
    if (pending) heap_remove(t);
    rt_unlock(&timers.lock);
    return pending;
}

bool rt_timer_reset(Timer *t, int64_t when, int64_t period) {
    rt_lock(&timers.lock);
    bool pending = t->index >= 0;
    if (pending) heap_remove(t);
    t->when = when;
    t->period = period;
    heap_add(t);
    rt_unlock(&timers.lock);
    sched_wake_timer_sleeper(when);
    return pending;
}

/* Park commit of Sleep: g is parked now, so its timer may fire. */
static void sleep_commit(G *g, void *arg) { timer_add((Timer *)arg); }

/* Park commit of Sleep(0): yield, at the back of the global queue. */
static void yield_commit(G *g, void *arg) {
    g_set_status(g, G_RUNNABLE);
    sched_globrunqput_wake(g);
}

int rt_sleep(G *g, int64_t d) {
    if (atomic_load_explicit(&g->park.state, memory_order_acquire) == PARK_DONE) {
        park_reset(g);
        return RT_OK;
    }
    atomic_store_explicit(&g->park.state, PARK_WAITING, memory_order_relaxed);
    if (d <= 0) {
        atomic_store_explicit(&g->park.state, PARK_DONE, memory_order_relaxed);
        g->wait_reason = WAIT_NONE;
        g->unlockf = yield_commit;
        g->unlock_arg = NULL;
        return RT_PARKED;
    }
    Timer *t = g->park.timer;
    if (!t) t = g->park.timer = NEW(Timer);
    t->when = deadline_after(d);
    t->period = 0;
    t->c = NULL;
    t->fn = NULL;
    t->g = g;
    t->index = -1;
    g->park.when = t->when;
    g->wait_reason = WAIT_SLEEP;
    g->unlockf = sleep_commit;
    g->unlock_arg = t;
    return RT_PARKED;
}
