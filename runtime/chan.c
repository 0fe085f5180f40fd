/* chan.c - Go channels (after Go's runtime/chan.go).
 *
 * INVARIANTS (c->lock protects everything but the immutable fields):
 *  - At least one of c->sendq and c->recvq is empty, except for an
 *    unbuffered channel with a single goroutine blocked in a select that
 *    both sends and receives on it (the select's own cases cannot match).
 *  - Buffered: qcount > 0 implies recvq is empty; qcount < dataqsiz implies
 *    sendq is empty.
 *  - Elements are elemsize Value slots; elemsize may be 0 (chan struct{}).
 *
 * PARKING (runtime.h). A blocked operation queues a sudog whose elem points
 * at the goroutine's own source/destination slots, sets g->unlockf to
 * release c->lock, and returns RT_PARKED; the scheduler releases the lock
 * once g is marked waiting. The waker does the whole transfer under the
 * lock (copying straight into the parked goroutine's slots: direct
 * handoff), records the outcome in g->park (ok, closed, selected), sets
 * park.state to PARK_DONE and readies g after unlocking. When g runs the
 * instruction again, the operation sees PARK_DONE and only finishes:
 * zero the destination if the channel was closed, panic if a send was
 * interrupted by close. Source and destination slots must therefore stay
 * where they are while g is parked (they are in g's own frame).
 *
 * A sudog of a select is skipped by wakers once another case has won
 * (g->select_done), see waitq_dequeue.
 */
#include "rt_internal.h"

/* Channel buffers up to Go's maxAlloc; larger is "makechan: size out of range". */
#define CHAN_MAX_BYTES ((int64_t)1 << 48)

/* ------------------------------------------------------------ wait queues */

void waitq_enqueue(WaitQ *q, Sudog *s) {
    s->next = NULL;
    s->prev = q->last;
    if (q->last)
        q->last->next = s;
    else
        q->first = s;
    q->last = s;
}

/* The first waiter that can still be woken. Sudogs of a select that
 * another case already completed are unlinked and skipped; a select sudog
 * that is returned has won its select (the CAS on select_done). */
Sudog *waitq_dequeue(WaitQ *q) {
    for (;;) {
        Sudog *s = q->first;
        if (!s) return NULL;
        q->first = s->next;
        if (q->first)
            q->first->prev = NULL;
        else
            q->last = NULL;
        s->next = s->prev = NULL; /* marks it removed, see waitq_remove */
        if (s->is_select) {
            uint32_t zero = 0;
            if (!atomic_compare_exchange_strong(&s->g->select_done, &zero, 1)) continue;
        }
        return s;
    }
}

/* Unlink s if it is still queued (a waker may have dequeued it already). */
void waitq_remove(WaitQ *q, Sudog *s) {
    Sudog *x = s->prev, *y = s->next;
    if (x) {
        x->next = y;
        if (y)
            y->prev = x;
        else
            q->last = x;
    } else if (y) {
        y->prev = NULL;
        q->first = y;
    } else if (q->first == s) {
        q->first = q->last = NULL;
    } /* else: already removed */
    s->next = s->prev = NULL;
}

G *chan_wake(Sudog *s, bool ok, bool closed) {
    G *g = s->g;
    g->park.ok = ok;
    g->park.closed = closed;
    g->park.selected = s->case_index;
    atomic_store_explicit(&g->park.state, PARK_DONE, memory_order_release);
    return g;
}

/* --------------------------------------------------------------- helpers */

static inline Value *slot(Chan *c, int64_t i) { return c->buf + (size_t)i * c->elemsize; }

static inline void copy_elem(Chan *c, Value *dst, const Value *src) {
    if (dst && c->elemsize) memcpy(dst, src, c->elemsize * sizeof(Value));
}

static inline void clear_elem(Chan *c, Value *dst) {
    if (dst && c->elemsize) memset(dst, 0, c->elemsize * sizeof(Value));
}

static void unlock_chan(G *g, void *arg) { rt_unlock(&((Chan *)arg)->lock); }

static int park_forever(G *g, WaitReason reason) {
    g->wait_reason = reason;
    g->park.obj = NULL;
    atomic_store_explicit(&g->park.state, PARK_WAITING, memory_order_relaxed);
    g->unlockf = NULL;
    g->unlock_arg = NULL;
    return RT_PARKED;
}

static int park_on(G *g, Chan *c, WaitQ *q, Value *elem, bool is_send, WaitReason reason) {
    Sudog *s = sudog_get();
    s->g = g;
    s->c = c;
    s->elem = elem;
    s->is_send = is_send;
    waitq_enqueue(q, s);
    g->park.waiting = s;
    g->park.obj = c;
    g->wait_reason = reason;
    atomic_store_explicit(&g->park.state, PARK_WAITING, memory_order_relaxed);
    g->unlockf = unlock_chan;
    g->unlock_arg = c;
    return RT_PARKED;
}

/* ------------------------------------------------------------- make */

Chan *chan_make(Type *chantype, int64_t cap, const char *made_file, int made_line) {
    Type *ct = chantype->under ? chantype->under : chantype;
    Type *elem = ct->elem;
    uint32_t es = elem ? elem->size : 0;
    if (cap < 0 || (es && cap > CHAN_MAX_BYTES / ((int64_t)es * (int64_t)sizeof(Value)))) return NULL;
    Chan *c = NEW(Chan);
    c->elemsize = es;
    c->dataqsiz = cap;
    if (cap > 0 && es > 0) {
        size_t bytes = (size_t)cap * es * sizeof(Value);
        if (elem->flags & TF_HASPTR) {
            c->buf = gc_alloc(bytes);
        } else {
            c->buf = gc_alloc_atomic(bytes);
            memset(c->buf, 0, bytes);
        }
    }
    c->type = chantype;
    c->made_file = made_file;
    c->made_line = made_line;
    c->magic = CHAN_MAGIC;
    return c;
}

int64_t chan_len(Chan *c) { return c ? atomic_load_explicit(&c->qcount, memory_order_relaxed) : 0; }
int64_t chan_cap(Chan *c) { return c ? c->dataqsiz : 0; }

Type *chan_elem_type(Chan *c) {
    Type *ct = c->type->under ? c->type->under : c->type;
    return ct->elem;
}

/* ---------------------------------------------------------- transfers */

/* Deliver src to the receiver s (c locked). */
static G *send_to(Chan *c, Sudog *s, const Value *src) {
    copy_elem(c, s->elem, src);
    return chan_wake(s, true, false);
}

/* Receive from the blocked sender s into dst (c locked). On a buffered
 * (hence full) channel take the head of the buffer and put the sender's
 * value at the tail, keeping FIFO order. */
static G *recv_from(Chan *c, Sudog *s, Value *dst) {
    if (c->dataqsiz == 0) {
        copy_elem(c, dst, s->elem);
    } else {
        Value *head = slot(c, c->recvx);
        copy_elem(c, dst, head);
        if (c->elemsize) memcpy(head, s->elem, c->elemsize * sizeof(Value));
        if (++c->recvx == c->dataqsiz) c->recvx = 0;
        c->sendx = c->recvx;
    }
    return chan_wake(s, true, false);
}

static void buf_put(Chan *c, const Value *src) {
    if (c->elemsize) memcpy(slot(c, c->sendx), src, c->elemsize * sizeof(Value));
    if (++c->sendx == c->dataqsiz) c->sendx = 0;
    atomic_store_explicit(&c->qcount, c->qcount + 1, memory_order_relaxed);
}

static void buf_take(Chan *c, Value *dst) {
    Value *head = slot(c, c->recvx);
    copy_elem(c, dst, head);
    if (c->elemsize) memset(head, 0, c->elemsize * sizeof(Value)); /* do not retain garbage */
    if (++c->recvx == c->dataqsiz) c->recvx = 0;
    atomic_store_explicit(&c->qcount, c->qcount - 1, memory_order_relaxed);
}

/* Exported to select.c through these wrappers. */
G *chan_send_to(Chan *c, Sudog *s, const Value *src) { return send_to(c, s, src); }
G *chan_recv_from(Chan *c, Sudog *s, Value *dst) { return recv_from(c, s, dst); }
void chan_buf_put(Chan *c, const Value *src) { buf_put(c, src); }
void chan_buf_take(Chan *c, Value *dst) { buf_take(c, dst); }

/* ------------------------------------------------------------- send */

static int finish_send(G *g) {
    bool closed = g->park.closed;
    park_reset(g);
    if (closed) {
        vm_panic_runtime(g, "send on closed channel");
        return RT_PANIC;
    }
    return RT_OK;
}

int chan_send(G *g, Chan *c, const Value *src) {
    if (atomic_load_explicit(&g->park.state, memory_order_acquire) == PARK_DONE) return finish_send(g);
    if (!c) return park_forever(g, WAIT_CHAN_SEND_NIL);

    rt_lock(&c->lock);
    if (c->closed) {
        rt_unlock(&c->lock);
        vm_panic_runtime(g, "send on closed channel");
        return RT_PANIC;
    }
    Sudog *s = waitq_dequeue(&c->recvq);
    if (s) {
        G *r = send_to(c, s, src);
        rt_unlock(&c->lock);
        rt_ready(r);
        return RT_OK;
    }
    if (c->qcount < c->dataqsiz) {
        buf_put(c, src);
        rt_unlock(&c->lock);
        return RT_OK;
    }
    return park_on(g, c, &c->sendq, (Value *)src, true, WAIT_CHAN_SEND);
}

bool chan_try_send(Chan *c, const Value *src) {
    if (!c) return false;
    /* Fast path without the lock: an open, full buffer cannot take it.
     * (Unbuffered channels take the lock: their wait queues are not
     * readable without it.) */
    if (c->dataqsiz > 0 && !atomic_load_explicit(&c->closed, memory_order_relaxed) &&
        atomic_load_explicit(&c->qcount, memory_order_relaxed) == c->dataqsiz)
        return false;
    rt_lock(&c->lock);
    if (c->closed) {
        rt_unlock(&c->lock);
        return false;
    }
    Sudog *s = waitq_dequeue(&c->recvq);
    if (s) {
        G *r = send_to(c, s, src);
        rt_unlock(&c->lock);
        rt_ready(r);
        return true;
    }
    if (c->qcount < c->dataqsiz) {
        buf_put(c, src);
        rt_unlock(&c->lock);
        return true;
    }
    rt_unlock(&c->lock);
    return false;
}

/* ---------------------------------------------------------- receive */

static int finish_recv(G *g, Chan *c, Value *dst, bool *ok) {
    bool got = g->park.ok;
    park_reset(g);
    if (!got && c) clear_elem(c, dst); /* woken by close: the zero value */
    if (ok) *ok = got;
    return RT_OK;
}

/* Receive without blocking, c locked. Returns true (and unlocks c) if done. */
static bool recv_now(Chan *c, Value *dst, bool *ok) {
    if (c->closed && c->qcount == 0) {
        rt_unlock(&c->lock);
        clear_elem(c, dst);
        if (ok) *ok = false;
        return true;
    }
    Sudog *s = waitq_dequeue(&c->sendq);
    if (s) {
        G *sender = recv_from(c, s, dst);
        rt_unlock(&c->lock);
        rt_ready(sender);
        if (ok) *ok = true;
        return true;
    }
    if (c->qcount > 0) {
        buf_take(c, dst);
        rt_unlock(&c->lock);
        if (ok) *ok = true;
        return true;
    }
    return false;
}

int chan_recv(G *g, Chan *c, Value *dst, bool *ok) {
    if (atomic_load_explicit(&g->park.state, memory_order_acquire) == PARK_DONE)
        return finish_recv(g, c, dst, ok);
    if (!c) return park_forever(g, WAIT_CHAN_RECV_NIL);
    rt_lock(&c->lock);
    if (recv_now(c, dst, ok)) return RT_OK;
    return park_on(g, c, &c->recvq, dst, false, WAIT_CHAN_RECV);
}

bool chan_try_recv(Chan *c, Value *dst, bool *ok) {
    if (!c) return false;
    /* Fast path: an open, empty buffer has nothing to receive. */
    if (c->dataqsiz > 0 && !atomic_load_explicit(&c->closed, memory_order_relaxed) &&
        atomic_load_explicit(&c->qcount, memory_order_relaxed) == 0)
        return false;
    rt_lock(&c->lock);
    if (recv_now(c, dst, ok)) return true;
    rt_unlock(&c->lock);
    return false;
}

/* ------------------------------------------------------------- close */

int chan_close(G *g, Chan *c) {
    if (!c) {
        vm_panic_runtime(g, "close of nil channel");
        return RT_PANIC;
    }
    rt_lock(&c->lock);
    if (c->closed) {
        rt_unlock(&c->lock);
        vm_panic_runtime(g, "close of closed channel");
        return RT_PANIC;
    }
    atomic_store_explicit(&c->closed, true, memory_order_relaxed);
    /* Wake every waiter: receivers get (zero, false), senders panic when
     * they resume. Ready them only after the lock is released. */
    G *list = NULL;
    Sudog *s;
    while ((s = waitq_dequeue(&c->recvq))) {
        G *w = chan_wake(s, false, false);
        w->schedlink = list;
        list = w;
    }
    while ((s = waitq_dequeue(&c->sendq))) {
        G *w = chan_wake(s, false, true);
        w->schedlink = list;
        list = w;
    }
    rt_unlock(&c->lock);
    while (list) {
        G *w = list;
        list = w->schedlink;
        w->schedlink = NULL;
        rt_ready(w);
    }
    return RT_OK;
}
