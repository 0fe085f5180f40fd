/* lock.h - the runtime's own mutex and one-shot wake-up note, on futexes.
 *
 * RtLock is Drepper's three-state futex mutex (0 free, 1 locked, 2 locked
 * with sleepers). Uncontended lock and unlock are one atomic instruction
 * each and never enter the kernel; a contended lock spins briefly (only on
 * multiprocessors) before sleeping in futex_wait. It protects short critical
 * sections (a channel, a run queue, the scheduler's lists), never a
 * goroutine's wait: goroutines park, threads do not.
 *
 * Note is Go's note (runtime/lock_futex.go): a one-shot event an M sleeps on.
 * note_wakeup sets it and wakes the sleeper; note_sleep returns once it is
 * set (immediately if it already is); note_clear re-arms it. Exactly one
 * thread sleeps on a given note.
 *
 * Both are built on C11 atomics with acquire/release ordering, so
 * ThreadSanitizer sees the happens-before edges they create.
 */
#ifndef GOI_RUNTIME_LOCK_H
#define GOI_RUNTIME_LOCK_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

typedef struct RtLock {
    _Atomic uint32_t key; /* 0 free, 1 locked, 2 locked and a thread may sleep */
} RtLock;

typedef struct Note {
    _Atomic uint32_t key; /* 0 clear, 1 set */
} Note;

void rt_lock_slow(RtLock *l);
void rt_unlock_slow(RtLock *l);

static inline void rt_lock(RtLock *l) {
    uint32_t free = 0;
    if (__builtin_expect(atomic_compare_exchange_weak_explicit(&l->key, &free, 1, memory_order_acquire,
                                                               memory_order_relaxed),
                         1))
        return;
    rt_lock_slow(l);
}

static inline bool rt_trylock(RtLock *l) {
    uint32_t free = 0;
    return atomic_compare_exchange_strong_explicit(&l->key, &free, 1, memory_order_acquire,
                                                   memory_order_relaxed);
}

static inline void rt_unlock(RtLock *l) {
    if (__builtin_expect(atomic_exchange_explicit(&l->key, 0, memory_order_release) == 2, 0))
        rt_unlock_slow(l);
}

static inline void note_clear(Note *n) { atomic_store_explicit(&n->key, 0, memory_order_relaxed); }
static inline bool note_is_set(Note *n) { return atomic_load_explicit(&n->key, memory_order_acquire) != 0; }
void note_wakeup(Note *n);
void note_sleep(Note *n);
/* Sleep until the note is set or ns nanoseconds passed; true if it was set. */
bool note_timed_sleep(Note *n, int64_t ns);

/* Spin-wait hint for busy loops. */
static inline void cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

#endif
