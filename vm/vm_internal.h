/* vm_internal.h - what the VM's own files share. */
#ifndef GOI_VM_INTERNAL_H
#define GOI_VM_INTERNAL_H

#include "../runtime/runtime.h"
#include "opcodes.h"

/* Frame.flags */
enum {
    FRAME_DEFER = 1,        /* a deferred call run by RUNDEFERS (normal return) */
    FRAME_PANIC_DEFER = 2,  /* a deferred call run while unwinding a panic */
    FRAME_BOUNDARY = 4,     /* the first frame of a vm_call from native code */
    FRAME_AT_EXIT = 8,      /* running its deferred calls: its pc is ON its RUNDEFERS */
};

struct Defer {
    Defer *next;
    uint32_t frame; /* index of the frame that registered it */
    Closure *fn;
    uint32_t nargs;
    Value args[];
};

struct Panic {
    Panic *link;     /* the panic this one interrupted */
    Value val[2];    /* the panic value (an interface) */
    bool recovered;
    bool aborted;    /* a newer panic started while this one unwound */
    bool goexit;     /* runtime.Goexit, not a panic */
    bool link_was_aborted; /* link->aborted before this panic marked it */
    uint32_t frame;  /* frame index where it started (for tracebacks) */
    Frame *trace;    /* the innermost frames when it started (at most TRACE_MAX) */
    uint32_t ntrace;
    uint32_t depth;  /* how many frames there were */
};

#define TRACE_MAX 100

/* Stack growth: make room for `need` slots from base `from`. */
void vm_ensure_stack(G *g, uint32_t need_top);
void vm_push_frame(G *g, Func *f, Closure *cl, uint32_t base, uint16_t flags);

/* Start a panic with interface value v in g (the VM then unwinds). */
void vm_start_panic(G *g, const Value *v, bool goexit);

/* Print a value as the built-in print does. */
void vm_print_value(StrBuf *b, Type *t, const Value *v);

/* The runtime.Error type of panics raised by the VM and runtime. */
extern Type *t_runtime_error;
void vm_types_init(void);

/* Fatal: print the panic chain and the goroutine's stack, exit 2. In the
 * REPL only the goroutine ends: then it returns (rt_repl_goroutine_panicked). */
void vm_fatal_panic(G *g);

#endif
