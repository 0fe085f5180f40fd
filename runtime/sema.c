/* sema.c - semaphores and notify lists keyed by address (after Go's
 * runtime/sema.go), the parking layer under sync.Mutex, RWMutex,
 * WaitGroup and Cond (sync.c).
 *
 * A semaphore is a uint32 count inside a Go variable. Waiters live in a
 * fixed table of SEMTAB_SIZE roots hashed by address; each root has a lock,
 * a FIFO list of the sudogs of every address hashing to it, and a count of
 * waiters (nwait) that lets release skip the lock when nobody waits.
 *
 * NO LOST WAKE-UPS. Acquire increments nwait, then re-tries the count;
 * release increments the count, then reads nwait (both sequentially
 * consistent), so at least one of them sees the other.
 *
 * HANDOFF. Release gives the token straight to the first waiter (it takes
 * it from the count on the waiter's behalf before waking it), so a woken
 * waiter never competes again. If a running goroutine grabbed the token
 * first, the waiter stays queued for the next release.
 *
 * NOTIFY LISTS (sync.Cond, Go's notifyList): a Cond's slot holds two
 * uint32 tickets, wait (next ticket to hand out) and notify (next ticket to
 * wake). A waiter takes a ticket *before* releasing the Cond's Locker, then
 * parks unless its ticket was already notified; Signal wakes the waiter
 * holding ticket `notify`, Broadcast every ticket below `wait`. A signal
 * between the Unlock and the park is therefore never lost.
 *
 * SLOT LAYOUTS of the sync types (one Value slot = 64 bits; a uint32 field
 * uses the low half of its slot unless noted):
 *   Mutex      2 slots: [0] state (int64: bit0 locked, bit1 woken,
 *                            bit2 starving, bits 3.. waiter count)
 *                       [1] sema
 *   RWMutex    4 slots: [0..1] w, a Mutex serialising writers
 *                       [2] writerSem (low 32 bits), readerSem (high 32)
 *                       [3] readerCount (int32, low), readerWait (int32, high)
 *   WaitGroup  2 slots: [0] state (uint64: counter in the high 32 bits,
 *                            waiter count in the low 32)
 *                       [1] sema
 *   Cond       1 slot:  [0] notify list: wait ticket (low 32), notify (high 32)
 * The zero value of each is ready to use.
 */
#include "rt_internal.h"
#include "sema.h"

#define SEMTAB_SIZE 251

typedef struct SemaRoot {
    RtLock lock;
    _Atomic uint32_t nwait; /* waiters queued here (any address) */
    Sudog *head, *tail;
    char pad[64 - sizeof(RtLock) - sizeof(uint32_t) - 2 * sizeof(void *)];
} SemaRoot;

/* Static, hence scanned by the collector: the sudogs queued here (and the
 * goroutines they point to) stay alive. */
static SemaRoot semtable[SEMTAB_SIZE];

static SemaRoot *semroot(const void *addr) { return &semtable[((uintptr_t)addr >> 3) % SEMTAB_SIZE]; }

static void root_append(SemaRoot *r, Sudog *s) {
    s->next = NULL;
    s->prev = r->tail;
    if (r->tail)
        r->tail->next = s;
    else
        r->head = s;
    r->tail = s;
}

/* Insert s before the first waiter for the same address (LIFO for that
 * address), or at the end. */
static void root_push_front(SemaRoot *r, Sudog *s) {
    Sudog *x = r->head;
    while (x && x->key != s->key) x = x->next;
    if (!x) {
        root_append(r, s);
        return;
    }
    s->next = x;
    s->prev = x->prev;
    if (x->prev)
        x->prev->next = s;
    else
        r->head = s;
    x->prev = s;
}

static void root_remove(SemaRoot *r, Sudog *s) {
    if (s->prev)
        s->prev->next = s->next;
    else
        r->head = s->next;
    if (s->next)
        s->next->prev = s->prev;
    else
        r->tail = s->prev;
    s->next = s->prev = NULL;
}

static void unlock_root(G *g, void *arg) { rt_unlock(&((SemaRoot *)arg)->lock); }

static bool cansemacquire(_Atomic uint32_t *addr) {
    uint32_t v = atomic_load(addr);
    while (v > 0)
        if (atomic_compare_exchange_weak(addr, &v, v - 1)) return true;
    return false;
}

static int park_in_root(G *g, SemaRoot *r, Sudog *s, WaitReason reason, void *obj) {
    g->park.waiting = s;
    g->park.obj = obj;
    g->wait_reason = reason;
    atomic_store_explicit(&g->park.state, PARK_WAITING, memory_order_relaxed);
    g->unlockf = unlock_root;
    g->unlock_arg = r;
    return RT_PARKED;
}

int sema_acquire(G *g, _Atomic uint32_t *addr, bool lifo, WaitReason reason, void *obj) {
    if (cansemacquire(addr)) return RT_OK;
    SemaRoot *r = semroot(addr);
    rt_lock(&r->lock);
    atomic_fetch_add(&r->nwait, 1);
    if (cansemacquire(addr)) {
        atomic_fetch_sub(&r->nwait, 1);
        rt_unlock(&r->lock);
        return RT_OK;
    }
    Sudog *s = sudog_get();
    s->g = g;
    s->key = (void *)addr;
    if (lifo)
        root_push_front(r, s);
    else
        root_append(r, s);
    return park_in_root(g, r, s, reason, obj);
}

void sema_release(_Atomic uint32_t *addr) {
    atomic_fetch_add(addr, 1);
    SemaRoot *r = semroot(addr);
    if (atomic_load(&r->nwait) == 0) return;
    rt_lock(&r->lock);
    Sudog *s = r->head;
    while (s && s->key != (void *)addr) s = s->next;
    if (!s || !cansemacquire(addr)) { /* no waiter, or the token was taken */
        rt_unlock(&r->lock);
        return;
    }
    root_remove(r, s);
    atomic_fetch_sub(&r->nwait, 1);
    G *w = s->g;
    atomic_store_explicit(&w->park.state, PARK_DONE, memory_order_release);
    rt_unlock(&r->lock);
    rt_ready(w);
}

int rt_semacquire(G *g, uint32_t *addr, WaitReason reason) {
    if (atomic_load_explicit(&g->park.state, memory_order_acquire) == PARK_DONE) {
        park_reset(g); /* the releaser handed us the token */
        return RT_OK;
    }
    return sema_acquire(g, (_Atomic uint32_t *)addr, false, reason, addr);
}

void rt_semrelease(uint32_t *addr) { sema_release((_Atomic uint32_t *)addr); }

/* ------------------------------------------------------------ notify lists */

static inline _Atomic uint32_t *nl_wait(Value *c) { return (_Atomic uint32_t *)&c[0]; }
static inline _Atomic uint32_t *nl_notify(Value *c) { return (_Atomic uint32_t *)&c[0] + 1; }
static inline bool ticket_less(uint32_t a, uint32_t b) { return (int32_t)(a - b) < 0; }

uint32_t rt_cond_add(Value *c) { return atomic_fetch_add(nl_wait(c), 1); }

int rt_cond_wait_ticket(G *g, Value *c, uint32_t ticket) {
    if (atomic_load_explicit(&g->park.state, memory_order_acquire) == PARK_DONE) {
        park_reset(g);
        return RT_OK;
    }
    SemaRoot *r = semroot(c);
    rt_lock(&r->lock);
    if (ticket_less(ticket, atomic_load(nl_notify(c)))) { /* already notified */
        rt_unlock(&r->lock);
        return RT_OK;
    }
    Sudog *s = sudog_get();
    s->g = g;
    s->key = c;
    s->ticket = ticket;
    root_append(r, s);
    atomic_fetch_add(&r->nwait, 1);
    return park_in_root(g, r, s, WAIT_COND, c);
}

int rt_cond_wait(G *g, Value *c) {
    if (atomic_load_explicit(&g->park.state, memory_order_acquire) == PARK_DONE)
        return rt_cond_wait_ticket(g, c, 0);
    return rt_cond_wait_ticket(g, c, rt_cond_add(c));
}

static G *wake_sudog(SemaRoot *r, Sudog *s) {
    root_remove(r, s);
    atomic_fetch_sub(&r->nwait, 1);
    G *w = s->g;
    atomic_store_explicit(&w->park.state, PARK_DONE, memory_order_release);
    return w;
}

void rt_cond_signal(Value *c) {
    /* No waiter since the last notification: nothing to do, no lock. */
    if (atomic_load(nl_wait(c)) == atomic_load(nl_notify(c))) return;
    SemaRoot *r = semroot(c);
    rt_lock(&r->lock);
    uint32_t t = atomic_load(nl_notify(c));
    if (t == atomic_load(nl_wait(c))) {
        rt_unlock(&r->lock);
        return;
    }
    atomic_store(nl_notify(c), t + 1);
    /* The ticket holder may not have parked yet; then it will see its
     * ticket notified and not park at all. */
    for (Sudog *s = r->head; s; s = s->next) {
        if (s->key == (void *)c && s->ticket == t) {
            G *w = wake_sudog(r, s);
            rt_unlock(&r->lock);
            rt_ready(w);
            return;
        }
    }
    rt_unlock(&r->lock);
}

void rt_cond_broadcast(Value *c) {
    if (atomic_load(nl_wait(c)) == atomic_load(nl_notify(c))) return;
    SemaRoot *r = semroot(c);
    rt_lock(&r->lock);
    atomic_store(nl_notify(c), atomic_load(nl_wait(c)));
    G *list = NULL, **tail = &list; /* keep the waiters' order */
    for (Sudog *s = r->head; s;) {
        Sudog *next = s->next;
        if (s->key == (void *)c) {
            G *w = wake_sudog(r, s);
            w->schedlink = NULL;
            *tail = w;
            tail = &w->schedlink;
        }
        s = next;
    }
    rt_unlock(&r->lock);
    while (list) {
        G *w = list;
        list = w->schedlink;
        w->schedlink = NULL;
        rt_ready(w);
    }
}
