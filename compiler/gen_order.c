/* gen_order.c - gc's evaluation order within a statement.
 *
 * The spec fixes only the order of calls, method calls, receives and
 * logical operators ("lexical left-to-right"); when a variable is read
 * relative to a call in the same statement is unspecified. gc (its "order"
 * pass) evaluates every call (built-ins with results included) and receive
 * of a statement first, left to right, into temporaries, and reads the other
 * operands afterwards, so
 *
 *     i := 0; f := func() int { i++; return 10 }
 *     fmt.Println(i, f())   // gc prints "1 10"
 *     a[i] = f()            // assigns a[2]
 *
 * goi reproduces that: before a statement's expressions are generated,
 * hoist_calls evaluates their calls into registers (in evaluation order)
 * and records them in FS.hoisted; expr_to, expr_any, gen_call and cond_jump
 * then use the recorded register instead of calling again. Hoisting is only
 * done when it can make a difference: when some call follows the read of a
 * variable that a call could change (a global, a variable living in a heap
 * box, memory reached through a pointer, a slice or a map). Register-
 * resident locals cannot change behind the statement's back.
 *
 * Operands of && and || are evaluated conditionally: a logical expression
 * that contains a call is hoisted as a whole, at its place in the order.
 * Function literals are separate functions and are not entered.
 */
#include "gen.h"

static Expr *unparen(Expr *e) {
    while (e && e->kind == E_PAREN) e = e->u.unary.x;
    return e;
}

/* A call (not a conversion) whose single value can be kept in registers.
 * gc orders calls of built-ins with results (len, append, real...) as it
 * orders other calls: in `a, b := len(s), f()` len reads s before f runs. */
static bool is_value_call(Expr *e) {
    if (e->kind != E_CALL || e->mode == MODE_CONST) return false;
    Expr *fun = unparen(e->u.call.fun);
    if (fun->mode == MODE_TYPE) return false;
    return e->type && e->type->kind != KIND_TUPLE && e->mode != MODE_NOVALUE;
}

static bool is_logical(Expr *e) {
    return e->kind == E_BINARY && (e->u.binary.op == TK_LAND || e->u.binary.op == TK_LOR);
}

/* Does e contain a call or receive (outside function literals)? */
static bool has_call(Expr *e) {
    e = unparen(e);
    if (!e || e->mode == MODE_CONST || e->mode == MODE_TYPE) return false;
    switch (e->kind) {
    case E_CALL: {
        Expr *fun = unparen(e->u.call.fun);
        if (fun->mode != MODE_TYPE && fun->mode != MODE_BUILTIN) return true;
        for (int i = 0; i < e->u.call.args.len; i++)
            if (has_call(e->u.call.args.items[i])) return true;
        return false;
    }
    case E_UNARY:
        return e->u.unary.op == TK_ARROW || has_call(e->u.unary.x);
    case E_STAR: return has_call(e->u.unary.x);
    case E_BINARY:
    case E_KEYVALUE: return has_call(e->u.binary.x) || has_call(e->u.binary.y);
    case E_SELECTOR: return has_call(e->u.selector.x);
    case E_INDEX:
        return has_call(e->u.index.x) || (e->u.index.indices.len && has_call(e->u.index.indices.items[0]));
    case E_SLICE:
        return has_call(e->u.slice.x) || has_call(e->u.slice.lo) || has_call(e->u.slice.hi) ||
               has_call(e->u.slice.max);
    case E_TYPEASSERT: return has_call(e->u.typeassert.x);
    case E_COMPOSITELIT:
        for (int i = 0; i < e->u.composite.elts.len; i++)
            if (has_call(e->u.composite.elts.items[i])) return true;
        return false;
    default: return false;
    }
}

/* The walk below visits a statement's operands in the order the generator
 * evaluates them. In SCAN mode it only finds out whether some call follows
 * a read that a call could change; in HOIST mode it evaluates the calls. */
typedef enum { SCAN, HOIST } OrderMode;

typedef struct OrderWalk {
    FS *fs;
    OrderMode mode;
    bool volatile_read; /* SCAN: a changeable value was read */
    bool needed;        /* SCAN: a call came after such a read */
} OrderWalk;

static void walk(OrderWalk *w, Expr *e, bool top);

static void walk_list(OrderWalk *w, ExprList *l) {
    for (int i = 0; i < l->len; i++) walk(w, l->items[i], false);
}

/* Could a call change what reading e yields? */
static bool is_volatile_read(Expr *e) {
    switch (e->kind) {
    case E_IDENT:
        return e->obj && e->obj->kind == OBJ_VAR && (e->obj->is_global || obj_boxed(e->obj));
    case E_STAR: return true;
    case E_SELECTOR: {
        Selection *sel = e->aux;
        if (!sel || sel->kind != SEL_FIELD) return false;
        for (int i = 0; i < sel->nsteps; i++)
            if (sel->steps[i].deref) return true;
        return false;
    }
    case E_INDEX: {
        Kind k = e->u.index.x->type->under->kind;
        return k == KIND_SLICE || k == KIND_MAP || k == KIND_POINTER;
    }
    default: return false;
    }
}

/* A call (or receive, or logical expression with calls) at its place in
 * the order: SCAN notes it, HOIST evaluates it into fresh registers. */
static void order_point(OrderWalk *w, Expr *e, bool top) {
    if (w->mode == SCAN) {
        if (w->volatile_read) w->needed = true;
        return;
    }
    if (top) return; /* the statement's own call, evaluated where it stands */
    FS *fs = w->fs;
    int size = (int)e->type->size;
    int r = reg_alloc(fs, size ? size : 1);
    expr_to(fs, e, r);
    vec_push(&fs->hoisted, ((Hoisted){e, r}));
    fs->freereg = r + (size ? size : 1);
    if (fs->freereg > fs->maxreg) fs->maxreg = fs->freereg;
}

static void walk(OrderWalk *w, Expr *e, bool top) {
    e = unparen(e);
    if (!e || e->mode == MODE_CONST || e->mode == MODE_TYPE || e->kind == E_FUNCLIT) return;
    switch (e->kind) {
    case E_CALL: {
        Expr *fun = unparen(e->u.call.fun);
        if (fun->mode != MODE_TYPE && fun->mode != MODE_BUILTIN) walk(w, fun, false);
        walk_list(w, &e->u.call.args);
        if (is_value_call(e)) order_point(w, e, top);
        else if (w->mode == SCAN && fun->mode != MODE_TYPE && fun->mode != MODE_BUILTIN && w->volatile_read)
            w->needed = true; /* a tuple call */
        break;
    }
    case E_UNARY:
        walk(w, e->u.unary.x, false);
        if (e->u.unary.op == TK_ARROW) order_point(w, e, top);
        break;
    case E_STAR: walk(w, e->u.unary.x, false); break;
    case E_BINARY:
        if (is_logical(e)) {
            /* the right operand runs only sometimes: keep it in place, or
             * evaluate the whole expression here when it calls something */
            walk(w, e->u.binary.x, false);
            if (has_call(e->u.binary.y)) order_point(w, e, top);
            break;
        }
        walk(w, e->u.binary.x, false);
        walk(w, e->u.binary.y, false);
        break;
    case E_KEYVALUE:
        walk(w, e->u.binary.x, false);
        walk(w, e->u.binary.y, false);
        break;
    case E_SELECTOR: {
        Selection *sel = e->aux;
        if (!sel || sel->kind != SEL_QUALIFIED) walk(w, e->u.selector.x, false);
        break;
    }
    case E_INDEX:
        walk(w, e->u.index.x, false);
        walk_list(w, &e->u.index.indices);
        break;
    case E_SLICE:
        walk(w, e->u.slice.x, false);
        walk(w, e->u.slice.lo, false);
        walk(w, e->u.slice.hi, false);
        walk(w, e->u.slice.max, false);
        break;
    case E_TYPEASSERT: walk(w, e->u.typeassert.x, false); break;
    case E_COMPOSITELIT: walk_list(w, &e->u.composite.elts); break;
    default: break;
    }
    if (w->mode == SCAN && is_volatile_read(e)) w->volatile_read = true; /* read after its operands */
}

/* The operands of an assignment target that are evaluated before the
 * right-hand side: x and i of x[i], p of *p, x of x.f. */
static void walk_target(OrderWalk *w, Expr *l) {
    l = unparen(l);
    switch (l->kind) {
    case E_INDEX:
        walk(w, l->u.index.x, false);
        walk_list(w, &l->u.index.indices);
        break;
    case E_STAR: walk(w, l->u.unary.x, false); break;
    case E_SELECTOR: walk(w, l->u.selector.x, false); break;
    default: break;
    }
}

static void walk_stmt_exprs(OrderWalk *w, ExprList *targets, ExprList *values, bool values_top) {
    if (targets)
        for (int i = 0; i < targets->len; i++) walk_target(w, targets->items[i]);
    for (int i = 0; values && i < values->len; i++) walk(w, values->items[i], values_top);
}

int hoist_calls(FS *fs, ExprList *targets, ExprList *values, bool values_top) {
    int saved = fs->hoisted.len;
    OrderWalk w = {.fs = fs, .mode = SCAN};
    walk_stmt_exprs(&w, targets, values, values_top);
    if (!w.needed) return saved;
    w.mode = HOIST;
    walk_stmt_exprs(&w, targets, values, values_top);
    return saved;
}

int hoist_calls_in(FS *fs, Expr *e, bool top) {
    ExprList one = {.items = &e, .len = 1};
    return hoist_calls(fs, NULL, &one, top);
}

void hoist_end(FS *fs, int saved) { fs->hoisted.len = saved; }

int hoisted_reg(FS *fs, Expr *e) {
    if (!fs->hoisted.len) return -1;
    e = unparen(e);
    for (int i = fs->hoisted.len - 1; i >= 0; i--)
        if (fs->hoisted.items[i].e == e) return fs->hoisted.items[i].reg;
    return -1;
}
