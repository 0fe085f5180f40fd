/* cgo_callback.c - goi functions passed to C as function pointers.
 *
 * A parameter declared as a function pointer, int (*)(const void *, const
 * void *), has a Go func type in package C, func(unsafe.Pointer,
 * unsafe.Pointer) C.int, so a goi function value is passed. For the
 * duration of the C call it becomes a libffi closure; when C calls it,
 * the closure converts the C arguments to slots and runs the goi function
 * with vm_call on the calling goroutine's own stack (nested in the
 * native), after taking a processor back (rt_exit_blocking); it gives the
 * processor up again before returning to C.
 *
 * Rules: the function pointer is valid only during the C call that
 * received it (qsort, bsearch, ... - not atexit or signal); C must call it
 * on the calling thread. If the goi function panics, C gets zero from it
 * and from every later call of it, and the panic continues in the caller
 * of the C function once that returns.
 */
#include "../runtime/runtime.h"
#include "cgo_internal.h"

#include <pthread.h>
#include <stdlib.h>

/* One goi function made callable from C for one call. */
struct CgoCbCall {
    const CgoCallback *cb;
    Closure *fn;
    G *g;
    pthread_t thread;
    CgoCallbackSet *set;
    ffi_closure *closure;
};

CgoCallback *cgo_callback_new(const CType *fn, const char **err) {
    CgoCallback *cb = calloc(1, sizeof *cb);
    int n = fn->nparams;
    if (!cb || !(cb->params = calloc((size_t)n + 1, sizeof *cb->params)) ||
        !(cb->atypes = calloc((size_t)n + 1, sizeof *cb->atypes))) {
        *err = "out of memory";
        return NULL;
    }
    cb->nparams = n;
    for (int i = 0; i < n; i++) {
        if ((*err = cgo_param_of(fn->params[i], &cb->params[i]))) return NULL;
        cb->atypes[i] = cgo_ffi_type(cb->params[i].sc);
    }
    if ((*err = cgo_param_of(fn->ret, &cb->ret))) return NULL;
    if (ffi_prep_cif(&cb->cif, FFI_DEFAULT_ABI, (unsigned)n, cgo_ffi_type(cb->ret.sc), cb->atypes) != FFI_OK) {
        *err = "libffi cannot build this callback";
        return NULL;
    }
    return cb;
}

static void callback_entry(ffi_cif *cif, void *ret, void **cargs, void *user) {
    (void)cif;
    struct CgoCbCall *c = user;
    const CgoCallback *cb = c->cb;
    Value zero = {0};
    cgo_to_ret(cb->ret.sc, &zero, ret);
    if (!pthread_equal(pthread_self(), c->thread))
        rt_fatal("a C library called a goi callback on another thread (goi callbacks run only on the "
                 "thread of the C call that received them)",
                 false);
    if (c->set->panicked) return;
    Value in[cb->nparams + 1], out[2] = {{0}};
    for (int i = 0; i < cb->nparams; i++) cgo_from_c(cb->params[i].sc, cargs[i], &in[i]);
    G *g = c->g;
    rt_exit_blocking(g);
    int rc = vm_call(g, c->fn, in, (uint32_t)cb->nparams, out, cb->ret.sc == SC_VOID ? 0 : 1);
    rt_flush_stdout();
    rt_enter_blocking(g);
    if (rc == NATIVE_PANIC) {
        c->set->panicked = true;
        return;
    }
    cgo_to_ret(cb->ret.sc, &out[0], ret);
}

void *cgo_callback_make(CgoCallbackSet *set, const CgoCallback *cb, Closure *fn, G *g) {
    /* Collected memory, reachable from set->calls while the call runs, so
     * fn stays alive whatever happens to the goroutine's stack. */
    struct CgoCbCall *c = gc_alloc(sizeof *c);
    c->cb = cb;
    c->fn = fn;
    c->g = g;
    c->thread = pthread_self();
    c->set = set;
    void *code = NULL;
    c->closure = ffi_closure_alloc(sizeof(ffi_closure), &code);
    if (!c->closure || ffi_prep_closure_loc(c->closure, (ffi_cif *)&cb->cif, callback_entry, c, code) != FFI_OK)
        rt_fatal("out of memory for a C callback", false);
    vec_push(&set->calls, c);
    return code;
}

void cgo_callback_release(CgoCallbackSet *set) {
    for (int i = 0; i < set->calls.len; i++) ffi_closure_free(set->calls.items[i]->closure);
    set->calls.len = 0;
}
