/* sync.c - sync.Mutex, RWMutex and WaitGroup over the semaphores of
 * sema.c (after Go's sync/mutex.go, rwmutex.go and waitgroup.go). The slot
 * layouts are documented at the top of sema.c.
 *
 * A contended Lock parks the goroutine, never the thread; there is no
 * spinning. Every operation that parks is re-executed on wake-up (the
 * runtime.h contract), so the state a loop carries across a park lives in
 * g->park: park.when holds a Mutex waiter's wait-start time, and
 * park.selected tells RWMutex.Lock which of its two waits it parked in.
 *
 * MUTEX (Go's algorithm minus spinning). Normal mode: Unlock wakes one
 * waiter, which competes with newcomers for the lock (barging keeps
 * throughput up); a waiter that loses queues again at the front. A waiter
 * that waited over 1 ms switches the mutex to starvation mode: Unlock then
 * hands ownership directly to the first waiter and newcomers queue behind,
 * until a waiter finds it is the last one or waited less than 1 ms.
 */
#include "rt_internal.h"
#include "sema.h"

enum {
    MUTEX_LOCKED = 1,
    MUTEX_WOKEN = 2,
    MUTEX_STARVING = 4,
    MUTEX_WAITER_SHIFT = 3,
};
#define STARVATION_NS 1000000

static inline _Atomic int64_t *mutex_state(Value *m) { return (_Atomic int64_t *)&m[0]; }
static inline _Atomic uint32_t *mutex_sema(Value *m) { return (_Atomic uint32_t *)&m[1]; }

/* ------------------------------------------------------------------ Mutex */

bool rt_mutex_trylock(Value *m) {
    int64_t old = atomic_load(mutex_state(m));
    if (old & (MUTEX_LOCKED | MUTEX_STARVING)) return false;
    return atomic_compare_exchange_strong(mutex_state(m), &old, old | MUTEX_LOCKED);
}

static int mutex_lock(G *g, Value *m, WaitReason reason, void *obj) {
    _Atomic int64_t *state = mutex_state(m);
    bool awoke = false, starving = false;
    int64_t wait_start = 0, old;

    if (atomic_load_explicit(&g->park.state, memory_order_acquire) == PARK_DONE) {
        /* Woken by Unlock, holding a semaphore token. */
        wait_start = g->park.when;
        park_reset(g);
        goto woken;
    }
    old = 0;
    if (atomic_compare_exchange_strong(state, &old, MUTEX_LOCKED)) return RT_OK; /* fast path */

    for (;;) {
        int64_t new = old;
        if (!(old & MUTEX_STARVING)) new |= MUTEX_LOCKED; /* newcomers never take a starving mutex */
        if (old & (MUTEX_LOCKED | MUTEX_STARVING)) new += 1 << MUTEX_WAITER_SHIFT;
        if (starving && (old & MUTEX_LOCKED)) new |= MUTEX_STARVING;
        if (awoke) new &= ~(int64_t)MUTEX_WOKEN;
        if (!atomic_compare_exchange_weak(state, &old, new)) continue;
        if (!(old & (MUTEX_LOCKED | MUTEX_STARVING))) return RT_OK; /* locked it */

        bool lifo = wait_start != 0; /* woken before and lost: go first */
        if (!wait_start) wait_start = rt_nanotime();
        int r = sema_acquire(g, mutex_sema(m), lifo, reason, obj);
        if (r == RT_PARKED) {
            g->park.when = wait_start;
            return RT_PARKED;
        }
    woken:
        starving = starving || rt_nanotime() - wait_start > STARVATION_NS;
        old = atomic_load(state);
        if (old & MUTEX_STARVING) {
            /* Ownership was handed to us; we are still counted as a waiter
             * and the locked bit is clear. Fix both. */
            int64_t delta = MUTEX_LOCKED - (1 << MUTEX_WAITER_SHIFT);
            if (!starving || (old >> MUTEX_WAITER_SHIFT) == 1) delta -= MUTEX_STARVING;
            atomic_fetch_add(state, delta);
            return RT_OK;
        }
        awoke = true;
    }
}

int rt_mutex_lock(G *g, Value *m) { return mutex_lock(g, m, WAIT_MUTEX, m); }

int rt_mutex_unlock(G *g, Value *m) {
    _Atomic int64_t *state = mutex_state(m);
    int64_t new = atomic_fetch_add(state, -MUTEX_LOCKED) - MUTEX_LOCKED;
    if (new == 0) return RT_OK; /* fast path: nobody waits */
    if (((new + MUTEX_LOCKED) & MUTEX_LOCKED) == 0) rt_fatal("sync: unlock of unlocked mutex", true);
    if (new & MUTEX_STARVING) {
        sema_release(mutex_sema(m)); /* hand ownership to the first waiter */
        return RT_OK;
    }
    int64_t old = new;
    for (;;) {
        /* No waiters, or someone was already woken or took the lock. */
        if ((old >> MUTEX_WAITER_SHIFT) == 0 || (old & (MUTEX_LOCKED | MUTEX_WOKEN | MUTEX_STARVING)))
            return RT_OK;
        int64_t next = (old - (1 << MUTEX_WAITER_SHIFT)) | MUTEX_WOKEN;
        if (atomic_compare_exchange_weak(state, &old, next)) {
            sema_release(mutex_sema(m));
            return RT_OK;
        }
    }
}

/* ---------------------------------------------------------------- RWMutex */

#define RW_MAX_READERS (1 << 30)
enum { RW_PHASE_WRITER_LOCK = 0, RW_PHASE_READERS = 1 };

static inline _Atomic uint32_t *rw_writer_sem(Value *rw) { return (_Atomic uint32_t *)&rw[2]; }
static inline _Atomic uint32_t *rw_reader_sem(Value *rw) { return (_Atomic uint32_t *)&rw[2] + 1; }
static inline _Atomic int32_t *rw_reader_count(Value *rw) { return (_Atomic int32_t *)&rw[3]; }
static inline _Atomic int32_t *rw_reader_wait(Value *rw) { return (_Atomic int32_t *)&rw[3] + 1; }

int rt_rwmutex_rlock(G *g, Value *rw) {
    if (atomic_load_explicit(&g->park.state, memory_order_acquire) == PARK_DONE) {
        park_reset(g); /* the writer's Unlock let us in */
        return RT_OK;
    }
    if (atomic_fetch_add(rw_reader_count(rw), 1) + 1 < 0) /* a writer is pending */
        return sema_acquire(g, rw_reader_sem(rw), false, WAIT_RWMUTEX_R, rw);
    return RT_OK;
}

int rt_rwmutex_runlock(G *g, Value *rw) {
    int32_t r = atomic_fetch_add(rw_reader_count(rw), -1) - 1;
    if (r < 0) {
        if (r + 1 == 0 || r + 1 == -RW_MAX_READERS) rt_fatal("sync: RUnlock of unlocked RWMutex", true);
        /* A writer is pending: the last departing reader lets it in. */
        if (atomic_fetch_add(rw_reader_wait(rw), -1) - 1 == 0) sema_release(rw_writer_sem(rw));
    }
    return RT_OK;
}

int rt_rwmutex_lock(G *g, Value *rw) {
    if (atomic_load_explicit(&g->park.state, memory_order_acquire) == PARK_DONE &&
        g->park.selected == RW_PHASE_READERS) {
        park_reset(g); /* the last reader left */
        return RT_OK;
    }
    /* First resolve competition with other writers (re-entered after a
     * park inside it: mutex_lock sees PARK_DONE and finishes). */
    int r = mutex_lock(g, rw, WAIT_RWMUTEX_W, rw);
    if (r != RT_OK) return r;
    /* Announce the writer, then wait for the active readers to leave. */
    int32_t readers = atomic_fetch_add(rw_reader_count(rw), -RW_MAX_READERS);
    if (readers != 0 && atomic_fetch_add(rw_reader_wait(rw), readers) + readers != 0) {
        r = sema_acquire(g, rw_writer_sem(rw), false, WAIT_RWMUTEX_W, rw);
        if (r == RT_PARKED) g->park.selected = RW_PHASE_READERS;
        return r;
    }
    return RT_OK;
}

int rt_rwmutex_unlock(G *g, Value *rw) {
    int32_t r = atomic_fetch_add(rw_reader_count(rw), RW_MAX_READERS) + RW_MAX_READERS;
    if (r >= RW_MAX_READERS) rt_fatal("sync: Unlock of unlocked RWMutex", true);
    for (int32_t i = 0; i < r; i++) sema_release(rw_reader_sem(rw)); /* readers blocked meanwhile */
    return rt_mutex_unlock(g, rw);
}

/* -------------------------------------------------------------- WaitGroup */

static inline _Atomic uint64_t *wg_state(Value *wg) { return (_Atomic uint64_t *)&wg[0]; }
static inline _Atomic uint32_t *wg_sema(Value *wg) { return (_Atomic uint32_t *)&wg[1]; }

int rt_waitgroup_add(G *g, Value *wg, int64_t delta) {
    uint64_t d = (uint64_t)delta << 32;
    uint64_t st = atomic_fetch_add(wg_state(wg), d) + d;
    int32_t v = (int32_t)(st >> 32);
    uint32_t w = (uint32_t)st;
    if (v < 0) {
        vm_panic_string(g, "sync: negative WaitGroup counter");
        return RT_PANIC;
    }
    if (w != 0 && delta > 0 && v == (int32_t)delta) {
        vm_panic_string(g, "sync: WaitGroup misuse: Add called concurrently with Wait");
        return RT_PANIC;
    }
    if (v > 0 || w == 0) return RT_OK;
    /* The counter reached zero with waiters: nobody may touch the state
     * now but us. Reset it and release every waiter. */
    if (atomic_load(wg_state(wg)) != st) {
        vm_panic_string(g, "sync: WaitGroup misuse: Add called concurrently with Wait");
        return RT_PANIC;
    }
    atomic_store(wg_state(wg), 0);
    for (; w > 0; w--) sema_release(wg_sema(wg));
    return RT_OK;
}

static int wait_done(G *g, Value *wg) {
    if (atomic_load(wg_state(wg)) != 0) {
        vm_panic_string(g, "sync: WaitGroup is reused before previous Wait has returned");
        return RT_PANIC;
    }
    return RT_OK;
}

int rt_waitgroup_wait(G *g, Value *wg) {
    if (atomic_load_explicit(&g->park.state, memory_order_acquire) == PARK_DONE) {
        park_reset(g);
        return wait_done(g, wg);
    }
    uint64_t st = atomic_load(wg_state(wg));
    for (;;) {
        if ((int32_t)(st >> 32) == 0) return RT_OK;
        if (atomic_compare_exchange_weak(wg_state(wg), &st, st + 1)) { /* one more waiter */
            int r = sema_acquire(g, wg_sema(wg), false, WAIT_WAITGROUP, wg);
            return r == RT_PARKED ? r : wait_done(g, wg);
        }
    }
}

/* RWMutex.TryRLock / TryLock (Go 1.18): never park. */
bool rt_rwmutex_tryrlock(Value *rw) {
    int32_t c = atomic_load(rw_reader_count(rw));
    while (c >= 0)
        if (atomic_compare_exchange_weak(rw_reader_count(rw), &c, c + 1)) return true;
    return false; /* a writer holds it or waits */
}

bool rt_rwmutex_trylock(Value *rw) {
    if (!rt_mutex_trylock(rw)) return false;
    int32_t zero = 0;
    if (!atomic_compare_exchange_strong(rw_reader_count(rw), &zero, -RW_MAX_READERS)) {
        rt_mutex_unlock(NULL, rw); /* readers are in: give the writer lock back */
        return false;
    }
    return true;
}
