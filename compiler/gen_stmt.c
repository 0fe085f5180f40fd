/* gen_stmt.c - code for statements: assignments, control flow, loops with
 * per-iteration variables, switches, select, go/defer and return. */
#include "gen.h"

#include <stdio.h>

#define DECLARES ((void *)1)

static Expr *unparen(Expr *e) {
    while (e->kind == E_PAREN) e = e->u.unary.x;
    return e;
}

static int tsize(Type *t) { return (int)t->size; }

/* Store the value in src (of type from) into a declared variable. */
static void init_var(FS *fs, Object *o, Type *from, int src) {
    if (o->is_global) {
        int tmp = src;
        if (is_iface(o->type) && !is_iface(from)) {
            tmp = reg_alloc(fs, 2);
            convert_to(fs, from, o->type, src, tmp);
        }
        emit(fs, OP_SETG, tmp, add_k_ptr(fs, o->storage), tsize(o->type));
        return;
    }
    if (obj_boxed(o)) {
        int tmp = src;
        if (is_iface(o->type) && !is_iface(from)) {
            tmp = reg_alloc(fs, 2);
            convert_to(fs, from, o->type, src, tmp);
        }
        emit(fs, OP_STORE, o->reg, tmp, tsize(o->type));
    } else {
        convert_to(fs, from, o->type, src, o->reg);
    }
}

/* Evaluate e straight into a newly declared variable. */
/* A condition, with its calls in gc's order. */
static void ordered_cond_jump(FS *fs, Expr *cond, bool when, JumpList *jl) {
    int hoisted = hoist_calls_in(fs, cond, false);
    cond_jump(fs, cond, when, jl);
    hoist_end(fs, hoisted);
}

static void init_var_expr(FS *fs, Object *o, Expr *e) {
    if ((o->is_global || obj_boxed(o)) && e->type == o->type && is_large_in_memory(e)) {
        int dst = o->reg;
        if (o->is_global) {
            dst = reg_alloc(fs, 1);
            emit_bx(fs, OP_LOADK, dst, add_k_ptr(fs, o->storage));
        }
        gen_copy_large(fs, e, dst);
        return;
    }
    if (o->is_global) {
        int t = reg_alloc(fs, tsize(o->type) ? tsize(o->type) : 1);
        expr_to_type(fs, e, o->type, t);
        emit(fs, OP_SETG, t, add_k_ptr(fs, o->storage), tsize(o->type));
        return;
    }
    if (obj_boxed(o)) {
        int t = reg_alloc(fs, tsize(o->type));
        expr_to_type(fs, e, o->type, t);
        emit(fs, OP_STORE, o->reg, t, tsize(o->type));
    } else {
        expr_to_type(fs, e, o->type, o->reg);
    }
}

/* In a multiple assignment, later assignments must not change where an
 * earlier target is: `i, s[i] = 1, 2` indexes with the old i. Copy the
 * registers a location depends on. */
static void pin_lvalue(FS *fs, LValue *lv) {
    int n = 0, r;
    switch (lv->kind) {
    case LV_INDEX:
        r = reg_alloc(fs, 3);
        emit_move(fs, r, lv->reg, 3);
        lv->reg = r;
        n = reg_alloc(fs, 1);
        emit_move(fs, n, lv->idx, 1);
        lv->idx = n;
        break;
    case LV_PTR:
    case LV_MAP:
        r = reg_alloc(fs, 1);
        emit_move(fs, r, lv->reg, 1);
        lv->reg = r;
        break;
    default: break;
    }
}

static void store_lvalue_from(FS *fs, LValue *lv, Type *from, int src) {
    if (lv->kind == LV_BLANK) return;
    if (is_iface(lv->type) && !is_iface(from)) {
        int t = reg_alloc(fs, 2);
        convert_to(fs, from, lv->type, src, t);
        src = t;
    }
    lv_store(fs, lv, src);
}

/* ---------------------------------------------------------- declarations */

static void gen_var_spec(FS *fs, Spec *sp) {
    int nn = sp->u.value.names.len, nv = sp->u.value.values.len;
    Vec(Object *) objs = {0};
    for (int i = 0; i < nn; i++) {
        Object *o = sp->u.value.names.items[i]->obj;
        vec_push(&objs, o);
    }
    /* registers first, so temporaries of the initializers sit above them */
    for (int i = 0; i < nn; i++) {
        Object *o = objs.items[i];
        if (o->name == intern_cstr("_")) continue;
        declare_var_reg(fs, o);
        if (!obj_boxed(o) && !o->is_global && nv == 0) emit_zero(fs, o->reg, tsize(o->type));
    }
    int keep = fs->freereg;
    if (nv == nn) {
        for (int i = 0; i < nn; i++) {
            Object *o = objs.items[i];
            Expr *e = sp->u.value.values.items[i];
            if (o->name == intern_cstr("_")) {
                int t = reg_alloc(fs, tsize(e->type) ? tsize(e->type) : 1);
                expr_to(fs, e, t);
            } else {
                init_var_expr(fs, o, e);
            }
            fs->freereg = keep;
        }
    } else if (nv == 1) {
        Expr *e = sp->u.value.values.items[0];
        if (e->type->kind == KIND_TUPLE) {
            int w = gen_call(fs, e);
            int off = 0;
            for (int i = 0; i < nn; i++) {
                Type *rt = e->type->results[i];
                Object *o = objs.items[i];
                if (o->name != intern_cstr("_")) init_var(fs, o, rt, w + off);
                off += tsize(rt);
            }
        } else {
            int v = reg_alloc(fs, tsize(e->type));
            int ok = reg_alloc(fs, 1);
            gen_commaok(fs, e, v, ok);
            if (objs.items[0]->name != intern_cstr("_")) init_var(fs, objs.items[0], e->type, v);
            if (objs.items[1]->name != intern_cstr("_")) init_var(fs, objs.items[1], t_bool, ok);
        }
    }
    fs->freereg = keep;
}

static void gen_local_decl(FS *fs, Decl *d) {
    if (d->kind == D_VAR) {
        for (int i = 0; i < d->u.gen.specs.len; i++) gen_var_spec(fs, d->u.gen.specs.items[i]);
    } else if (d->kind == D_TYPE) {
        for (int i = 0; i < d->u.gen.specs.len; i++) {
            Object *o = d->u.gen.specs.items[i]->u.type.name->obj;
            if (o && o->type && !o->alias) gen_method_tables(fs->s, o->type);
        }
    }
}

/* ------------------------------------------------------------ assignment */

/* lv = r for a large value in memory, without registers (gen_copy_large). */
static bool copy_large_to(FS *fs, LValue *lv, Expr *r) {
    if (!is_large_in_memory(r)) return false;
    int dst = reg_alloc(fs, 1);
    lv_fold_offset(fs, lv);
    if (lv->kind == LV_GLOBAL) emit_bx(fs, OP_LOADK, dst, add_k_ptr(fs, lv->gptr));
    else if (lv->off) emit(fs, OP_ADDROFF, dst, lv->reg, lv->off);
    else emit_move(fs, dst, lv->reg, 1);
    return gen_copy_large(fs, r, dst);
}

static void gen_assign(FS *fs, Stmt *s) {
    ExprList *lhs = &s->u.assign.lhs, *rhs = &s->u.assign.rhs;
    TokenKind tok = s->u.assign.tok;
    int mark = fs->freereg;
    if (tok != TK_ASSIGN && tok != TK_DEFINE) {
        Expr *l = lhs->items[0], *r = rhs->items[0];
        TokenKind op = (TokenKind)(TK_ADD + (tok - TK_ADD_ASSIGN));
        LValue lv = gen_lvalue(fs, l);
        Type *t = l->type;
        int cur = lv_current(fs, &lv);
        if ((op == TK_ADD || op == TK_SUB) && r->mode == MODE_CONST && type_is_integer(t->under) &&
            cv_fits_int64(r->cv)) {
            int64_t k = cv_int64_val(r->cv);
            if (op == TK_SUB) k = -k;
            if (k >= -32768 && k <= 32767) {
                emit(fs, OP_ADDI, cur, cur, (int)(uint16_t)(int16_t)k);
                normalize(fs, t, cur);
                if (lv.kind != LV_REG) lv_store(fs, &lv, cur);
                fs->freereg = mark;
                return;
            }
        }
        if (r->mode != MODE_CONST || !emit_arith_const(fs, op, t, r, cur, cur)) {
            int b = expr_any(fs, r);
            emit_arith(fs, op, t, r, cur, cur, b);
        }
        if (lv.kind != LV_REG) lv_store(fs, &lv, cur);
        fs->freereg = mark;
        return;
    }
    int nl = lhs->len, nr = rhs->len;
    bool define = tok == TK_DEFINE;
    if (nl == 1 && nr == 1) {
        Expr *l = lhs->items[0], *r = rhs->items[0];
        if (define && l->aux == DECLARES) {
            declare_var_reg(fs, l->obj);
            int keep = fs->freereg;
            init_var_expr(fs, l->obj, r);
            fs->freereg = keep;
            return;
        }
        LValue lv = gen_lvalue(fs, l);
        if (lv.kind == LV_BLANK) {
            int t = reg_alloc(fs, tsize(r->type) ? tsize(r->type) : 1);
            expr_to(fs, r, t);
            fs->freereg = mark;
            return;
        }
        if ((lv.kind == LV_PTR || lv.kind == LV_GLOBAL) && lv.type == r->type && copy_large_to(fs, &lv, r)) {
            fs->freereg = mark;
            return;
        }
        Expr *ur = unparen(r);
        bool direct = lv.kind == LV_REG && tsize(lv.type) == 1 && ur->kind != E_COMPOSITELIT &&
                      !(ur->kind == E_BINARY && (ur->u.binary.op == TK_LAND || ur->u.binary.op == TK_LOR)) &&
                      !(is_iface(lv.type) && !is_iface(r->type));
        if (direct) {
            expr_to(fs, r, lv.reg);
        } else {
            int t = reg_alloc(fs, tsize(lv.type));
            expr_to_type(fs, r, lv.type, t);
            lv_store(fs, &lv, t);
        }
        fs->freereg = mark;
        return;
    }
    /* declare the new variables' registers first */
    if (define) {
        for (int i = 0; i < nl; i++)
            if (lhs->items[i]->aux == DECLARES) declare_var_reg(fs, lhs->items[i]->obj);
        mark = fs->freereg;
    }
    /* left operands (index expressions, pointers) are evaluated first */
    LValue *lvs = gc_alloc(sizeof(LValue) * (size_t)nl);
    for (int i = 0; i < nl; i++) {
        Expr *l = lhs->items[i];
        if (define && l->aux == DECLARES) {
            lvs[i] = var_lvalue(fs, l->obj);
            if (obj_boxed(l->obj)) lvs[i] = (LValue){.kind = LV_PTR, .type = l->obj->type, .reg = l->obj->reg};
        } else if (l->kind == E_IDENT && l->u.ident.name == intern_cstr("_")) {
            lvs[i] = (LValue){.kind = LV_BLANK, .type = t_invalid};
        } else {
            lvs[i] = gen_lvalue(fs, l);
            pin_lvalue(fs, &lvs[i]);
        }
    }
    if (nl == nr) {
        int *vals = gc_alloc(sizeof(int) * (size_t)nr);
        for (int i = 0; i < nr; i++) {
            Type *t = lvs[i].kind == LV_BLANK ? rhs->items[i]->type : lvs[i].type;
            vals[i] = reg_alloc(fs, tsize(t) ? tsize(t) : 1);
            if (lvs[i].kind == LV_BLANK) expr_to(fs, rhs->items[i], vals[i]);
            else expr_to_type(fs, rhs->items[i], t, vals[i]);
        }
        for (int i = 0; i < nl; i++) lv_store(fs, &lvs[i], vals[i]);
    } else {
        Expr *r = rhs->items[0];
        if (r->type->kind == KIND_TUPLE) {
            int w = gen_call(fs, r);
            int off = 0;
            for (int i = 0; i < nl; i++) {
                Type *rt = r->type->results[i];
                store_lvalue_from(fs, &lvs[i], rt, w + off);
                off += tsize(rt);
            }
        } else {
            int v = reg_alloc(fs, tsize(r->type));
            int ok = reg_alloc(fs, 1);
            gen_commaok(fs, r, v, ok);
            store_lvalue_from(fs, &lvs[0], r->type, v);
            store_lvalue_from(fs, &lvs[1], t_bool, ok);
        }
    }
    fs->freereg = mark;
}

/* ------------------------------------------------------------ control flow */

static Breakable *push_breakable(FS *fs, Stmt *s) {
    Breakable *b = NEW(Breakable);
    b->stmt = s;
    b->prev = fs->breakables;
    fs->breakables = b;
    return b;
}

static void pop_breakable(FS *fs, Breakable *b, int continue_target) {
    fs->breakables = b->prev;
    patch_list_here(fs, &b->breaks);
    for (int i = 0; i < b->continues.len; i++) patch_to(fs, b->continues.items[i], continue_target);
}

static Breakable *find_target(FS *fs, Stmt *target) {
    for (Breakable *b = fs->breakables; b; b = b->prev)
        if (b->stmt == target) return b;
    goi_panic_internal("branch target not found");
}

static LabelPos *label_pos(FS *fs, Stmt *label) {
    for (int i = 0; i < fs->labels.len; i++)
        if (fs->labels.items[i].label == label) return &fs->labels.items[i];
    LabelPos lp = {.label = label, .pc = -1};
    vec_push(&fs->labels, lp);
    return &vec_last(&fs->labels);
}

static void gen_return(FS *fs, Stmt *s) {
    FuncCtx *fc = fs->fc;
    ExprList *res = &s->u.ret.results;
    Type *sig = fc->sig;
    int mark = fs->freereg;
    if (fs->use_epilogue) {
        if (res->len == 1 && sig->nresults > 1) {
            int w = gen_call(fs, res->items[0]);
            int off = 0;
            for (int i = 0; i < sig->nresults; i++) {
                Type *rt = res->items[0]->type->results[i];
                LValue lv = var_lvalue(fs, fc->results.items[i]);
                store_lvalue_from(fs, &lv, rt, w + off);
                off += tsize(rt);
            }
        } else if (res->len) {
            int *vals = gc_alloc(sizeof(int) * (size_t)res->len);
            for (int i = 0; i < res->len; i++) {
                vals[i] = reg_alloc(fs, tsize(sig->results[i]));
                expr_to_type(fs, res->items[i], sig->results[i], vals[i]);
            }
            for (int i = 0; i < res->len; i++) {
                LValue lv = var_lvalue(fs, fc->results.items[i]);
                lv_store(fs, &lv, vals[i]);
            }
        }
        if (fc->has_defer) {
            /* the deferred calls run at this return (its line, in tracebacks) */
            set_line(fs, s->pos);
            emit(fs, OP_RUNDEFERS, 0, 0, 0);
        }
        vec_push(&fs->returns, emit_jump(fs));
        fs->freereg = mark;
        return;
    }
    if (res->len == 0) {
        emit(fs, OP_RET, 0, 0, 0);
        return;
    }
    if (res->len == 1 && sig->nresults > 1) {
        int w = gen_call(fs, res->items[0]);
        int off = 0, src = w;
        Type *tt = res->items[0]->type;
        /* results may need boxing into interfaces: convert in place, in order */
        bool plain = true;
        for (int i = 0; i < sig->nresults; i++)
            if (is_iface(sig->results[i]) && !is_iface(tt->results[i])) plain = false;
        if (plain) {
            emit_move(fs, 0, w, (int)fs->f->nres);
        } else {
            int tmp = reg_alloc(fs, (int)fs->f->nres);
            for (int i = 0; i < sig->nresults; i++) {
                convert_to(fs, tt->results[i], sig->results[i], src, tmp + off);
                src += tsize(tt->results[i]);
                off += tsize(sig->results[i]);
            }
            emit_move(fs, 0, tmp, (int)fs->f->nres);
        }
        emit(fs, OP_RET, 0, 0, 0);
        fs->freereg = mark;
        return;
    }
    if (res->len == 1) {
        Expr *e = unparen(res->items[0]);
        bool direct = (e->kind == E_BINARY && e->u.binary.op != TK_LAND && e->u.binary.op != TK_LOR) ||
                      e->kind == E_CALL || e->kind == E_IDENT || e->mode == MODE_CONST;
        if (direct && !(is_iface(sig->results[0]) && !is_iface(e->type))) {
            expr_to(fs, res->items[0], 0);
        } else {
            int t = reg_alloc(fs, tsize(sig->results[0]));
            expr_to_type(fs, res->items[0], sig->results[0], t);
            emit_move(fs, 0, t, tsize(sig->results[0]));
        }
        emit(fs, OP_RET, 0, 0, 0);
        fs->freereg = mark;
        return;
    }
    int total = (int)fs->f->nres;
    int tmp = reg_alloc(fs, total);
    int off = 0;
    for (int i = 0; i < res->len; i++) {
        expr_to_type(fs, res->items[i], sig->results[i], tmp + off);
        off += tsize(sig->results[i]);
    }
    emit_move(fs, 0, tmp, total);
    emit(fs, OP_RET, 0, 0, 0);
    fs->freereg = mark;
}

/* Go 1.22: a loop variable that escapes gets a fresh copy each iteration. */
static void renew_loop_vars(FS *fs, Stmt *init) {
    if (!init || init->kind != S_ASSIGN || init->u.assign.tok != TK_DEFINE) return;
    for (int i = 0; i < init->u.assign.lhs.len; i++) {
        Expr *l = init->u.assign.lhs.items[i];
        if (l->aux != DECLARES || !obj_boxed(l->obj)) continue;
        Object *o = l->obj;
        int mark = fs->freereg;
        int v = reg_alloc(fs, tsize(o->type));
        emit(fs, OP_LOAD, v, o->reg, tsize(o->type));
        emit_newbox(fs, o->reg, o->type);
        emit(fs, OP_STORE, o->reg, v, tsize(o->type));
        fs->freereg = mark;
    }
}

static void gen_for(FS *fs, Stmt *s) {
    int mark = fs->freereg;
    if (s->u.for_.init) gen_stmt(fs, s->u.for_.init);
    Breakable *b = push_breakable(fs, s);
    int jcond = s->u.for_.cond ? emit_jump(fs) : -1;
    int top = here(fs);
    gen_stmt(fs, s->u.for_.body);
    int cont = here(fs);
    renew_loop_vars(fs, s->u.for_.init);
    if (s->u.for_.post) gen_stmt(fs, s->u.for_.post);
    if (s->u.for_.cond) {
        patch_here(fs, jcond);
        JumpList jl = {0};
        ordered_cond_jump(fs, s->u.for_.cond, true, &jl);
        for (int i = 0; i < jl.len; i++) patch_to(fs, jl.items[i], top);
    } else {
        emit_jump_back(fs, top);
    }
    pop_breakable(fs, b, cont);
    fs->freereg = mark;
}

static bool wants(Expr *v) { return v && !(v->kind == E_IDENT && v->u.ident.name == intern_cstr("_")); }

/* Assign a range value (in src, of type t) to the loop's key or value. */
static void range_assign(FS *fs, Stmt *s, Expr *v, Type *t, int src) {
    if (!v) return;
    if (s->u.range.tok == TK_DEFINE) {
        if (v->kind == E_IDENT && v->u.ident.name == intern_cstr("_")) return;
        Object *o = v->obj;
        if (obj_boxed(o)) {
            /* a fresh variable each iteration */
            emit_newbox(fs, o->reg, o->type);
            emit(fs, OP_STORE, o->reg, src, tsize(o->type));
        } else {
            emit_move(fs, o->reg, src, tsize(o->type));
        }
        return;
    }
    int mark = fs->freereg;
    LValue lv = gen_lvalue(fs, v);
    store_lvalue_from(fs, &lv, t, src);
    fs->freereg = mark;
}

/* Assign both the key (in ksrc, of type kt) and the value. Assigning to
 * existing variables is a parallel assignment: both targets are evaluated
 * before either is stored, so `for i, x[i] = range y` indexes with the old i. */
static void range_assign2(FS *fs, Stmt *s, Expr *key, Type *kt, int ksrc, Expr *val, Type *vt, int vsrc) {
    if (s->u.range.tok == TK_DEFINE || !wants(key) || !wants(val)) {
        range_assign(fs, s, key, kt, ksrc);
        range_assign(fs, s, val, vt, vsrc);
        return;
    }
    int mark = fs->freereg;
    LValue klv = gen_lvalue(fs, key);
    pin_lvalue(fs, &klv);
    LValue vlv = gen_lvalue(fs, val);
    pin_lvalue(fs, &vlv);
    store_lvalue_from(fs, &klv, kt, ksrc);
    store_lvalue_from(fs, &vlv, vt, vsrc);
    fs->freereg = mark;
}

static void declare_range_vars(FS *fs, Stmt *s) {
    if (s->u.range.tok != TK_DEFINE) return;
    Expr *vars[2] = {s->u.range.key, s->u.range.value};
    for (int i = 0; i < 2; i++) {
        Expr *v = vars[i];
        if (!v || v->kind != E_IDENT || v->u.ident.name == intern_cstr("_") || !v->obj) continue;
        Object *o = v->obj;
        o->reg = reg_alloc(fs, obj_boxed(o) ? 1 : tsize(o->type));
    }
}

static void gen_range(FS *fs, Stmt *s) {
    int mark = fs->freereg;
    Expr *x = s->u.range.x;
    Type *xt = x->type, *u = xt->under;
    Expr *key = s->u.range.key, *val = s->u.range.value;
    Breakable *b;
    int cont;
    if (u->kind == KIND_MAP) {
        int m = expr_any(fs, x);
        int it = reg_alloc(fs, 1);
        emit(fs, OP_MAPITER, it, m, 0);
        int kd = reg_alloc(fs, tsize(u->key));
        int vd = wants(val) ? reg_alloc(fs, tsize(u->elem)) : NO_REG;
        declare_range_vars(fs, s);
        b = push_breakable(fs, s);
        int top = here(fs);
        int jdone = emit(fs, OP_MAPNEXT, it, kd, 0);
        emit_extra(fs, vd, 0, 0);
        range_assign2(fs, s, key, u->key, kd, vd != NO_REG ? val : NULL, u->elem, vd);
        gen_stmt(fs, s->u.range.body);
        emit_jump_back(fs, top);
        patch_here(fs, jdone);
        cont = top;
        pop_breakable(fs, b, cont);
        fs->freereg = mark;
        return;
    }
    if (u->kind == KIND_CHAN) {
        int ch = expr_any(fs, x);
        int vd = reg_alloc(fs, tsize(u->elem));
        int ok = reg_alloc(fs, 1);
        declare_range_vars(fs, s);
        b = push_breakable(fs, s);
        int top = here(fs);
        set_line(fs, s->pos);
        emit(fs, OP_RECV, vd, ch, ok);
        int jdone = emit_cond_jump(fs, OP_JF, ok, 0);
        range_assign(fs, s, key, u->elem, vd);
        gen_stmt(fs, s->u.range.body);
        emit_jump_back(fs, top);
        patch_here(fs, jdone);
        pop_breakable(fs, b, top);
        fs->freereg = mark;
        return;
    }
    /* counted loops: ints, strings, slices, arrays */
    int i = reg_alloc(fs, 1), n = reg_alloc(fs, 1);
    int base = -1, elem = -1, rune = -1;
    Type *et = NULL;
    enum { R_INT, R_STRING, R_SLICE, R_ARRAYPTR } mode;
    int64_t alen = 0;
    if (type_is_integer(u)) {
        mode = R_INT;
        expr_to(fs, x, n);
    } else if (u->kind == KIND_STRING) {
        mode = R_STRING;
        base = reg_alloc(fs, 2);
        expr_to(fs, x, base);
        emit_move(fs, n, base + 1, 1);
        rune = reg_alloc(fs, 2);
    } else if (u->kind == KIND_SLICE) {
        mode = R_SLICE;
        base = reg_alloc(fs, 3);
        expr_to(fs, x, base);
        emit_move(fs, n, base + 1, 1);
        et = u->elem;
    } else {
        Type *at = u->kind == KIND_POINTER ? u->elem->under : u;
        mode = R_ARRAYPTR;
        et = at->elem;
        alen = at->len;
        emit_bx(fs, OP_LOADI, n, (int32_t)at->len);
        if (wants(val)) {
            base = reg_alloc(fs, 1);
            if (u->kind == KIND_POINTER) {
                expr_to(fs, x, base);
            } else {
                /* range over an array value iterates over a copy */
                emit_newbox(fs, base, xt);
                if (!gen_copy_large(fs, x, base)) {
                    int tmp = reg_alloc(fs, tsize(xt));
                    expr_to(fs, x, tmp);
                    emit(fs, OP_STORE, base, tmp, tsize(xt));
                }
            }
        } else if (x->type->under->kind != KIND_ARRAY || unparen(x)->kind == E_CALL) {
            int tmp = reg_alloc(fs, tsize(xt));
            expr_to(fs, x, tmp); /* evaluate for side effects (and nil pointers) */
        }
    }
    if (et && wants(val)) elem = reg_alloc(fs, mode == R_ARRAYPTR ? 1 : tsize(et));
    emit_bx(fs, OP_LOADI, i, 0);
    declare_range_vars(fs, s);
    b = push_breakable(fs, s);
    int jcond = emit_jump(fs);
    int top = here(fs);
    switch (mode) {
    case R_STRING:
        emit(fs, OP_STRNEXT, rune, base, i);
        range_assign2(fs, s, key, t_int, i, val, t_int32, rune);
        break;
    case R_SLICE:
        if (wants(val)) {
            emit(fs, OP_INDEX, elem, base, i);
            emit_extra(fs, tsize(et), 0, 0);
        }
        range_assign2(fs, s, key, t_int, i, val, et, elem);
        break;
    case R_ARRAYPTR:
        if (wants(val)) {
            emit(fs, OP_ARRAYADDR, elem, base, i);
            emit_extra(fs, tsize(et), (int)(alen & 0xffff), (int)(alen >> 16));
            int v = reg_alloc(fs, tsize(et));
            emit(fs, OP_LOADP, v, elem, tsize(et));
            range_assign2(fs, s, key, t_int, i, val, et, v);
        } else {
            range_assign(fs, s, key, t_int, i);
        }
        break;
    default: range_assign(fs, s, key, key ? key->type ? key->type : xt : xt, i); break;
    }
    gen_stmt(fs, s->u.range.body);
    cont = here(fs);
    if (mode == R_STRING) emit_move(fs, i, rune + 1, 1);
    else emit(fs, OP_ADDI, i, i, 1);
    patch_here(fs, jcond);
    int j = emit_cond_jump(fs, OP_JLT, i, n);
    patch_to(fs, j, top);
    pop_breakable(fs, b, cont);
    fs->freereg = mark;
}

static void gen_if(FS *fs, Stmt *s) {
    int mark = fs->freereg;
    if (s->u.if_.init) gen_stmt(fs, s->u.if_.init);
    JumpList jelse = {0};
    ordered_cond_jump(fs, s->u.if_.cond, false, &jelse);
    gen_stmt(fs, s->u.if_.body);
    if (s->u.if_.else_) {
        int jend = emit_jump(fs);
        patch_list_here(fs, &jelse);
        gen_stmt(fs, s->u.if_.else_);
        patch_here(fs, jend);
    } else {
        patch_list_here(fs, &jelse);
    }
    fs->freereg = mark;
}

static bool ends_with_fallthrough(StmtList *l) {
    if (!l->len) return false;
    Stmt *s = l->items[l->len - 1];
    while (s->kind == S_LABELED) s = s->u.labeled.stmt; /* lab: fallthrough */
    return s->kind == S_BRANCH && s->u.branch.tok == TK_FALLTHROUGH;
}

static void gen_switch(FS *fs, Stmt *s) {
    int mark = fs->freereg;
    if (s->u.switch_.init) gen_stmt(fs, s->u.switch_.init);
    Expr *tag = s->u.switch_.tag;
    int treg = -1;
    if (tag) {
        int hoisted = hoist_calls_in(fs, tag, false);
        treg = reg_alloc(fs, tsize(tag->type));
        expr_to(fs, tag, treg);
        hoist_end(fs, hoisted);
    }
    StmtList *clauses = &s->u.switch_.body->u.block.list;
    JumpList *to_body = gc_alloc(sizeof(JumpList) * (size_t)(clauses->len + 1));
    int dflt = -1;
    for (int i = 0; i < clauses->len; i++) {
        Stmt *cl = clauses->items[i];
        if (cl->u.caseclause.is_default) dflt = i;
        for (int j = 0; j < cl->u.caseclause.list.len; j++) {
            Expr *v = cl->u.caseclause.list.items[j];
            int m2 = fs->freereg;
            set_line(fs, v->pos);
            int hoisted = hoist_calls_in(fs, v, false);
            if (!tag && is_iface(v->type)) {
                /* an interface case of a tagless switch: v == true */
                int a = expr_any(fs, v);
                int t = reg_alloc(fs, 1), bq = reg_alloc(fs, 2), r = reg_alloc(fs, 1);
                emit_bx(fs, OP_LOADI, t, 1);
                convert_to(fs, t_bool, v->type, t, bq);
                gen_compare(fs, TK_EQL, v->type, a, bq, r);
                vec_push(&to_body[i], emit_cond_jump(fs, OP_JT, r, 0));
            } else if (!tag) {
                cond_jump(fs, v, true, &to_body[i]);
            } else {
                Type *tt = tag->type;
                Type *u = tt->under;
                bool intlike = (type_is_integer(u) || u->kind == KIND_BOOL || u->kind == KIND_POINTER ||
                                u->kind == KIND_CHAN) && !is_iface(v->type);
                if (intlike && v->mode == MODE_CONST) {
                    Value kv[2];
                    cv_to_slots(v->cv, tt, kv);
                    vec_push(&to_body[i], emit_cond_jump(fs, OP_JEQK, treg, add_k(fs, kv[0])));
                } else if (intlike) {
                    int r = expr_any(fs, v);
                    vec_push(&to_body[i], emit_cond_jump(fs, OP_JEQ, treg, r));
                } else {
                    int a = treg, bq;
                    Type *ct = tt;
                    if (is_iface(tt) && !is_iface(v->type)) {
                        bq = reg_alloc(fs, 2);
                        expr_to_type(fs, v, tt, bq);
                    } else if (!is_iface(tt) && is_iface(v->type)) {
                        a = reg_alloc(fs, 2);
                        convert_to(fs, tt, v->type, treg, a);
                        bq = expr_any(fs, v);
                        ct = v->type;
                    } else if (v->type == t_untyped_nil || (unparen(v)->obj && unparen(v)->obj->kind == OBJ_NIL)) {
                        bq = reg_alloc(fs, tsize(tt));
                        emit_zero(fs, bq, tsize(tt));
                    } else {
                        bq = reg_alloc(fs, tsize(tt));
                        expr_to_type(fs, v, tt, bq);
                    }
                    int r = reg_alloc(fs, 1);
                    gen_compare(fs, TK_EQL, ct, a, bq, r);
                    vec_push(&to_body[i], emit_cond_jump(fs, OP_JT, r, 0));
                }
            }
            hoist_end(fs, hoisted);
            fs->freereg = m2;
        }
    }
    int jdefault = emit_jump(fs);
    Breakable *b = push_breakable(fs, s);
    for (int i = 0; i < clauses->len; i++) {
        Stmt *cl = clauses->items[i];
        patch_list_here(fs, &to_body[i]);
        if (i == dflt) patch_here(fs, jdefault);
        int m2 = fs->freereg;
        gen_block(fs, &cl->u.caseclause.body);
        fs->freereg = m2;
        if (!ends_with_fallthrough(&cl->u.caseclause.body)) vec_push(&b->breaks, emit_jump(fs));
    }
    if (dflt < 0) patch_here(fs, jdefault);
    pop_breakable(fs, b, -1);
    fs->freereg = mark;
}

static void gen_typeswitch(FS *fs, Stmt *s) {
    int mark = fs->freereg;
    if (s->u.typeswitch.init) gen_stmt(fs, s->u.typeswitch.init);
    Stmt *as = s->u.typeswitch.assign;
    Expr *guard = as->kind == S_ASSIGN ? as->u.assign.rhs.items[0] : as->u.expr.x;
    Expr *x = unparen(guard)->u.typeassert.x;
    int iv = reg_alloc(fs, 2);
    expr_to(fs, x, iv);
    StmtList *clauses = &s->u.typeswitch.body->u.block.list;
    JumpList *to_body = gc_alloc(sizeof(JumpList) * (size_t)(clauses->len + 1));
    int dflt = -1;
    int r = reg_alloc(fs, 1);
    for (int i = 0; i < clauses->len; i++) {
        Stmt *cl = clauses->items[i];
        if (cl->u.caseclause.is_default) dflt = i;
        for (int j = 0; j < cl->u.caseclause.list.len; j++) {
            Expr *te = cl->u.caseclause.list.items[j];
            set_line(fs, te->pos);
            if (te->type == t_untyped_nil) emit(fs, OP_TYPEIS, r, iv, add_k_ptr(fs, NULL));
            else if (is_iface(te->type)) emit(fs, OP_IMPLEMENTS, r, iv, add_k_ptr(fs, te->type));
            else emit(fs, OP_TYPEIS, r, iv, add_k_ptr(fs, te->type));
            vec_push(&to_body[i], emit_cond_jump(fs, OP_JT, r, 0));
        }
    }
    int jdefault = emit_jump(fs);
    Breakable *b = push_breakable(fs, s);
    for (int i = 0; i < clauses->len; i++) {
        Stmt *cl = clauses->items[i];
        patch_list_here(fs, &to_body[i]);
        if (i == dflt) patch_here(fs, jdefault);
        int m2 = fs->freereg;
        Object *sym = cl->aux;
        if (sym && sym->used) {
            declare_var_reg(fs, sym);
            int dst = obj_boxed(sym) ? reg_alloc(fs, tsize(sym->type)) : sym->reg;
            if (!is_iface(sym->type)) {
                emit(fs, OP_ASSERT, dst, iv, add_k_ptr(fs, sym->type));
                emit_extra(fs, NO_REG, add_k_ptr(fs, x->type), 0);
            } else {
                emit_move(fs, dst, iv, 2);
            }
            if (obj_boxed(sym)) emit(fs, OP_STORE, sym->reg, dst, tsize(sym->type));
        }
        gen_block(fs, &cl->u.caseclause.body);
        fs->freereg = m2;
        vec_push(&b->breaks, emit_jump(fs));
    }
    if (dflt < 0) patch_here(fs, jdefault);
    pop_breakable(fs, b, -1);
    fs->freereg = mark;
}

/* The receive expression of a select case, and its assignment targets. */
static Expr *comm_recv(Stmt *comm, Expr **v, Expr **ok) {
    *v = *ok = NULL;
    Expr *r;
    if (comm->kind == S_EXPR) r = comm->u.expr.x;
    else {
        r = comm->u.assign.rhs.items[0];
        *v = comm->u.assign.lhs.items[0];
        if (comm->u.assign.lhs.len > 1) *ok = comm->u.assign.lhs.items[1];
    }
    return unparen(r);
}

static void gen_select(FS *fs, Stmt *s) {
    int mark = fs->freereg;
    StmtList *clauses = &s->u.select.body->u.block.list;
    int ncases = 0, dflt = -1;
    for (int i = 0; i < clauses->len; i++) {
        if (clauses->items[i]->u.commclause.comm) ncases++;
        else dflt = i;
    }
    SelectTable *tab = gc_alloc(sizeof(SelectTable) + sizeof(SelectEntry) * (size_t)(ncases + 1));
    tab->n = ncases;
    int *case_of = gc_alloc(sizeof(int) * (size_t)(clauses->len + 1));
    int k = 0;
    /* operands are evaluated once, in source order */
    for (int i = 0; i < clauses->len; i++) {
        Stmt *comm = clauses->items[i]->u.commclause.comm;
        case_of[i] = -1;
        if (!comm) continue;
        case_of[i] = k;
        SelectEntry *en = &tab->entries[k++];
        set_line(fs, comm->pos);
        if (comm->kind == S_SEND) {
            Type *et = comm->u.send.chan->type->under->elem;
            en->is_send = 1;
            en->chan = (uint16_t)reg_alloc(fs, 1);
            expr_to(fs, comm->u.send.chan, en->chan);
            en->val = (uint16_t)reg_alloc(fs, tsize(et) ? tsize(et) : 1);
            expr_to_type(fs, comm->u.send.value, et, en->val);
            en->ok = NO_REG;
            en->elem_size = (uint32_t)tsize(et);
        } else {
            Expr *v, *ok;
            Expr *r = comm_recv(comm, &v, &ok);
            Type *et = r->u.unary.x->type->under->elem;
            en->chan = (uint16_t)reg_alloc(fs, 1);
            expr_to(fs, r->u.unary.x, en->chan);
            en->val = (uint16_t)reg_alloc(fs, tsize(et) ? tsize(et) : 1);
            en->ok = ok ? (uint16_t)reg_alloc(fs, 1) : NO_REG;
            en->elem_size = (uint32_t)tsize(et);
        }
    }
    int chosen = reg_alloc(fs, 1);
    set_line(fs, s->pos);
    emit(fs, OP_SELECT, chosen, add_k_ptr(fs, tab), dflt >= 0 ? 1 : 0);
    JumpList *to_body = gc_alloc(sizeof(JumpList) * (size_t)(clauses->len + 1));
    for (int i = 0; i < clauses->len; i++) {
        if (case_of[i] < 0) continue;
        vec_push(&to_body[i], emit_cond_jump(fs, OP_JEQK, chosen, add_k(fs, (Value){.i = case_of[i]})));
    }
    int jdefault = emit_jump(fs);
    Breakable *b = push_breakable(fs, s);
    for (int i = 0; i < clauses->len; i++) {
        Stmt *cl = clauses->items[i];
        Stmt *comm = cl->u.commclause.comm;
        if (case_of[i] >= 0) patch_list_here(fs, &to_body[i]);
        else patch_here(fs, jdefault);
        int m2 = fs->freereg;
        if (comm && comm->kind == S_ASSIGN) {
            SelectEntry *en = &tab->entries[case_of[i]];
            Expr *v, *ok;
            Expr *r = comm_recv(comm, &v, &ok);
            Type *et = r->u.unary.x->type->under->elem;
            Expr *targets[2] = {v, ok};
            int srcs[2] = {en->val, en->ok};
            Type *types[2] = {et, t_bool};
            for (int j = 0; j < 2; j++) {
                Expr *t = targets[j];
                if (!t || (t->kind == E_IDENT && t->u.ident.name == intern_cstr("_"))) continue;
                if (comm->u.assign.tok == TK_DEFINE && t->aux == DECLARES) {
                    declare_var_reg(fs, t->obj);
                    init_var(fs, t->obj, types[j], srcs[j]);
                } else {
                    int m3 = fs->freereg;
                    LValue lv = gen_lvalue(fs, t);
                    store_lvalue_from(fs, &lv, types[j], srcs[j]);
                    fs->freereg = m3;
                }
            }
        }
        gen_block(fs, &cl->u.commclause.body);
        fs->freereg = m2;
        vec_push(&b->breaks, emit_jump(fs));
    }
    if (dflt < 0) patch_here(fs, jdefault);
    pop_breakable(fs, b, -1);
    fs->freereg = mark;
}

/* ---------------------------------------------------------------- dispatch */

/* Hoist the calls of statement s that gc evaluates before its other
 * operands (gen_order.c). Returns the mark for hoist_end. */
static int hoist_stmt(FS *fs, Stmt *s) {
    switch (s->kind) {
    case S_EXPR: return hoist_calls_in(fs, s->u.expr.x, true);
    case S_SEND: {
        Expr *both[2] = {s->u.send.chan, s->u.send.value};
        ExprList l = {.items = both, .len = 2};
        return hoist_calls(fs, NULL, &l, false);
    }
    case S_ASSIGN: {
        ExprList *lhs = &s->u.assign.lhs, *rhs = &s->u.assign.rhs;
        TokenKind tok = s->u.assign.tok;
        if (tok != TK_ASSIGN && tok != TK_DEFINE) { /* x op= y reads x first */
            Expr *both[2] = {lhs->items[0], rhs->items[0]};
            ExprList l = {.items = both, .len = 2};
            return hoist_calls(fs, NULL, &l, false);
        }
        /* v, ok = <-ch and a, b = f() keep their right-hand side whole */
        return hoist_calls(fs, lhs, rhs, lhs->len != rhs->len);
    }
    case S_INCDEC: {
        ExprList l = {.items = &s->u.incdec.x, .len = 1};
        return hoist_calls(fs, &l, NULL, false);
    }
    case S_RETURN: return hoist_calls(fs, NULL, &s->u.ret.results, false);
    case S_GO:
    case S_DEFER: return hoist_calls_in(fs, s->u.call.call, true);
    case S_DECL: {
        Decl *d = s->u.decl.decl;
        int mark = fs->hoisted.len;
        if (d->kind != D_VAR) return mark;
        for (int i = 0; i < d->u.gen.specs.len; i++) {
            Spec *sp = d->u.gen.specs.items[i];
            ExprList *vals = &sp->u.value.values;
            hoist_calls(fs, NULL, vals, vals->len != sp->u.value.names.len);
        }
        return mark;
    }
    default: return fs->hoisted.len;
    }
}

static void gen_stmt_ordered(FS *fs, Stmt *s);

void gen_stmt(FS *fs, Stmt *s) {
    set_line(fs, s->pos);
    int hoisted = hoist_stmt(fs, s);
    gen_stmt_ordered(fs, s);
    hoist_end(fs, hoisted);
}

static void gen_stmt_ordered(FS *fs, Stmt *s) {
    set_line(fs, s->pos);
    int mark = fs->freereg;
    switch (s->kind) {
    case S_BAD:
    case S_EMPTY: break;
    case S_DECL: gen_local_decl(fs, s->u.decl.decl); return; /* keeps its registers */
    case S_LABELED: {
        LabelPos *lp = label_pos(fs, s);
        lp->pc = here(fs);
        gen_stmt(fs, s->u.labeled.stmt);
        return;
    }
    case S_EXPR: {
        Expr *x = unparen(s->u.expr.x);
        if (x->kind == E_CALL) {
            Expr *fun = unparen(x->u.call.fun);
            if (fun->mode == MODE_BUILTIN || fun->mode == MODE_TYPE) {
                int t = reg_alloc(fs, x->type->kind == KIND_TUPLE ? 1 : (tsize(x->type) ? tsize(x->type) : 1));
                expr_to(fs, x, t);
            } else {
                gen_call(fs, x);
            }
        } else {
            int t = reg_alloc(fs, tsize(x->type) ? tsize(x->type) : 1);
            expr_to(fs, x, t);
        }
        break;
    }
    case S_SEND: {
        Type *et = s->u.send.chan->type->under->elem;
        int ch = expr_any(fs, s->u.send.chan);
        int v = reg_alloc(fs, tsize(et) ? tsize(et) : 1);
        expr_to_type(fs, s->u.send.value, et, v);
        set_line(fs, s->pos);
        emit(fs, OP_SEND, ch, v, 0);
        break;
    }
    case S_INCDEC: {
        Expr *x = s->u.incdec.x;
        LValue lv = gen_lvalue(fs, x);
        Type *t = x->type;
        int cur = lv_current(fs, &lv);
        int delta = s->u.incdec.tok == TK_INC ? 1 : -1;
        if (type_is_integer(t->under)) {
            emit(fs, OP_ADDI, cur, cur, (int)(uint16_t)(int16_t)delta);
        } else {
            int one = reg_alloc(fs, tsize(t));
            Value v[2] = {{.f = 1.0}, {.f = 0.0}};
            if (tsize(t) == 2) emit_bx(fs, OP_LOADK2, one, add_k2(fs, v[0], v[1]));
            else emit_bx(fs, OP_LOADK, one, add_k(fs, v[0]));
            if (type_is_complex(t->under)) emit(fs, delta > 0 ? OP_CADD : OP_CSUB, cur, cur, one);
            else emit(fs, delta > 0 ? OP_FADD : OP_FSUB, cur, cur, one);
        }
        normalize(fs, t, cur);
        if (lv.kind != LV_REG) lv_store(fs, &lv, cur);
        break;
    }
    case S_ASSIGN: {
        bool declares = false;
        if (s->u.assign.tok == TK_DEFINE)
            for (int i = 0; i < s->u.assign.lhs.len; i++)
                if (s->u.assign.lhs.items[i]->aux == DECLARES) declares = true;
        gen_assign(fs, s);
        if (declares) return; /* keeps the new variables' registers */
        break;
    }
    case S_GO:
    case S_DEFER: {
        int n;
        int w = gen_deferred_call(fs, s->u.call.call, &n);
        set_line(fs, s->pos);
        emit(fs, s->kind == S_GO ? OP_GO : OP_DEFER, w, n, 0);
        break;
    }
    case S_RETURN: gen_return(fs, s); break;
    case S_BRANCH:
        switch (s->u.branch.tok) {
        case TK_BREAK: vec_push(&find_target(fs, s->aux)->breaks, emit_jump(fs)); break;
        case TK_CONTINUE: vec_push(&find_target(fs, s->aux)->continues, emit_jump(fs)); break;
        case TK_GOTO: {
            LabelPos *lp = label_pos(fs, s->aux);
            vec_push(&lp->pending, emit_jump(fs));
            break;
        }
        default: break; /* fallthrough: the next clause's body follows */
        }
        break;
    case S_BLOCK: gen_block(fs, &s->u.block.list); break;
    case S_IF: gen_if(fs, s); break;
    case S_SWITCH: gen_switch(fs, s); break;
    case S_TYPESWITCH: gen_typeswitch(fs, s); break;
    case S_SELECT: gen_select(fs, s); break;
    case S_FOR: gen_for(fs, s); break;
    case S_RANGE: gen_range(fs, s); break;
    default: break;
    }
    fs->freereg = mark;
}

void gen_block(FS *fs, StmtList *l) {
    int mark = fs->freereg;
    for (int i = 0; i < l->len; i++) gen_stmt(fs, l->items[i]);
    fs->freereg = mark;
}
