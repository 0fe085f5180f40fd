/* gs.c - goroutine objects: allocation, recycling, the list of all
 * goroutines, and sudogs (after Go's gfget/gfput, allgadd, acquireSudog).
 *
 * Dead Gs are recycled through free lists (per P, then a global one), so
 * `go f()` usually allocates nothing. A dead G keeps a zeroed stack of the
 * initial size; a stack or frame array the VM grew is dropped so one deep
 * goroutine does not pin memory forever.
 *
 * allgs lists every G that is alive or on a free list (for dumps). After a
 * burst of goroutines the global free list is capped at GFREE_GLOBAL_MAX:
 * further dead Gs are marked discarded and, once they are a large part of
 * allgs, compacted out of it, so the collector reclaims them. An array that
 * allgs replaces (growth, compaction) is cleared: the collector is
 * conservative, and one stale word pointing at an old array would keep
 * every goroutine it listed alive. Readers therefore only touch allgs under
 * allglock; rt_for_each_g iterates over a private copy.
 *
 * A new goroutine costs: the G (~300 bytes), G_STACK_SLOTS Values (256
 * bytes) and G_FRAMES frames (128 bytes); parked, one sudog (~80 bytes).
 */
#include "rt_internal.h"

#include <stdlib.h>

#define GFREE_GLOBAL_MAX 8192 /* dead Gs kept for reuse (~5 MB) */
#define G_DISCARDED (G_DEAD + 1) /* status of a dead G waiting to be compacted out of allgs */

static RtLock allglock;
static G **allgs; /* collected array: the root that keeps every G alive */
static size_t allglen, allgcap;
static size_t ndiscarded; /* entries of allgs marked G_DISCARDED */

static RtLock gflock; /* global free list of dead Gs */
static G *gfree_global;
static _Atomic int32_t ngfree_global;

#define SUDOG_GLOBAL_MAX 4096 /* beyond this, freed sudogs are left to the collector */

static RtLock sudoglock; /* global free list of sudogs, linked through next */
static Sudog *sudog_global;
static int32_t nsudog_global;

static _Atomic int64_t goidgen;

int64_t g_next_id(void) { return atomic_fetch_add_explicit(&goidgen, 1, memory_order_relaxed) + 1; }

/* allglock held. */
static void allgs_replace(G **a, size_t n) {
    if (allgs) memset(allgs, 0, allglen * sizeof(G *));
    allgs = a;
    allglen = n;
}

void allg_add(G *g) {
    rt_lock(&allglock);
    if (allglen == allgcap) {
        size_t cap = allgcap ? allgcap * 2 : 1024;
        G **a = gc_alloc(cap * sizeof(G *));
        if (allglen) memcpy(a, allgs, allglen * sizeof(G *));
        allgs_replace(a, allglen);
        allgcap = cap;
    }
    allgs[allglen++] = g;
    rt_unlock(&allglock);
}

/* Drop g from allgs (eventually): it is dead and on no list. */
static void allg_discard(G *g) {
    g_set_status(g, G_DISCARDED);
    rt_lock(&allglock);
    if (++ndiscarded >= 1024 && ndiscarded * 4 >= allglen) { /* amortised: O(allglen) per allglen/4 */
        size_t keep = allglen - ndiscarded, cap = 1024, n = 0;
        while (cap < 2 * keep) cap *= 2;
        G **a = gc_alloc(cap * sizeof(G *));
        for (size_t i = 0; i < allglen; i++)
            if (atomic_load(&allgs[i]->status) != G_DISCARDED) a[n++] = allgs[i];
        allgs_replace(a, n);
        allgcap = cap;
        ndiscarded = 0;
    }
    rt_unlock(&allglock);
}

void rt_for_each_g(void (*fn)(G *g, void *ctx), void *ctx) {
    /* A private copy: fn may iterate again (nested), or spawn. */
    rt_lock(&allglock);
    size_t n = allglen;
    G **a = gc_alloc((n ? n : 1) * sizeof(G *));
    if (n) memcpy(a, allgs, n * sizeof(G *));
    rt_unlock(&allglock);
    for (size_t i = 0; i < n; i++) {
        int st = atomic_load(&a[i]->status);
        if (st == G_RUNNABLE || st == G_RUNNING || st == G_WAITING || st == G_SYSCALL) fn(a[i], ctx);
    }
}

void g_set_status(G *g, int status) { atomic_store_explicit(&g->status, status, memory_order_release); }

static G *g_alloc(void) {
    G *g = NEW(G);
    g->status = G_DEAD;
    allg_add(g);
    return g;
}

/* Give g its initial stack and frames if it has none (new, or recycled
 * after growing). */
static void g_init_stack(G *g) {
    if (!g->stack) {
        g->stack = gc_alloc(G_STACK_SLOTS * sizeof(Value));
        g->stack_size = G_STACK_SLOTS;
    }
    if (!g->frames) {
        g->frames = gc_alloc(G_FRAMES * sizeof(Frame));
        g->frames_cap = G_FRAMES;
    }
}

G *g_get(P *p) {
    G *g = NULL;
    if (p) {
        if (!p->gfree && atomic_load_explicit(&ngfree_global, memory_order_relaxed) > 0) {
            /* Refill half the local cache from the global list. */
            rt_lock(&gflock);
            while (gfree_global && p->ngfree < GFREE_LOCAL_MAX / 2) {
                G *x = gfree_global;
                gfree_global = x->schedlink;
                ngfree_global--;
                x->schedlink = p->gfree;
                p->gfree = x;
                p->ngfree++;
            }
            rt_unlock(&gflock);
        }
        if (p->gfree) {
            g = p->gfree;
            p->gfree = g->schedlink;
            p->ngfree--;
        }
    } else {
        rt_lock(&gflock);
        if (gfree_global) {
            g = gfree_global;
            gfree_global = g->schedlink;
            ngfree_global--;
        }
        rt_unlock(&gflock);
    }
    if (!g) g = g_alloc();
    g->schedlink = NULL;
    g_init_stack(g);
    g->status = G_IDLE;
    return g;
}

/* Forget everything a dead G referenced so the collector can reclaim it. */
static void g_clear(G *g) {
    if (g->stack_size == G_STACK_SLOTS)
        memset(g->stack, 0, G_STACK_SLOTS * sizeof(Value));
    else {
        g->stack = NULL;
        g->stack_size = 0;
    }
    if (g->frames_cap == G_FRAMES)
        memset(g->frames, 0, G_FRAMES * sizeof(Frame));
    else {
        g->frames = NULL;
        g->frames_cap = 0;
    }
    g->nframes = 0;
    g->defers = NULL;
    g->panic = NULL;
    g->nested = 0;
    memset(g->panic_scratch, 0, sizeof g->panic_scratch);
    g->wait_reason = WAIT_NONE;
    g->unlockf = NULL;
    g->unlock_arg = NULL;
    Timer *t = g->park.timer; /* a sleeping G's timer is reused */
    memset(&g->park, 0, sizeof g->park);
    g->park.timer = t;
    g->m = NULL;
    g->preempt = false;
    g->blocked_thread = false;
    g->thread_cond = NULL;
    g->start_fn = NULL;
    g->created_file = NULL;
    g->created_line = 0;
    g->created_by = NULL;
    g->created_goid = 0;
    atomic_store_explicit(&g->select_done, 0, memory_order_relaxed);
}

/* Put g on the global free list, or discard it if the list is full.
 * gflock held; returns the G to discard (after unlocking), or NULL. */
static G *gfree_global_push(G *g) {
    if (ngfree_global >= GFREE_GLOBAL_MAX) return g;
    g->schedlink = gfree_global;
    gfree_global = g;
    ngfree_global++;
    return NULL;
}

void g_put(P *p, G *g) {
    g_clear(g);
    g_set_status(g, G_DEAD);
    if (!p) {
        rt_lock(&gflock);
        G *drop = gfree_global_push(g);
        rt_unlock(&gflock);
        if (drop) allg_discard(drop);
        return;
    }
    g->schedlink = p->gfree;
    p->gfree = g;
    p->ngfree++;
    if (p->ngfree >= GFREE_LOCAL_MAX) {
        G *drop = NULL;
        rt_lock(&gflock);
        while (p->ngfree > GFREE_LOCAL_MAX / 2) {
            G *x = p->gfree;
            p->gfree = x->schedlink;
            p->ngfree--;
            if ((x = gfree_global_push(x))) {
                x->schedlink = drop;
                drop = x;
            }
        }
        rt_unlock(&gflock);
        while (drop) {
            G *x = drop;
            drop = x->schedlink;
            x->schedlink = NULL;
            allg_discard(x);
        }
    }
}

/* ------------------------------------------------------------------ sudogs */

/* sudoglock held. */
static void sudog_global_push(Sudog *s) {
    if (nsudog_global >= SUDOG_GLOBAL_MAX) return; /* garbage now */
    s->next = sudog_global;
    sudog_global = s;
    nsudog_global++;
}

Sudog *sudog_get(void) {
    P *p = tls_m ? tls_m->p : NULL;
    if (p) {
        if (p->nsudog == 0) {
            rt_lock(&sudoglock);
            while (sudog_global && p->nsudog < SUDOG_CACHE / 2) {
                Sudog *s = sudog_global;
                sudog_global = s->next;
                nsudog_global--;
                s->next = NULL;
                p->sudogcache[p->nsudog++] = s;
            }
            rt_unlock(&sudoglock);
        }
        if (p->nsudog > 0) return p->sudogcache[--p->nsudog];
    }
    return NEW(Sudog);
}

void sudog_put(Sudog *s) {
    memset(s, 0, sizeof *s);
    P *p = tls_m ? tls_m->p : NULL;
    if (p && p->nsudog < SUDOG_CACHE) {
        p->sudogcache[p->nsudog++] = s;
        return;
    }
    if (p) {
        /* Spill half of the cache, then keep s. */
        rt_lock(&sudoglock);
        while (p->nsudog > SUDOG_CACHE / 2) {
            Sudog *x = p->sudogcache[--p->nsudog];
            p->sudogcache[p->nsudog] = NULL;
            sudog_global_push(x);
        }
        rt_unlock(&sudoglock);
        p->sudogcache[p->nsudog++] = s;
        return;
    }
    rt_lock(&sudoglock);
    sudog_global_push(s);
    rt_unlock(&sudoglock);
}

void park_reset(G *g) {
    Sudog *s = g->park.waiting;
    while (s) {
        Sudog *next = s->waitlink;
        sudog_put(s);
        s = next;
    }
    g->park.waiting = NULL;
    g->park.ok = false;
    g->park.selected = 0;
    g->park.closed = false;
    g->park.obj = NULL;
    g->park.when = 0;
    g->wait_reason = WAIT_NONE;
    atomic_store_explicit(&g->park.state, PARK_NONE, memory_order_relaxed);
}

void p_flush_caches(P *p) {
    G *drop = NULL;
    rt_lock(&gflock);
    while (p->gfree) {
        G *x = p->gfree;
        p->gfree = x->schedlink;
        if ((x = gfree_global_push(x))) {
            x->schedlink = drop;
            drop = x;
        }
    }
    p->ngfree = 0;
    rt_unlock(&gflock);
    while (drop) {
        G *x = drop;
        drop = x->schedlink;
        x->schedlink = NULL;
        allg_discard(x);
    }
    rt_lock(&sudoglock);
    while (p->nsudog > 0) {
        Sudog *x = p->sudogcache[--p->nsudog];
        p->sudogcache[p->nsudog] = NULL;
        sudog_global_push(x);
    }
    rt_unlock(&sudoglock);
}
