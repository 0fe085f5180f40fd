/* gen_expr.c - code for expressions, calls, built-ins and locations. */
#include "gen.h"

#include <stdio.h>

static void gen_composite(FS *fs, Expr *e, int dst);
static void gen_builtin(FS *fs, Expr *call, int dst, int *argregs);
static int hoist_unpacked_results(FS *fs, Expr *call);
static void gen_conversion(FS *fs, Expr *call, int dst);
static int gen_addr(FS *fs, Expr *e);

static Expr *unparen(Expr *e) {
    while (e->kind == E_PAREN) e = e->u.unary.x;
    return e;
}

static int tsize(Type *t) { return (int)t->size; }

/* ------------------------------------------------------------- constants */

static void load_const(FS *fs, ConstVal *cv, Type *t, int dst) {
    if (is_iface(t)) {
        /* a constant converted to an interface: box its default-typed value */
        Type *dt = NULL;
        switch (cv_kind(cv)) {
        case CV_BOOL: dt = t_bool; break;
        case CV_STRING: dt = t_string; break;
        case CV_INT: dt = t_int; break;
        case CV_FLOAT: dt = t_float64; break;
        default: dt = t_complex128; break;
        }
        int r = reg_alloc(fs, tsize(dt));
        load_const(fs, cv, dt, r);
        emit(fs, OP_MKIFACE, dst, r, add_k_ptr(fs, dt));
        return;
    }
    Value v[2] = {{0}, {0}};
    cv_to_slots(cv, t, v);
    int n = tsize(t);
    if (n == 2) {
        emit_bx(fs, OP_LOADK2, dst, add_k2(fs, v[0], v[1]));
        return;
    }
    if (n == 0) return;
    if (!type_is_float(t->under) && v[0].i >= INT32_MIN && v[0].i <= INT32_MAX) {
        emit_bx(fs, OP_LOADI, dst, (int32_t)v[0].i);
        return;
    }
    emit_bx(fs, OP_LOADK, dst, add_k(fs, v[0]));
}

/* Keep sized integers normalised, float32 rounded. */
void normalize(FS *fs, Type *t, int r) {
    switch (t->under->kind) {
    case KIND_INT8: emit(fs, OP_SEXT, r, r, 8); break;
    case KIND_INT16: emit(fs, OP_SEXT, r, r, 16); break;
    case KIND_INT32: emit(fs, OP_SEXT, r, r, 32); break;
    case KIND_UINT8: emit(fs, OP_ZEXT, r, r, 8); break;
    case KIND_UINT16: emit(fs, OP_ZEXT, r, r, 16); break;
    case KIND_UINT32: emit(fs, OP_ZEXT, r, r, 32); break;
    case KIND_FLOAT32: emit(fs, OP_F32, r, r, 0); break;
    case KIND_COMPLEX64:
        emit(fs, OP_F32, r, r, 0);
        emit(fs, OP_F32, r + 1, r + 1, 0);
        break;
    default: break;
    }
}

/* ------------------------------------------------------------- locations */

/* Instructions carry a pointer's slot offset in 16 bits: fold a larger one
 * (a field deep inside a large array) into a new pointer register. */
void lv_fold_offset(FS *fs, LValue *lv) {
    while (lv->kind == LV_PTR && lv->off > 0xffff) {
        int p = reg_alloc(fs, 1);
        emit(fs, OP_ADDROFF, p, lv->reg, 0xffff);
        lv->reg = p;
        lv->off -= 0xffff;
    }
}

/* The register holding lv's current value: its own for a register
 * variable, else a new one loaded from it (for x op= y and x++). */
int lv_current(FS *fs, LValue *lv) {
    if (lv->kind == LV_REG) return lv->reg;
    int r = reg_alloc(fs, tsize(lv->type));
    lv_load(fs, lv, r);
    return r;
}

void lv_load(FS *fs, LValue *lv, int dst) {
    int n = tsize(lv->type);
    lv_fold_offset(fs, lv);
    switch (lv->kind) {
    case LV_BLANK: break;
    case LV_REG: emit_move(fs, dst, lv->reg, n); break;
    case LV_PTR:
        if (lv->off == 0) emit(fs, lv->nilcheck ? OP_LOADP : OP_LOAD, dst, lv->reg, n);
        else if (n == 1) emit(fs, OP_LOADF1, dst, lv->reg, lv->off);
        else {
            emit(fs, OP_LOADF, dst, lv->reg, lv->off);
            emit_extra(fs, n, 0, 0);
        }
        break;
    case LV_GLOBAL: emit(fs, OP_GETG, dst, add_k_ptr(fs, lv->gptr), n); break;
    case LV_INDEX:
        emit(fs, OP_INDEX, dst, lv->reg, lv->idx);
        emit_extra(fs, n, 0, 0);
        break;
    case LV_MAP:
        emit(fs, OP_MAPGET, dst, lv->reg, lv->idx);
        emit_extra(fs, NO_REG, n, 0);
        break;
    }
}

void lv_store(FS *fs, LValue *lv, int src) {
    int n = tsize(lv->type);
    lv_fold_offset(fs, lv);
    switch (lv->kind) {
    case LV_BLANK: break;
    case LV_REG: emit_move(fs, lv->reg, src, n); break;
    case LV_PTR:
        if (lv->off == 0) emit(fs, lv->nilcheck ? OP_STOREP : OP_STORE, lv->reg, src, n);
        else if (n == 1) emit(fs, OP_STOREF1, lv->reg, lv->off, src);
        else {
            emit(fs, OP_STOREF, lv->reg, lv->off, src);
            emit_extra(fs, n, 0, 0);
        }
        break;
    case LV_GLOBAL: emit(fs, OP_SETG, src, add_k_ptr(fs, lv->gptr), n); break;
    case LV_INDEX:
        emit(fs, OP_SETINDEX, lv->reg, lv->idx, src);
        emit_extra(fs, n, 0, 0);
        break;
    case LV_MAP: emit(fs, OP_MAPSET, lv->reg, lv->idx, src); break;
    }
}

/* Turn a location into one that can be offset into (LV_REG/LV_PTR/LV_GLOBAL). */
static LValue addressable_loc(FS *fs, LValue lv) {
    if (lv.kind == LV_INDEX) {
        int p = reg_alloc(fs, 1);
        emit(fs, OP_INDEXADDR, p, lv.reg, lv.idx);
        emit_extra(fs, tsize(lv.type), 0, 0);
        return (LValue){.kind = LV_PTR, .type = lv.type, .reg = p};
    }
    if (lv.kind == LV_MAP) {
        int r = reg_alloc(fs, tsize(lv.type));
        lv_load(fs, &lv, r);
        return (LValue){.kind = LV_REG, .type = lv.type, .reg = r};
    }
    return lv;
}

static LValue loc_field(LValue lv, StructField *f) {
    if (lv.kind == LV_REG) lv.reg += (int)f->offset;
    else if (lv.kind == LV_PTR) lv.off += (int)f->offset;
    else if (lv.kind == LV_GLOBAL) lv.gptr += f->offset;
    lv.type = f->type;
    return lv;
}

/* The location holds a pointer: continue at what it points to. */
static LValue loc_deref(FS *fs, LValue lv) {
    int p;
    if (lv.kind == LV_REG) p = lv.reg;
    else {
        p = reg_alloc(fs, 1);
        lv_load(fs, &lv, p);
    }
    return (LValue){.kind = LV_PTR, .type = lv.type->under->elem, .reg = p, .nilcheck = true};
}

/* Follow nsteps embedded-field steps of sel from location lv. */
static LValue walk_steps(FS *fs, LValue lv, Selection *sel, int nsteps) {
    for (int i = 0; i < nsteps; i++) {
        lv = addressable_loc(fs, lv);
        if (lv.type->under->kind == KIND_POINTER) lv = loc_deref(fs, lv);
        lv = loc_field(lv, &lv.type->under->fields[sel->steps[i].field]);
    }
    return lv;
}

/* The location of the operand of a selector/index: addressable operands
 * in place, other values in a temporary. */
static LValue operand_loc(FS *fs, Expr *x) {
    Expr *ux = unparen(x);
    if (is_addressable(ux) || (ux->kind == E_INDEX && ux->mode == MODE_MAPINDEX)) return gen_lvalue(fs, ux);
    int r = expr_any(fs, x);
    return (LValue){.kind = LV_REG, .type = x->type, .reg = r};
}

LValue gen_lvalue(FS *fs, Expr *e) {
    e = unparen(e);
    switch (e->kind) {
    case E_IDENT:
        if (!e->obj || e->u.ident.name == intern_cstr("_")) return (LValue){.kind = LV_BLANK, .type = t_invalid};
        return var_lvalue(fs, e->obj);
    case E_STAR: {
        int p = expr_any(fs, e->u.unary.x);
        return (LValue){.kind = LV_PTR, .type = e->type, .reg = p, .nilcheck = true};
    }
    case E_SELECTOR: {
        Selection *sel = e->aux;
        if (sel->kind == SEL_QUALIFIED) return var_lvalue(fs, e->obj);
        LValue base = operand_loc(fs, e->u.selector.x);
        return walk_steps(fs, base, sel, sel->nsteps);
    }
    case E_INDEX: {
        Expr *x = e->u.index.x, *idx = e->u.index.indices.items[0];
        Type *xu = x->type->under;
        if (xu->kind == KIND_MAP) {
            int m = expr_any(fs, x);
            int k = reg_alloc(fs, tsize(xu->key));
            expr_to_type(fs, idx, xu->key, k);
            return (LValue){.kind = LV_MAP, .type = e->type, .reg = m, .idx = k};
        }
        if (xu->kind == KIND_SLICE) {
            int s = expr_any(fs, x);
            int i = expr_any(fs, idx);
            return (LValue){.kind = LV_INDEX, .type = e->type, .reg = s, .idx = i};
        }
        Type *at = xu->kind == KIND_POINTER ? xu->elem->under : xu;
        int esz = tsize(at->elem);
        if (xu->kind != KIND_POINTER && idx->mode == MODE_CONST) {
            LValue base = addressable_loc(fs, operand_loc(fs, x));
            int64_t k = cv_int64_val(idx->cv);
            if (base.kind == LV_REG) base.reg += (int)(k * esz);
            else if (base.kind == LV_PTR) base.off += (int)(k * esz);
            else base.gptr += k * esz;
            base.type = e->type;
            return base;
        }
        /* dynamic index: work from the array's address */
        int ap;
        if (xu->kind == KIND_POINTER) ap = expr_any(fs, x);
        else ap = gen_addr(fs, x);
        int i = expr_any(fs, idx);
        int p = reg_alloc(fs, 1);
        emit(fs, OP_ARRAYADDR, p, ap, i);
        emit_extra(fs, esz, (int)(at->len & 0xffff), (int)(at->len >> 16));
        return (LValue){.kind = LV_PTR, .type = e->type, .reg = p};
    }
    default: {
        int r = expr_any(fs, e);
        return (LValue){.kind = LV_REG, .type = e->type, .reg = r};
    }
    }
}

static bool is_large_composite(Expr *e) {
    e = unparen(e);
    Kind k = e->type->under->kind;
    return e->kind == E_COMPOSITELIT && tsize(e->type) > LARGE_VALUE_SLOTS && (k == KIND_STRUCT || k == KIND_ARRAY);
}

/* A composite literal of a large struct or array type (more slots than a
 * function may have registers) is built in a fresh box, element by
 * element. Returns the register holding the box. */
static int gen_composite_box(FS *fs, Expr *e) {
    Type *u = e->type->under;
    ExprList *elts = &e->u.composite.elts;
    int p = reg_alloc(fs, 1);
    emit_newbox(fs, p, e->type);
    int64_t idx = 0;
    for (int i = 0; i < elts->len; i++) {
        Expr *v = elts->items[i];
        Type *et;
        int64_t off;
        if (u->kind == KIND_STRUCT) {
            int fi = i;
            if (v->kind == E_KEYVALUE) {
                fi = (int)(intptr_t)v->u.binary.x->aux - 1;
                v = v->u.binary.y;
            }
            et = u->fields[fi].type;
            off = (int64_t)u->fields[fi].offset;
        } else {
            if (v->kind == E_KEYVALUE) {
                idx = cv_int64_val(cv_to_int(v->u.binary.x->cv));
                v = v->u.binary.y;
            }
            et = u->elem;
            off = idx++ * tsize(et);
        }
        int mark = fs->freereg;
        LValue lv = {.kind = LV_PTR, .type = et, .reg = p, .off = (int)off};
        if (v->type == et && is_large_in_memory(v)) {
            lv_fold_offset(fs, &lv);
            int d = reg_alloc(fs, 1);
            if (lv.off) emit(fs, OP_ADDROFF, d, lv.reg, lv.off);
            else emit_move(fs, d, lv.reg, 1);
            gen_copy_large(fs, v, d);
        } else {
            int r = reg_alloc(fs, tsize(et) ? tsize(et) : 1);
            expr_to_type(fs, v, et, r);
            lv_store(fs, &lv, r);
        }
        fs->freereg = mark;
    }
    return p;
}

/* A register holding the address of addressable e (or of a fresh copy of a
 * composite literal). */
static int gen_addr(FS *fs, Expr *e) {
    e = unparen(e);
    if (is_large_composite(e)) return gen_composite_box(fs, e);
    if (e->kind == E_COMPOSITELIT) {
        int v = reg_alloc(fs, tsize(e->type));
        gen_composite(fs, e, v);
        int p = reg_alloc(fs, 1);
        emit_newbox(fs, p, e->type);
        emit(fs, OP_STORE, p, v, tsize(e->type));
        return p;
    }
    if (e->kind == E_STAR) return expr_any(fs, e->u.unary.x);
    LValue lv = gen_lvalue(fs, e);
    lv = addressable_loc(fs, lv);
    lv_fold_offset(fs, &lv);
    switch (lv.kind) {
    case LV_PTR:
        if (lv.off == 0) return lv.reg;
        else {
            int p = reg_alloc(fs, 1);
            emit(fs, OP_ADDROFF, p, lv.reg, lv.off);
            return p;
        }
    case LV_GLOBAL: {
        int p = reg_alloc(fs, 1);
        emit_bx(fs, OP_LOADK, p, add_k_ptr(fs, lv.gptr));
        return p;
    }
    default: {
        /* a value in registers: copy it into a box (only for values that
         * are not variables, e.g. indexing an array returned by a call) */
        int p = reg_alloc(fs, 1);
        emit_newbox(fs, p, lv.type);
        emit(fs, OP_STORE, p, lv.reg, tsize(lv.type));
        return p;
    }
    }
}

/* Is e a variable or element that lives in memory (a heap box, a global,
 * or reached through a pointer or slice)? */
static bool in_memory(Expr *e) {
    e = unparen(e);
    switch (e->kind) {
    case E_IDENT: return e->obj && e->obj->kind == OBJ_VAR && (e->obj->is_global || obj_boxed(e->obj));
    case E_STAR: return true;
    case E_INDEX: {
        Kind k = e->u.index.x->type->under->kind;
        return k == KIND_SLICE || k == KIND_POINTER || (k == KIND_ARRAY && in_memory(e->u.index.x));
    }
    case E_SELECTOR: {
        Selection *sel = e->aux;
        if (!sel || sel->kind != SEL_FIELD) return false;
        for (int i = 0; i < sel->nsteps; i++)
            if (sel->steps[i].deref) return true;
        return in_memory(e->u.selector.x);
    }
    default: return false;
    }
}

bool is_large_in_memory(Expr *e) {
    return tsize(e->type) > LARGE_VALUE_SLOTS && !is_iface(e->type) && (in_memory(e) || is_large_composite(e));
}

bool gen_copy_large(FS *fs, Expr *src, int dst) {
    int n = tsize(src->type);
    if (!is_large_in_memory(src)) return false;
    int p = gen_addr(fs, src);
    emit(fs, OP_MEMCOPY, dst, p, 0);
    emit_extra(fs, n & 0xffff, n >> 16, 0);
    return true;
}

/* ------------------------------------------------------------ conversion */

/* dst = interface holding the value of concrete type t at src. */
static void emit_mkiface(FS *fs, int dst, int src, Type *t) {
    gen_struct_method_tables(fs->s, t);
    emit(fs, OP_MKIFACE, dst, src, add_k_ptr(fs, t));
}

void convert_to(FS *fs, Type *from, Type *to, int src, int dst) {
    if (is_iface(to) && !is_iface(from)) {
        if (from == t_untyped_nil) emit_zero(fs, dst, 2);
        else emit_mkiface(fs, dst, src, from);
        return;
    }
    emit_move(fs, dst, src, tsize(to));
}

void expr_to_type(FS *fs, Expr *e, Type *t, int dst) {
    if (!is_iface(t) || is_iface(e->type) || e->type == t_untyped_nil) {
        if (e->type == t_untyped_nil || (e->mode == MODE_VALUE && e->type == t && unparen(e)->kind == E_IDENT &&
                                          unparen(e)->obj && unparen(e)->obj->kind == OBJ_NIL)) {
            emit_zero(fs, dst, tsize(t));
            return;
        }
        expr_to(fs, e, dst);
        return;
    }
    if (e->mode == MODE_CONST) {
        int r = reg_alloc(fs, tsize(e->type));
        load_const(fs, e->cv, e->type, r);
        emit(fs, OP_MKIFACE, dst, r, add_k_ptr(fs, e->type));
        return;
    }
    int r = expr_any(fs, e);
    emit_mkiface(fs, dst, r, e->type);
}

/* ------------------------------------------------------------- operators */

static bool is_int_like(Type *t) {
    Type *u = t->under;
    return type_is_integer(u) || u->kind == KIND_BOOL || u->kind == KIND_POINTER || u->kind == KIND_CHAN ||
           u->kind == KIND_MAP || u->kind == KIND_FUNC || u->kind == KIND_UNSAFEPTR || u->kind == KIND_UINTPTR;
}

/* Emit a comparison of two operands of type t into bool register dst. */
void gen_compare(FS *fs, TokenKind op, Type *t, int a, int b, int dst) {
    Type *u = t->under;
    bool swap = op == TK_GTR || op == TK_GEQ;
    if (swap) {
        int x = a;
        a = b;
        b = x;
        op = op == TK_GTR ? TK_LSS : TK_LEQ;
    }
    if (type_is_float(u)) {
        OpCode o = op == TK_EQL ? OP_FEQ : op == TK_NEQ ? OP_FNE : op == TK_LSS ? OP_FLT : OP_FLE;
        emit(fs, o, dst, a, b);
    } else if (u->kind == KIND_STRING) {
        OpCode o = op == TK_EQL ? OP_SEQ : op == TK_NEQ ? OP_SNE : op == TK_LSS ? OP_SLT : OP_SLE;
        emit(fs, o, dst, a, b);
    } else if (u->kind == KIND_INTERFACE) {
        emit(fs, OP_IEQ, dst, a, b);
        if (op == TK_NEQ) emit(fs, OP_NOT, dst, dst, 0);
    } else if (type_is_complex(u)) {
        emit(fs, OP_CEQ, dst, a, b);
        if (op == TK_NEQ) emit(fs, OP_NOT, dst, dst, 0);
    } else if (u->kind == KIND_STRUCT || u->kind == KIND_ARRAY) {
        emit(fs, OP_EQVAL, dst, a, b);
        emit_extra(fs, add_k_ptr(fs, t), 0, 0);
        if (op == TK_NEQ) emit(fs, OP_NOT, dst, dst, 0);
    } else {
        bool uns = type_is_unsigned(u);
        OpCode o = op == TK_EQL ? OP_EQ : op == TK_NEQ ? OP_NE : op == TK_LSS ? (uns ? OP_LTU : OP_LT) : (uns ? OP_LEU : OP_LE);
        emit(fs, o, dst, a, b);
    }
}

/* Operands of a comparison, with a concrete side boxed when the other is an
 * interface. Returns the operand type. */
static Type *compare_operands(FS *fs, Expr *x, Expr *y, int *a, int *b) {
    Type *tx = x->type, *ty = y->type;
    if (is_iface(tx) && !is_iface(ty)) {
        *a = expr_any(fs, x);
        *b = reg_alloc(fs, 2);
        expr_to_type(fs, y, tx, *b);
        return tx;
    }
    if (is_iface(ty) && !is_iface(tx)) {
        *a = reg_alloc(fs, 2);
        expr_to_type(fs, x, ty, *a);
        *b = expr_any(fs, y);
        return ty;
    }
    if (tx == t_untyped_nil || ty == t_untyped_nil) {
        Type *t = tx == t_untyped_nil ? ty : tx;
        *a = expr_any(fs, x);
        *b = expr_any(fs, y);
        return t;
    }
    *a = expr_any(fs, x);
    *b = expr_any(fs, y);
    return tx;
}

static bool is_comparison(TokenKind op) {
    return op == TK_EQL || op == TK_NEQ || op == TK_LSS || op == TK_LEQ || op == TK_GTR || op == TK_GEQ;
}

/* Is e the nil identifier (or converted nil)? */
static bool is_nil(Expr *e) { return e->type == t_untyped_nil || (unparen(e)->kind == E_IDENT && unparen(e)->obj && unparen(e)->obj->kind == OBJ_NIL); }

static void gen_binary(FS *fs, Expr *e, int dst) {
    TokenKind op = e->u.binary.op;
    Expr *x = e->u.binary.x, *y = e->u.binary.y;
    if (op == TK_LAND || op == TK_LOR) {
        JumpList jl = {0};
        emit_bx(fs, OP_LOADI, dst, 0);
        cond_jump(fs, e, false, &jl);
        emit_bx(fs, OP_LOADI, dst, 1);
        patch_list_here(fs, &jl);
        return;
    }
    int mark = fs->freereg;
    if (is_comparison(op)) {
        int a, b;
        /* comparisons against nil: compare the first slot only */
        if (is_nil(x) || is_nil(y)) {
            Expr *other = is_nil(x) ? y : x;
            int r = expr_any(fs, other);
            int z = reg_alloc(fs, 1);
            emit_bx(fs, OP_LOADI, z, 0);
            emit(fs, op == TK_EQL ? OP_EQ : OP_NE, dst, r, z);
            return;
        }
        Type *t = compare_operands(fs, x, y, &a, &b);
        gen_compare(fs, op, t, a, b, dst);
        return;
    }
    /* integers: small constant addends become ADDI */
    if ((op == TK_ADD || op == TK_SUB) && y->mode == MODE_CONST && type_is_integer(e->type->under)) {
        int64_t k = cv_fits_int64(y->cv) ? cv_int64_val(y->cv) : 1 << 20;
        if (op == TK_SUB) k = -k;
        if (k >= -32768 && k <= 32767) {
            int a = expr_any(fs, x);
            emit(fs, OP_ADDI, dst, a, (int)(uint16_t)(int16_t)k);
            normalize(fs, e->type, dst);
            return;
        }
    }
    int a = expr_any(fs, x);
    if (y->mode == MODE_CONST && emit_arith_const(fs, op, e->type, y, dst, a)) return;
    int b = expr_any(fs, y);
    emit_arith(fs, op, e->type, y, dst, a, b);
    (void)mark;
}

/* dst = a op constant y without a register for the constant, when an
 * instruction exists for it. Division by a constant zero never gets here
 * (the checker rejects it). */
bool emit_arith_const(FS *fs, TokenKind op, Type *t, Expr *y, int dst, int a) {
    Type *u = t->under;
    if (tsize(y->type) != 1 || is_iface(y->type)) return false;
    Value v[2];
    cv_to_slots(y->cv, y->type, v);
    OpCode o;
    if (type_is_float(u)) {
        switch (op) {
        case TK_ADD: o = OP_FADDK; break;
        case TK_SUB: o = OP_FSUBK; break;
        case TK_MUL: o = OP_FMULK; break;
        case TK_QUO: o = OP_FDIVK; break;
        default: return false;
        }
    } else if (type_is_integer(u)) {
        bool uns = type_is_unsigned(u);
        switch (op) {
        case TK_MUL: o = OP_MULK; break;
        case TK_QUO: o = uns ? OP_DIVUK : OP_DIVK; break;
        case TK_REM: o = uns ? OP_REMUK : OP_REMK; break;
        case TK_AND: o = OP_ANDK; break;
        case TK_OR: o = OP_ORK; break;
        case TK_XOR: o = OP_XORK; break;
        case TK_SHL: o = OP_SHLK; break;
        case TK_SHR: o = uns ? OP_SHRUK : OP_SHRK; break;
        default: return false;
        }
        if ((op == TK_QUO || op == TK_REM) && v[0].u == 0) return false;
    } else {
        return false;
    }
    emit(fs, o, dst, a, add_k(fs, v[0]));
    normalize(fs, t, dst);
    return true;
}

/* dst = a op b for operands of type t (y: the right operand, for shifts). */
void emit_arith(FS *fs, TokenKind op, Type *t, Expr *y, int dst, int a, int b) {
    Type *u = t->under;
    if (op == TK_SHL || op == TK_SHR) {
        if (!type_is_unsigned(y->type->under) && y->mode != MODE_CONST) emit(fs, OP_CHKSHIFT, b, 0, 0);
        OpCode o = op == TK_SHL ? OP_SHL : type_is_unsigned(u) ? OP_SHRU : OP_SHR;
        emit(fs, o, dst, a, b);
        normalize(fs, t, dst);
        return;
    }
    if (u->kind == KIND_STRING) {
        emit(fs, OP_CONCAT, dst, a, b);
        return;
    }
    if (type_is_complex(u)) {
        OpCode o = op == TK_ADD ? OP_CADD : op == TK_SUB ? OP_CSUB : op == TK_MUL ? OP_CMUL : OP_CDIV;
        emit(fs, o, dst, a, b);
        normalize(fs, t, dst);
        return;
    }
    if (type_is_float(u)) {
        OpCode o = op == TK_ADD ? OP_FADD : op == TK_SUB ? OP_FSUB : op == TK_MUL ? OP_FMUL : OP_FDIV;
        emit(fs, o, dst, a, b);
        normalize(fs, t, dst);
        return;
    }
    bool uns = type_is_unsigned(u);
    OpCode o;
    switch (op) {
    case TK_ADD: o = OP_ADD; break;
    case TK_SUB: o = OP_SUB; break;
    case TK_MUL: o = OP_MUL; break;
    case TK_QUO: o = uns ? OP_DIVU : OP_DIV; break;
    case TK_REM: o = uns ? OP_REMU : OP_REM; break;
    case TK_AND: o = OP_AND; break;
    case TK_OR: o = OP_OR; break;
    case TK_XOR: o = OP_XOR; break;
    case TK_AND_NOT: o = OP_ANDNOT; break;
    default: goi_panic_internal("binary operator %s", token_spelling(op));
    }
    emit(fs, o, dst, a, b);
    normalize(fs, t, dst);
}

void cond_jump(FS *fs, Expr *e, bool when, JumpList *jl) {
    e = unparen(e);
    int mark = fs->freereg;
    int h = hoisted_reg(fs, e);
    if (h >= 0) {
        vec_push(jl, emit_cond_jump(fs, when ? OP_JT : OP_JF, h, 0));
        return;
    }
    if (e->mode == MODE_CONST) {
        if (cv_bool_val(e->cv) == when) vec_push(jl, emit_jump(fs));
        return;
    }
    if (e->kind == E_UNARY && e->u.unary.op == TK_NOT) {
        cond_jump(fs, e->u.unary.x, !when, jl);
        return;
    }
    if (e->kind == E_BINARY) {
        TokenKind op = e->u.binary.op;
        Expr *x = e->u.binary.x, *y = e->u.binary.y;
        if (op == TK_LAND || op == TK_LOR) {
            bool is_and = op == TK_LAND;
            if (is_and == when) {
                /* a && b jumping when true / a || b jumping when false */
                JumpList skip = {0};
                cond_jump(fs, x, !when, &skip);
                cond_jump(fs, y, when, jl);
                patch_list_here(fs, &skip);
            } else {
                cond_jump(fs, x, when, jl);
                cond_jump(fs, y, when, jl);
            }
            return;
        }
        if (is_comparison(op) && !is_nil(x) && !is_nil(y) && is_int_like(x->type) && is_int_like(y->type) &&
            !is_iface(x->type) && !is_iface(y->type)) {
            bool uns = type_is_unsigned(x->type->under);
            if (!when) {
                switch (op) {
                case TK_EQL: op = TK_NEQ; break;
                case TK_NEQ: op = TK_EQL; break;
                case TK_LSS: op = TK_GEQ; break;
                case TK_LEQ: op = TK_GTR; break;
                case TK_GTR: op = TK_LEQ; break;
                default: op = TK_LSS; break;
                }
            }
            /* comparing with a constant: no register for it (loop conditions) */
            if (y->mode == MODE_CONST && tsize(y->type) == 1 && (!uns || op == TK_EQL || op == TK_NEQ)) {
                int a = expr_any(fs, x);
                Value v[2];
                cv_to_slots(y->cv, y->type, v);
                OpCode o;
                switch (op) {
                case TK_EQL: o = OP_JEQK; break;
                case TK_NEQ: o = OP_JNEK; break;
                case TK_LSS: o = OP_JLTK; break;
                case TK_LEQ: o = OP_JLEK; break;
                case TK_GTR: o = OP_JGTK; break;
                default: o = OP_JGEK; break;
                }
                vec_push(jl, emit_cond_jump(fs, o, a, add_k(fs, v[0])));
                fs->freereg = mark;
                return;
            }
            int a = expr_any(fs, x), b = expr_any(fs, y);
            OpCode o;
            switch (op) {
            case TK_EQL: o = OP_JEQ; break;
            case TK_NEQ: o = OP_JNE; break;
            case TK_LSS: o = uns ? OP_JLTU : OP_JLT; break;
            case TK_LEQ: o = uns ? OP_JLEU : OP_JLE; break;
            case TK_GTR: o = uns ? OP_JLTU : OP_JLT; { int t = a; a = b; b = t; } break;
            default: o = uns ? OP_JLEU : OP_JLE; { int t = a; a = b; b = t; } break;
            }
            vec_push(jl, emit_cond_jump(fs, o, a, b));
            fs->freereg = mark;
            return;
        }
    }
    int r = expr_any(fs, e);
    vec_push(jl, emit_cond_jump(fs, when ? OP_JT : OP_JF, r, 0));
    fs->freereg = mark;
}

/* ------------------------------------------------------------------ calls */

static uint32_t slots(Type **ts, int n) {
    uint32_t s = 0;
    for (int i = 0; i < n; i++) s += ts[i]->size;
    return s;
}

/* Evaluate call arguments for signature sig (without receiver) into dst. */
static void gen_args(FS *fs, Expr *call, Type *sig, int dst) {
    ExprList *args = &call->u.call.args;
    bool variadic = (sig->flags & TF_VARIADIC) != 0;
    int np = sig->nparams;
    int fixed = variadic ? np - 1 : np;
    if (args->len == 1 && args->items[0]->type->kind == KIND_TUPLE) {
        /* f(g()): g's results become f's arguments */
        Type *tt = args->items[0]->type;
        int w = gen_call(fs, args->items[0]);
        int off = 0, src = w;
        for (int i = 0; i < fixed; i++) {
            convert_to(fs, tt->results[i], sig->params[i], src, dst + off);
            src += tsize(tt->results[i]);
            off += tsize(sig->params[i]);
        }
        if (variadic) {
            int extra = tt->nresults - fixed;
            Type *et = sig->params[np - 1]->elem;
            if (extra == 0) {
                emit_zero(fs, dst + off, 3);
            } else {
                int tmp = reg_alloc(fs, extra * tsize(et));
                for (int i = 0; i < extra; i++) {
                    convert_to(fs, tt->results[fixed + i], et, src, tmp + i * tsize(et));
                    src += tsize(tt->results[fixed + i]);
                }
                emit(fs, OP_SLICELIT, dst + off, tmp, extra);
                emit_extra(fs, add_k_ptr(fs, et), 0, 0);
            }
        }
        return;
    }
    int off = 0;
    for (int i = 0; i < fixed; i++) {
        expr_to_type(fs, args->items[i], sig->params[i], dst + off);
        off += tsize(sig->params[i]);
    }
    if (!variadic) return;
    if (call->u.call.has_ellipsis) {
        expr_to(fs, args->items[np - 1], dst + off);
        return;
    }
    int extra = args->len - fixed;
    Type *et = sig->params[np - 1]->elem;
    if (extra == 0) {
        emit_zero(fs, dst + off, 3);
        return;
    }
    int esz = tsize(et);
    int tmp = reg_alloc(fs, extra * esz);
    for (int i = 0; i < extra; i++) expr_to_type(fs, args->items[fixed + i], et, tmp + i * esz);
    emit(fs, OP_SLICELIT, dst + off, tmp, extra);
    emit_extra(fs, add_k_ptr(fs, et), 0, 0);
}

/* Put the receiver of a static method call x.M(...) into dst. */
static void gen_receiver(FS *fs, Selection *sel, Expr *x, int dst) {
    Object *m = sel->method;
    Type *want = m->type->params[0];
    LValue loc;
    Expr *ux = unparen(x);
    if (sel->addr_recv && sel->nsteps == 0) {
        int p = gen_addr(fs, ux);
        emit_move(fs, dst, p, 1);
        return;
    }
    loc = operand_loc(fs, x);
    loc = walk_steps(fs, loc, sel, sel->nsteps);
    if (m->ptr_recv) {
        if (loc.type->under->kind == KIND_POINTER && loc.type == want) {
            lv_load(fs, &loc, dst);
            return;
        }
        loc = addressable_loc(fs, loc);
        if (loc.kind == LV_PTR) {
            lv_fold_offset(fs, &loc);
            if (loc.off) emit(fs, OP_ADDROFF, dst, loc.reg, loc.off);
            else emit_move(fs, dst, loc.reg, 1);
        } else if (loc.kind == LV_GLOBAL) {
            emit_bx(fs, OP_LOADK, dst, add_k_ptr(fs, loc.gptr));
        } else {
            /* a value in registers: give the method a copy's address */
            int p = reg_alloc(fs, 1);
            emit_newbox_n(fs, p, (uint32_t)tsize(loc.type), true);
            emit(fs, OP_STORE, p, loc.reg, tsize(loc.type));
            emit_move(fs, dst, p, 1);
        }
        return;
    }
    if (loc.type->under->kind == KIND_POINTER && want != loc.type) loc = loc_deref(fs, addressable_loc(fs, loc));
    loc.type = want;
    lv_load(fs, &loc, dst);
}

/* The interface value whose method x.M calls (x itself, or an embedded
 * interface field reached through sel's steps): a register holding it. */
static int gen_iface_receiver(FS *fs, Selection *sel, Expr *x) {
    LValue loc = operand_loc(fs, x);
    loc = walk_steps(fs, loc, sel, sel->nsteps);
    if (loc.kind == LV_REG) return loc.reg;
    int iv = reg_alloc(fs, 2);
    loc.type = sel->iface;
    lv_load(fs, &loc, iv);
    return iv;
}

/* math functions compiled to an instruction (FMATH), or -1. */
static int math_intrinsic(Object *f) {
    if (!f->pkg || strcmp(f->pkg->path, "math") != 0 || !f->native) return -1;
    static const char *names[] = {"Sqrt", "Abs", "Floor", "Ceil", "Trunc"};
    static const int ops[] = {MATH_SQRT, MATH_ABS, MATH_FLOOR, MATH_CEIL, MATH_TRUNC};
    for (size_t i = 0; i < countof(names); i++)
        if (strcmp(f->name, names[i]) == 0) return ops[i];
    return -1;
}

int gen_call(FS *fs, Expr *call) {
    int h = hoisted_reg(fs, call);
    if (h >= 0) return h;
    Expr *fun = unparen(call->u.call.fun);
    if (fun->mode == MODE_TYPE) {
        int w = reg_alloc(fs, tsize(call->type));
        gen_conversion(fs, call, w);
        return w;
    }
    if (fun->mode == MODE_BUILTIN) {
        int w = reg_alloc(fs, call->type->kind == KIND_TUPLE ? 0 : tsize(call->type));
        gen_builtin(fs, call, w, NULL);
        return w;
    }
    Type *sig = fun->type->under;
    int argslots = (int)slots(sig->params, sig->nparams);
    int resslots = (int)slots(sig->results, sig->nresults);
    Selection *sel = fun->kind == E_SELECTOR ? fun->aux : NULL;
    Object *fobj = NULL;
    if (fun->kind == E_IDENT && fun->obj && fun->obj->kind == OBJ_FUNC) fobj = fun->obj;
    if (sel && sel->kind == SEL_QUALIFIED && fun->obj->kind == OBJ_FUNC) fobj = fun->obj;
    int w;
    int mathfn = fobj ? math_intrinsic(fobj) : -1;
    if (mathfn >= 0) {
        int x = expr_any(fs, call->u.call.args.items[0]);
        w = reg_alloc(fs, 1);
        emit(fs, OP_FMATH, w, x, mathfn);
    } else if (fobj) {
        w = reg_alloc(fs, argslots > resslots ? argslots : resslots);
        gen_args(fs, call, sig, w);
        set_line(fs, call->u.call.rparen.line ? call->pos : call->pos);
        emit_bx(fs, OP_CALL, w, add_k_ptr(fs, func_of(fs->s, fobj)));
    } else if (sel && sel->kind == SEL_METHOD) {
        Object *m = sel->method;
        int rsz = tsize(m->type->params[0]);
        w = reg_alloc(fs, rsz + argslots > resslots ? rsz + argslots : resslots);
        gen_receiver(fs, sel, fun->u.selector.x, w);
        gen_args(fs, call, sig, w + rsz);
        set_line(fs, call->pos);
        emit_bx(fs, OP_CALL, w, add_k_ptr(fs, func_of(fs->s, m)));
    } else if (sel && sel->kind == SEL_IFACE_METHOD) {
        int iv = gen_iface_receiver(fs, sel, fun->u.selector.x);
        w = reg_alloc(fs, 1 + (argslots > resslots ? argslots : resslots));
        gen_args(fs, call, sig, w + 1);
        const char *mname = sel->iface->under->imethods[sel->imethod].name;
        set_line(fs, call->pos);
        emit(fs, OP_CALLIFACE, w, iv, add_k_ptr(fs, mname));
    } else {
        int f = expr_any(fs, fun);
        w = reg_alloc(fs, argslots > resslots ? argslots : resslots);
        gen_args(fs, call, sig, w);
        set_line(fs, call->pos);
        emit(fs, OP_CALLCL, w, f, 0);
    }
    fs->freereg = w + resslots;
    if (fs->freereg > fs->maxreg) fs->maxreg = fs->freereg;
    return w;
}

/* --------------------------------------------------------------- go/defer */

extern Func *gen_builtin_thunk(FS *outer, Expr *call, Type **argtypes, int nargs);

int gen_deferred_call(FS *fs, Expr *call, int *nslots) {
    Expr *fun = unparen(call->u.call.fun);
    int w;
    if (fun->mode == MODE_BUILTIN) {
        ExprList *args = &call->u.call.args;
        Type **ts = gc_alloc(sizeof(Type *) * (size_t)(args->len + 1));
        int total = 0;
        for (int i = 0; i < args->len; i++) {
            ts[i] = args->items[i]->type;
            if (type_is_untyped(ts[i])) ts[i] = default_type(ts[i]);
            total += tsize(ts[i]);
        }
        Func *thunk = gen_builtin_thunk(fs, call, ts, args->len);
        int hoisted = hoist_unpacked_results(fs, call);
        w = reg_alloc(fs, 1 + total);
        emit_bx(fs, OP_LOADK, w, add_k_ptr(fs, static_closure(thunk)));
        int off = w + 1;
        for (int i = 0; i < args->len; i++) {
            expr_to_type(fs, args->items[i], ts[i], off);
            off += tsize(ts[i]);
        }
        hoist_end(fs, hoisted);
        *nslots = total;
        return w;
    }
    Type *sig = fun->type->under;
    int argslots = (int)slots(sig->params, sig->nparams);
    Selection *sel = fun->kind == E_SELECTOR ? fun->aux : NULL;
    Object *fobj = NULL;
    if (fun->kind == E_IDENT && fun->obj && fun->obj->kind == OBJ_FUNC) fobj = fun->obj;
    if (sel && sel->kind == SEL_QUALIFIED && fun->obj->kind == OBJ_FUNC) fobj = fun->obj;
    if (fobj) {
        w = reg_alloc(fs, 1 + argslots);
        emit_bx(fs, OP_LOADK, w, add_k_ptr(fs, static_closure(func_of(fs->s, fobj))));
        gen_args(fs, call, sig, w + 1);
        *nslots = argslots;
        return w;
    }
    if (sel && sel->kind == SEL_METHOD) {
        Object *m = sel->method;
        int rsz = tsize(m->type->params[0]);
        w = reg_alloc(fs, 1 + rsz + argslots);
        emit_bx(fs, OP_LOADK, w, add_k_ptr(fs, static_closure(func_of(fs->s, m))));
        gen_receiver(fs, sel, fun->u.selector.x, w + 1);
        gen_args(fs, call, sig, w + 1 + rsz);
        *nslots = rsz + argslots;
        return w;
    }
    /* function values, interface methods (as bound method values) */
    int f = reg_alloc(fs, 1);
    expr_to(fs, fun, f);
    w = reg_alloc(fs, 1 + argslots);
    emit_move(fs, w, f, 1);
    gen_args(fs, call, sig, w + 1);
    *nslots = argslots;
    return w;
}

/* ------------------------------------------------------------- comma-ok */

void gen_commaok(FS *fs, Expr *e, int dst, int okreg) {
    e = unparen(e);
    switch (e->kind) {
    case E_INDEX: {
        Expr *x = e->u.index.x;
        Type *mt = x->type->under;
        int m = expr_any(fs, x);
        int k = reg_alloc(fs, tsize(mt->key));
        expr_to_type(fs, e->u.index.indices.items[0], mt->key, k);
        emit(fs, OP_MAPGET, dst, m, k);
        emit_extra(fs, okreg, tsize(mt->elem), 0);
        return;
    }
    case E_TYPEASSERT: {
        int iv = expr_any(fs, e->u.typeassert.x);
        emit(fs, OP_ASSERT, dst, iv, add_k_ptr(fs, e->type));
        emit_extra(fs, okreg, add_k_ptr(fs, e->u.typeassert.x->type), 0);
        return;
    }
    case E_UNARY: {
        int ch = expr_any(fs, e->u.unary.x);
        set_line(fs, e->pos);
        emit(fs, OP_RECV, dst, ch, okreg);
        return;
    }
    default: goi_panic_internal("comma-ok on %d", e->kind);
    }
}

/* ---------------------------------------------------------- conversions */

static void gen_conversion(FS *fs, Expr *call, int dst) {
    Type *to = call->type;
    Expr *x = call->u.call.args.items[0];
    Type *from = x->type;
    Type *fu = from->under, *tu = to->under;
    if (call->mode == MODE_CONST) {
        load_const(fs, call->cv, to, dst);
        return;
    }
    if (is_iface(to)) {
        expr_to_type(fs, x, to, dst);
        return;
    }
    if (from == t_untyped_nil || is_nil(x)) {
        emit_zero(fs, dst, tsize(to));
        return;
    }
    if (tu->kind == KIND_STRING && fu->kind != KIND_STRING) {
        int r = expr_any(fs, x);
        if (fu->kind == KIND_SLICE) emit(fs, fu->elem->under->kind == KIND_UINT8 ? OP_BYTES2STR : OP_RUNES2STR, dst, r, 0);
        else emit(fs, OP_RUNE2STR, dst, r, type_is_unsigned(fu) ? 1 : 0);
        return;
    }
    if (fu->kind == KIND_STRING && tu->kind == KIND_SLICE) {
        int r = expr_any(fs, x);
        emit(fs, tu->elem->under->kind == KIND_UINT8 ? OP_STR2BYTES : OP_STR2RUNES, dst, r, 0);
        return;
    }
    bool fi = type_is_integer(fu), ti = type_is_integer(tu);
    bool ff = type_is_float(fu), tf = type_is_float(tu);
    if (fi && ti) {
        expr_to(fs, x, dst);
        if (type_int_bits(tu) < 64 || type_int_bits(tu) < type_int_bits(fu) || type_is_unsigned(fu) != type_is_unsigned(tu))
            normalize(fs, to, dst);
        return;
    }
    if (fi && tf) {
        int r = expr_any(fs, x);
        emit(fs, type_is_unsigned(fu) ? OP_U2F : OP_I2F, dst, r, 0);
        normalize(fs, to, dst);
        return;
    }
    if (ff && ti) {
        int r = expr_any(fs, x);
        emit(fs, type_is_unsigned(tu) && type_int_bits(tu) == 64 ? OP_F2U : OP_F2I, dst, r, 0);
        normalize(fs, to, dst);
        return;
    }
    if (ff && tf) {
        expr_to(fs, x, dst);
        normalize(fs, to, dst);
        return;
    }
    if (type_is_complex(fu) && type_is_complex(tu)) {
        expr_to(fs, x, dst);
        normalize(fs, to, dst);
        return;
    }
    if (fu->kind == KIND_SLICE && tu->kind == KIND_POINTER) {
        /* (*[N]T)(s): the slice's pointer, once its length is checked */
        int r = expr_any(fs, x);
        emit(fs, OP_SLICE2ARRP, dst, r, add_k(fs, (Value){.i = tu->elem->under->len}));
        return;
    }
    /* same representation (named types, pointers, structs ignoring tags...) */
    expr_to(fs, x, dst);
}

/* ------------------------------------------------------------- built-ins */

/* The value of argument i: in a register already (thunks), or evaluated. */
static int arg_reg(FS *fs, Expr *call, int i, int *argregs) {
    if (argregs) return argregs[i];
    return expr_any(fs, call->u.call.args.items[i]);
}

static void arg_to(FS *fs, Expr *call, int i, int *argregs, Type *t, int dst) {
    if (argregs) {
        convert_to(fs, call->u.call.args.items[i]->type == t_untyped_nil ? t : default_type(call->u.call.args.items[i]->type), t, argregs[i], dst);
        return;
    }
    expr_to_type(fs, call->u.call.args.items[i], t, dst);
}

void gen_builtin_on_regs(FS *fs, Expr *call, int *regs) {
    /* defer recover(): recover is then the deferred function, not called by
     * one, so it recovers nothing (spec: Handling panics) */
    if (unparen(call->u.call.fun)->obj->builtin == BI_RECOVER) return;
    gen_builtin(fs, call, fs->freereg, regs);
}

/* A built-in called as f(g()) with a g of several results (the checker's
 * unpack_results): evaluate g and let the arguments read its results.
 * Returns the mark for hoist_end. */
static int hoist_unpacked_results(FS *fs, Expr *call) {
    ExprList *args = &call->u.call.args;
    int saved = fs->hoisted.len;
    if (!args->len || args->items[0]->kind != E_BAD || !args->items[0]->aux) return saved;
    Expr *g = args->items[0]->aux;
    int w = gen_call(fs, g), off = 0;
    for (int i = 0; i < args->len; i++) {
        vec_push(&fs->hoisted, ((Hoisted){args->items[i], w + off}));
        off += tsize(g->type->results[i]);
    }
    return saved;
}

static void gen_builtin_args(FS *fs, Expr *call, int dst, int *argregs);

static void gen_builtin(FS *fs, Expr *call, int dst, int *argregs) {
    int hoisted = argregs ? fs->hoisted.len : hoist_unpacked_results(fs, call);
    gen_builtin_args(fs, call, dst, argregs);
    hoist_end(fs, hoisted);
}

static void gen_builtin_args(FS *fs, Expr *call, int dst, int *argregs) {
    Expr *fun = unparen(call->u.call.fun);
    BuiltinId id = fun->obj->builtin;
    ExprList *args = &call->u.call.args;
    set_line(fs, call->pos);
    if (call->mode == MODE_CONST) {
        load_const(fs, call->cv, call->type, dst);
        return;
    }
    switch (id) {
    case BI_LEN:
    case BI_CAP: {
        Expr *x = args->items[0];
        Type *u = x->type->under;
        int r = arg_reg(fs, call, 0, argregs);
        switch (u->kind) {
        case KIND_STRING: emit_move(fs, dst, r + 1, 1); break;
        case KIND_SLICE: emit_move(fs, dst, r + (id == BI_LEN ? 1 : 2), 1); break;
        case KIND_MAP: emit(fs, OP_MAPLEN, dst, r, 0); break;
        case KIND_CHAN: emit(fs, id == BI_LEN ? OP_CHANLEN : OP_CHANCAP, dst, r, 0); break;
        case KIND_POINTER: load_const(fs, cv_int64(u->elem->under->len), t_int, dst); break;
        default: load_const(fs, cv_int64(u->len), t_int, dst); break;
        }
        return;
    }
    case BI_APPEND: {
        Type *st = call->type;
        Type *et = st->under->elem;
        arg_to(fs, call, 0, argregs, st, dst);
        if (call->u.call.has_ellipsis) {
            int r = arg_reg(fs, call, 1, argregs);
            emit(fs, OP_APPENDSL, dst, r, call->aux == (void *)1 ? 1 : 0);
            emit_extra(fs, add_k_ptr(fs, et), 0, 0);
            return;
        }
        int n = args->len - 1;
        if (n == 0) return;
        int esz = tsize(et);
        int tmp = reg_alloc(fs, n * esz);
        for (int i = 0; i < n; i++) arg_to(fs, call, i + 1, argregs, et, tmp + i * esz);
        emit(fs, OP_APPEND, dst, tmp, n);
        emit_extra(fs, add_k_ptr(fs, et), 0, 0);
        return;
    }
    case BI_COPY: {
        int d = arg_reg(fs, call, 0, argregs);
        int s = arg_reg(fs, call, 1, argregs);
        Type *et = args->items[0]->type->under->elem;
        bool str = args->items[1]->type->under->kind == KIND_STRING;
        emit(fs, OP_COPY, dst, d, s);
        emit_extra(fs, tsize(et), str ? 1 : 0, 0);
        return;
    }
    case BI_DELETE: {
        int m = arg_reg(fs, call, 0, argregs);
        Type *kt = args->items[0]->type->under->key;
        int k = reg_alloc(fs, tsize(kt));
        arg_to(fs, call, 1, argregs, kt, k);
        emit(fs, OP_MAPDEL, m, k, 0);
        return;
    }
    case BI_MAKE: {
        Type *t = call->type;
        switch (t->under->kind) {
        case KIND_SLICE: {
            int l = arg_reg(fs, call, 1, argregs);
            int c = args->len > 2 ? arg_reg(fs, call, 2, argregs) : l;
            emit(fs, OP_MKSLICE, dst, l, c);
            emit_extra(fs, add_k_ptr(fs, t->under->elem), 0, 0);
            return;
        }
        case KIND_MAP: {
            int h = args->len > 1 ? arg_reg(fs, call, 1, argregs) : NO_REG;
            emit(fs, OP_MKMAP, dst, add_k_ptr(fs, t), h);
            return;
        }
        default: {
            int c = args->len > 1 ? arg_reg(fs, call, 1, argregs) : NO_REG;
            emit(fs, OP_MKCHAN, dst, add_k_ptr(fs, t), c);
            return;
        }
        }
    }
    case BI_NEW: {
        Type *t = call->type->elem;
        emit_newbox(fs, dst, t);
        return;
    }
    case BI_PANIC: {
        int r = reg_alloc(fs, 2);
        arg_to(fs, call, 0, argregs, t_any, r);
        emit(fs, OP_PANIC, r, 0, 0);
        return;
    }
    case BI_PRINT:
    case BI_PRINTLN:
        for (int i = 0; i < args->len; i++) {
            Type *t = args->items[i]->type;
            if (type_is_untyped(t)) t = default_type(t);
            int r = arg_reg(fs, call, i, argregs);
            int flags = (id == BI_PRINTLN && i > 0) ? 1 : 0;
            if (id == BI_PRINTLN && i == args->len - 1) flags |= 2;
            emit(fs, OP_PRINT, r, add_k_ptr(fs, t), flags);
        }
        if (id == BI_PRINTLN && args->len == 0) emit(fs, OP_PRINT, 0, add_k_ptr(fs, t_invalid), 2);
        return;
    case BI_RECOVER: emit(fs, OP_RECOVER, dst, 0, 0); return;
    case BI_CLOSE: {
        int r = arg_reg(fs, call, 0, argregs);
        emit(fs, OP_CLOSE, r, 0, 0);
        return;
    }
    case BI_COMPLEX: {
        int re = arg_reg(fs, call, 0, argregs), im = arg_reg(fs, call, 1, argregs);
        emit_move(fs, dst, re, 1);
        emit_move(fs, dst + 1, im, 1);
        return;
    }
    case BI_REAL:
    case BI_IMAG: {
        int r = arg_reg(fs, call, 0, argregs);
        emit_move(fs, dst, r + (id == BI_IMAG), 1);
        return;
    }
    case BI_MIN:
    case BI_MAX: {
        Type *t = call->type;
        arg_to(fs, call, 0, argregs, t, dst);
        for (int i = 1; i < args->len; i++) {
            int r = reg_alloc(fs, tsize(t));
            arg_to(fs, call, i, argregs, t, r);
            if (type_is_float(t->under)) { /* NaNs and signed zeros: the VM follows Go's rules */
                emit(fs, id == BI_MIN ? OP_FMIN : OP_FMAX, dst, dst, r);
                continue;
            }
            int b = reg_alloc(fs, 1);
            /* min: take r when r < dst */
            if (id == BI_MIN) gen_compare(fs, TK_LSS, t, r, dst, b);
            else gen_compare(fs, TK_GTR, t, r, dst, b);
            int j = emit_cond_jump(fs, OP_JF, b, 0);
            emit_move(fs, dst, r, tsize(t));
            patch_here(fs, j);
        }
        return;
    }
    case BI_CLEAR: {
        int r = arg_reg(fs, call, 0, argregs);
        Type *u = args->items[0]->type->under;
        if (u->kind == KIND_MAP) emit(fs, OP_MAPCLEAR, r, 0, 0);
        else {
            emit(fs, OP_SLICECLEAR, r, 0, 0);
            emit_extra(fs, tsize(u->elem), 0, 0);
        }
        return;
    }
    default: goi_panic_internal("built-in %d", id);
    }
}

/* ------------------------------------------------------ composite literals */

static void gen_composite(FS *fs, Expr *e, int dst) {
    Type *t = e->type, *u = t->under;
    ExprList *elts = &e->u.composite.elts;
    switch (u->kind) {
    case KIND_STRUCT:
        emit_zero(fs, dst, tsize(t));
        for (int i = 0; i < elts->len; i++) {
            Expr *v = elts->items[i];
            int fi = i;
            if (v->kind == E_KEYVALUE) {
                fi = (int)(intptr_t)v->u.binary.x->aux - 1;
                v = v->u.binary.y;
            }
            StructField *f = &u->fields[fi];
            int mark = fs->freereg;
            expr_to_type(fs, v, f->type, dst + (int)f->offset);
            fs->freereg = mark;
        }
        return;
    case KIND_ARRAY: {
        emit_zero(fs, dst, tsize(t));
        int esz = tsize(u->elem);
        int64_t idx = 0;
        for (int i = 0; i < elts->len; i++) {
            Expr *v = elts->items[i];
            if (v->kind == E_KEYVALUE) {
                idx = cv_int64_val(cv_to_int(v->u.binary.x->cv));
                v = v->u.binary.y;
            }
            int mark = fs->freereg;
            expr_to_type(fs, v, u->elem, dst + (int)(idx * esz));
            fs->freereg = mark;
            idx++;
        }
        return;
    }
    case KIND_SLICE: {
        int esz = tsize(u->elem);
        bool keyed = false;
        int64_t idx = 0, len = 0;
        for (int i = 0; i < elts->len; i++) {
            Expr *v = elts->items[i];
            if (v->kind == E_KEYVALUE) {
                keyed = true;
                idx = cv_int64_val(cv_to_int(v->u.binary.x->cv));
            }
            idx++;
            if (idx > len) len = idx;
        }
        if (!keyed && elts->len <= 64) {
            int tmp = reg_alloc(fs, elts->len * esz + 1);
            for (int i = 0; i < elts->len; i++) {
                int mark = fs->freereg;
                expr_to_type(fs, elts->items[i], u->elem, tmp + i * esz);
                fs->freereg = mark;
            }
            emit(fs, OP_SLICELIT, dst, tmp, elts->len);
            emit_extra(fs, add_k_ptr(fs, u->elem), 0, 0);
            return;
        }
        int l = reg_alloc(fs, 1);
        load_const(fs, cv_int64(len), t_int, l);
        emit(fs, OP_MKSLICE, dst, l, l);
        emit_extra(fs, add_k_ptr(fs, u->elem), 0, 0);
        idx = 0;
        for (int i = 0; i < elts->len; i++) {
            Expr *v = elts->items[i];
            if (v->kind == E_KEYVALUE) {
                idx = cv_int64_val(cv_to_int(v->u.binary.x->cv));
                v = v->u.binary.y;
            }
            int mark = fs->freereg;
            int ir = reg_alloc(fs, 1);
            load_const(fs, cv_int64(idx), t_int, ir);
            int vr = reg_alloc(fs, esz);
            expr_to_type(fs, v, u->elem, vr);
            emit(fs, OP_SETINDEX, dst, ir, vr);
            emit_extra(fs, esz, 0, 0);
            fs->freereg = mark;
            idx++;
        }
        return;
    }
    case KIND_MAP: {
        int h = reg_alloc(fs, 1);
        load_const(fs, cv_int64(elts->len), t_int, h);
        emit(fs, OP_MKMAP, dst, add_k_ptr(fs, t), h);
        for (int i = 0; i < elts->len; i++) {
            Expr *kv = elts->items[i];
            int mark = fs->freereg;
            int k = reg_alloc(fs, tsize(u->key));
            expr_to_type(fs, kv->u.binary.x, u->key, k);
            int v = reg_alloc(fs, tsize(u->elem));
            expr_to_type(fs, kv->u.binary.y, u->elem, v);
            emit(fs, OP_MAPSET, dst, k, v);
            fs->freereg = mark;
        }
        return;
    }
    default: goi_panic_internal("composite literal of %s", type_string(t));
    }
}

/* ------------------------------------------------------------ expressions */

static void gen_slice_expr(FS *fs, Expr *e, int dst) {
    Expr *x = e->u.slice.x;
    Type *u = x->type->under;
    int kind, base, esz = 0;
    int64_t alen = 0;
    if (u->kind == KIND_STRING) {
        kind = SLICE_OF_STRING;
        base = expr_any(fs, x);
    } else if (u->kind == KIND_SLICE) {
        kind = SLICE_OF_SLICE;
        base = expr_any(fs, x);
        esz = tsize(u->elem);
    } else if (u->kind == KIND_POINTER) {
        kind = SLICE_OF_ARRAY;
        base = expr_any(fs, x);
        esz = tsize(u->elem->under->elem);
        alen = u->elem->under->len;
    } else {
        kind = SLICE_OF_ARRAY;
        base = gen_addr(fs, x);
        esz = tsize(u->elem);
        alen = u->len;
    }
    int idx = reg_alloc(fs, 3);
    int flags = kind;
    if (e->u.slice.lo) {
        expr_to(fs, e->u.slice.lo, idx);
        flags |= SLICE_HAS_LO;
    }
    if (e->u.slice.hi) {
        expr_to(fs, e->u.slice.hi, idx + 1);
        flags |= SLICE_HAS_HI;
    }
    if (e->u.slice.max) {
        expr_to(fs, e->u.slice.max, idx + 2);
        flags |= SLICE_HAS_MAX;
    }
    emit(fs, OP_SLICE, dst, base, idx);
    emit_extra(fs, flags | (int)((alen >> 16) << 5), esz, (int)(alen & 0xffff));
}

/* Bound method value x.M: a closure over a copy of the receiver. */
/* A method value x.M binds its receiver when it is evaluated, as Go does:
 * the receiver the method takes (after embedded fields, & and *) is copied
 * into a box that the closure captures, so later changes to x do not show
 * and a nil pointer or nil interface on the way panics here, not at the call. */
static void gen_method_value(FS *fs, Expr *e, int dst) {
    Selection *sel = e->aux;
    Expr *x = e->u.selector.x;
    Selection bound = {.kind = sel->kind, .method = sel->method, .imethod = sel->imethod, .iface = sel->iface};
    int v;
    if (sel->kind == SEL_METHOD) {
        bound.base = sel->method->type->params[0];
        v = reg_alloc(fs, tsize(bound.base));
        gen_receiver(fs, sel, x, v);
    } else {
        bound.base = sel->iface;
        v = gen_iface_receiver(fs, sel, x);
        int z = reg_alloc(fs, 1);
        emit(fs, OP_LOADP, z, v, 1); /* panics on a nil interface (its type word) */
    }
    int box = reg_alloc(fs, 1);
    emit_newbox_n(fs, box, (uint32_t)tsize(bound.base), true);
    emit(fs, OP_STORE, box, v, tsize(bound.base));
    Func *w = gen_wrapper_bound_method(fs, &bound, e->type);
    emit_bx(fs, OP_CLOSURE, dst, add_k_ptr(fs, w));
    emit(fs, OP_CAPLOCAL, box, 0, 0);
}

extern Func *gen_method_expr(Session *s, Type *recv, Selection *sel, Type *sig);

void expr_to(FS *fs, Expr *e, int dst) {
    int mark = fs->freereg;
    if (dst + tsize(e->type) > mark && dst < mark) mark = dst + tsize(e->type);
    int h = hoisted_reg(fs, e);
    if (h >= 0) {
        emit_move(fs, dst, h, tsize(e->type));
        return;
    }
    set_line(fs, e->pos);
    if (e->mode == MODE_CONST) {
        load_const(fs, e->cv, e->type, dst);
        return;
    }
    switch (e->kind) {
    case E_IDENT: {
        Object *o = e->obj;
        if (!o || o->kind == OBJ_NIL) {
            emit_zero(fs, dst, tsize(e->type));
            break;
        }
        if (o->kind == OBJ_FUNC) {
            emit_bx(fs, OP_LOADK, dst, add_k_ptr(fs, static_closure(func_of(fs->s, o))));
            break;
        }
        LValue lv = var_lvalue(fs, o);
        lv_load(fs, &lv, dst);
        break;
    }
    case E_PAREN: expr_to(fs, e->u.unary.x, dst); break;
    case E_FUNCLIT: gen_funclit(fs, e, dst); break;
    case E_COMPOSITELIT: {
        int tmp = reg_alloc(fs, tsize(e->type));
        gen_composite(fs, e, tmp);
        emit_move(fs, dst, tmp, tsize(e->type));
        break;
    }
    case E_SELECTOR: {
        Selection *sel = e->aux;
        switch (sel->kind) {
        case SEL_QUALIFIED:
            if (e->obj->kind == OBJ_FUNC) emit_bx(fs, OP_LOADK, dst, add_k_ptr(fs, static_closure(func_of(fs->s, e->obj))));
            else {
                LValue lv = var_lvalue(fs, e->obj);
                lv_load(fs, &lv, dst);
            }
            break;
        case SEL_FIELD: {
            LValue lv = gen_lvalue(fs, e);
            lv_load(fs, &lv, dst);
            break;
        }
        case SEL_METHOD:
        case SEL_IFACE_METHOD: gen_method_value(fs, e, dst); break;
        case SEL_METHOD_EXPR: {
            Func *f = gen_method_expr(fs->s, e->u.selector.x->type, sel, e->type);
            emit_bx(fs, OP_LOADK, dst, add_k_ptr(fs, static_closure(f)));
            break;
        }
        }
        break;
    }
    case E_INDEX: {
        Expr *x = e->u.index.x;
        if (x->type->under->kind == KIND_STRING) {
            int s = expr_any(fs, x);
            int i = expr_any(fs, e->u.index.indices.items[0]);
            emit(fs, OP_SINDEX, dst, s, i);
            break;
        }
        LValue lv = gen_lvalue(fs, e);
        lv_load(fs, &lv, dst);
        break;
    }
    case E_SLICE: gen_slice_expr(fs, e, dst); break;
    case E_TYPEASSERT: {
        int iv = expr_any(fs, e->u.typeassert.x);
        emit(fs, OP_ASSERT, dst, iv, add_k_ptr(fs, e->type));
        emit_extra(fs, NO_REG, add_k_ptr(fs, e->u.typeassert.x->type), 0);
        break;
    }
    case E_CALL: {
        Expr *fun = unparen(e->u.call.fun);
        if (fun->mode == MODE_TYPE) {
            gen_conversion(fs, e, dst);
            break;
        }
        if (fun->mode == MODE_BUILTIN) {
            gen_builtin(fs, e, dst, NULL);
            break;
        }
        int w = gen_call(fs, e);
        emit_move(fs, dst, w, tsize(e->type));
        break;
    }
    case E_STAR: {
        int p = expr_any(fs, e->u.unary.x);
        emit(fs, OP_LOADP, dst, p, tsize(e->type));
        break;
    }
    case E_UNARY: {
        Expr *x = e->u.unary.x;
        switch (e->u.unary.op) {
        case TK_AND: {
            int p = gen_addr(fs, x);
            emit_move(fs, dst, p, 1);
            break;
        }
        case TK_SUB: {
            int r = expr_any(fs, x);
            Type *u = e->type->under;
            if (type_is_float(u)) emit(fs, OP_FNEG, dst, r, 0);
            else if (type_is_complex(u)) {
                emit(fs, OP_FNEG, dst, r, 0);
                emit(fs, OP_FNEG, dst + 1, r + 1, 0);
            } else {
                emit(fs, OP_NEG, dst, r, 0);
                normalize(fs, e->type, dst);
            }
            break;
        }
        case TK_ADD: expr_to(fs, x, dst); break;
        case TK_NOT: {
            int r = expr_any(fs, x);
            emit(fs, OP_NOT, dst, r, 0);
            break;
        }
        case TK_XOR: {
            int r = expr_any(fs, x);
            emit(fs, OP_BNOT, dst, r, 0);
            normalize(fs, e->type, dst);
            break;
        }
        case TK_ARROW: {
            int ch = expr_any(fs, x);
            set_line(fs, e->pos);
            emit(fs, OP_RECV, dst, ch, NO_REG);
            break;
        }
        default: goi_panic_internal("unary %s", token_spelling(e->u.unary.op));
        }
        break;
    }
    case E_BINARY: gen_binary(fs, e, dst); break;
    default: goi_panic_internal("expression kind %d", e->kind);
    }
    fs->freereg = mark;
}

int expr_any(FS *fs, Expr *e) {
    Expr *u = unparen(e);
    int h = hoisted_reg(fs, u);
    if (h >= 0) return h;
    if (u->mode != MODE_CONST && u->kind == E_IDENT && u->obj && u->obj->kind == OBJ_VAR && !u->obj->is_global &&
        !obj_boxed(u->obj) && u->obj->owner == fs->fc)
        return u->obj->reg;
    /* fields of register-resident structs need no code */
    if (u->mode == MODE_VAR && u->kind == E_SELECTOR && ((Selection *)u->aux)->kind == SEL_FIELD) {
        Selection *sel = u->aux;
        bool direct = true;
        for (int i = 0; i < sel->nsteps; i++)
            if (sel->steps[i].deref) direct = false;
        Expr *root = unparen(u->u.selector.x);
        if (direct && root->kind == E_IDENT && root->obj && root->obj->kind == OBJ_VAR && !root->obj->is_global &&
            !obj_boxed(root->obj) && root->obj->owner == fs->fc && root->type->under->kind == KIND_STRUCT) {
            int r = root->obj->reg;
            Type *t = root->type;
            for (int i = 0; i < sel->nsteps; i++) {
                StructField *f = &t->under->fields[sel->steps[i].field];
                r += (int)f->offset;
                t = f->type;
            }
            return r;
        }
    }
    /* a call's results already sit in its window */
    if (u->kind == E_CALL && u->mode != MODE_CONST && unparen(u->u.call.fun)->mode != MODE_TYPE &&
        unparen(u->u.call.fun)->mode != MODE_BUILTIN && u->type->kind != KIND_TUPLE) {
        set_line(fs, u->pos);
        return gen_call(fs, u);
    }
    int r = reg_alloc(fs, tsize(e->type) ? tsize(e->type) : 1);
    expr_to(fs, e, r);
    return r;
}
