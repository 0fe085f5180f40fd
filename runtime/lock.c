/* lock.c - slow paths of RtLock and Note (see lock.h), and the futex calls. */
#include "rt_internal.h"

#include <errno.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* Spins before sleeping: long enough to cover a short critical section held
 * by a running thread, short enough not to matter when the holder was
 * descheduled. Zero on a uniprocessor, where spinning cannot help. */
#define LOCK_SPIN 100

static void futex_wait(_Atomic uint32_t *addr, uint32_t val, const struct timespec *rel) {
    syscall(SYS_futex, (uint32_t *)addr, FUTEX_WAIT_PRIVATE, val, rel, NULL, 0);
}

static void futex_wake(_Atomic uint32_t *addr, int n) {
    syscall(SYS_futex, (uint32_t *)addr, FUTEX_WAKE_PRIVATE, n, NULL, NULL, 0);
}

void rt_lock_slow(RtLock *l) {
    int spins = rt_ncpu > 1 ? LOCK_SPIN : 0;
    for (int i = 0; i < spins; i++) {
        uint32_t v = atomic_load_explicit(&l->key, memory_order_relaxed);
        if (v == 0) {
            uint32_t free = 0;
            if (atomic_compare_exchange_weak_explicit(&l->key, &free, 1, memory_order_acquire,
                                                      memory_order_relaxed))
                return;
        }
        cpu_relax();
    }
    /* Mark the lock contended (2) so the holder's unlock wakes us. */
    while (atomic_exchange_explicit(&l->key, 2, memory_order_acquire) != 0) futex_wait(&l->key, 2, NULL);
}

void rt_unlock_slow(RtLock *l) { futex_wake(&l->key, 1); }

void note_wakeup(Note *n) {
    if (atomic_exchange_explicit(&n->key, 1, memory_order_release) == 0) futex_wake(&n->key, 1);
}

void note_sleep(Note *n) {
    while (atomic_load_explicit(&n->key, memory_order_acquire) == 0) futex_wait(&n->key, 0, NULL);
}

bool note_timed_sleep(Note *n, int64_t ns) {
    if (ns <= 0) return note_is_set(n);
    int64_t deadline = rt_nanotime() + ns;
    while (atomic_load_explicit(&n->key, memory_order_acquire) == 0) {
        int64_t left = deadline - rt_nanotime();
        if (left <= 0) return false;
        struct timespec ts = {.tv_sec = left / 1000000000, .tv_nsec = left % 1000000000};
        futex_wait(&n->key, 0, &ts); /* EINTR, EAGAIN, ETIMEDOUT: re-check */
    }
    return true;
}
