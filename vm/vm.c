/* vm.c - the dispatch loop.
 *
 * Each goroutine is a stack of frames over one array of registers
 * (G.stack): running a goroutine is calling run() on some OS thread, and
 * switching goroutines is returning to the scheduler - no C stack per
 * goroutine, no machine context. Instructions are typed, so the loop never
 * checks a tag; dispatch is a computed goto where the compiler has it.
 *
 * Invariants:
 *  - pc always points at the next instruction; an instruction that parks
 *    stores pc - 1 so that it runs again on wake-up (runtime.h's contract).
 *  - base, K and cl are reloaded after anything that can move the stack or
 *    the frames (calls, native calls, panics).
 *  - A frame's registers are base[0 .. fn->frame_size); a callee's frame
 *    starts at the caller's call window.
 */
#include "vm_internal.h"
#include "../lexer/lexer.h"
#include <stdatomic.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define BUDGET 1024
/* Go allows 1 GB; a quarter of that is ~2.5 million frames of a simple
 * recursive function here, and makes runaway recursion fail in a fraction
 * of a second instead of eating a gigabyte first. */
#define MAX_STACK_BYTES 256000000ull
/* The stack overflow report prints Go's text, which names Go's limit
 * (maxstacksize on 64-bit systems); goi's own limit is MAX_STACK_BYTES. */
#define GO_MAX_STACK_BYTES 1000000000ull
#define VM_NESTED_PANIC ((VMStatus)100)

/* --------------------------------------------------------------- stacks */

static _Noreturn void stack_overflow(G *g) {
    /* Claim the exit before printing: otherwise main returning meanwhile
     * ends the process with status 0 in the middle of the report. */
    rt_exit_claim();
    rt_flush_stdout();
    fprintf(stderr, "runtime: goroutine stack exceeds %llu-byte limit\nfatal error: stack overflow\n\n",
            GO_MAX_STACK_BYTES);
    fprintf(stderr, "goroutine %lld [running]:\n", (long long)g->id);
    /* the stack is a million frames deep: print its top like Go does */
    uint32_t n = g->nframes;
    for (uint32_t k = 0; k < n && k < 100; k++) {
        Frame *f = &g->frames[n - 1 - k];
        fprintf(stderr, "%s(%s)\n\t%s:%d\n", f->fn->name, f->fn->nargs ? "..." : "", f->fn->file,
                frame_line(f, false));
    }
    if (n > 100) fprintf(stderr, "...additional frames elided...\n");
    rt_exit(2);
}

_Noreturn void vm_fatal_stack_overflow(void) {
    rt_exit_claim(); /* as stack_overflow */
    rt_flush_stdout();
    fprintf(stderr, "runtime: goroutine stack exceeds %llu-byte limit\n", GO_MAX_STACK_BYTES);
    rt_fatal("stack overflow", false);
}

/* A goroutine's registers and frames together may use MAX_STACK_BYTES.
 * Both arrays grow by doubling, clamped to what the
 * limit leaves, so deep recursion copies O(depth) slots in all; growing in
 * small steps near the limit would copy the whole stack on every call. */
static uint64_t stack_room(uint64_t used_bytes, size_t elem) {
    return used_bytes >= MAX_STACK_BYTES ? 0 : (MAX_STACK_BYTES - used_bytes) / elem;
}

/* Would the registers growing to need_top slots, or the frames growing by
 * one, pass the limit? (The checks of vm_ensure_stack and grow_frames.) */
static bool regs_at_limit(G *g, uint32_t need_top) {
    return need_top > stack_room((uint64_t)g->frames_cap * sizeof(Frame), sizeof(Value));
}

static bool frames_at_limit(G *g) {
    return g->frames_cap >= stack_room((uint64_t)g->stack_size * sizeof(Value), sizeof(Frame));
}

/* In the REPL, runaway recursion panics in the calling goroutine instead of
 * ending the process (and the session) with Go's fatal error. */
static const char *repl_stack_overflow(void) {
    return gc_sprintf("runtime error: stack overflow (goroutine stack exceeds %llu-byte limit)", MAX_STACK_BYTES);
}

void vm_ensure_stack(G *g, uint32_t need_top) {
    if (need_top <= g->stack_size) return;
    uint64_t room = stack_room((uint64_t)g->frames_cap * sizeof(Frame), sizeof(Value));
    if (need_top > room) stack_overflow(g);
    uint64_t ns = g->stack_size ? g->stack_size : 32;
    while (ns < need_top) ns *= 2;
    if (ns > room) ns = room;
    Value *s = gc_alloc(ns * sizeof(Value));
    memcpy(s, g->stack, g->stack_size * sizeof(Value));
    /* Give the old array back at once unless native code on the C stack
     * (a vm_call from a native) may still point into it. */
    if (g->nested == 0 && g->stack_size >= 4096) GC_FREE(g->stack);
    g->stack = s;
    g->stack_size = (uint32_t)ns;
}

static void grow_frames(G *g) {
    uint64_t room = stack_room((uint64_t)g->stack_size * sizeof(Value), sizeof(Frame));
    if (g->frames_cap >= room) stack_overflow(g);
    uint64_t nc = g->frames_cap ? g->frames_cap * 2ull : 8;
    if (nc > room) nc = room;
    Frame *f = gc_alloc(nc * sizeof(Frame));
    memcpy(f, g->frames, g->nframes * sizeof(Frame));
    if (g->nested == 0 && g->frames_cap >= 4096) GC_FREE(g->frames);
    g->frames = f;
    g->frames_cap = (uint32_t)nc;
}

void vm_push_frame(G *g, Func *f, Closure *cl, uint32_t base, uint16_t flags) {
    func_ready(f);
    vm_ensure_stack(g, base + f->frame_size);
    if (g->nframes == g->frames_cap) grow_frames(g);
    Frame *fr = &g->frames[g->nframes++];
    fr->fn = f;
    fr->cl = cl;
    fr->pc = f->code;
    fr->base = base;
    fr->flags = flags;
    fr->ndefer = 0;
}

/* A function that calls native f with its own arguments and returns:
 * CALL 0, K0; RET. */
static Func *native_trampoline(Func *f) {
    Func *t = NEW(Func);
    t->name = f->name;
    t->file = f->file;
    t->line = f->line;
    t->sig = f->sig;
    t->nargs = f->nargs;
    t->nres = f->nres;
    t->frame_size = (f->nargs > f->nres ? f->nargs : f->nres) + 1;
    t->consts = gc_alloc(sizeof(Value));
    t->consts[0].p = f;
    t->nconsts = 1;
    t->code = gc_alloc(2 * sizeof(Instr));
    t->code[0] = (Instr){OP_CALL, 0, 0, 0};
    t->code[1] = (Instr){OP_RET, 0, 0, 0};
    t->ncode = 2;
    return t;
}

static Closure *static_closure_of(Func *f) {
    if (!f->static_closure) f->static_closure = closure_new(f, 0);
    return f->static_closure;
}

void vm_prepare_goroutine(G *g, Closure *fn, const Value *args, uint32_t nargs) {
    g->nframes = 0;
    g->defers = NULL;
    g->panic = NULL;
    Func *f = func_ready(fn->fn);
    if (f->native) {
        /* `go strings.ToUpper(s)`, `go C.f()`: a goroutine needs a bytecode
         * frame, so it runs a two-instruction function that calls the native */
        f = native_trampoline(f);
        fn = static_closure_of(f);
    }
    vm_push_frame(g, f, fn, 0, 0);
    if (nargs) memcpy(g->stack, args, nargs * sizeof(Value));
}

/* ------------------------------------------------------- lazy functions */

void (*vm_compile_hook)(Func *f);

/* Never runs: every path that calls a function passes it through
 * func_ready first, which compiles it. */
int vm_lazy_native(G *g, Value *args) {
    (void)g;
    (void)args;
    goi_panic_internal("lazy function called before compilation");
}

/* ---------------------------------------------------------------- panics */

/* The runtime's panics have the types Go's runtime gives them (a recovered
 * value's %T shows them): runtime.errorString (t_runtime_error),
 * runtime.plainError (texts without "runtime error: "), runtime.boundsError
 * and *runtime.TypeAssertionError. Each data word points to the message. */
Type *t_runtime_error;
static Type *t_plain_error, *t_bounds_error, *t_assertion_error;

static int native_runtime_error_Error(G *g, Value *args) {
    (void)g;
    Value *box = args[0].p; /* the data word: a pointer to the boxed string */
    args[0] = box[0];
    args[1] = box[1];
    return NATIVE_OK;
}

static int native_runtime_error_RuntimeError(G *g, Value *args) {
    (void)g;
    (void)args;
    return NATIVE_OK;
}

/* A runtime error type: t with the methods Error and RuntimeError. */
static Type *runtime_error_type(Type *t, const char *name) {
    Type *errsig = type_func(NULL, 0, &t_string, 1, false);
    Type *rtsig = type_func(NULL, 0, NULL, 0, false);
    Func *ferr = NEW(Func), *frt = NEW(Func);
    ferr->name = gc_sprintf("runtime.%s.Error", name);
    ferr->file = "<runtime>";
    ferr->native = native_runtime_error_Error;
    ferr->nargs = 1;
    ferr->nres = 2;
    ferr->frame_size = 2;
    frt->name = gc_sprintf("runtime.%s.RuntimeError", name);
    frt->file = "<runtime>";
    frt->native = native_runtime_error_RuntimeError;
    frt->nargs = 1;
    frt->frame_size = 1;
    Method ms[2] = {{intern_cstr("Error"), errsig, ferr, false},
                    {intern_cstr("RuntimeError"), rtsig, frt, false}};
    type_set_methods(t, ms, 2);
    return t;
}

static Type *runtime_string_type(const char *name) {
    Type *t = type_named("runtime", intern_cstr(name));
    type_set_underlying(t, t_string);
    return runtime_error_type(t, name);
}

void vm_types_init(void) {
    if (t_runtime_error) return;
    types_init();
    t_plain_error = runtime_string_type("plainError");
    t_bounds_error = runtime_string_type("boundsError");
    /* *TypeAssertionError: a pointer to the message */
    Type *tae = type_named("runtime", intern_cstr("TypeAssertionError"));
    type_set_underlying(tae, t_string);
    t_assertion_error = runtime_error_type(type_pointer(tae), "(*TypeAssertionError)");
    t_runtime_error = runtime_string_type("errorString");
}

/* The runtime error with text msg, as an interface value in v. */
static void runtime_error_value(Value *v, const char *msg) {
    vm_types_init();
    Value s[2];
    str_set(s, str_from_cstr(msg));
    if (strncmp(msg, "interface conversion", 20) == 0) {
        Value *box = gc_alloc(2 * sizeof(Value));
        box[0] = s[0];
        box[1] = s[1];
        Value p = {.p = box};
        iface_make(v, t_assertion_error, &p);
        return;
    }
    Type *t = t_runtime_error;
    if (strncmp(msg, "runtime error: ", 15) != 0) t = t_plain_error;
    else if (strstr(msg, " out of range [") || strncmp(msg + 15, "cannot convert slice", 20) == 0) t = t_bounds_error;
    iface_make(v, t, s);
}

void vm_start_panic(G *g, const Value *v, bool goexit) {
    Panic *p = NEW(Panic);
    p->val[0] = v[0];
    p->val[1] = v[1];
    p->goexit = goexit;
    p->link = g->panic;
    p->frame = g->nframes ? g->nframes - 1 : 0;
    /* keep the stack as it is now: unwinding pops frames before the report */
    p->depth = g->nframes;
    p->ntrace = g->nframes < TRACE_MAX ? g->nframes : TRACE_MAX;
    p->trace = gc_alloc(sizeof(Frame) * (p->ntrace + 1));
    memcpy(p->trace, g->frames + (g->nframes - p->ntrace), sizeof(Frame) * p->ntrace);
    if (g->panic) p->link_was_aborted = g->panic->aborted;
    for (Panic *q = g->panic; q; q = q->link) q->aborted = true;
    g->panic = p;
}

void vm_panic_runtime(G *g, const char *msg) {
    Value v[2];
    runtime_error_value(v, msg);
    vm_start_panic(g, v, false);
}

void vm_panic_string(G *g, const char *msg) {
    Value s[2];
    str_set(s, str_from_cstr(msg));
    Value v[2];
    iface_make(v, t_string, s);
    vm_start_panic(g, v, false);
}

void vm_panic_value(G *g, const Value *iface) { vm_start_panic(g, iface, false); }

static const char *bounds_index(int64_t i, int64_t len) {
    if (i < 0) return gc_sprintf("runtime error: index out of range [%lld]", (long long)i);
    return gc_sprintf("runtime error: index out of range [%lld] with length %lld", (long long)i, (long long)len);
}

#define NIL_DEREF "runtime error: invalid memory address or nil pointer dereference"

#define GROW_CAP "runtime error: growslice: cap out of range"

/* Can a slice of len elements of type et take extra more? Not when the
 * length overflows, or the memory would exceed what make allows. */
static bool can_grow(const Type *et, int64_t len, int64_t extra) {
    int64_t need;
    if (__builtin_add_overflow(len, extra, &need)) return false;
    return et->size == 0 || (uint64_t)need <= (1ull << 37) / et->size;
}

/* ------------------------------------------------------------- helpers */

static Value *alloc_box(uint32_t n, bool hasptr) {
    if (hasptr) return gc_alloc((n ? n : 1) * sizeof(Value));
    Value *p = gc_alloc_atomic((n ? n : 1) * sizeof(Value));
    memset(p, 0, (n ? n : 1) * sizeof(Value));
    return p;
}

/* s[lo:hi:max] bounds per Go's boundsError kinds; NULL when in range. */
/* The bounds check of x[lo:hi:max], with Go's messages. fixed_len: x is a
 * string or an array, whose capacity Go calls its length. */
static const char *slice_bounds(int64_t lo, int64_t hi, int64_t max, int64_t len, int64_t cap, bool three,
                                bool fixed_len) {
    const char *capword = fixed_len ? "length" : "capacity";
    if (three) {
        if (max < 0) return gc_sprintf("runtime error: slice bounds out of range [::%lld]", (long long)max);
        if (max > cap)
            return gc_sprintf("runtime error: slice bounds out of range [::%lld] with %s %lld", (long long)max,
                              capword, (long long)cap);
        if (hi < 0) return gc_sprintf("runtime error: slice bounds out of range [:%lld:]", (long long)hi);
        if (hi > max)
            return gc_sprintf("runtime error: slice bounds out of range [:%lld:%lld]", (long long)hi, (long long)max);
        if (lo < 0) return gc_sprintf("runtime error: slice bounds out of range [%lld::]", (long long)lo);
        if (lo > hi)
            return gc_sprintf("runtime error: slice bounds out of range [%lld:%lld:]", (long long)lo, (long long)hi);
        return NULL;
    }
    if (hi < 0) return gc_sprintf("runtime error: slice bounds out of range [:%lld]", (long long)hi);
    if (hi > cap)
        return gc_sprintf("runtime error: slice bounds out of range [:%lld] with %s %lld", (long long)hi, capword,
                          (long long)cap);
    if (lo < 0) return gc_sprintf("runtime error: slice bounds out of range [%lld:]", (long long)lo);
    if (lo > hi) return gc_sprintf("runtime error: slice bounds out of range [%lld:%lld]", (long long)lo, (long long)hi);
    (void)len;
    return NULL;
}

static bool implements_dynamic(Type *t, Type *iface) {
    if (!t) return false;
    return type_implements(t, iface, NULL, NULL);
}

static const char *assert_msg(Type *src, Type *have, Type *want) {
    const char *s = src ? type_string(src) : "interface {}";
    /* Go's assertE2I/assertI2I do not know the source type: "interface is nil" */
    if (!have && want->kind == KIND_INTERFACE) s = "interface";
    if (!have) return gc_sprintf("interface conversion: %s is nil, not %s", s, type_string(want));
    if (want->kind == KIND_INTERFACE) {
        const char *missing = "?";
        type_implements(have, want, &missing, NULL);
        return gc_sprintf("interface conversion: %s is not %s: missing method %s", type_string(have),
                          type_string(want), missing);
    }
    if (strcmp(type_string(have), type_string(want)) == 0)
        return gc_sprintf("interface conversion: %s is %s (types from different scopes), not %s", s,
                          type_string(have), type_string(want));
    return gc_sprintf("interface conversion: %s is %s, not %s", s, type_string(have), type_string(want));
}

static const Method *find_method(Type *t, const char *name) {
    for (int i = 0; i < t->nmethods; i++)
        if (t->methods[i].name == name) return &t->methods[i];
    return type_find_method(t, name);
}

static int64_t f2i(double f) {
    if (f != f) return INT64_MIN;
    if (f >= 9223372036854775808.0 || f < -9223372036854775808.0) return INT64_MIN;
    return (int64_t)f;
}

static uint64_t f2u(double f) {
    if (f != f || f < 0) return f < 0 && f > -9223372036854775808.0 ? (uint64_t)(int64_t)f : 0x8000000000000000ull;
    if (f >= 18446744073709551616.0) return 0x8000000000000000ull;
    return (uint64_t)f;
}

static inline int64_t sext(int64_t v, int bits) { return (int64_t)((uint64_t)v << (64 - bits)) >> (64 - bits); }
static inline int64_t zext(int64_t v, int bits) { return (int64_t)(((uint64_t)v << (64 - bits)) >> (64 - bits)); }

/* Copies and clears of a few slots: most values are 1-3 slots, where a
 * call to memmove costs more than the copy. Overlap-safe (sources are read
 * before destinations are written). */
static inline void copy_slots(Value *dst, const Value *src, uint32_t n) {
    switch (n) {
    case 0: return;
    case 1: dst[0] = src[0]; return;
    case 2: {
        Value a = src[0], b = src[1];
        dst[0] = a;
        dst[1] = b;
        return;
    }
    case 3: {
        Value a = src[0], b = src[1], c = src[2];
        dst[0] = a;
        dst[1] = b;
        dst[2] = c;
        return;
    }
    default: memmove(dst, src, n * sizeof(Value)); return;
    }
}

static inline void zero_slots(Value *dst, uint32_t n) {
    switch (n) {
    case 3: dst[2].u = 0; /* fallthrough */
    case 2: dst[1].u = 0; /* fallthrough */
    case 1: dst[0].u = 0; /* fallthrough */
    case 0: return;
    default: memset(dst, 0, n * sizeof(Value)); return;
    }
}

/* Call a native function pointer for a deferred call or goroutine start. */
static int call_native(G *g, Func *f, Value *window) { return f->native(g, window); }

/* ------------------------------------------------------------- the loop */

static VMStatus run(G *g, uint32_t stop);

VMStatus vm_execute(G *g) {
    VMStatus st = run(g, 0);
    return st;
}

static VMStatus run(G *g, uint32_t stop) {
#if defined(__GNUC__)
#define GOI_LABEL_ADDR(name, fmt, doc) &&L_##name,
    static const void *const labels[OP__COUNT] = {GOI_OPCODES(GOI_LABEL_ADDR)};
#undef GOI_LABEL_ADDR
#define CASE(name) L_##name:
#define NEXT()                                                                                     \
    do {                                                                                           \
        i = *pc++;                                                                                 \
        goto *labels[i.op];                                                                        \
    } while (0)
#else
#define CASE(name) case OP_##name:
#define NEXT() goto dispatch
#endif
    Frame *fr;
    const Instr *pc;
    Value *base, *K;
    Closure *cl;
    Instr i;
    int budget = BUDGET;
    Func *callee;
    Closure *callee_cl;
    Value *win;
    uint32_t nb;

#define LOAD_STATE()                                                                               \
    do {                                                                                           \
        fr = &g->frames[g->nframes - 1];                                                           \
        pc = fr->pc;                                                                               \
        base = g->stack + fr->base;                                                                \
        K = fr->fn->consts;                                                                        \
        cl = fr->cl;                                                                               \
    } while (0)
#define SAVE_PC() (fr->pc = pc)
#define THROW(msg)                                                                                 \
    do {                                                                                           \
        SAVE_PC();                                                                                 \
        vm_panic_runtime(g, (msg));                                                                \
        goto unwind;                                                                               \
    } while (0)
#define BX() instr_bx(i)
#define SC() ((int16_t)i.c)
#define X() (*pc++)
#define PARK_AND_RETRY()                                                                           \
    do {                                                                                           \
        fr->pc = pc - 1;                                                                           \
        if (stop) {                                                                                \
            rt_park_thread(g);                                                                     \
            LOAD_STATE();                                                                          \
            NEXT();                                                                                \
        }                                                                                          \
        return VM_PARKED;                                                                          \
    } while (0)
#define CHECK_PREEMPT()                                                                            \
    do {                                                                                           \
        if (unlikely(--budget <= 0)) {                                                             \
            budget = BUDGET;                                                                       \
            if (!stop && unlikely(rt_repl_should_stop(g))) {                                       \
                SAVE_PC();                                                                         \
                goto interrupted;                                                                  \
            }                                                                                      \
            if (!stop && rt_should_yield(g)) {                                                     \
                SAVE_PC();                                                                         \
                return VM_YIELD;                                                                   \
            }                                                                                      \
        }                                                                                          \
    } while (0)

    LOAD_STATE();
    /* Interrupted in the REPL while parked or queued: finish the instruction
     * it was parked on (which leaves channels and timers consistent), then
     * unwind at the first preemption point. */
    if (unlikely(rt_repl_should_stop(g))) budget = 1;
#if defined(__GNUC__)
    NEXT();
#else
dispatch:
    i = *pc++;
    switch (i.op) {
#endif

    CASE(NOP) NEXT();
    CASE(EXTRA) NEXT();
    CASE(MOVE) base[i.a] = base[i.b]; NEXT();
    CASE(MOVE2) {
        Value a = base[i.b], b = base[i.b + 1];
        base[i.a] = a;
        base[i.a + 1] = b;
        NEXT();
    }
    CASE(MOVE3) {
        Value a = base[i.b], b = base[i.b + 1], c = base[i.b + 2];
        base[i.a] = a;
        base[i.a + 1] = b;
        base[i.a + 2] = c;
        NEXT();
    }
    CASE(MOVEN) copy_slots(base + i.a, base + i.b, i.c); NEXT();
    CASE(LOADK) base[i.a] = K[BX()]; NEXT();
    CASE(LOADK2) {
        int32_t k = BX();
        base[i.a] = K[k];
        base[i.a + 1] = K[k + 1];
        NEXT();
    }
    CASE(LOADI) base[i.a].i = BX(); NEXT();
    CASE(ZERO) zero_slots(base + i.a, i.b); NEXT();
    CASE(GETG) copy_slots(base + i.a, K[i.b].p, i.c); NEXT();
    CASE(SETG) copy_slots(K[i.b].p, base + i.a, i.c); NEXT();
    CASE(NEWBOX) base[i.a].p = alloc_box((uint32_t)i.b | (uint32_t)(i.c >> 1) << 16, i.c & 1); NEXT();
    CASE(LOAD) copy_slots(base + i.a, base[i.b].p, i.c); NEXT();
    CASE(STORE) copy_slots(base[i.a].p, base + i.b, i.c); NEXT();
    CASE(LOADP) {
        Value *p = base[i.b].p;
        if (unlikely(!p)) THROW(NIL_DEREF);
        copy_slots(base + i.a, p, i.c);
        NEXT();
    }
    CASE(STOREP) {
        Value *p = base[i.a].p;
        if (unlikely(!p)) THROW(NIL_DEREF);
        copy_slots(p, base + i.b, i.c);
        NEXT();
    }
    CASE(MEMCOPY) {
        Instr x = X();
        Value *d = base[i.a].p, *src = base[i.b].p;
        if (unlikely(!d || !src)) THROW(NIL_DEREF);
        memmove(d, src, ((size_t)x.a | (size_t)x.b << 16) * sizeof(Value));
        NEXT();
    }
    CASE(LOADF) {
        Instr x = X();
        Value *p = base[i.b].p;
        if (unlikely(!p)) THROW(NIL_DEREF);
        copy_slots(base + i.a, p + i.c, x.a);
        NEXT();
    }
    CASE(STOREF) {
        Instr x = X();
        Value *p = base[i.a].p;
        if (unlikely(!p)) THROW(NIL_DEREF);
        copy_slots(p + i.b, base + i.c, x.a);
        NEXT();
    }
    CASE(LOADF1) {
        Value *p = base[i.b].p;
        if (unlikely(!p)) THROW(NIL_DEREF);
        base[i.a] = p[i.c];
        NEXT();
    }
    CASE(STOREF1) {
        Value *p = base[i.a].p;
        if (unlikely(!p)) THROW(NIL_DEREF);
        p[i.b] = base[i.c];
        NEXT();
    }
    CASE(ADDROFF) {
        Value *p = base[i.b].p;
        if (unlikely(!p)) THROW(NIL_DEREF);
        base[i.a].p = p + i.c;
        NEXT();
    }
    CASE(GETUP) base[i.a] = cl->up[i.b]; NEXT();
    CASE(CLOSURE) {
        Func *f = K[BX()].p;
        /* the captures follow as CAPLOCAL / CAPUP pseudo-instructions */
        uint32_t n = 0;
        while (pc[n].op == OP_CAPLOCAL || pc[n].op == OP_CAPUP) n++;
        Closure *c = closure_new(f, n);
        for (uint32_t k = 0; k < n; k++) {
            Instr ci = pc[k];
            c->up[k] = ci.op == OP_CAPLOCAL ? base[ci.a] : cl->up[ci.a];
        }
        pc += n;
        base[i.a].p = c;
        NEXT();
    }
    CASE(CAPLOCAL) NEXT();
    CASE(CAPUP) NEXT();

    /* ---- integers ---- */
    CASE(ADD) base[i.a].u = base[i.b].u + base[i.c].u; NEXT();
    CASE(SUB) base[i.a].u = base[i.b].u - base[i.c].u; NEXT();
    CASE(MUL) base[i.a].u = base[i.b].u * base[i.c].u; NEXT();
    CASE(DIV) {
        int64_t d = base[i.c].i;
        if (unlikely(d == 0)) THROW("runtime error: integer divide by zero");
        base[i.a].i = d == -1 ? (int64_t)(0 - base[i.b].u) : base[i.b].i / d;
        NEXT();
    }
    CASE(DIVU) {
        uint64_t d = base[i.c].u;
        if (unlikely(d == 0)) THROW("runtime error: integer divide by zero");
        base[i.a].u = base[i.b].u / d;
        NEXT();
    }
    CASE(REM) {
        int64_t d = base[i.c].i;
        if (unlikely(d == 0)) THROW("runtime error: integer divide by zero");
        base[i.a].i = d == -1 ? 0 : base[i.b].i % d;
        NEXT();
    }
    CASE(REMU) {
        uint64_t d = base[i.c].u;
        if (unlikely(d == 0)) THROW("runtime error: integer divide by zero");
        base[i.a].u = base[i.b].u % d;
        NEXT();
    }
    CASE(AND) base[i.a].u = base[i.b].u & base[i.c].u; NEXT();
    CASE(OR) base[i.a].u = base[i.b].u | base[i.c].u; NEXT();
    CASE(XOR) base[i.a].u = base[i.b].u ^ base[i.c].u; NEXT();
    CASE(ANDNOT) base[i.a].u = base[i.b].u & ~base[i.c].u; NEXT();
    CASE(SHL) {
        uint64_t s = base[i.c].u;
        base[i.a].u = s >= 64 ? 0 : base[i.b].u << s;
        NEXT();
    }
    CASE(SHR) {
        uint64_t s = base[i.c].u;
        base[i.a].i = base[i.b].i >> (s >= 64 ? 63 : s);
        NEXT();
    }
    CASE(SHRU) {
        uint64_t s = base[i.c].u;
        base[i.a].u = s >= 64 ? 0 : base[i.b].u >> s;
        NEXT();
    }
    CASE(CHKSHIFT) {
        if (unlikely(base[i.a].i < 0)) THROW("runtime error: negative shift amount");
        NEXT();
    }
    CASE(ADDI) base[i.a].u = base[i.b].u + (uint64_t)(int64_t)SC(); NEXT();
    CASE(MULK) base[i.a].u = base[i.b].u * K[i.c].u; NEXT();
    CASE(DIVK) {
        int64_t d = K[i.c].i;
        base[i.a].i = d == -1 ? (int64_t)(0 - base[i.b].u) : base[i.b].i / d;
        NEXT();
    }
    CASE(DIVUK) base[i.a].u = base[i.b].u / K[i.c].u; NEXT();
    CASE(REMK) {
        int64_t d = K[i.c].i;
        base[i.a].i = d == -1 ? 0 : base[i.b].i % d;
        NEXT();
    }
    CASE(REMUK) base[i.a].u = base[i.b].u % K[i.c].u; NEXT();
    CASE(ANDK) base[i.a].u = base[i.b].u & K[i.c].u; NEXT();
    CASE(ORK) base[i.a].u = base[i.b].u | K[i.c].u; NEXT();
    CASE(XORK) base[i.a].u = base[i.b].u ^ K[i.c].u; NEXT();
    CASE(SHLK) base[i.a].u = K[i.c].u >= 64 ? 0 : base[i.b].u << K[i.c].u; NEXT();
    CASE(SHRK) base[i.a].i = base[i.b].i >> (K[i.c].u >= 64 ? 63 : K[i.c].u); NEXT();
    CASE(SHRUK) base[i.a].u = K[i.c].u >= 64 ? 0 : base[i.b].u >> K[i.c].u; NEXT();
    CASE(FADDK) base[i.a].f = base[i.b].f + K[i.c].f; NEXT();
    CASE(FSUBK) base[i.a].f = base[i.b].f - K[i.c].f; NEXT();
    CASE(FMULK) base[i.a].f = base[i.b].f * K[i.c].f; NEXT();
    CASE(FDIVK) base[i.a].f = base[i.b].f / K[i.c].f; NEXT();
    CASE(NEG) base[i.a].u = 0 - base[i.b].u; NEXT();
    CASE(BNOT) base[i.a].u = ~base[i.b].u; NEXT();
    CASE(NOT) base[i.a].i = !base[i.b].i; NEXT();
    CASE(SEXT) base[i.a].i = sext(base[i.b].i, i.c); NEXT();
    CASE(ZEXT) base[i.a].i = zext(base[i.b].i, i.c); NEXT();

    /* ---- floats ---- */
    CASE(FADD) base[i.a].f = base[i.b].f + base[i.c].f; NEXT();
    CASE(FSUB) base[i.a].f = base[i.b].f - base[i.c].f; NEXT();
    CASE(FMUL) base[i.a].f = base[i.b].f * base[i.c].f; NEXT();
    CASE(FDIV) base[i.a].f = base[i.b].f / base[i.c].f; NEXT();
    CASE(FNEG) base[i.a].f = -base[i.b].f; NEXT();
    CASE(F32) base[i.a].f = (double)(float)base[i.b].f; NEXT();
    CASE(FMATH) {
        double x = base[i.b].f;
        switch (i.c) {
        case MATH_SQRT: x = sqrt(x); break;
        case MATH_ABS: x = fabs(x); break;
        case MATH_FLOOR: x = floor(x); break;
        case MATH_CEIL: x = ceil(x); break;
        default: x = trunc(x); break;
        }
        base[i.a].f = x;
        NEXT();
    }
    CASE(FMIN) {
        double x = base[i.b].f, y = base[i.c].f;
        /* Go's min: NaN wins; of two zeros, -0 (OR the sign bits) */
        base[i.a].f = x != x || y != y ? NAN : x == y ? (signbit(x) ? x : y) : x < y ? x : y;
        NEXT();
    }
    CASE(FMAX) {
        double x = base[i.b].f, y = base[i.c].f;
        base[i.a].f = x != x || y != y ? NAN : x == y ? (signbit(x) ? y : x) : x > y ? x : y;
        NEXT();
    }
    CASE(CADD) {
        double re = base[i.b].f + base[i.c].f, im = base[i.b + 1].f + base[i.c + 1].f;
        base[i.a].f = re;
        base[i.a + 1].f = im;
        NEXT();
    }
    CASE(CSUB) {
        double re = base[i.b].f - base[i.c].f, im = base[i.b + 1].f - base[i.c + 1].f;
        base[i.a].f = re;
        base[i.a + 1].f = im;
        NEXT();
    }
    CASE(CMUL) {
        double a = base[i.b].f, b = base[i.b + 1].f, c = base[i.c].f, d = base[i.c + 1].f;
        base[i.a].f = a * c - b * d;
        base[i.a + 1].f = a * d + b * c;
        NEXT();
    }
    CASE(CDIV) {
        double _Complex x = base[i.b].f + base[i.b + 1].f * 1.0i, y = base[i.c].f + base[i.c + 1].f * 1.0i;
        double _Complex q = x / y;
        base[i.a].f = __real__ q;
        base[i.a + 1].f = __imag__ q;
        NEXT();
    }
    CASE(CEQ) base[i.a].i = base[i.b].f == base[i.c].f && base[i.b + 1].f == base[i.c + 1].f; NEXT();

    /* ---- comparisons ---- */
    CASE(EQ) base[i.a].i = base[i.b].u == base[i.c].u; NEXT();
    CASE(NE) base[i.a].i = base[i.b].u != base[i.c].u; NEXT();
    CASE(LT) base[i.a].i = base[i.b].i < base[i.c].i; NEXT();
    CASE(LE) base[i.a].i = base[i.b].i <= base[i.c].i; NEXT();
    CASE(LTU) base[i.a].i = base[i.b].u < base[i.c].u; NEXT();
    CASE(LEU) base[i.a].i = base[i.b].u <= base[i.c].u; NEXT();
    CASE(FEQ) base[i.a].i = base[i.b].f == base[i.c].f; NEXT();
    CASE(FNE) base[i.a].i = base[i.b].f != base[i.c].f; NEXT();
    CASE(FLT) base[i.a].i = base[i.b].f < base[i.c].f; NEXT();
    CASE(FLE) base[i.a].i = base[i.b].f <= base[i.c].f; NEXT();
    CASE(SEQ) {
        int64_t n = base[i.b + 1].i;
        base[i.a].i = n == base[i.c + 1].i && (n == 0 || base[i.b].p == base[i.c].p || memcmp(base[i.b].p, base[i.c].p, (size_t)n) == 0);
        NEXT();
    }
    CASE(SNE) {
        int64_t n = base[i.b + 1].i;
        base[i.a].i = !(n == base[i.c + 1].i && (n == 0 || base[i.b].p == base[i.c].p || memcmp(base[i.b].p, base[i.c].p, (size_t)n) == 0));
        NEXT();
    }
    CASE(SLT) base[i.a].i = str_compare(str_get(base + i.b), str_get(base + i.c)) < 0; NEXT();
    CASE(SLE) base[i.a].i = str_compare(str_get(base + i.b), str_get(base + i.c)) <= 0; NEXT();
    CASE(EQVAL) {
        Instr x = X();
        Type *bad = NULL;
        bool eq = value_equal(K[x.a].p, base + i.b, base + i.c, &bad);
        if (unlikely(bad)) THROW(gc_sprintf("runtime error: comparing uncomparable type %s", type_string(bad)));
        base[i.a].i = eq;
        NEXT();
    }
    CASE(IEQ) {
        Type *bad = NULL;
        bool eq = value_equal(t_any, base + i.b, base + i.c, &bad);
        if (unlikely(bad)) THROW(gc_sprintf("runtime error: comparing uncomparable type %s", type_string(bad)));
        base[i.a].i = eq;
        NEXT();
    }

    /* ---- jumps ---- */
    CASE(JMP) {
        int32_t off = BX();
        pc += off;
        if (off < 0) CHECK_PREEMPT();
        NEXT();
    }
    CASE(JT) {
        if (base[i.a].i) {
            int32_t off = BX();
            pc += off;
            if (off < 0) CHECK_PREEMPT();
        }
        NEXT();
    }
    CASE(JF) {
        if (!base[i.a].i) {
            int32_t off = BX();
            pc += off;
            if (off < 0) CHECK_PREEMPT();
        }
        NEXT();
    }
#define CMPJUMP(name, cond)                                                                        \
    CASE(name) {                                                                                   \
        if (cond) {                                                                                \
            int off = SC();                                                                        \
            pc += off;                                                                             \
            if (off < 0) CHECK_PREEMPT();                                                          \
        }                                                                                          \
        NEXT();                                                                                    \
    }
    CMPJUMP(JEQ, base[i.a].u == base[i.b].u)
    CMPJUMP(JNE, base[i.a].u != base[i.b].u)
    CMPJUMP(JLT, base[i.a].i < base[i.b].i)
    CMPJUMP(JLE, base[i.a].i <= base[i.b].i)
    CMPJUMP(JLTU, base[i.a].u < base[i.b].u)
    CMPJUMP(JLEU, base[i.a].u <= base[i.b].u)
    CMPJUMP(JEQK, base[i.a].u == K[i.b].u)
    CMPJUMP(JNEK, base[i.a].u != K[i.b].u)
    CMPJUMP(JLTK, base[i.a].i < K[i.b].i)
    CMPJUMP(JLEK, base[i.a].i <= K[i.b].i)
    CMPJUMP(JGTK, base[i.a].i > K[i.b].i)
    CMPJUMP(JGEK, base[i.a].i >= K[i.b].i)

    /* ---- strings ---- */
    CASE(CONCAT) str_set(base + i.a, str_concat(str_get(base + i.b), str_get(base + i.c))); NEXT();
    CASE(SINDEX) {
        int64_t k = base[i.c].i, n = base[i.b + 1].i;
        if (unlikely((uint64_t)k >= (uint64_t)n)) THROW(bounds_index(k, n));
        base[i.a].u = ((const uint8_t *)base[i.b].p)[k];
        NEXT();
    }
    CASE(SLEN) base[i.a] = base[i.b + 1]; NEXT();
    CASE(STR2BYTES) slice_set(base + i.a, bytes_from_string(str_get(base + i.b))); NEXT();
    CASE(BYTES2STR) str_set(base + i.a, string_from_bytes(slice_get(base + i.b))); NEXT();
    CASE(STR2RUNES) slice_set(base + i.a, runes_from_string(str_get(base + i.b))); NEXT();
    CASE(RUNES2STR) str_set(base + i.a, string_from_runes(slice_get(base + i.b))); NEXT();
    CASE(RUNE2STR) {
        int64_t r = base[i.b].i;
        if (i.c && base[i.b].u > 0x10FFFF) r = 0xFFFD;
        str_set(base + i.a, string_from_rune(r));
        NEXT();
    }
    CASE(STRNEXT) {
        GoString s = str_get(base + i.b);
        int64_t k = base[i.c].i;
        uint8_t c0 = s.ptr[k];
        if (c0 < 0x80) {
            base[i.a].i = c0;
            base[i.a + 1].i = k + 1;
        } else {
            int size;
            base[i.a].i = utf8_decode(s.ptr + k, (size_t)(s.len - k), &size);
            base[i.a + 1].i = k + size;
        }
        NEXT();
    }

    /* ---- conversions ---- */
    CASE(I2F) base[i.a].f = (double)base[i.b].i; NEXT();
    CASE(U2F) base[i.a].f = (double)base[i.b].u; NEXT();
    CASE(F2I) base[i.a].i = f2i(base[i.b].f); NEXT();
    CASE(F2U) base[i.a].u = f2u(base[i.b].f); NEXT();
    CASE(SLICE2ARRP) {
        int64_t len = base[i.b + 1].i, want = K[i.c].i;
        if (unlikely(len < want))
            THROW(gc_sprintf("runtime error: cannot convert slice with length %lld to pointer to array with length %lld",
                             (long long)len, (long long)want));
        base[i.a] = base[i.b];
        NEXT();
    }

    /* ---- slices and arrays ---- */
    CASE(MKSLICE) {
        Instr x = X();
        Type *et = K[x.a].p;
        int64_t len = base[i.b].i, cap = base[i.c].i;
        int64_t limit = et->size ? (1ll << 40) : INT64_MAX; /* elements of size zero take no memory */
        if (unlikely(len < 0 || len > limit)) THROW("runtime error: makeslice: len out of range");
        if (unlikely(cap < len || cap > limit)) THROW("runtime error: makeslice: cap out of range");
        if (unlikely(et->size && (uint64_t)cap * et->size > (1ull << 37)))
            THROW("runtime error: makeslice: len out of range");
        slice_set(base + i.a, (GoSlice){alloc_elems(et, cap), len, cap});
        NEXT();
    }
    CASE(SLICELIT) {
        Instr x = X();
        Type *et = K[x.a].p;
        Value *p = alloc_elems(et, i.c);
        memcpy(p, base + i.b, (size_t)i.c * et->size * sizeof(Value));
        slice_set(base + i.a, (GoSlice){p, i.c, i.c});
        NEXT();
    }
    CASE(INDEX) {
        Instr x = X();
        int64_t k = base[i.c].i, n = base[i.b + 1].i;
        if (unlikely((uint64_t)k >= (uint64_t)n)) THROW(bounds_index(k, n));
        Value *p = (Value *)base[i.b].p + k * x.a;
        if (x.a == 1) base[i.a] = *p;
        else copy_slots(base + i.a, p, x.a);
        NEXT();
    }
    CASE(SETINDEX) {
        Instr x = X();
        int64_t k = base[i.b].i, n = base[i.a + 1].i;
        if (unlikely((uint64_t)k >= (uint64_t)n)) THROW(bounds_index(k, n));
        Value *p = (Value *)base[i.a].p + k * x.a;
        if (x.a == 1) *p = base[i.c];
        else copy_slots(p, base + i.c, x.a);
        NEXT();
    }
    CASE(INDEXADDR) {
        Instr x = X();
        int64_t k = base[i.c].i, n = base[i.b + 1].i;
        if (unlikely((uint64_t)k >= (uint64_t)n)) THROW(bounds_index(k, n));
        base[i.a].p = (Value *)base[i.b].p + k * x.a;
        NEXT();
    }
    CASE(ARRAYADDR) {
        Instr x = X();
        int64_t len = (int64_t)x.b | ((int64_t)x.c << 16);
        int64_t k = base[i.c].i;
        Value *p = base[i.b].p;
        if (unlikely(!p)) THROW(NIL_DEREF);
        if (unlikely((uint64_t)k >= (uint64_t)len)) THROW(bounds_index(k, len));
        base[i.a].p = p + k * x.a;
        NEXT();
    }
    CASE(SLICE) {
        Instr x = X();
        int flags = x.a & 31;
        int kind = flags & 3;
        int64_t esz = x.b;
        Value *ix = base + i.c;
        int64_t len, cap;
        Value *ptr = NULL;
        const uint8_t *sptr = NULL;
        if (kind == SLICE_OF_STRING) {
            sptr = base[i.b].p;
            len = cap = base[i.b + 1].i;
        } else if (kind == SLICE_OF_SLICE) {
            ptr = base[i.b].p;
            len = base[i.b + 1].i;
            cap = base[i.b + 2].i;
        } else {
            ptr = base[i.b].p;
            if (unlikely(!ptr)) THROW(NIL_DEREF);
            len = cap = (int64_t)x.c | ((int64_t)(x.a >> 5) << 16);
        }
        int64_t lo = (flags & SLICE_HAS_LO) ? ix[0].i : 0;
        int64_t hi = (flags & SLICE_HAS_HI) ? ix[1].i : len;
        int64_t max = (flags & SLICE_HAS_MAX) ? ix[2].i : cap;
        const char *err = slice_bounds(lo, hi, max, len, kind == SLICE_OF_STRING ? len : cap,
                                       (flags & SLICE_HAS_MAX) != 0, kind != SLICE_OF_SLICE);
        if (unlikely(err)) THROW(err);
        if (kind == SLICE_OF_STRING) {
            str_set(base + i.a, (GoString){sptr + lo, hi - lo});
        } else {
            Value *np = ptr + (max - lo > 0 ? lo * esz : 0);
            if (max - lo == 0) np = ptr + lo * esz; /* still points into the array */
            slice_set(base + i.a, (GoSlice){np, hi - lo, max - lo});
        }
        NEXT();
    }
    CASE(APPEND) {
        Instr x = X();
        Type *et = K[x.a].p;
        GoSlice s = slice_get(base + i.a);
        int64_t n = i.c;
        if (n > s.cap - s.len) {
            if (unlikely(!can_grow(et, s.len, n))) THROW(GROW_CAP);
            s = slice_grow(et, s, n);
        }
        if (et->size) memcpy(s.ptr + s.len * et->size, base + i.b, (size_t)n * et->size * sizeof(Value));
        s.len += n;
        slice_set(base + i.a, s);
        NEXT();
    }
    CASE(APPENDSL) {
        Instr x = X();
        Type *et = K[x.a].p;
        GoSlice s = slice_get(base + i.a);
        if (i.c) {
            GoString t = str_get(base + i.b);
            if (t.len > s.cap - s.len) {
                if (unlikely(!can_grow(et, s.len, t.len))) THROW(GROW_CAP);
                s = slice_grow(et, s, t.len);
            }
            for (int64_t k = 0; k < t.len; k++) s.ptr[s.len + k].u = t.ptr[k];
            s.len += t.len;
        } else {
            GoSlice t = slice_get(base + i.b);
            if (t.len > s.cap - s.len) {
                if (unlikely(!can_grow(et, s.len, t.len))) THROW(GROW_CAP);
                s = slice_grow(et, s, t.len);
            }
            if (t.len) memmove(s.ptr + s.len * et->size, t.ptr, (size_t)t.len * et->size * sizeof(Value));
            s.len += t.len;
        }
        slice_set(base + i.a, s);
        NEXT();
    }
    CASE(SLICECLEAR) {
        Instr x = X();
        GoSlice s = slice_get(base + i.a);
        if (s.len) memset(s.ptr, 0, (size_t)s.len * x.a * sizeof(Value));
        NEXT();
    }
    CASE(COPY) {
        Instr x = X();
        GoSlice d = slice_get(base + i.b);
        int64_t n;
        if (x.b) {
            GoString s = str_get(base + i.c);
            n = d.len < s.len ? d.len : s.len;
            for (int64_t k = 0; k < n; k++) d.ptr[k].u = s.ptr[k];
        } else {
            GoSlice s = slice_get(base + i.c);
            n = d.len < s.len ? d.len : s.len;
            if (n) memmove(d.ptr, s.ptr, (size_t)n * x.a * sizeof(Value));
        }
        base[i.a].i = n;
        NEXT();
    }

    /* ---- maps ---- */
    CASE(MKMAP) {
        int64_t hint = i.c == NO_REG ? 0 : base[i.c].i;
        base[i.a].p = map_new(K[i.b].p, hint < 0 ? 0 : hint); /* Go ignores a negative hint */
        NEXT();
    }
    CASE(MAPGET) {
        Instr x = X();
        Map *m = base[i.b].p;
        Type *bad = NULL;
        Value *v = m ? map_find(m, base + i.c, &bad) : NULL;
        if (unlikely(bad)) THROW(gc_sprintf("runtime error: hash of unhashable type %s", type_string(bad)));
        /* X.b: the value's size (a nil map has no type to ask) */
        if (v) copy_slots(base + i.a, v, x.b);
        else zero_slots(base + i.a, x.b);
        if (x.a != NO_REG) base[x.a].i = v != NULL;
        NEXT();
    }
    CASE(MAPSET) {
        Map *m = base[i.a].p;
        if (unlikely(!m)) THROW("assignment to entry in nil map");
        Type *bad = NULL;
        Value *v = map_assign(m, base + i.b, &bad);
        if (unlikely(bad)) THROW(gc_sprintf("runtime error: hash of unhashable type %s", type_string(bad)));
        memmove(v, base + i.c, map_type(m)->under->elem->size * sizeof(Value)); /* the type may be named */
        NEXT();
    }
    CASE(MAPDEL) {
        Map *m = base[i.a].p;
        if (m) {
            Type *bad = NULL;
            map_delete(m, base + i.b, &bad);
            if (unlikely(bad)) THROW(gc_sprintf("runtime error: hash of unhashable type %s", type_string(bad)));
        }
        NEXT();
    }
    CASE(MAPITER) {
        MapIter *it = gc_alloc(sizeof(MapIter));
        Map *m = base[i.b].p;
        if (m) map_iter_init(it, m);
        base[i.a].p = it;
        NEXT();
    }
    CASE(MAPNEXT) {
        MapIter *it = base[i.a].p;
        Value *k, *v;
        if (!it->m || !map_iter_next(it, &k, &v)) {
            pc += SC(); /* relative to the next instruction: the EXTRA */
            NEXT();
        }
        Instr x = X();
        Type *mt = map_type(it->m)->under; /* the map type may be named */
        memmove(base + i.b, k, mt->key->size * sizeof(Value));
        if (x.a != NO_REG) memmove(base + x.a, v, mt->elem->size * sizeof(Value));
        CHECK_PREEMPT();
        NEXT();
    }
    CASE(MAPCLEAR) {
        Map *m = base[i.a].p;
        if (m) {
            MapIter it;
            Value *k, *v;
            map_iter_init(&it, m);
            Type *bad;
            while (map_iter_next(&it, &k, &v)) map_delete(m, k, &bad);
        }
        NEXT();
    }
    CASE(MAPLEN) {
        Map *m = base[i.b].p;
        base[i.a].i = m ? map_len(m) : 0;
        NEXT();
    }

    /* ---- channels ---- */
    CASE(MKCHAN) {
        int64_t cap = i.c == NO_REG ? 0 : base[i.c].i;
        uint32_t pcix = (uint32_t)(pc - 1 - fr->fn->code);
        Chan *c = chan_make(K[i.b].p, cap, fr->fn->file, func_line_at(fr->fn, pcix));
        if (unlikely(!c)) THROW("makechan: size out of range");
        base[i.a].p = c;
        NEXT();
    }
    CASE(SEND) {
        SAVE_PC();
        int r = chan_send(g, base[i.a].p, base + i.b);
        if (likely(r == RT_OK)) NEXT();
        if (r == RT_PARKED) PARK_AND_RETRY();
        goto unwind;
    }
    CASE(RECV) {
        SAVE_PC();
        bool *okp = NULL;
        if (i.c != NO_REG) {
            if (atomic_load(&g->park.state) == PARK_NONE) base[i.c].u = 0;
            okp = (bool *)&base[i.c];
        }
        int r = chan_recv(g, base[i.b].p, base + i.a, okp);
        if (likely(r == RT_OK)) NEXT();
        if (r == RT_PARKED) PARK_AND_RETRY();
        goto unwind;
    }
    CASE(CLOSE) {
        SAVE_PC();
        if (unlikely(chan_close(g, base[i.a].p) != RT_OK)) goto unwind;
        NEXT();
    }
    CASE(CHANLEN) base[i.a].i = base[i.b].p ? chan_len(base[i.b].p) : 0; NEXT();
    CASE(CHANCAP) base[i.a].i = base[i.b].p ? chan_cap(base[i.b].p) : 0; NEXT();
    CASE(SELECT) {
        SAVE_PC();
        SelectTable *tab = K[i.b].p;
        SelectCase cases_small[8];
        SelectCase *cases = tab->n <= 8 ? cases_small : gc_alloc(sizeof(SelectCase) * (size_t)tab->n);
        bool fresh = atomic_load(&g->park.state) == PARK_NONE;
        for (int k = 0; k < tab->n; k++) {
            SelectEntry *e = &tab->entries[k];
            cases[k].c = base[e->chan].p;
            cases[k].is_send = e->is_send;
            cases[k].val = base + e->val;
            cases[k].ok = NULL;
            if (e->ok != NO_REG) {
                if (fresh) base[e->ok].u = 0;
                cases[k].ok = (bool *)&base[e->ok];
            }
        }
        int chosen = -1;
        int r = select_go(g, cases, tab->n, i.c != 0, &chosen);
        if (likely(r == RT_OK)) {
            base[i.a].i = chosen;
            NEXT();
        }
        if (r == RT_PARKED) PARK_AND_RETRY();
        goto unwind;
    }

    /* ---- calls ---- */
    CASE(CALL) {
        callee = K[BX()].p;
        callee_cl = NULL;
        goto do_call;
    }
    CASE(CALLCL) {
        callee_cl = base[i.b].p;
        if (unlikely(!callee_cl)) THROW(NIL_DEREF);
        callee = callee_cl->fn;
        goto do_call;
    }
    CASE(CALLIFACE) {
        Type *t = base[i.b].p;
        if (unlikely(!t)) THROW(NIL_DEREF);
        const char *name = K[i.c].p;
        const Method *m = find_method(t, name);
        if (unlikely(!m)) THROW(gc_sprintf("goi: method %s not found on %s", name, type_string(t)));
        callee_cl = NULL;
        if (m->unbox) {
            /* receiver of m->unbox slots, boxed in the data word: move the
             * arguments up to make room, and unbox it into the window */
            callee = func_ready(m->direct);
            uint32_t at = (uint32_t)(base - g->stack) + i.a;
            if (unlikely(at + callee->frame_size + m->unbox > g->stack_size)) {
                vm_ensure_stack(g, at + callee->frame_size + m->unbox);
                base = g->stack + fr->base;
            }
            Value *box = base[i.b + 1].p;
            memmove(base + i.a + m->unbox, base + i.a + 1, (callee->nargs - m->unbox) * sizeof(Value));
            copy_slots(base + i.a, box, m->unbox);
            goto do_call;
        }
        base[i.a] = base[i.b + 1];
        callee = m->fn;
        goto do_call;
    }
do_call:
    win = base + i.a;
    /* an acquire load (a plain load on x86): a lazy function's code is
     * published by compile_lazy's release store on another thread */
    NativeFn native = __atomic_load_n(&callee->native, __ATOMIC_ACQUIRE);
    if (unlikely(native != NULL)) {
        if (native == vm_lazy_native) {
            func_ready(callee);
            goto do_call;
        }
        SAVE_PC();
        Value *old_stack = g->stack;
        int r = native(g, win);
        /* a native that called back into Go code may have grown (moved)
         * the stack: its results are in the old copy of the window */
        if (unlikely(g->stack != old_stack) && r == NATIVE_OK)
            memcpy(g->stack + (win - old_stack), win, callee->nres * sizeof(Value));
        LOAD_STATE();
        if (likely(r == NATIVE_OK)) NEXT();
        if (r == NATIVE_PANIC) goto unwind;
        if (r == NATIVE_PARK) PARK_AND_RETRY();
        if (r == NATIVE_YIELD) {
            if (stop) NEXT();
            SAVE_PC();
            return VM_YIELD;
        }
        /* NATIVE_EXIT: runtime.Goexit */
        {
            Value nilv[2] = {{0}, {0}};
            vm_start_panic(g, nilv, true);
            goto unwind;
        }
    }
    nb = (uint32_t)(win - g->stack);
    SAVE_PC();
    if (unlikely(nb + callee->frame_size > g->stack_size)) {
        if (unlikely(regs_at_limit(g, nb + callee->frame_size) && rt_repl_mode())) THROW(repl_stack_overflow());
        vm_ensure_stack(g, nb + callee->frame_size);
    }
    if (unlikely(g->nframes == g->frames_cap)) {
        if (unlikely(frames_at_limit(g) && rt_repl_mode())) THROW(repl_stack_overflow());
        grow_frames(g);
    }
    fr = &g->frames[g->nframes++];
    fr->fn = callee;
    fr->cl = callee_cl;
    fr->base = nb;
    fr->flags = 0;
    fr->ndefer = 0;
    base = g->stack + nb;
    K = callee->consts;
    cl = callee_cl;
    pc = callee->code;
    CHECK_PREEMPT();
    NEXT();

    CASE(RET) {
        if (unlikely(fr->flags)) goto ret_special;
        g->nframes--;
        if (unlikely(g->nframes == stop)) return VM_DONE;
        fr = &g->frames[g->nframes - 1];
        pc = fr->pc;
        base = g->stack + fr->base;
        K = fr->fn->consts;
        cl = fr->cl;
        NEXT();
    }
ret_special: {
    uint16_t flags = fr->flags;
    g->nframes--;
    if (flags & FRAME_BOUNDARY || g->nframes == stop) return VM_DONE;
    if (flags & FRAME_PANIC_DEFER) {
        Panic *p = g->panic;
        if (p && p->recovered) {
            g->panic = p->link;
            while (g->panic && g->panic->aborted) g->panic = g->panic->link;
            fr = &g->frames[g->nframes - 1];
            fr->pc = fr->fn->code + fr->fn->epilogue_pc;
            LOAD_STATE();
            NEXT();
        }
        goto unwind;
    }
    LOAD_STATE();
    NEXT();
}
    CASE(RUNDEFERS) {
        uint32_t fi = g->nframes - 1;
        Defer *d = g->defers;
        if (!d || d->frame != fi) NEXT();
        g->defers = d->next;
        fr->pc = pc - 1; /* run RUNDEFERS again after this call */
        fr->flags |= FRAME_AT_EXIT;
        if (unlikely(!d->fn)) THROW(NIL_DEREF); /* defer of a nil func panics when it runs */
        Func *f = func_ready(d->fn->fn);
        uint32_t nbase = fr->base + fr->fn->frame_size;
        if (f->native) {
            vm_ensure_stack(g, nbase + d->nargs + f->nres + 1);
            memcpy(g->stack + nbase, d->args, d->nargs * sizeof(Value));
            int r = call_native(g, f, g->stack + nbase);
            LOAD_STATE();
            if (r == NATIVE_PANIC) goto unwind;
            if (r == NATIVE_EXIT) {
                Value nilv[2] = {{0}, {0}};
                vm_start_panic(g, nilv, true);
                goto unwind;
            }
            if (r == NATIVE_PARK) {
                /* a deferred call that blocks (e.g. defer wg.Wait()): block this thread */
                rt_park_thread(g);
                LOAD_STATE();
            }
            NEXT();
        }
        vm_push_frame(g, f, d->fn, nbase, FRAME_DEFER);
        memcpy(g->stack + nbase, d->args, d->nargs * sizeof(Value));
        LOAD_STATE();
        NEXT();
    }
    CASE(DEFER) {
        Closure *c = base[i.a].p; /* may be nil: Go panics only when the call runs */
        Defer *d = gc_alloc(sizeof(Defer) + i.b * sizeof(Value));
        d->frame = g->nframes - 1;
        d->fn = c;
        d->nargs = i.b;
        memcpy(d->args, base + i.a + 1, i.b * sizeof(Value));
        d->next = g->defers;
        g->defers = d;
        NEXT();
    }
    CASE(GO) {
        Closure *c = base[i.a].p;
        if (unlikely(!c)) THROW("go of nil func value");
        uint32_t pcix = (uint32_t)(pc - 1 - fr->fn->code);
        SAVE_PC();
        rt_spawn(c, base + i.a + 1, i.b, g, fr->fn->file, func_line_at(fr->fn, pcix));
        NEXT();
    }
    CASE(PANIC) {
        SAVE_PC();
        vm_start_panic(g, base + i.a, false);
        goto unwind;
    }
    CASE(RECOVER) {
        Panic *p = g->panic;
        if (p && !p->recovered && !p->goexit && (fr->flags & FRAME_PANIC_DEFER)) {
            p->recovered = true;
            base[i.a] = p->val[0];
            base[i.a + 1] = p->val[1];
        } else {
            base[i.a].p = NULL;
            base[i.a + 1].p = NULL;
        }
        NEXT();
    }
    CASE(PANICMSG) THROW(K[BX()].p);

    /* ---- interfaces ---- */
    CASE(MKIFACE) {
        Type *t = K[i.c].p;
        Value *src = base + i.b;
        if (t->size == 1) {
            base[i.a + 1] = src[0];
        } else if (t->size == 0) {
            base[i.a + 1].p = NULL;
        } else {
            Value *box = (t->flags & TF_HASPTR) ? gc_alloc(t->size * sizeof(Value)) : gc_alloc_atomic(t->size * sizeof(Value));
            memcpy(box, src, t->size * sizeof(Value));
            base[i.a + 1].p = box;
        }
        base[i.a].p = t;
        NEXT();
    }
    CASE(ASSERT) {
        Instr x = X();
        Type *want = K[i.c].p;
        Type *have = base[i.b].p;
        bool ok;
        if (want->kind == KIND_INTERFACE) ok = implements_dynamic(have, want);
        else ok = have == want;
        if (ok) {
            if (want->kind == KIND_INTERFACE) {
                Value a = base[i.b], b = base[i.b + 1];
                base[i.a] = a;
                base[i.a + 1] = b;
            } else if (want->size == 1) {
                base[i.a] = base[i.b + 1];
            } else if (want->size > 1) {
                copy_slots(base + i.a, base[i.b + 1].p, want->size);
            }
            if (x.a != NO_REG) base[x.a].i = 1;
            NEXT();
        }
        if (x.a == NO_REG) {
            SAVE_PC();
            Value v[2];
            runtime_error_value(v, assert_msg(K[x.b].p, have, want));
            vm_start_panic(g, v, false);
            goto unwind;
        }
        memset(base + i.a, 0, want->size * sizeof(Value));
        base[x.a].i = 0;
        NEXT();
    }
    CASE(TYPEIS) base[i.a].i = base[i.b].p == K[i.c].p; NEXT();
    CASE(IMPLEMENTS) base[i.a].i = implements_dynamic(base[i.b].p, K[i.c].p); NEXT();

    CASE(PRINT) {
        StrBuf b;
        sb_init(&b);
        if (i.c & 1) sb_putc(&b, ' ');
        Type *t = K[i.b].p;
        if (t->kind != KIND_INVALID) vm_print_value(&b, t, base + i.a);
        if (i.c & 2) sb_putc(&b, '\n');
        rt_write_stderr(b.data, b.len);
        NEXT();
    }

#if !defined(__GNUC__)
    default: goi_panic_internal("bad opcode %d", i.op);
    }
#endif

interrupted: {
    /* Ctrl-C in the REPL: the goroutine unwinds like runtime.Goexit. */
    Value nilv[2] = {{0}, {0}};
    vm_start_panic(g, nilv, true);
}
unwind:
    /* A panic is pending in g->panic: run deferred calls frame by frame. */
    for (;;) {
        if (g->nframes <= stop) return VM_NESTED_PANIC;
        uint32_t fi = g->nframes - 1;
        Defer *d = g->defers;
        if (d && d->frame == fi) {
            g->defers = d->next;
            Frame *f = &g->frames[fi];
            if (unlikely(!d->fn)) { /* a deferred nil func: a new panic replaces this one */
                vm_panic_runtime(g, NIL_DEREF);
                continue;
            }
            Func *df = func_ready(d->fn->fn);
            uint32_t nbase = f->base + f->fn->frame_size;
            if (df->native) {
                vm_ensure_stack(g, nbase + d->nargs + df->nres + 1);
                memcpy(g->stack + nbase, d->args, d->nargs * sizeof(Value));
                int r = call_native(g, df, g->stack + nbase);
                if (r == NATIVE_PARK) rt_park_thread(g);
                continue;
            }
            vm_push_frame(g, df, d->fn, nbase, FRAME_PANIC_DEFER);
            memcpy(g->stack + nbase, d->args, d->nargs * sizeof(Value));
            LOAD_STATE();
            NEXT();
        }
        if (g->frames[fi].flags & FRAME_BOUNDARY) {
            g->nframes--;
            return VM_NESTED_PANIC;
        }
        if (g->nframes == 1) break;
        g->nframes--;
    }
    /* the panic reached the goroutine's first frame */
    if (g->panic && g->panic->goexit) {
        g->nframes = 0;
        return VM_DONE;
    }
    vm_fatal_panic(g); /* returns only in the REPL, where just this goroutine ends */
    g->nframes = 0;
    return VM_DONE;
}

/* --------------------------------------------------------- nested calls */

int vm_call(G *g, Closure *fn, const Value *args, uint32_t nargs, Value *results, uint32_t nres) {
    /* each nested call runs the dispatch loop again on the C stack */
    if (unlikely(stack_exhausted())) vm_fatal_stack_overflow();
    Func *f = func_ready(fn->fn);
    Frame *top = &g->frames[g->nframes - 1];
    uint32_t nbase = top->base + top->fn->frame_size + 8;
    if (f->native) {
        vm_ensure_stack(g, nbase + nargs + nres + f->frame_size + 1);
        memcpy(g->stack + nbase, args, nargs * sizeof(Value));
        int r = f->native(g, g->stack + nbase);
        if (r == NATIVE_OK && nres) memcpy(results, g->stack + nbase, nres * sizeof(Value));
        return r;
    }
    uint32_t depth = g->nframes;
    vm_push_frame(g, f, fn, nbase, FRAME_BOUNDARY);
    memcpy(g->stack + nbase, args, nargs * sizeof(Value));
    g->nested++;
    VMStatus st = run(g, depth);
    g->nested--;
    if (st == VM_NESTED_PANIC) return NATIVE_PANIC;
    if (nres) memcpy(results, g->stack + nbase, nres * sizeof(Value));
    return NATIVE_OK;
}

/* After vm_call returned NATIVE_PANIC: take the panic off g (the native
 * handles it, as fmt does for a panicking String method). */
bool vm_take_panic(G *g, Value *val) {
    Panic *p = g->panic;
    if (!p) return false;
    val[0] = p->val[0];
    val[1] = p->val[1];
    /* the panic never escaped the native: the one it interrupted goes on */
    g->panic = p->link;
    if (g->panic) g->panic->aborted = p->link_was_aborted;
    return true;
}

int vm_call_method(G *g, Value *iface, const char *name, const Value *args, uint32_t nargs, Value *results,
                   uint32_t nres) {
    Type *t = iface[0].p;
    if (!t) {
        vm_panic_runtime(g, NIL_DEREF);
        return NATIVE_PANIC;
    }
    const Method *m = find_method(t, intern_cstr(name));
    if (!m) {
        vm_panic_runtime(g, gc_sprintf("goi: method %s not found on %s", name, type_string(t)));
        return NATIVE_PANIC;
    }
    Value *all = gc_alloc((nargs + 1) * sizeof(Value));
    all[0] = iface[1];
    if (nargs) memcpy(all + 1, args, nargs * sizeof(Value));
    Closure c = {.fn = m->fn, .nup = 0};
    Closure *cp = gc_alloc(sizeof(Closure));
    *cp = c;
    return vm_call(g, cp, all, nargs + 1, results, nres);
}
