/* gen.c - code generation: emission, registers, functions, wrappers,
 * method tables and package initialisation. Expressions are in
 * gen_expr.c, statements in gen_stmt.c. */
#include "gen.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

/* ------------------------------------------------------------- emission */

void set_line(FS *fs, Pos pos) {
    if (pos.line > 0) fs->line = pos.line;
}

static void note_line(FS *fs) {
    int pc = fs->code.len;
    if (fs->lines.len && vec_last(&fs->lines).line == fs->line) return;
    if (fs->lines.len && vec_last(&fs->lines).pc == (uint32_t)pc) {
        vec_last(&fs->lines).line = fs->line;
        return;
    }
    vec_push(&fs->lines, ((LineEntry){(uint32_t)pc, fs->line}));
}

/* Report, once per function, that it exceeds what an instruction encodes. */
static void too_large(FS *fs, const char *what) {
    if (fs->too_large) return;
    fs->too_large = true;
    session_add_error(fs->s, (Pos){fs->f->file, fs->line, 1}, gc_sprintf("function too large for goi (%s)", what),
                      false);
}

static void check_operand(FS *fs, int v) {
    if (v < 0 || v > 0xffff) too_large(fs, "more than 65535 registers or constants");
}

int emit(FS *fs, OpCode op, int a, int b, int c) {
    note_line(fs);
    check_operand(fs, a);
    Instr i = {(uint16_t)op, (uint16_t)a, (uint16_t)b, (uint16_t)c};
    vec_push(&fs->code, i);
    return fs->code.len - 1;
}

int emit_bx(FS *fs, OpCode op, int a, int32_t bx) {
    note_line(fs);
    Instr i = {(uint16_t)op, (uint16_t)a, (uint16_t)((uint32_t)bx & 0xffff), (uint16_t)((uint32_t)bx >> 16)};
    vec_push(&fs->code, i);
    return fs->code.len - 1;
}

void emit_extra(FS *fs, int a, int b, int c) {
    Instr i = {OP_EXTRA, (uint16_t)a, (uint16_t)b, (uint16_t)c};
    vec_push(&fs->code, i);
}

int here(FS *fs) { return fs->code.len; }

int emit_jump(FS *fs) { return emit_bx(fs, OP_JMP, 0, 0); }

void emit_newbox_n(FS *fs, int dst, uint32_t nslots, bool hasptr) {
    /* the slot count's high bits ride in C above the pointer flag */
    emit(fs, OP_NEWBOX, dst, (int)(nslots & 0xffff), (int)((nslots >> 16) << 1 | (hasptr ? 1 : 0)));
}

void emit_newbox(FS *fs, int dst, Type *t) { emit_newbox_n(fs, dst, t->size, (t->flags & TF_HASPTR) != 0); }

int emit_cond_jump(FS *fs, OpCode op, int a, int b) {
    if (op == OP_JT || op == OP_JF) return emit_bx(fs, op, a, 0);
    return emit(fs, op, a, b, 0);
}

void patch_to(FS *fs, int pc, int target) {
    Instr *i = &fs->code.items[pc];
    int32_t off = target - (pc + 1);
    switch (i->op) {
    case OP_JMP: case OP_JT: case OP_JF:
        i->b = (uint16_t)((uint32_t)off & 0xffff);
        i->c = (uint16_t)((uint32_t)off >> 16);
        break;
    default:
        /* 16-bit jump in C (compare-and-jump, MAPNEXT) */
        if (off < -32768 || off > 32767) too_large(fs, "jump out of range");
        i->c = (uint16_t)(int16_t)off;
        break;
    }
}

void patch_here(FS *fs, int pc) { patch_to(fs, pc, here(fs)); }

void patch_list_here(FS *fs, JumpList *l) {
    for (int i = 0; i < l->len; i++) patch_here(fs, l->items[i]);
    l->len = 0;
}

void emit_jump_back(FS *fs, int target) {
    int pc = emit_jump(fs);
    patch_to(fs, pc, target);
}

/* The constant pool is searched through a hash index, so that functions
 * with many constants (big literals, long switches) are not quadratic.
 * An entry is i + 1 for the constant K[i], or -(i + 1) for the pair
 * K[i], K[i+1] (strings and complex numbers), of the first occurrence. */
static uint64_t k_hash(uint64_t a, uint64_t b, bool pair) {
    uint64_t h = a * 0x9E3779B97F4A7C15ull;
    if (pair) h ^= (b + 0x632BE59BD9B4E019ull) * 0xC2B2AE3D27D4EB4Full;
    return h ^ (h >> 29);
}

/* The slot of the index where the constant (a) or pair (a, b) is, or the
 * empty slot where it would go. */
static int k_slot(FS *fs, Value a, Value b, bool pair) {
    unsigned mask = (unsigned)fs->kindex_cap - 1;
    unsigned h = (unsigned)k_hash(a.u, b.u, pair) & mask;
    for (;; h = (h + 1) & mask) {
        int e = fs->kindex[h];
        if (!e) return (int)h;
        if ((e < 0) != pair) continue;
        int i = (e < 0 ? -e : e) - 1;
        if (fs->k.items[i].u == a.u && (!pair || fs->k.items[i + 1].u == b.u)) return (int)h;
    }
}

static void k_index_put(FS *fs, int i, bool pair) {
    Value b = pair ? fs->k.items[i + 1] : (Value){0};
    int h = k_slot(fs, fs->k.items[i], b, pair);
    if (fs->kindex[h]) return; /* an earlier occurrence stays */
    fs->kindex[h] = pair ? -(i + 1) : i + 1;
    fs->kindex_len++;
}

/* Index the constant just added at K[i] (and the pair it ends). */
static void k_index_add(FS *fs, int i) {
    if ((fs->kindex_len + 2) * 2 > fs->kindex_cap) { /* grow and rebuild */
        fs->kindex_cap = fs->kindex_cap ? fs->kindex_cap * 2 : 64;
        fs->kindex = gc_alloc_atomic(sizeof(int) * (size_t)fs->kindex_cap);
        memset(fs->kindex, 0, sizeof(int) * (size_t)fs->kindex_cap);
        fs->kindex_len = 0;
        for (int j = 0; j < i; j++) {
            k_index_put(fs, j, false);
            if (j > 0) k_index_put(fs, j - 1, true);
        }
    }
    k_index_put(fs, i, false);
    if (i > 0) k_index_put(fs, i - 1, true);
}

/* The position of the first constant (or pair) equal to a (a, b), or -1. */
static int k_find(FS *fs, Value a, Value b, bool pair) {
    if (!fs->kindex_cap) return -1;
    int e = fs->kindex[k_slot(fs, a, b, pair)];
    return e ? (e < 0 ? -e : e) - 1 : -1;
}

int add_k(FS *fs, Value v) {
    int i = k_find(fs, v, (Value){0}, false);
    if (i >= 0) return i;
    vec_push(&fs->k, v);
    k_index_add(fs, fs->k.len - 1);
    check_operand(fs, fs->k.len - 1);
    return fs->k.len - 1;
}

int add_k_ptr(FS *fs, const void *p) { return add_k(fs, (Value){.p = (void *)p}); }

int add_k2(FS *fs, Value a, Value b) {
    int i = k_find(fs, a, b, true);
    if (i >= 0) return i;
    vec_push(&fs->k, a);
    k_index_add(fs, fs->k.len - 1);
    vec_push(&fs->k, b);
    k_index_add(fs, fs->k.len - 1);
    check_operand(fs, fs->k.len - 1);
    return fs->k.len - 2;
}

int reg_alloc(FS *fs, int n) {
    int r = fs->freereg;
    fs->freereg += n;
    if (fs->freereg > fs->maxreg) fs->maxreg = fs->freereg;
    check_operand(fs, fs->freereg);
    return r;
}

void emit_move(FS *fs, int dst, int src, int n) {
    if (dst == src || n == 0) return;
    switch (n) {
    case 1: emit(fs, OP_MOVE, dst, src, 0); break;
    case 2: emit(fs, OP_MOVE2, dst, src, 0); break;
    case 3: emit(fs, OP_MOVE3, dst, src, 0); break;
    default: emit(fs, OP_MOVEN, dst, src, n); break;
    }
}

void emit_zero(FS *fs, int dst, int n) {
    if (n > 0) emit(fs, OP_ZERO, dst, n, 0);
}

/* ------------------------------------------------------------- functions */

Func *new_func(Session *s, const char *name, const char *file, int line) {
    Func *f = NEW(Func);
    f->name = name;
    f->file = file;
    f->line = line;
    vec_push(&s->funcs, f);
    return f;
}

Closure *static_closure(Func *f) {
    if (!f->static_closure) f->static_closure = closure_new(f, 0);
    return f->static_closure;
}

static uint32_t slots_of(Type **ts, int n) {
    uint32_t s = 0;
    for (int i = 0; i < n; i++) s += ts[i]->size;
    return s;
}

Func *func_of(Session *s, Object *o) {
    if (o->fn) return o->fn;
    FuncCtx *fc = o->fctx;
    const char *name = fc && fc->name ? fc->name : gc_sprintf("%s.%s", o->pkg->path, o->name);
    if (!fc || !fc->name) {
        if (o->recv_base)
            name = o->ptr_recv ? gc_sprintf("%s.(*%s).%s", o->pkg->path, o->recv_base->name, o->name)
                               : gc_sprintf("%s.%s.%s", o->pkg->path, o->recv_base->name, o->name);
    }
    Func *f = new_func(s, name, o->pos.file, o->pos.line);
    f->sig = o->type;
    f->nargs = slots_of(o->type->params, o->type->nparams);
    f->nres = slots_of(o->type->results, o->type->nresults);
    if (o->native) {
        f->native = o->native->fn;
        f->frame_size = f->nargs > f->nres ? f->nargs : f->nres;
    } else if (fc && fc->lazy_session) {
        f->native = vm_lazy_native;
        f->lazy = fc;
        vm_compile_hook = compile_lazy;
    }
    o->fn = f;
    return f;
}

/* Check and compile a standard-library function on its first call. Runs
 * on whichever thread calls it first, under one lock: the checker and the
 * generator are not reentrant. */
static pthread_mutex_t lazy_lock = PTHREAD_MUTEX_INITIALIZER;

void compile_lazy(Func *f) {
    pthread_mutex_lock(&lazy_lock);
    if (f->native == vm_lazy_native) {
        FuncCtx *fc = f->lazy;
        Session *s = fc->lazy_session;
        Object *o = fc->obj;
        int nerr = s->errors.len;
        Checker c = {.s = s, .pkg = fc->pkg, .scope = fc->pkg->scope, .iota = -1, .decl_obj = o};
        fc->body = parse_deferred_body(fc->pkg->file, o->decl);
        check_func_body(&c, fc);
        if (s->errors.len > nerr) {
            CompileError *e = &s->errors.items[nerr];
            goi_panic_internal("%s:%d:%d: %s (in the standard library)", e->pos.file, e->pos.line, e->pos.col, e->msg);
        }
        fc->lazy_session = NULL;
        gen_function(s, fc);
        __atomic_store_n(&f->native, (NativeFn)NULL, __ATOMIC_RELEASE);
    }
    pthread_mutex_unlock(&lazy_lock);
}

/* The REPL compiles on its own thread while goroutines may be compiling
 * lazy functions into the same session: it holds the same lock. */
void compiler_lock(void) { pthread_mutex_lock(&lazy_lock); }
void compiler_unlock(void) { pthread_mutex_unlock(&lazy_lock); }

int var_size(Object *o) { return obj_boxed(o) ? 1 : (int)o->type->size; }

static int upval_index(FuncCtx *fc, Object *o) {
    for (int i = 0; i < fc->upvals.len; i++)
        if (fc->upvals.items[i].obj == o) return i;
    return -1;
}

int var_box(FS *fs, Object *o) {
    if (o->owner == fs->fc) return o->reg;
    int idx = upval_index(fs->fc, o);
    if (idx < 0) goi_panic_internal("variable %s not captured by %s", o->name, fs->fc->name);
    int r = reg_alloc(fs, 1);
    emit(fs, OP_GETUP, r, idx, 0);
    return r;
}

LValue var_lvalue(FS *fs, Object *o) {
    LValue lv = {.type = o->type};
    if (o->is_global) {
        lv.kind = LV_GLOBAL;
        lv.gptr = o->storage;
        return lv;
    }
    if (obj_boxed(o) || o->owner != fs->fc) {
        lv.kind = LV_PTR;
        lv.reg = var_box(fs, o);
        lv.off = 0;
        return lv;
    }
    lv.kind = LV_REG;
    lv.reg = o->reg;
    return lv;
}

void declare_var_reg(FS *fs, Object *o) {
    if (o->is_global) {
        /* REPL top-level variables live in package storage */
        if (!o->storage) {
            uint32_t n = o->type->size ? o->type->size : 1;
            o->storage = GC_MALLOC_UNCOLLECTABLE(n * sizeof(Value));
            memset(o->storage, 0, n * sizeof(Value));
        }
        return;
    }
    if (obj_boxed(o)) {
        o->reg = reg_alloc(fs, 1);
        emit_newbox(fs, o->reg, o->type);
    } else {
        o->reg = reg_alloc(fs, (int)o->type->size);
    }
}

/* ------------------------------------------------------------- functions */

static void finish_func(FS *fs) {
    Func *f = fs->f;
    f->code = fs->code.items;
    f->ncode = (uint32_t)fs->code.len;
    f->consts = fs->k.items;
    f->nconsts = (uint32_t)fs->k.len;
    f->lines = fs->lines.items;
    f->nlines = (uint32_t)fs->lines.len;
    uint32_t fsz = (uint32_t)fs->maxreg;
    if (fsz < f->nargs) fsz = f->nargs;
    if (fsz < f->nres) fsz = f->nres;
    f->frame_size = fsz + 1;
}

static void init_fs(FS *fs, Session *s, FuncCtx *fc, Func *f, FS *parent) {
    memset(fs, 0, sizeof *fs);
    fs->s = s;
    fs->fc = fc;
    fs->f = f;
    fs->parent = parent;
    fs->line = f->line;
}

/* Copy the result variables into R[0..] and return. */
static void emit_results_and_ret(FS *fs) {
    FuncCtx *fc = fs->fc;
    int off = 0;
    for (int i = 0; i < fc->results.len; i++) {
        Object *r = fc->results.items[i];
        int n = (int)r->type->size;
        if (obj_boxed(r)) emit(fs, OP_LOAD, off, r->reg, n);
        else emit_move(fs, off, r->reg, n);
        off += n;
    }
    emit(fs, OP_RET, 0, 0, 0);
}

Func *gen_function(Session *s, FuncCtx *fc);

static Func *gen_function_in(Session *s, FuncCtx *fc, FS *parent) {
    Func *f;
    if (fc->obj) {
        f = func_of(s, fc->obj);
    } else {
        f = new_func(s, fc->name, fc->lit->pos.file, fc->lit->pos.line);
        f->sig = fc->sig;
        f->nargs = slots_of(fc->sig->params, fc->sig->nparams);
        f->nres = slots_of(fc->sig->results, fc->sig->nresults);
    }
    fc->fn = f;
    if (f->native && f->native != vm_lazy_native) return f;
    FS fs;
    init_fs(&fs, s, fc, f, parent);
    set_line(&fs, fc->body ? fc->body->pos : (Pos){0});
    int window = (int)(f->nargs > f->nres ? f->nargs : f->nres);
    fs.freereg = fs.maxreg = window;
    /* parameters arrive in R[0..nargs); box the ones that escape */
    int off = 0;
    for (int i = 0; i < fc->params.len; i++) {
        Object *p = fc->params.items[i];
        int n = (int)p->type->size;
        if (obj_boxed(p)) {
            int b = reg_alloc(&fs, 1);
            emit_newbox_n(&fs, b, (uint32_t)n, (p->type->flags & TF_HASPTR) != 0);
            emit(&fs, OP_STORE, b, off, n);
            p->reg = b;
        } else {
            p->reg = off;
        }
        off += n;
    }
    fs.use_epilogue = fc->has_defer || fc->named_results;
    /* unnamed results without defers go straight to R[0..] at each return:
     * they need no variables */
    for (int i = 0; fs.use_epilogue && i < fc->results.len; i++) {
        Object *r = fc->results.items[i];
        declare_var_reg(&fs, r);
        if (!obj_boxed(r)) emit_zero(&fs, r->reg, (int)r->type->size);
        if (obj_boxed(r)) fs.use_epilogue = true;
    }
    fs.result_base = fc->results.len ? fc->results.items[0]->reg : 0;
    gen_block(&fs, &fc->body->u.block.list);
    /* falling off the end */
    set_line(&fs, fc->body->u.block.rbrace.line ? fc->body->u.block.rbrace : fc->body->pos);
    if (fs.use_epilogue) {
        patch_list_here(&fs, &fs.returns);
        f->epilogue_pc = (uint32_t)here(&fs);
        if (fc->has_defer) {
            emit(&fs, OP_RUNDEFERS, 0, 0, 0);
            f->has_defer = true;
        }
        emit_results_and_ret(&fs);
    } else {
        emit(&fs, OP_RET, 0, 0, 0);
        f->epilogue_pc = (uint32_t)here(&fs) - 1;
    }
    /* pending gotos */
    for (int i = 0; i < fs.labels.len; i++) {
        LabelPos *lp = &fs.labels.items[i];
        for (int j = 0; j < lp->pending.len; j++) patch_to(&fs, lp->pending.items[j], lp->pc);
    }
    finish_func(&fs);
    return f;
}

Func *gen_function(Session *s, FuncCtx *fc) { return gen_function_in(s, fc, NULL); }

/* A function literal: generate its code, then build the closure in dst. */
void gen_funclit(FS *fs, Expr *e, int dst) {
    FuncCtx *fc = e->aux;
    Func *f = gen_function_in(fs->s, fc, fs);
    if (fc->upvals.len == 0) {
        emit_bx(fs, OP_LOADK, dst, add_k_ptr(fs, static_closure(f)));
        return;
    }
    emit_bx(fs, OP_CLOSURE, dst, add_k_ptr(fs, f));
    for (int i = 0; i < fc->upvals.len; i++) {
        Upval *u = &fc->upvals.items[i];
        if (u->from_local) emit(fs, OP_CAPLOCAL, u->obj->reg, 0, 0);
        else emit(fs, OP_CAPUP, u->index, 0, 0);
    }
}

/* ------------------------------------------------------------- wrappers */

/* How a wrapper receives the value it adapts. */
typedef enum {
    IN_REGS,     /* the receiver value occupies R[0..size) */
    IN_DATAWORD, /* R[0] is an interface data word for a value of in_type */
    IN_UPVAL,    /* the receiver is in the box captured as upvalue 0 */
} InMode;

/* Generate a function that adapts a receiver and calls a method:
 * the receiver comes as in_mode says, then `sel` walks embedded fields,
 * then method (or the embedded interface's method) is called with the
 * wrapper's own arguments. sig: the wrapper's signature. */
static Func *gen_method_adapter(Session *s, const char *name, Type *in_type, InMode in_mode, Selection *sel,
                                Object *method, const char *iface_method, Type *sig) {
    Func *f = new_func(s, name, method && method->pos.file ? method->pos.file : "<autogenerated>",
                       method ? method->pos.line : 1);
    f->wrapper = true;
    f->sig = sig;
    f->nargs = slots_of(sig->params, sig->nparams);
    f->nres = slots_of(sig->results, sig->nresults);
    FS fs;
    FuncCtx fc = {.name = name};
    init_fs(&fs, s, &fc, f, NULL);
    fs.line = 1;
    int window0 = (int)(f->nargs > f->nres ? f->nargs : f->nres);
    fs.freereg = fs.maxreg = window0;
    /* where the receiver value is */
    LValue loc = {.type = in_type};
    int argstart;
    switch (in_mode) {
    case IN_REGS:
        loc.kind = LV_REG;
        loc.reg = 0;
        argstart = (int)in_type->size;
        break;
    case IN_DATAWORD:
        argstart = 1;
        if (in_type->size == 1) {
            loc.kind = LV_REG;
            loc.reg = 0;
        } else if (in_type->size == 0) {
            loc.kind = LV_REG;
            loc.reg = 0;
        } else {
            loc.kind = LV_PTR;
            loc.reg = 0;
            loc.off = 0;
        }
        break;
    default: { /* IN_UPVAL */
        argstart = 0;
        int b = reg_alloc(&fs, 1);
        emit(&fs, OP_GETUP, b, 0, 0);
        loc.kind = LV_PTR;
        loc.reg = b;
        loc.off = 0;
        break;
    }
    }
    /* walk the embedded fields */
    Type *cur = in_type;
    for (int i = 0; sel && i < sel->nsteps; i++) {
        SelStep st = sel->steps[i];
        if (cur->under->kind == KIND_POINTER) {
            /* load the pointer, continue through it */
            int p = reg_alloc(&fs, 1);
            lv_load(&fs, &loc, p);
            loc.kind = LV_PTR;
            loc.reg = p;
            loc.off = 0;
            loc.nilcheck = true;
            cur = cur->under->elem;
        }
        StructField *fld = &cur->under->fields[st.field];
        if (loc.kind == LV_REG) loc.reg += (int)fld->offset;
        else loc.off += (int)fld->offset;
        cur = fld->type;
        loc.type = cur;
    }
    int argslots = (int)f->nargs - argstart;
    int win;
    if (iface_method) {
        /* the final value is an interface: call through it */
        int iv = reg_alloc(&fs, 2);
        loc.type = cur;
        lv_load(&fs, &loc, iv);
        win = reg_alloc(&fs, 1 + (argslots > (int)f->nres ? argslots : (int)f->nres));
        emit_move(&fs, win + 1, argstart, argslots);
        emit(&fs, OP_CALLIFACE, win, iv, add_k_ptr(&fs, intern_cstr(iface_method)));
    } else {
        Type *want = method->type->params[0];
        int rsz = (int)want->size;
        win = reg_alloc(&fs, rsz + argslots > (int)f->nres ? rsz + argslots : (int)f->nres);
        if (method->ptr_recv) {
            /* need the address of the current location */
            if (cur->under->kind == KIND_POINTER && want == cur) {
                loc.type = cur;
                lv_load(&fs, &loc, win);
            } else if (loc.kind == LV_PTR) {
                if (loc.off) emit(&fs, OP_ADDROFF, win, loc.reg, loc.off);
                else emit_move(&fs, win, loc.reg, 1);
            } else {
                goi_panic_internal("pointer method through a value in wrapper %s", name);
            }
        } else {
            if (cur->under->kind == KIND_POINTER && want != cur) {
                int p = reg_alloc(&fs, 1);
                loc.type = cur;
                lv_load(&fs, &loc, p);
                if (!sel || sel->nsteps == 0) {
                    /* the wrapper of T's method in *T's method set: Go's runtime.panicwrap */
                    Type *t = cur->under->elem;
                    int ok = emit_cond_jump(&fs, OP_JT, p, 0);
                    emit_bx(&fs, OP_PANICMSG, 0,
                            add_k_ptr(&fs, gc_sprintf("value method %s.%s.%s called using nil *%s pointer", t->pkg,
                                                      t->name, method->name, t->name)));
                    patch_here(&fs, ok);
                }
                loc.kind = LV_PTR;
                loc.reg = p;
                loc.off = 0;
                loc.nilcheck = true;
            }
            loc.type = want;
            lv_load(&fs, &loc, win);
        }
        emit_move(&fs, win + rsz, argstart, argslots);
        emit_bx(&fs, OP_CALL, win, add_k_ptr(&fs, func_of(s, method)));
    }
    emit_move(&fs, 0, win, (int)f->nres);
    emit(&fs, OP_RET, 0, 0, 0);
    finish_func(&fs);
    return f;
}

static Type *sig_with_recv(Type *recv, Type *msig) {
    Vec(Type *) ps = {0};
    vec_push(&ps, recv);
    for (int i = 0; i < msig->nparams; i++) vec_push(&ps, msig->params[i]);
    return type_func(ps.items, ps.len, msig->results, msig->nresults, (msig->flags & TF_VARIADIC) != 0);
}

static Type *method_sig(Object *m) {
    Type *ms = m->type;
    return type_func(ms->params + 1, ms->nparams - 1, ms->results, ms->nresults, (ms->flags & TF_VARIADIC) != 0);
}

/* Bound method value x.M: a closure over a box holding the receiver (as the
 * selection's base type). sig is the method's signature without receiver. */
Func *gen_wrapper_bound_method(FS *fs, Selection *sel, Type *sig) {
    Session *s = fs->s;
    const char *mname = sel->method ? sel->method->name : sel->iface->under->imethods[sel->imethod].name;
    const char *name = gc_sprintf("%s.%s-fm", type_string(sel->base), mname);
    if (sel->kind == SEL_IFACE_METHOD)
        return gen_method_adapter(s, name, sel->base, IN_UPVAL, sel, NULL, mname, sig);
    return gen_method_adapter(s, name, sel->base, IN_UPVAL, sel, sel->method, NULL, sig);
}

/* Method expression T.M / (*T).M as a function taking the receiver first. */
Func *gen_method_expr(Session *s, Type *recv, Selection *sel, Type *sig) {
    if (sel->method && sel->nsteps == 0 && sel->method->type->params[0] == recv) return func_of(s, sel->method);
    const char *mname = sel->method ? sel->method->name : sel->iface->under->imethods[sel->imethod].name;
    const char *name = gc_sprintf("%s.%s", type_string(recv), mname);
    if (!sel->method) return gen_method_adapter(s, name, recv, IN_REGS, sel, NULL, mname, sig);
    return gen_method_adapter(s, name, recv, IN_REGS, sel, sel->method, NULL, sig);
}

/* ------------------------------------------------------------ method tables */

/* Every method name that T's embedding structure could provide. */
typedef Vec(const char *) NameList;
static void collect_method_names(Type *t, NameList *names, int depth) {
    if (depth > 8 || !t) return;
    if (t->kind == KIND_POINTER && !t->name) t = t->elem;
    if (t->name && t->checker) {
        ObjList *ms = methods_of(t);
        for (int i = 0; i < ms->len; i++) vec_push(names, ms->items[i]->name);
    }
    Type *u = t->under;
    if (!u) return;
    if (u->kind == KIND_INTERFACE && depth > 0) {
        for (int i = 0; i < u->nimethods; i++) vec_push(names, u->imethods[i].name);
        return;
    }
    if (u->kind != KIND_STRUCT) return;
    for (int i = 0; i < u->nfields; i++)
        if (u->fields[i].embedded) collect_method_names(u->fields[i].type, names, depth + 1);
}

static void build_table(Session *s, Type *t) {
    NameList names = {0};
    collect_method_names(t, &names, 0);
    Vec(Method) ms = {0};
    bool is_ptr = t->kind == KIND_POINTER;
    for (int i = 0; i < names.len; i++) {
        const char *name = names.items[i];
        bool dup = false;
        for (int j = 0; j < ms.len; j++)
            if (ms.items[j].name == name) dup = true;
        if (dup) continue;
        Selection sel = {0};
        Object *m = NULL;
        bool indirect = false;
        LookupKind k = lookup_field_or_method(t, name, &sel, NULL, &m, &indirect);
        if (k != LOOKUP_METHOD) continue;
        Type *sig;
        Func *fn;
        if (!m) {
            /* promoted from an embedded interface */
            sig = sel.iface->under->imethods[sel.imethod].sig;
            fn = gen_method_adapter(s, gc_sprintf("%s.%s", type_string(t), name), t, IN_DATAWORD, &sel, NULL, name,
                                    sig_with_recv(t_unsafeptr, sig));
        } else {
            if (m->ptr_recv && !indirect) continue; /* not in the value method set */
            sig = method_sig(m);
            if (sel.nsteps == 0 && t->size == 1 && m->type->params[0] == t) {
                fn = func_of(s, m); /* the data word is the receiver itself */
            } else {
                const char *wname = sel.nsteps ? gc_sprintf("%s.%s", type_string(t), name) : func_of(s, m)->name;
                fn = gen_method_adapter(s, wname, t, IN_DATAWORD, &sel, m, NULL, sig_with_recv(t_unsafeptr, sig));
                if (sel.nsteps == 0 && t->size >= 2 && m->type->params[0] == t) {
                    /* the VM can unbox the receiver itself (Method.unbox) */
                    vec_push(&ms, ((Method){name, sig, fn, false, t->size, func_of(s, m)}));
                    continue;
                }
            }
        }
        vec_push(&ms, ((Method){name, sig, fn, m ? m->ptr_recv : false, 0, NULL}));
    }
    (void)is_ptr;
    type_set_methods(t, ms.items, ms.len);
}

/* An unnamed struct type with embedded fields (struct{ T; n int }) has the
 * methods they promote too. Its tables, and its pointer type's, are built
 * when a value of it is first put into an interface. */
void gen_struct_method_tables(Session *s, Type *t) {
    Type *st = t->kind == KIND_POINTER && !t->name ? t->elem : t;
    if (st->name || st->kind != KIND_STRUCT || st->methods) return;
    bool embeds = false;
    for (int i = 0; i < st->nfields; i++) embeds |= st->fields[i].embedded;
    if (!embeds) return;
    build_table(s, st);
    build_table(s, type_pointer(st));
}

void gen_method_tables(Session *s, Type *t) {
    NamedInfo *ni = t->checker;
    if (!ni || ni->tables_done || !t->under || t->under->kind == KIND_INTERFACE || t->kind == KIND_INVALID) return;
    ni->tables_done = true;
    build_table(s, t);
    build_table(s, type_pointer(t));
}

/* -------------------------------------------------------- package init */

/* The package's variable initialization ("main.init"), or NULL when it
 * has none. Its init() functions run after it, called directly by the
 * program's init chain as Go's runtime.doInit does (package_init_func). */
Func *gen_package_init(Session *s, Package *pkg) {
    if (pkg->var_order.len == 0) return NULL;
    Func *f = new_func(s, gc_sprintf("%s.init", pkg->path), pkg->file->filename, 1);
    f->sig = type_func(NULL, 0, NULL, 0, false);
    FS fs;
    FuncCtx fc = {.name = f->name, .pkg = pkg};
    init_fs(&fs, s, &fc, f, NULL);
    Vec(Spec *) done = {0};
    for (int i = 0; i < pkg->var_order.len; i++) {
        Object *o = pkg->var_order.items[i];
        Spec *sp = o->spec;
        int nv = sp->u.value.values.len, nn = sp->u.value.names.len;
        if (nv == 0) continue;
        int mark = fs.freereg;
        set_line(&fs, o->pos);
        if (nv == nn) {
            Expr *e = sp->u.value.values.items[o->index];
            if (e->type == o->type && o->name != intern_cstr("_") && is_large_in_memory(e)) {
                int dst = reg_alloc(&fs, 1);
                emit_bx(&fs, OP_LOADK, dst, add_k_ptr(&fs, o->storage));
                gen_copy_large(&fs, e, dst);
                fs.freereg = mark;
                continue;
            }
            int r = reg_alloc(&fs, (int)o->type->size);
            expr_to_type(&fs, e, o->type, r);
            if (o->name != intern_cstr("_"))
                emit(&fs, OP_SETG, r, add_k_ptr(&fs, o->storage), (int)o->type->size);
        } else {
            bool seen = false;
            for (int j = 0; j < done.len; j++)
                if (done.items[j] == sp) seen = true;
            if (seen) continue;
            vec_push(&done, sp);
            Expr *e = sp->u.value.values.items[0];
            int w;
            int nres = 0;
            Type *tt = e->type;
            if (tt->kind == KIND_TUPLE) {
                w = gen_call(&fs, e);
                nres = tt->nresults;
            } else {
                /* comma-ok initializer */
                w = reg_alloc(&fs, (int)tt->size + 1);
                gen_commaok(&fs, e, w, w + (int)tt->size);
                nres = 2;
            }
            int off = 0;
            for (int j = 0; j < nn && j < nres; j++) {
                Expr *n = sp->u.value.names.items[j];
                Type *rt = tt->kind == KIND_TUPLE ? tt->results[j] : (j == 0 ? tt : t_bool);
                Object *vo = n->obj;
                if (vo && vo->name != intern_cstr("_")) {
                    int r = reg_alloc(&fs, (int)vo->type->size);
                    convert_to(&fs, rt, vo->type, w + off, r);
                    emit(&fs, OP_SETG, r, add_k_ptr(&fs, vo->storage), (int)vo->type->size);
                }
                off += (int)rt->size;
            }
        }
        fs.freereg = mark;
    }
    emit(&fs, OP_RET, 0, 0, 0);
    finish_func(&fs);
    return f;
}

/* The package's init() function number i, named as gc names it (main.init.0). */
Func *package_init_func(Session *s, Package *pkg, int i) {
    Func *fi = func_of(s, pkg->inits.items[i]);
    fi->name = gc_sprintf("%s.init.%d", pkg->path, i);
    return fi;
}

Func *gen_init_chain(Session *s, Func **inits, int n) {
    Func *f = new_func(s, "runtime.doInit", "<autogenerated>", 1);
    f->sig = type_func(NULL, 0, NULL, 0, false);
    FS fs;
    FuncCtx fc = {.name = f->name};
    init_fs(&fs, s, &fc, f, NULL);
    int w = reg_alloc(&fs, 1);
    for (int i = 0; i < n; i++) emit_bx(&fs, OP_CALL, w, add_k_ptr(&fs, inits[i]));
    emit(&fs, OP_RET, 0, 0, 0);
    finish_func(&fs);
    return f;
}

/* A function running one built-in with its arguments as parameters, for
 * `defer close(ch)` and `go println(x)`: built-ins have no function value. */
Func *gen_builtin_thunk(FS *outer, Expr *call, Type **argtypes, int nargs) {
    Session *s = outer->s;
    Func *f = new_func(s, gc_sprintf("%s.deferwrap", outer->fc->name), outer->f->file, outer->line);
    f->sig = type_func(argtypes, nargs, NULL, 0, false);
    f->nargs = slots_of(argtypes, nargs);
    FS fs;
    FuncCtx fc = {.name = f->name, .pkg = outer->fc->pkg};
    init_fs(&fs, s, &fc, f, NULL);
    fs.line = outer->line;
    fs.freereg = fs.maxreg = (int)f->nargs;
    /* Rebuild the call with parameter references: evaluate via a synthetic
     * expression list whose operands are already in registers. */
    extern void gen_builtin_on_regs(FS * fs, Expr * call, int *regs);
    int *regs = gc_alloc(sizeof(int) * (size_t)(nargs + 1));
    int off = 0;
    for (int i = 0; i < nargs; i++) {
        regs[i] = off;
        off += (int)argtypes[i]->size;
    }
    gen_builtin_on_regs(&fs, call, regs);
    emit(&fs, OP_RET, 0, 0, 0);
    finish_func(&fs);
    return f;
}

Type *runtime_error_type(Session *s) { return s->t_runtime_error; }
