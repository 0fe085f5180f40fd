/* select.c - the select statement (after Go's runtime/select.go).
 *
 * FIRST EXECUTION
 *  1. Shuffle the cases with a channel into a random poll order (uniform:
 *     inside-out Fisher-Yates); nil-channel cases never proceed.
 *  2. Lock every distinct channel in address order (the lock order), so
 *     two selects over the same channels cannot deadlock.
 *  3. Poll in poll order; the first ready case completes exactly as a
 *     plain send/receive would, and the select returns.
 *  4. Nothing ready: with default, return -1. Otherwise queue one sudog per
 *     case (in lock order, linked on g->park.waiting), clear
 *     g->select_done and park; the commit function unlocks the channels.
 *
 * WAKE-UP. Any waker on any of the channels dequeues a sudog of ours and
 * must win the CAS of g->select_done from 0 to 1 before completing it
 * (waitq_dequeue), so exactly one case completes even if several channels
 * become ready at once, or one channel appears in several cases. The
 * winner records the case in g->park.selected.
 *
 * SECOND EXECUTION (park.state == PARK_DONE): lock the channels again,
 * unlink the losing sudogs that are still queued (stale sudogs must not
 * outlive the select), unlock, and finish the chosen case.
 */
#include "rt_internal.h"

#include <stdlib.h>

#define SELECT_STACK_CASES 128

/* Channels of the sudogs on g->park.waiting are in lock order; duplicates
 * are adjacent. */
static void waiting_lock(G *g) {
    Chan *prev = NULL;
    for (Sudog *s = g->park.waiting; s; s = s->waitlink) {
        if (s->c != prev) rt_lock(&s->c->lock);
        prev = s->c;
    }
}

static void waiting_unlock(G *g) {
    for (Sudog *s = g->park.waiting; s; s = s->waitlink)
        if (!s->waitlink || s->waitlink->c != s->c) rt_unlock(&s->c->lock);
}

/* Park commit. Once the last channel is unlocked the select may complete
 * on another thread and recycle the sudogs, so each step reads the next
 * sudog before unlocking, and nothing is touched after the last unlock.
 * (The completing select must lock every channel first, so sudogs stay
 * valid while we still hold one of the locks.) */
static void select_commit(G *g, void *arg) {
    Sudog *s = g->park.waiting;
    while (s) {
        Sudog *next = s->waitlink;
        Chan *c = s->c;
        if (!next || next->c != c) rt_unlock(&c->lock);
        s = next;
    }
}

static void lock_in_order(SelectCase *cases, const int *order, int n) {
    Chan *prev = NULL;
    for (int k = 0; k < n; k++) {
        Chan *c = cases[order[k]].c;
        if (c != prev) rt_lock(&c->lock);
        prev = c;
    }
}

static void unlock_in_order(SelectCase *cases, const int *order, int n) {
    for (int k = 0; k < n; k++) {
        Chan *c = cases[order[k]].c;
        if (k + 1 == n || cases[order[k + 1]].c != c) rt_unlock(&c->lock);
    }
}

static void clear_val(Chan *c, Value *val) {
    if (val && c->elemsize) memset(val, 0, c->elemsize * sizeof(Value));
}

static int select_finish(G *g, SelectCase *cases, int n, int *chosen) {
    int casi = g->park.selected;
    bool ok = g->park.ok, closed = g->park.closed;
    Sudog *first = g->park.waiting;
    if (first && first->waitlink) { /* more than one sudog: unlink the losers */
        waiting_lock(g);
        for (Sudog *s = first; s; s = s->waitlink)
            if (s->case_index != casi) waitq_remove(s->is_send ? &s->c->sendq : &s->c->recvq, s);
        waiting_unlock(g);
    }
    park_reset(g);
    atomic_store_explicit(&g->select_done, 0, memory_order_relaxed);
    *chosen = casi;
    SelectCase *sc = &cases[casi];
    if (sc->is_send) {
        if (closed) {
            vm_panic_runtime(g, "send on closed channel");
            return RT_PANIC;
        }
        return RT_OK;
    }
    if (!ok) clear_val(sc->c, sc->val);
    if (sc->ok) *sc->ok = ok;
    return RT_OK;
}

static int park_forever(G *g, WaitReason reason) {
    g->wait_reason = reason;
    atomic_store_explicit(&g->park.state, PARK_WAITING, memory_order_relaxed);
    g->unlockf = NULL;
    g->unlock_arg = NULL;
    return RT_PARKED;
}

/* Sort case indexes by channel address (then by index). */
static void sort_lockorder(SelectCase *cases, int *order, int n) {
    for (int i = 1; i < n; i++) {
        int x = order[i];
        uintptr_t cx = (uintptr_t)cases[x].c;
        int j = i - 1;
        while (j >= 0 && ((uintptr_t)cases[order[j]].c > cx ||
                          ((uintptr_t)cases[order[j]].c == cx && order[j] > x))) {
            order[j + 1] = order[j];
            j--;
        }
        order[j + 1] = x;
    }
}

static int cmp_case_chan(const void *a, const void *b, void *arg) {
    SelectCase *cases = arg;
    int x = *(const int *)a, y = *(const int *)b;
    uintptr_t cx = (uintptr_t)cases[x].c, cy = (uintptr_t)cases[y].c;
    if (cx != cy) return cx < cy ? -1 : 1;
    return x - y;
}

/* Poll the cases in poll order with every channel locked. Returns the case
 * that completed (channels unlocked), -1 if none is ready (still locked),
 * or -2 after raising a panic (unlocked). */
static int poll_cases(G *g, SelectCase *cases, const int *pollorder, int npoll, const int *lockorder) {
    for (int k = 0; k < npoll; k++) {
        int i = pollorder[k];
        SelectCase *sc = &cases[i];
        Chan *c = sc->c;
        if (sc->is_send) {
            if (c->closed) {
                unlock_in_order(cases, lockorder, npoll);
                vm_panic_runtime(g, "send on closed channel");
                return -2;
            }
            Sudog *s = waitq_dequeue(&c->recvq);
            if (s) {
                G *r = chan_send_to(c, s, sc->val);
                unlock_in_order(cases, lockorder, npoll);
                rt_ready(r);
                return i;
            }
            if (c->qcount < c->dataqsiz) {
                chan_buf_put(c, sc->val);
                unlock_in_order(cases, lockorder, npoll);
                return i;
            }
        } else {
            Sudog *s = waitq_dequeue(&c->sendq);
            if (s) {
                G *w = chan_recv_from(c, s, sc->val);
                unlock_in_order(cases, lockorder, npoll);
                rt_ready(w);
                if (sc->ok) *sc->ok = true;
                return i;
            }
            if (c->qcount > 0) {
                chan_buf_take(c, sc->val);
                unlock_in_order(cases, lockorder, npoll);
                if (sc->ok) *sc->ok = true;
                return i;
            }
            if (c->closed) {
                unlock_in_order(cases, lockorder, npoll);
                clear_val(c, sc->val);
                if (sc->ok) *sc->ok = false;
                return i;
            }
        }
    }
    return -1;
}

/* Queue one sudog per case, in lock order, and park (channels locked). */
static int enqueue_and_park(G *g, SelectCase *cases, const int *lockorder, int n) {
    Sudog **link = &g->park.waiting;
    for (int k = 0; k < n; k++) {
        int i = lockorder[k];
        SelectCase *sc = &cases[i];
        Sudog *s = sudog_get();
        s->g = g;
        s->c = sc->c;
        s->elem = sc->val;
        s->is_select = true;
        s->is_send = sc->is_send;
        s->case_index = i;
        *link = s;
        link = &s->waitlink;
        waitq_enqueue(sc->is_send ? &sc->c->sendq : &sc->c->recvq, s);
    }
    atomic_store_explicit(&g->select_done, 0, memory_order_relaxed);
    g->park.obj = n ? cases[lockorder[0]].c : NULL;
    g->wait_reason = WAIT_SELECT;
    atomic_store_explicit(&g->park.state, PARK_WAITING, memory_order_relaxed);
    g->unlockf = n ? select_commit : NULL;
    g->unlock_arg = NULL;
    return RT_PARKED;
}

int select_go(G *g, SelectCase *cases, int n, bool has_default, int *chosen) {
    if (atomic_load_explicit(&g->park.state, memory_order_acquire) == PARK_DONE)
        return select_finish(g, cases, n, chosen);
    if (n == 0) {
        if (has_default) {
            *chosen = -1;
            return RT_OK;
        }
        return park_forever(g, WAIT_SELECT_NO_CASES);
    }

    int stack_orders[2 * SELECT_STACK_CASES];
    int *orders = n <= SELECT_STACK_CASES ? stack_orders : malloc(2 * (size_t)n * sizeof(int));
    if (!orders) goi_panic_internal("select: out of memory");
    int *pollorder = orders, *lockorder = orders + n;

    int npoll = 0;
    for (int i = 0; i < n; i++) {
        if (!cases[i].c) continue;
        uint32_t j = rt_fastrandn((uint32_t)npoll + 1);
        pollorder[npoll] = pollorder[j];
        pollorder[j] = i;
        npoll++;
    }
    memcpy(lockorder, pollorder, (size_t)npoll * sizeof(int));
    if (npoll <= 16)
        sort_lockorder(cases, lockorder, npoll);
    else
        qsort_r(lockorder, (size_t)npoll, sizeof(int), cmp_case_chan, cases);

    int result;
    lock_in_order(cases, lockorder, npoll);
    int done = poll_cases(g, cases, pollorder, npoll, lockorder);
    if (done >= 0) {
        *chosen = done;
        result = RT_OK;
    } else if (done == -2) {
        result = RT_PANIC;
    } else if (has_default) {
        unlock_in_order(cases, lockorder, npoll);
        *chosen = -1;
        result = RT_OK;
    } else {
        result = enqueue_and_park(g, cases, lockorder, npoll);
    }
    if (orders != stack_orders) free(orders);
    return result;
}
