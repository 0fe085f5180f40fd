/* cgo_call.c - calling a C function from goi.
 *
 * Every prototype of the preamble gets a CgoFunc (libffi call interface,
 * symbol address, how each parameter travels) and a NativeFn that is a
 * libffi closure carrying the CgoFunc as its user data, so C functions are
 * ordinary natives to the compiler and the VM.
 *
 * A call converts the argument slots to C values (goi pointers to typed
 * memory become C copies, see cgo_memory.c; goi functions become C
 * function pointers, see cgo_callback.c), then runs the C function with
 * the goroutine's processor handed to another thread (rt_enter_blocking),
 * because C may block: other goroutines keep running meanwhile. goi's
 * stdout is flushed before the call and C's stdio after it, so printf and
 * fmt.Println interleave in program order.
 *
 * Variadic functions take their extra arguments as ...any; each is passed
 * as C's default argument promotions would: bool and integers narrower
 * than int as int, Go int/int64/uint/uint64/uintptr as 64-bit integers
 * (long), floats as double, pointers as pointers, nil as NULL, and Go
 * strings as temporary NUL-terminated copies (valid during the call).
 * Their call interface is prepared per call with ffi_prep_cif_var.
 */
#include "../runtime/runtime.h"
#include "cgo_internal.h"

#include <pthread.h>
#include <stdlib.h>

CgoFunc *cgo_func_new(const char *name, const CType *fn, void *sym, const char **err) {
    CgoFunc *f = calloc(1, sizeof *f);
    int n = fn->nparams;
    if (!f || !(f->name = strdup(name)) || !(f->params = calloc((size_t)n + 1, sizeof *f->params)) ||
        !(f->atypes = calloc((size_t)n + 1, sizeof *f->atypes))) {
        *err = "out of memory";
        return NULL;
    }
    f->sym = sym;
    f->nparams = n;
    f->variadic = fn->variadic;
    for (int i = 0; i < n; i++) {
        if ((*err = cgo_param_of(fn->params[i], &f->params[i]))) return NULL;
        f->atypes[i] = cgo_ffi_type(f->params[i].sc);
    }
    if ((*err = cgo_param_of(fn->ret, &f->ret))) return NULL;
    if (!f->variadic && ffi_prep_cif(&f->cif, FFI_DEFAULT_ABI, (unsigned)n, cgo_ffi_type(f->ret.sc), f->atypes) != FFI_OK) {
        *err = gc_sprintf("libffi cannot call %s", name);
        return NULL;
    }
    return f;
}

/* ------------------------------------------------------------- one call */

#define INLINE_ARGS 12

/* The C side of one call's arguments. */
typedef struct CallState {
    int n;
    CValue *vals;
    void **avalues;
    ffi_type **types;
    CgoView *views;
    int nviews;
    char **temps; /* C copies of Go strings passed to variadic functions */
    int ntemps;
    CgoCallbackSet cbs;
    CValue vals_inline[INLINE_ARGS];
    void *avalues_inline[INLINE_ARGS];
    ffi_type *types_inline[INLINE_ARGS];
    CgoView views_inline[INLINE_ARGS];
    char *temps_inline[INLINE_ARGS];
} CallState;

static bool state_init(CallState *cs, int n) {
    memset(cs, 0, offsetof(CallState, vals_inline));
    cs->n = n;
    if (n <= INLINE_ARGS) {
        cs->vals = cs->vals_inline;
        cs->avalues = cs->avalues_inline;
        cs->types = cs->types_inline;
        cs->views = cs->views_inline;
        cs->temps = cs->temps_inline;
        return true;
    }
    cs->vals = calloc((size_t)n, sizeof *cs->vals);
    cs->avalues = calloc((size_t)n, sizeof *cs->avalues);
    cs->types = calloc((size_t)n, sizeof *cs->types);
    cs->views = calloc((size_t)n, sizeof *cs->views);
    cs->temps = calloc((size_t)n, sizeof *cs->temps);
    return cs->vals && cs->avalues && cs->types && cs->views && cs->temps;
}

static void state_finish(CallState *cs) {
    for (int i = 0; i < cs->nviews; i++) cgo_view_close(&cs->views[i]);
    for (int i = 0; i < cs->ntemps; i++) free(cs->temps[i]);
    cgo_callback_release(&cs->cbs);
    if (cs->vals != cs->vals_inline) {
        free(cs->vals);
        free(cs->avalues);
        free(cs->types);
        free(cs->views);
        free(cs->temps);
    }
}

static int arg_panic(G *g, const CgoFunc *f, int argno, const char *what) {
    vm_panic_runtime(g, gc_sprintf("C.%s: argument %d %s", f->name, argno, what));
    return NATIVE_PANIC;
}

/* A pointer argument: C memory passes as it is, goi memory as a copy. */
static int pass_pointer(G *g, CallState *cs, int i, const CgoFunc *f, void *p, CScalar elem) {
    cs->vals[i].ptr = p;
    if (!cgo_is_goi_memory(p)) return NATIVE_OK;
    CgoView *v = &cs->views[cs->nviews];
    if (!cgo_view_open(v, p, elem))
        return arg_panic(g, f, i + 1,
                         gc_sprintf("points to goi memory, which C cannot use %s: allocate it with C.malloc or C.CBytes",
                                    elem == SC_VOID ? "through void * or a struct pointer" : "here"));
    cs->nviews++;
    cs->vals[i].ptr = v->buf;
    return NATIVE_OK;
}

static int pass_fixed(G *g, CallState *cs, int i, const CgoFunc *f, const Value *slot) {
    const CgoParam *prm = &f->params[i];
    cs->types[i] = f->atypes[i];
    cs->avalues[i] = &cs->vals[i];
    if (prm->cb) {
        cs->vals[i].ptr = slot->p ? cgo_callback_make(&cs->cbs, prm->cb, slot->p, g) : NULL;
        return NATIVE_OK;
    }
    if (prm->sc == SC_PTR) return pass_pointer(g, cs, i, f, slot->p, prm->elem);
    cgo_to_c(prm->sc, slot, &cs->vals[i]);
    return NATIVE_OK;
}

/* A ...any argument, with C's default argument promotions. */
static int pass_variadic(G *g, CallState *cs, int i, const CgoFunc *f, Value *iface) {
    Type *t = iface[0].p;
    cs->avalues[i] = &cs->vals[i];
    cs->types[i] = &ffi_type_pointer;
    if (!t) { /* nil */
        cs->vals[i].ptr = NULL;
        return NATIVE_OK;
    }
    Value *v = iface_data(iface);
    if (t->kind == KIND_STRING) {
        GoString s = str_get(v);
        char *c = malloc((size_t)s.len + 1);
        if (!c) return arg_panic(g, f, i + 1, "cannot be copied: out of memory");
        if (s.len) memcpy(c, s.ptr, (size_t)s.len);
        c[s.len] = '\0';
        cs->temps[cs->ntemps++] = c;
        cs->vals[i].ptr = c;
        return NATIVE_OK;
    }
    CScalar sc = cgo_scalar_of_kind(t->kind);
    switch (sc) {
    case SC_VOID:
        return arg_panic(g, f, i + 1,
                         gc_sprintf("of type %s cannot be passed to a variadic C function", type_string(t)));
    case SC_BOOL: case SC_S8: case SC_U8: case SC_S16: case SC_U16: sc = SC_S32; break;
    case SC_F32: sc = SC_F64; break;
    case SC_PTR:
        return pass_pointer(g, cs, i, f, v->p,
                            t->kind == KIND_POINTER ? cgo_scalar_of_kind(t->elem->kind) : SC_VOID);
    default: break;
    }
    cs->types[i] = cgo_ffi_type(sc);
    cgo_to_c(sc, v, &cs->vals[i]);
    return NATIVE_OK;
}

static int cgo_call(CgoFunc *f, G *g, Value *args) {
    /* A callback may grow (move) g's stack: find args again afterwards. */
    bool on_stack = args >= g->stack && args < g->stack + g->stack_size;
    ptrdiff_t off = args - g->stack;
    GoSlice extra = f->variadic ? slice_get(args + f->nparams) : (GoSlice){0};
    int n = f->nparams + (int)extra.len;
    CallState cs;
    if (!state_init(&cs, n)) {
        state_finish(&cs);
        vm_panic_runtime(g, gc_sprintf("C.%s: out of memory", f->name));
        return NATIVE_PANIC;
    }
    int rc = NATIVE_OK;
    for (int i = 0; i < f->nparams && rc == NATIVE_OK; i++) rc = pass_fixed(g, &cs, i, f, &args[i]);
    for (int j = 0; j < extra.len && rc == NATIVE_OK; j++)
        rc = pass_variadic(g, &cs, f->nparams + j, f, &extra.ptr[2 * j]);
    ffi_cif vcif, *cif = &f->cif;
    if (rc == NATIVE_OK && f->variadic) {
        cif = &vcif;
        if (ffi_prep_cif_var(cif, FFI_DEFAULT_ABI, (unsigned)f->nparams, (unsigned)n, cgo_ffi_type(f->ret.sc),
                             cs.types) != FFI_OK) {
            vm_panic_runtime(g, gc_sprintf("C.%s: libffi cannot make this variadic call", f->name));
            rc = NATIVE_PANIC;
        }
    }
    if (rc == NATIVE_OK) {
        CValue ret = {0};
        rt_flush_stdout();
        rt_enter_blocking(g);
        ffi_call(cif, FFI_FN(f->sym), &ret, cs.avalues);
        rt_exit_blocking(g);
        fflush(stdout);
        if (on_stack) args = g->stack + off;
        if (cs.cbs.panicked) rc = NATIVE_PANIC;
        else cgo_from_ret(f->ret.sc, &ret, &args[0]);
    }
    state_finish(&cs);
    return rc;
}

/* ---------------------------------------------------- natives as closures */

static ffi_cif native_cif; /* int (*)(G *, Value *) */
static ffi_type *native_arg_types[2];
static pthread_once_t native_once = PTHREAD_ONCE_INIT;

static void native_cif_init(void) {
    native_arg_types[0] = native_arg_types[1] = &ffi_type_pointer;
    if (ffi_prep_cif(&native_cif, FFI_DEFAULT_ABI, 2, &ffi_type_sint, native_arg_types) != FFI_OK) abort();
}

static void native_entry(ffi_cif *cif, void *ret, void **argv, void *user) {
    (void)cif;
    G *g = *(G **)argv[0];
    Value *args = *(Value **)argv[1];
    *(ffi_sarg *)ret = cgo_call(user, g, args);
}

NativeFn cgo_func_native(CgoFunc *f) {
    pthread_once(&native_once, native_cif_init);
    void *code = NULL;
    ffi_closure *cl = ffi_closure_alloc(sizeof(ffi_closure), &code);
    if (!cl) return NULL;
    if (ffi_prep_closure_loc(cl, &native_cif, native_entry, f, code) != FFI_OK) {
        ffi_closure_free(cl);
        return NULL;
    }
    NativeFn fn;
    memcpy(&fn, &code, sizeof fn); /* object pointer -> function pointer */
    return fn;
}
