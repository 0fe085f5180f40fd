/* gen.h - the code generator's shared state (internal to compiler/).
 *
 * Registers are allocated like a stack: a function's parameters occupy
 * R[0..nargs), the result window R[0..nres) overlaps them, locals come
 * next in declaration order and temporaries above the locals. A statement
 * frees its temporaries when it ends; a block frees its locals. A call's
 * arguments are evaluated into a window at the top of the registers, which
 * becomes the callee's frame.
 */
#ifndef GOI_GEN_H
#define GOI_GEN_H

#include "../vm/opcodes.h"
#include "internal.h"

typedef Vec(int) JumpList;

/* Targets of break and continue (loops, switches, selects). */
typedef struct Breakable {
    Stmt *stmt;
    JumpList breaks;
    JumpList continues;
    struct Breakable *prev;
} Breakable;

typedef struct LabelPos {
    Stmt *label; /* S_LABELED */
    int pc;      /* -1 until placed */
    JumpList pending;
} LabelPos;

/* A call evaluated ahead of its statement (gen_order.c): its value is in reg. */
typedef struct Hoisted {
    Expr *e;
    int reg;
} Hoisted;

typedef struct FS {
    Session *s;
    FuncCtx *fc;
    struct FS *parent;
    Func *f;
    Vec(Instr) code;
    Vec(Value) k;
    Vec(LineEntry) lines;
    int line;
    int freereg, maxreg;
    Breakable *breakables;
    Vec(LabelPos) labels;
    JumpList returns;   /* jumps to the epilogue */
    bool use_epilogue;  /* returns go through RUNDEFERS and the result variables */
    int result_base;    /* first register of the result variables */
    Vec(Hoisted) hoisted; /* calls of the current statement evaluated in gc's order */
    bool too_large;     /* "function too large" was reported (once is enough) */
    /* The constant pool's hash index (gen.c): for each constant and each
     * pair of neighbours, where it first occurs (see add_k). */
    int *kindex;
    int kindex_cap, kindex_len;
} FS;

/* Where a value lives, for loads and stores. */
typedef enum { LV_BLANK, LV_REG, LV_PTR, LV_GLOBAL, LV_INDEX, LV_MAP } LVKind;
typedef struct LValue {
    LVKind kind;
    Type *type;
    int reg;       /* REG: first register; PTR: register holding the pointer; INDEX: slice; MAP: map */
    int off;       /* PTR: slot offset from the pointer */
    int idx;       /* INDEX: index register; MAP: key register */
    Value *gptr;   /* GLOBAL: the variable's slots (+ offset) */
    bool nilcheck; /* PTR: the pointer may be nil */
} LValue;

/* ---- emission (gen.c) ---- */
int emit(FS *fs, OpCode op, int a, int b, int c);
int emit_bx(FS *fs, OpCode op, int a, int32_t bx);
void emit_extra(FS *fs, int a, int b, int c);
int emit_jump(FS *fs);                 /* JMP to be patched */
int emit_cond_jump(FS *fs, OpCode op, int a, int b); /* JEQ.. / JT / JF to be patched */
void patch_here(FS *fs, int pc);
void patch_to(FS *fs, int pc, int target);
void patch_list_here(FS *fs, JumpList *l);
int here(FS *fs);
void emit_jump_back(FS *fs, int target);
int add_k(FS *fs, Value v);
int add_k_ptr(FS *fs, const void *p);
int add_k2(FS *fs, Value a, Value b);
int reg_alloc(FS *fs, int n);
void set_line(FS *fs, Pos pos);
void emit_move(FS *fs, int dst, int src, int n);
void emit_zero(FS *fs, int dst, int n);
/* R[dst] = a new zeroed heap variable of type t (or of nslots slots). */
void emit_newbox(FS *fs, int dst, Type *t);
void emit_newbox_n(FS *fs, int dst, uint32_t nslots, bool hasptr);
void compile_lazy(Func *f);
/* Held while compiling outside compile_program (the REPL), see gen.c. */
void compiler_lock(void);
void compiler_unlock(void);
/* Func shell for a declared function (created before any body is generated). */
Func *func_of(Session *s, Object *o);
/* The closure value of a function with no captures. */
Closure *static_closure(Func *f);

/* ---- variables ---- */
int var_size(Object *o);             /* registers a variable occupies */
void declare_var_reg(FS *fs, Object *o); /* allocate its registers (and box) */
int var_box(FS *fs, Object *o);      /* register holding the box of a boxed/captured variable */
LValue var_lvalue(FS *fs, Object *o);

/* ---- expressions (gen_expr.c) ---- */
void expr_to(FS *fs, Expr *e, int dst);
int expr_any(FS *fs, Expr *e);       /* a register holding e (read-only) */
/* Evaluate e as a value of type t (boxing into interfaces) into dst. */
void expr_to_type(FS *fs, Expr *e, Type *t, int dst);
void convert_to(FS *fs, Type *from, Type *to, int src, int dst);
void cond_jump(FS *fs, Expr *e, bool when, JumpList *jl);
void emit_arith(FS *fs, TokenKind op, Type *t, Expr *y, int dst, int a, int b);
bool emit_arith_const(FS *fs, TokenKind op, Type *t, Expr *y, int dst, int a);
void normalize(FS *fs, Type *t, int r);
void gen_compare(FS *fs, TokenKind op, Type *t, int a, int b, int dst);
LValue gen_lvalue(FS *fs, Expr *e);
void lv_load(FS *fs, LValue *lv, int dst);
int lv_current(FS *fs, LValue *lv);
void lv_store(FS *fs, LValue *lv, int src);
/* Call: results land at the returned register (the call window). */
int gen_call(FS *fs, Expr *call);
/* comma-ok forms: value at dst (type size), ok at okreg. */
void gen_commaok(FS *fs, Expr *e, int dst, int okreg);
void gen_funclit(FS *fs, Expr *e, int dst);
/* Evaluate the function value and arguments of a go/defer call into a
 * window: R[w] = closure, R[w+1..] = arguments. Returns w and *nslots. */
int gen_deferred_call(FS *fs, Expr *call, int *nslots);

/* ---- statements (gen_stmt.c) ---- */
void gen_stmt(FS *fs, Stmt *s);
void gen_block(FS *fs, StmtList *l);

/* Values of more slots than this are copied between memory locations
 * without passing through registers when they can be (the checker boxes
 * variables of more than 48 slots, too). */
#define LARGE_VALUE_SLOTS 48
/* Copy src, a large value in memory, to the address in register dst; false
 * (and nothing emitted) when src does not qualify. */
bool gen_copy_large(FS *fs, Expr *src, int dst);
/* Is e a large value that can be copied from memory: a variable in memory,
 * or a composite literal (built in memory)? */
bool is_large_in_memory(Expr *e);
void lv_fold_offset(FS *fs, LValue *lv);

/* ---- evaluation order (gen_order.c) ---- */
/* Evaluate the calls of a statement ahead, as gc orders them: first in the
 * operands of the assignment targets, then in values (values_top: the
 * values themselves are not hoisted, e.g. an expression statement's call).
 * Returns a mark for hoist_end, which forgets them once the statement's
 * expressions are generated. */
int hoist_calls(FS *fs, ExprList *targets, ExprList *values, bool values_top);
int hoist_calls_in(FS *fs, Expr *e, bool top);
void hoist_end(FS *fs, int mark);
/* The register holding hoisted call e, or -1. */
int hoisted_reg(FS *fs, Expr *e);

/* ---- helpers ---- */
static inline bool is_iface(Type *t) { return t->under->kind == KIND_INTERFACE; }
Func *gen_wrapper_bound_method(FS *fs, Selection *sel, Type *sig);
void gen_struct_method_tables(Session *s, Type *t);

#endif
