/* mock_vm.c - a stand-in for vm/ so the runtime can be tested alone.
 *
 * A mock goroutine is a C state machine: a step function
 *     int step(G *g, Value *L)
 * stored in Func.native. L is the goroutine's register file (g->stack):
 * L[0] is the machine's "program counter" (its state), arguments start at
 * L[1]. vm_execute calls step repeatedly; each call is one "instruction":
 *     MOCK_NEXT   continue (every mock_budget steps the runtime is asked
 *                 whether to yield, like the real dispatch loop)
 *     MOCK_DONE   the goroutine returned
 *     MOCK_PARK   a runtime operation returned RT_PARKED; the step must
 *                 leave L[0] unchanged so the same operation runs again
 *                 on wake-up (the runtime.h contract)
 *     MOCK_YIELD  Gosched
 * Panics raised through vm_panic_* are recorded on the G (mock_panic_msg)
 * instead of unwinding; the step function decides what to do.
 */
#include "../../runtime/runtime.h"

#include <stdio.h>
#include <string.h>

enum { MOCK_NEXT, MOCK_DONE, MOCK_PARK, MOCK_YIELD };
typedef int (*MockStep)(G *g, Value *L);

struct Panic {
    const char *msg;
};

int mock_budget = 64;

Closure *mock_fn(const char *name, MockStep step, uint32_t nslots) {
    Func *f = NEW(Func);
    f->name = name;
    f->file = "mock.go";
    f->frame_size = nslots ? nslots : 16;
    f->native = (NativeFn)step;
    Closure *cl = gc_alloc(sizeof(Closure));
    cl->fn = f;
    f->static_closure = cl;
    return cl;
}

const char *mock_panic_msg(G *g) {
    if (!g->panic) return NULL;
    const char *m = g->panic->msg;
    g->panic = NULL;
    return m;
}

/* ------------------------------------------------------------------ types */

static Type mock_int_type = {.kind = KIND_INT, .flags = TF_COMPARABLE | TF_COMPLETE, .size = 1, .str = "int"};
static Type mock_pair_type = {.kind = KIND_STRUCT, .flags = TF_COMPARABLE | TF_COMPLETE, .size = 2,
                              .str = "struct { a int; b int }"};
static Type mock_empty_type = {.kind = KIND_STRUCT, .flags = TF_COMPARABLE | TF_COMPLETE, .size = 0,
                               .str = "struct {}"};

/* chan T where T has elem_slots slots (0, 1 or 2). */
Type *mock_chan_type(uint32_t elem_slots) {
    Type *t = NEW(Type);
    t->kind = KIND_CHAN;
    t->size = 1;
    t->flags = TF_COMPARABLE | TF_COMPLETE | TF_HASPTR;
    t->elem = elem_slots == 0 ? &mock_empty_type : elem_slots == 1 ? &mock_int_type : &mock_pair_type;
    t->under = t;
    t->str = elem_slots == 0 ? "chan struct {}" : elem_slots == 1 ? "chan int" : "chan struct { a int; b int }";
    return t;
}

const char *type_string(Type *t) { return t->str ? t->str : "?"; }

/* ------------------------------------------------------------- execution */

void vm_prepare_goroutine(G *g, Closure *fn, const Value *args, uint32_t nargs) {
    uint32_t need = fn->fn->frame_size;
    if (g->stack_size < need) {
        g->stack = gc_alloc(need * sizeof(Value));
        g->stack_size = need;
    }
    memset(g->stack, 0, need * sizeof(Value));
    for (uint32_t i = 0; i < nargs && i + 1 < need; i++) g->stack[i + 1] = args[i];
    if (g->frames_cap < 1) {
        g->frames = gc_alloc(4 * sizeof(Frame));
        g->frames_cap = 4;
    }
    g->frames[0] = (Frame){.fn = fn->fn, .cl = fn, .pc = NULL, .base = 0};
    g->nframes = 1;
}

VMStatus vm_execute(G *g) {
    MockStep step = (MockStep)g->frames[0].fn->native;
    for (unsigned n = 1;; n++) {
        switch (step(g, g->stack)) {
        case MOCK_NEXT:
            if (n % (unsigned)mock_budget == 0 && rt_should_yield(g)) return VM_YIELD;
            break;
        case MOCK_DONE: return VM_DONE;
        case MOCK_PARK: return VM_PARKED;
        default: return VM_YIELD;
        }
    }
}

static void record_panic(G *g, const char *msg) {
    struct Panic *p = NEW(struct Panic);
    p->msg = gc_strdup(msg);
    g->panic = p;
}

void vm_panic_runtime(G *g, const char *msg) { record_panic(g, msg); }
void vm_panic_string(G *g, const char *msg) { record_panic(g, msg); }

/* Like vm/traceback.c: the frames, then the "created by" lines. */
void vm_print_stack(G *g, FILE *out) {
    if (g->nframes == 0) return;
    fprintf(out, "%s(...)\n\tmock.go:%lld +0x0\n", g->frames[0].fn->name, (long long)g->stack[0].i);
    rt_print_created_by(g, out);
}

const char *vm_current_function(G *g, int *line, const char **file) {
    if (g->nframes == 0) return NULL;
    if (line) *line = (int)g->stack[0].i;
    if (file) *file = "mock.go";
    return g->frames[0].fn->name;
}
