/* atomic.c - natives of package sync/atomic.
 *
 * Every integer lives in one 64-bit slot, normalised to its width (vm.h),
 * so the 32-bit operations are compare-and-swap loops on the whole slot
 * that keep the result normalised. atomic.Value holds an interface (two
 * slots) and is guarded by a small table of striped locks. */
#include "natives.h"

#include <pthread.h>

static inline int64_t norm_i32(int64_t v) { return (int64_t)(int32_t)v; }
static inline int64_t norm_u32(int64_t v) { return (int64_t)(uint32_t)v; }
static inline int64_t norm_none(int64_t v) { return v; }

static bool nil_addr(G *g, Value *args) {
    if (args[0].p) return false;
    vm_panic_runtime(g, "runtime error: invalid memory address or nil pointer dereference");
    return true;
}

#define ATOMIC_FAMILY(suffix, norm)                                                                \
    static int add_##suffix(G *g, Value *a) {                                                      \
        if (nil_addr(g, a)) return NATIVE_PANIC;                                                   \
        int64_t *p = a[0].p, old = __atomic_load_n(p, __ATOMIC_SEQ_CST), nv;                       \
        do nv = norm((int64_t)((uint64_t)old + (uint64_t)a[1].i));                                 \
        while (!__atomic_compare_exchange_n(p, &old, nv, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)); \
        a[0].i = nv;                                                                               \
        return NATIVE_OK;                                                                          \
    }                                                                                              \
    static int load_##suffix(G *g, Value *a) {                                                     \
        if (nil_addr(g, a)) return NATIVE_PANIC;                                                   \
        a[0].i = __atomic_load_n((int64_t *)a[0].p, __ATOMIC_SEQ_CST);                             \
        return NATIVE_OK;                                                                          \
    }                                                                                              \
    static int store_##suffix(G *g, Value *a) {                                                    \
        if (nil_addr(g, a)) return NATIVE_PANIC;                                                   \
        __atomic_store_n((int64_t *)a[0].p, a[1].i, __ATOMIC_SEQ_CST);                             \
        return NATIVE_OK;                                                                          \
    }                                                                                              \
    static int swap_##suffix(G *g, Value *a) {                                                     \
        if (nil_addr(g, a)) return NATIVE_PANIC;                                                   \
        a[0].i = __atomic_exchange_n((int64_t *)a[0].p, a[1].i, __ATOMIC_SEQ_CST);                 \
        return NATIVE_OK;                                                                          \
    }                                                                                              \
    static int cas_##suffix(G *g, Value *a) {                                                      \
        if (nil_addr(g, a)) return NATIVE_PANIC;                                                   \
        int64_t expected = a[1].i;                                                                 \
        a[0].u = __atomic_compare_exchange_n((int64_t *)a[0].p, &expected, a[2].i, false,          \
                                             __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);                  \
        return NATIVE_OK;                                                                          \
    }

ATOMIC_FAMILY(i32, norm_i32)
ATOMIC_FAMILY(u32, norm_u32)
ATOMIC_FAMILY(i64, norm_none)

/* ---- atomic.Value ---- */

#define VALUE_LOCKS 64
static pthread_mutex_t value_locks[VALUE_LOCKS] = {[0 ... VALUE_LOCKS - 1] = PTHREAD_MUTEX_INITIALIZER};

static pthread_mutex_t *value_lock(void *p) { return &value_locks[((uintptr_t)p >> 4) % VALUE_LOCKS]; }

static int value_load(G *g, Value *a) {
    if (nil_addr(g, a)) return NATIVE_PANIC;
    Value *v = a[0].p;
    pthread_mutex_t *l = value_lock(v);
    pthread_mutex_lock(l);
    a[0] = v[0];
    a[1] = v[1];
    pthread_mutex_unlock(l);
    return NATIVE_OK;
}

/* storeValue(v, val, swap) reports false when val's type differs from the
 * type stored before (Go panics then; the Go side raises it). */
static int value_store(G *g, Value *a) {
    if (nil_addr(g, a)) return NATIVE_PANIC;
    Value *v = a[0].p;
    pthread_mutex_t *l = value_lock(v);
    pthread_mutex_lock(l);
    bool ok = v[0].p == NULL || v[0].p == a[1].p;
    if (ok) {
        v[0] = a[1];
        v[1] = a[2];
    }
    pthread_mutex_unlock(l);
    a[0].u = ok;
    return NATIVE_OK;
}

static int value_cas(G *g, Value *a) {
    if (nil_addr(g, a)) return NATIVE_PANIC;
    Value *v = a[0].p;
    pthread_mutex_t *l = value_lock(v);
    pthread_mutex_lock(l);
    Type *bad = NULL;
    bool same = value_equal(t_any, v, a + 1, &bad);
    bool swapped = false;
    if (same && !bad && (v[0].p == NULL || v[0].p == a[3].p)) {
        v[0] = a[3];
        v[1] = a[4];
        swapped = true;
    }
    pthread_mutex_unlock(l);
    if (bad) {
        vm_panic_runtime(g, gc_sprintf("runtime error: comparing uncomparable type %s", type_string(bad)));
        return NATIVE_PANIC;
    }
    a[0].u = swapped;
    return NATIVE_OK;
}

const NativeDef stdlib_natives_atomic[] = {
    NATIVE("AddInt32", add_i32), NATIVE("AddInt64", add_i64), NATIVE("AddUint32", add_u32),
    NATIVE("AddUint64", add_i64), NATIVE("AddUintptr", add_i64),
    NATIVE("LoadInt32", load_i32), NATIVE("LoadInt64", load_i64), NATIVE("LoadUint32", load_u32),
    NATIVE("LoadUint64", load_i64), NATIVE("LoadUintptr", load_i64),
    NATIVE("StoreInt32", store_i32), NATIVE("StoreInt64", store_i64), NATIVE("StoreUint32", store_u32),
    NATIVE("StoreUint64", store_i64), NATIVE("StoreUintptr", store_i64),
    NATIVE("SwapInt32", swap_i32), NATIVE("SwapInt64", swap_i64), NATIVE("SwapUint32", swap_u32),
    NATIVE("SwapUint64", swap_i64), NATIVE("SwapUintptr", swap_i64),
    NATIVE("CompareAndSwapInt32", cas_i32), NATIVE("CompareAndSwapInt64", cas_i64),
    NATIVE("CompareAndSwapUint32", cas_u32), NATIVE("CompareAndSwapUint64", cas_i64),
    NATIVE("CompareAndSwapUintptr", cas_i64),
    NATIVE("loadValue", value_load), NATIVE("storeValue", value_store), NATIVE("casValue", value_cas),
    NATIVES_END,
};
