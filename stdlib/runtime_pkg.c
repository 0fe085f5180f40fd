/* runtime_pkg.c - natives of package runtime (the Go-visible one). */
#include "../runtime/runtime.h"
#include "natives.h"

static int gosched(G *g, Value *a) { return NATIVE_YIELD; }

static int num_goroutine(G *g, Value *a) {
    ret_int(a, rt_num_goroutine());
    return NATIVE_OK;
}

static int gomaxprocs(G *g, Value *a) {
    ret_int(a, rt_gomaxprocs((int)a[0].i));
    return NATIVE_OK;
}

static int num_cpu(G *g, Value *a) {
    ret_int(a, rt_num_cpu());
    return NATIVE_OK;
}

static int goexit(G *g, Value *a) { return NATIVE_EXIT; }

static int gc(G *g, Value *a) {
    GC_gcollect();
    return NATIVE_OK;
}

static int version(G *g, Value *a) {
    ret_str(a, str_from_cstr("goi" GOI_VERSION));
    return NATIVE_OK;
}

static int mem_stats(G *g, Value *a) {
    a[0].u = GC_get_heap_size() - GC_get_free_bytes();
    a[1].u = GC_get_total_bytes();
    a[2].u = GC_get_heap_size();
    a[3].u = (uint64_t)GC_get_gc_no();
    return NATIVE_OK;
}

const NativeDef stdlib_natives_runtime[] = {
    NATIVE("Gosched", gosched),         NATIVE("NumGoroutine", num_goroutine), NATIVE("GOMAXPROCS", gomaxprocs),
    NATIVE("NumCPU", num_cpu),           NATIVE("Goexit", goexit),              NATIVE("GC", gc),
    NATIVE("Version", version),          NATIVE("memStats", mem_stats),         NATIVES_END,
};
