/* sync.c - natives of package sync: thin adapters from the Go methods to
 * the runtime's parking primitives (runtime/sema.c). */
#include "../runtime/runtime.h"
#include "natives.h"

/* Map a runtime result to the native ABI: a parked goroutine re-executes
 * the call when woken, and the runtime completes the operation then. */
static int rt_result(int r) {
    switch (r) {
    case RT_OK: return NATIVE_OK;
    case RT_PARKED: return NATIVE_PARK;
    default: return NATIVE_PANIC;
    }
}

static bool nil_receiver(G *g, Value *args) {
    if (args[0].p) return false;
    vm_panic_runtime(g, "runtime error: invalid memory address or nil pointer dereference");
    return true;
}

#define LOCK_NATIVE(fname, rtcall)                                                                 \
    static int fname(G *g, Value *args) {                                                          \
        if (nil_receiver(g, args)) return NATIVE_PANIC;                                            \
        return rt_result(rtcall(g, args[0].p));                                                    \
    }
LOCK_NATIVE(mutex_lock, rt_mutex_lock)
LOCK_NATIVE(mutex_unlock, rt_mutex_unlock)
LOCK_NATIVE(rw_rlock, rt_rwmutex_rlock)
LOCK_NATIVE(rw_runlock, rt_rwmutex_runlock)
LOCK_NATIVE(rw_lock, rt_rwmutex_lock)
LOCK_NATIVE(rw_unlock, rt_rwmutex_unlock)
LOCK_NATIVE(wg_wait, rt_waitgroup_wait)

static int mutex_trylock(G *g, Value *args) {
    if (nil_receiver(g, args)) return NATIVE_PANIC;
    args[0].u = rt_mutex_trylock(args[0].p);
    return NATIVE_OK;
}

static int rw_trylock(G *g, Value *args) {
    if (nil_receiver(g, args)) return NATIVE_PANIC;
    args[0].u = rt_rwmutex_trylock(args[0].p);
    return NATIVE_OK;
}

static int rw_tryrlock(G *g, Value *args) {
    if (nil_receiver(g, args)) return NATIVE_PANIC;
    args[0].u = rt_rwmutex_tryrlock(args[0].p);
    return NATIVE_OK;
}

static int wg_add(G *g, Value *args) {
    if (nil_receiver(g, args)) return NATIVE_PANIC;
    return rt_result(rt_waitgroup_add(g, args[0].p, args[1].i));
}

static int notify_add(G *g, Value *args) {
    args[0].u = rt_cond_add(args[0].p);
    return NATIVE_OK;
}

static int notify_wait(G *g, Value *args) { return rt_result(rt_cond_wait_ticket(g, args[0].p, (uint32_t)args[1].u)); }

static int notify_one(G *g, Value *args) {
    rt_cond_signal(args[0].p);
    return NATIVE_OK;
}

static int notify_all(G *g, Value *args) {
    rt_cond_broadcast(args[0].p);
    return NATIVE_OK;
}

const NativeDef stdlib_natives_sync[] = {
    NATIVE("Mutex.Lock", mutex_lock),
    NATIVE("Mutex.Unlock", mutex_unlock),
    NATIVE("Mutex.TryLock", mutex_trylock),
    NATIVE("RWMutex.RLock", rw_rlock),
    NATIVE("RWMutex.RUnlock", rw_runlock),
    NATIVE("RWMutex.Lock", rw_lock),
    NATIVE("RWMutex.Unlock", rw_unlock),
    NATIVE("RWMutex.TryLock", rw_trylock),
    NATIVE("RWMutex.TryRLock", rw_tryrlock),
    NATIVE("WaitGroup.Add", wg_add),
    NATIVE("WaitGroup.Wait", wg_wait),
    NATIVE("notifyListAdd", notify_add),
    NATIVE("notifyListWait", notify_wait),
    NATIVE("notifyListNotifyOne", notify_one),
    NATIVE("notifyListNotifyAll", notify_all),
    NATIVES_END,
};
