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

/* func caller(skip int) (file string, line int, ok bool): the frame skip
 * levels above the Go function calling runtime.Caller (natives have no
 * frame of their own). */
static int caller(G *g, Value *a) {
    int64_t skip = a[0].i;
    if (!g || skip < 0 || skip >= (int64_t)g->nframes) {
        ret_str(a, (GoString){NULL, 0});
        a[2].i = 0;
        ret_bool(a + 3, false);
        return NATIVE_OK;
    }
    const Frame *f = &g->frames[g->nframes - 1 - skip];
    ret_str(a, str_from_cstr(f->fn->file ? f->fn->file : "?"));
    a[2].i = frame_line(f, false);
    ret_bool(a + 3, true);
    return NATIVE_OK;
}

const NativeDef stdlib_natives_runtime[] = {
    NATIVE("Gosched", gosched),         NATIVE("NumGoroutine", num_goroutine), NATIVE("GOMAXPROCS", gomaxprocs),
    NATIVE("NumCPU", num_cpu),           NATIVE("Goexit", goexit),              NATIVE("GC", gc),
    NATIVE("Version", version),          NATIVE("memStats", mem_stats),         NATIVE("caller", caller),
    NATIVES_END,
};
