/* runq.c - run queues: each P's lock-free local ring plus runnext slot, and
 * the global queue (after Go's runqput/runqget/runqgrab in proc.go).
 *
 * INVARIANTS of a local queue:
 *  - Only the owning P's M puts into the ring (writes runq[tail] and then
 *    publishes tail with a release store). Anyone takes from the head by a
 *    CAS on runqhead; a thief copies entries and then claims them with that
 *    CAS, so an entry is taken by exactly one thread.
 *  - tail - head <= RUNQ_SIZE. A thief may read a stale head/tail pair; it
 *    retries when the pair is inconsistent.
 *  - runnext is taken by CAS (owner or thief), put by CAS (owner only).
 *    It is not "stealable work" for wake-up decisions: a G there runs next
 *    on this P, which is the point of a channel handoff.
 * Ring slots are atomics (relaxed): a thief may read a slot the owner is
 * overwriting; the head CAS then fails and the value is discarded.
 */
#include "rt_internal.h"

#include <unistd.h>

/* How many times in a row a P runs its runnext G before it looks at the
 * ring first. Two goroutines handing a value back and forth live in
 * runnext; without this limit they would starve the rest of the ring. */
#define RUNNEXT_INHERIT_MAX 32

static void runqputslow(P *p, G *g, uint32_t h, uint32_t t);

void runqput(P *p, G *g, bool next) {
    if (next) {
        G *old = atomic_load_explicit(&p->runnext, memory_order_relaxed);
        while (!atomic_compare_exchange_weak_explicit(&p->runnext, &old, g, memory_order_release,
                                                      memory_order_relaxed)) {
        }
        if (!old) return;
        g = old; /* kick the previous runnext to the tail of the ring */
    }
    for (;;) {
        uint32_t h = atomic_load_explicit(&p->runqhead, memory_order_acquire);
        uint32_t t = atomic_load_explicit(&p->runqtail, memory_order_relaxed);
        if (t - h < RUNQ_SIZE) {
            atomic_store_explicit(&p->runq[t % RUNQ_SIZE], g, memory_order_relaxed);
            atomic_store_explicit(&p->runqtail, t + 1, memory_order_release);
            return;
        }
        runqputslow(p, g, h, t);
        return;
    }
}

/* The ring is full: move half of it and g to the global queue. */
static void runqputslow(P *p, G *g, uint32_t h, uint32_t t) {
    for (;;) {
        uint32_t n = (t - h) / 2;
        G *batch[RUNQ_SIZE / 2 + 1];
        for (uint32_t i = 0; i < n; i++)
            batch[i] = atomic_load_explicit(&p->runq[(h + i) % RUNQ_SIZE], memory_order_relaxed);
        if (atomic_compare_exchange_strong_explicit(&p->runqhead, &h, h + n, memory_order_release,
                                                    memory_order_acquire)) {
            batch[n] = g;
            for (uint32_t i = 0; i < n; i++) batch[i]->schedlink = batch[i + 1];
            g->schedlink = NULL;
            rt_lock(&sched.lock);
            globrunqputbatch(batch[0], g, (int32_t)n + 1);
            rt_unlock(&sched.lock);
            return;
        }
        /* Thieves took some: there may be room now. */
        t = atomic_load_explicit(&p->runqtail, memory_order_relaxed);
        if (t - h < RUNQ_SIZE) {
            atomic_store_explicit(&p->runq[t % RUNQ_SIZE], g, memory_order_relaxed);
            atomic_store_explicit(&p->runqtail, t + 1, memory_order_release);
            return;
        }
    }
}

static G *take_runnext(P *p) {
    G *next = atomic_load_explicit(&p->runnext, memory_order_acquire);
    while (next) {
        if (atomic_compare_exchange_weak_explicit(&p->runnext, &next, NULL, memory_order_acquire,
                                                  memory_order_acquire))
            return next;
    }
    return NULL;
}

G *runqget(P *p) {
    if (p->inherit < RUNNEXT_INHERIT_MAX) {
        G *next = take_runnext(p);
        if (next) {
            p->inherit++;
            return next;
        }
    }
    p->inherit = 0;
    for (;;) {
        uint32_t h = atomic_load_explicit(&p->runqhead, memory_order_acquire);
        uint32_t t = atomic_load_explicit(&p->runqtail, memory_order_relaxed);
        if (t == h) break;
        G *g = atomic_load_explicit(&p->runq[h % RUNQ_SIZE], memory_order_relaxed);
        if (atomic_compare_exchange_weak_explicit(&p->runqhead, &h, h + 1, memory_order_release,
                                                  memory_order_relaxed))
            return g;
    }
    return take_runnext(p);
}

bool runq_has_stealable(P *p) {
    uint32_t h = atomic_load_explicit(&p->runqhead, memory_order_relaxed);
    uint32_t t = atomic_load_explicit(&p->runqtail, memory_order_relaxed);
    return t != h;
}

bool runq_empty(P *p) {
    return !runq_has_stealable(p) && atomic_load_explicit(&p->runnext, memory_order_relaxed) == NULL;
}

/* Copy half of victim's ring into batch (the thief's own ring, starting at
 * batch_head) and claim it. Returns the number of Gs taken. */
static uint32_t runqgrab(P *victim, _Atomic(G *) *batch, uint32_t batch_head, bool steal_runnext) {
    for (;;) {
        uint32_t h = atomic_load_explicit(&victim->runqhead, memory_order_acquire);
        uint32_t t = atomic_load_explicit(&victim->runqtail, memory_order_acquire);
        uint32_t n = t - h;
        n = n - n / 2;
        if (n == 0) {
            if (!steal_runnext) return 0;
            G *next = atomic_load_explicit(&victim->runnext, memory_order_acquire);
            if (!next) return 0;
            /* The owner is probably about to run it (it was just readied by
             * a handoff): give it a moment so we do not bounce the G. */
            if (atomic_load_explicit(&victim->status, memory_order_relaxed) == P_RUNNING) usleep(3);
            if (!atomic_compare_exchange_strong_explicit(&victim->runnext, &next, NULL,
                                                         memory_order_acquire, memory_order_relaxed))
                continue;
            atomic_store_explicit(&batch[batch_head % RUNQ_SIZE], next, memory_order_relaxed);
            return 1;
        }
        if (n > RUNQ_SIZE / 2) continue; /* read an inconsistent head/tail pair */
        for (uint32_t i = 0; i < n; i++) {
            G *g = atomic_load_explicit(&victim->runq[(h + i) % RUNQ_SIZE], memory_order_relaxed);
            atomic_store_explicit(&batch[(batch_head + i) % RUNQ_SIZE], g, memory_order_relaxed);
        }
        if (atomic_compare_exchange_strong_explicit(&victim->runqhead, &h, h + n, memory_order_release,
                                                    memory_order_relaxed))
            return n;
    }
}

G *runqsteal(P *p, P *victim, bool steal_runnext) {
    uint32_t t = atomic_load_explicit(&p->runqtail, memory_order_relaxed);
    uint32_t n = runqgrab(victim, p->runq, t, steal_runnext);
    if (n == 0) return NULL;
    n--;
    G *g = atomic_load_explicit(&p->runq[(t + n) % RUNQ_SIZE], memory_order_relaxed);
    if (n == 0) return g;
    atomic_store_explicit(&p->runqtail, t + n, memory_order_release);
    return g;
}

/* ------------------------------------------------------------ global queue */

void globrunqput(G *g) {
    g->schedlink = NULL;
    if (sched.runqtail)
        sched.runqtail->schedlink = g;
    else
        sched.runqhead = g;
    sched.runqtail = g;
    atomic_store_explicit(&sched.runqsize, sched.runqsize + 1, memory_order_relaxed);
}

void globrunqputbatch(G *head, G *tail, int32_t n) {
    tail->schedlink = NULL;
    if (sched.runqtail)
        sched.runqtail->schedlink = head;
    else
        sched.runqhead = head;
    sched.runqtail = tail;
    atomic_store_explicit(&sched.runqsize, sched.runqsize + n, memory_order_relaxed);
}

static G *globrunqpop(void) {
    G *g = sched.runqhead;
    sched.runqhead = g->schedlink;
    if (!sched.runqhead) sched.runqtail = NULL;
    g->schedlink = NULL;
    return g;
}

/* Take a fair share of the global queue into p: one G to run now, the
 * rest into p's ring. max > 0 limits the total. */
G *globrunqget(P *p, int32_t max) {
    int32_t size = sched.runqsize;
    if (size == 0) return NULL;
    int32_t procs = atomic_load_explicit(&sched.gomaxprocs, memory_order_relaxed);
    int32_t n = size / procs + 1;
    if (n > size) n = size;
    if (max > 0 && n > max) n = max;
    if (n > RUNQ_SIZE / 2) n = RUNQ_SIZE / 2;
    atomic_store_explicit(&sched.runqsize, size - n, memory_order_relaxed);
    G *g = globrunqpop();
    for (n--; n > 0; n--) runqput(p, globrunqpop(), false);
    return g;
}

void runq_drain_to_global(P *p) {
    G *g;
    p->inherit = RUNNEXT_INHERIT_MAX; /* take the ring first, then runnext */
    while ((g = runqget(p))) globrunqput(g);
    p->inherit = 0;
}
