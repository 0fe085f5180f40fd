/* check_call.c - calls, conversions and built-in functions. */
#include "internal.h"

#include <stdio.h>

static bool ordered(Type *t) {
    Type *u = t->under;
    return type_is_integer(u) || type_is_float(u) || u->kind == KIND_STRING ||
           (u->kind >= KIND_UNTYPED_INT && u->kind <= KIND_UNTYPED_FLOAT) || u->kind == KIND_UNTYPED_STRING;
}

static void invalid(Expr *e) {
    e->mode = MODE_INVALID;
    e->type = t_invalid;
    e->cv = NULL;
}

/* "(int, string)" / "(number, string)" lists of gc's have/want notes: an
 * untyped numeric constant is a "number", other untyped values drop the
 * "untyped"; a multi-value call contributes its results. */
const char *types_summary(Expr **args, int n) {
    StrBuf b;
    sb_init(&b);
    sb_putc(&b, '(');
    for (int i = 0; i < n; i++) {
        if (i) sb_puts(&b, ", ");
        Type *t = args[i]->type;
        if (!t || args[i]->mode == MODE_INVALID) sb_puts(&b, "invalid type");
        else if (t->kind == KIND_TUPLE) {
            for (int k = 0; k < t->nresults; k++) {
                if (k) sb_puts(&b, ", ");
                sb_puts(&b, type_str(t->results[k]));
            }
        } else if (t == t_untyped_nil) sb_puts(&b, "nil");
        else if (t->kind == KIND_UNTYPED_BOOL) sb_puts(&b, "bool");
        else if (t->kind == KIND_UNTYPED_STRING) sb_puts(&b, "string");
        else if (type_is_untyped(t)) sb_puts(&b, "number");
        else sb_puts(&b, type_str(t));
    }
    sb_putc(&b, ')');
    return b.data;
}

static const char *want_list(Type *sig) {
    StrBuf b;
    sb_init(&b);
    sb_putc(&b, '(');
    for (int i = 0; i < sig->nparams; i++) {
        if (i) sb_puts(&b, ", ");
        if (i == sig->nparams - 1 && (sig->flags & TF_VARIADIC)) {
            sb_puts(&b, "...");
            sb_puts(&b, type_str(sig->params[i]->elem));
        } else {
            sb_puts(&b, type_str(sig->params[i]));
        }
    }
    sb_putc(&b, ')');
    return b.data;
}

/* The arguments of a call, spreading a single multi-valued call f(g()). */
typedef struct ArgList {
    Expr **items;
    int n;
    Type **types; /* per value */
    int nvals;
    bool spread;  /* the only argument is a multi-value call */
} ArgList;

static ArgList gather_args(Checker *c, ExprList *args, Type *sig) {
    ArgList a = {.items = args->items, .n = args->len};
    for (int i = 0; i < args->len; i++) {
        Expr *arg = args->items[i];
        /* parameter type as a hint for elided composite literals and func literals */
        Type *hint = NULL;
        if (sig && sig->kind == KIND_FUNC && i < sig->nparams) hint = sig->params[i];
        if (args->len == 1) check_multi(c, arg);
        else check_expr(c, arg, hint);
        if (arg->mode == MODE_NOVALUE || arg->mode == MODE_TYPE || arg->mode == MODE_BUILTIN ||
            arg->mode == MODE_PACKAGE)
            check_value(c, arg); /* reports, and makes the argument invalid */
    }
    if (args->len == 1 && args->items[0]->mode != MODE_INVALID && args->items[0]->type->kind == KIND_TUPLE) {
        Type *tt = args->items[0]->type;
        a.spread = true;
        a.nvals = tt->nresults;
        a.types = tt->results;
    } else {
        a.nvals = args->len;
        a.types = gc_alloc(sizeof(Type *) * (size_t)(args->len + 1));
        for (int i = 0; i < args->len; i++) a.types[i] = args->items[i]->type;
    }
    return a;
}

/* Check arguments against a signature (sig has no receiver). */
static void check_arguments(Checker *c, Expr *call, Type *sig, const char *fname) {
    ExprList *args = &call->u.call.args;
    ArgList a = gather_args(c, args, sig);
    for (int i = 0; i < args->len; i++)
        if (args->items[i]->mode == MODE_INVALID) return;
    bool variadic = (sig->flags & TF_VARIADIC) != 0;
    int np = sig->nparams;
    if (call->u.call.has_ellipsis) {
        if (!variadic) {
            errorf(c, call->pos, "cannot use ... in call to non-variadic %s", fname);
            return;
        }
        if (a.spread) {
            errorf(c, call->pos, "cannot use ... with multi-valued call");
            return;
        }
        if (a.nvals != np) {
            errorf(c, a.nvals < np ? args->items[args->len - 1]->pos : args->items[np]->pos,
                   "%s arguments in call to %s\n\thave %s\n\twant %s", a.nvals < np ? "not enough" : "too many", fname,
                   types_summary(args->items, args->len), want_list(sig));
            return;
        }
        for (int i = 0; i < np; i++) assign_to(c, args->items[i], sig->params[i], gc_sprintf("argument to %s", fname));
        return;
    }
    int fixed = variadic ? np - 1 : np;
    if (a.nvals < fixed || (!variadic && a.nvals > np)) {
        bool few = a.nvals < fixed;
        /* gc: at the first extra argument, else at the last one (or ")") */
        Pos p = few ? (args->len ? args->items[args->len - 1]->pos
                                 : call->u.call.rparen.line ? call->u.call.rparen : call->pos)
                    : (a.spread ? args->items[0]->pos : args->items[np]->pos);
        errorf(c, p, "%s arguments in call to %s\n\thave %s\n\twant %s", few ? "not enough" : "too many", fname,
               types_summary(args->items, args->len), want_list(sig));
        return;
    }
    if (a.spread) {
        for (int i = 0; i < a.nvals; i++) {
            Type *pt = i < fixed ? sig->params[i] : sig->params[np - 1]->elem;
            const char *why = NULL;
            if (!assignable(c, a.types[i], pt, &why)) {
                errorf(c, args->items[0]->pos, "cannot use %s (value of type %s) as %s value in argument to %s",
                       expr_str(args->items[0]), type_str(a.types[i]), type_str(pt), fname);
                return;
            }
        }
        return;
    }
    for (int i = 0; i < args->len; i++) {
        Type *pt = i < fixed ? sig->params[i] : sig->params[np - 1]->elem;
        assign_to(c, args->items[i], pt, gc_sprintf("argument to %s", fname));
    }
}

static void set_call_result(Expr *e, Type *sig) {
    if (sig->nresults == 0) {
        e->mode = MODE_NOVALUE;
        e->type = type_tuple(NULL, 0);
    } else if (sig->nresults == 1) {
        e->mode = MODE_VALUE;
        e->type = sig->results[0];
    } else {
        e->mode = MODE_VALUE;
        e->type = type_tuple(sig->results, sig->nresults);
    }
}

/* ------------------------------------------------------------ conversions */

static void check_conversion(Checker *c, Expr *e, Type *t) {
    ExprList *args = &e->u.call.args;
    Expr *fun = e->u.call.fun;
    while (fun->kind == E_PAREN) fun = fun->u.unary.x;
    const char *tname = expr_str(fun); /* as written: byte, not uint8 */
    if (args->len != 1) {
        errorf(c, args->len ? args->items[1]->pos : e->u.call.rparen,
               args->len ? "too many arguments in conversion to %s" : "missing argument in conversion to %s",
               type_str(t));
        for (int i = 0; i < args->len; i++) check_expr(c, args->items[i], NULL);
        invalid(e);
        return;
    }
    Expr *x = args->items[0];
    check_expr(c, x, t);
    if (x->mode == MODE_INVALID) {
        invalid(e);
        return;
    }
    if (x->mode == MODE_TYPE || x->mode == MODE_NOVALUE || x->mode == MODE_BUILTIN) {
        assign_to(c, x, t, "conversion"); /* reports the misuse */
        invalid(e);
        return;
    }
    Type *u = t->under;
    bool basic_target = u->kind <= KIND_STRING && u->kind != KIND_INVALID;
    if (x->mode == MODE_CONST && basic_target && (u->kind != KIND_STRING || type_is_untyped(x->type) ||
                                                  x->type->under->kind == KIND_STRING || is_named(x->type) ||
                                                  type_is_integer(x->type->under))) {
        /* constant conversion: T(c) is constant when representable */
        ConstVal *v = x->cv;
        ConstVal *out = NULL;
        const char *why = "";
        if (u->kind == KIND_STRING && cv_kind(v) == CV_INT) {
            /* string(65) == "A"; out-of-range runes give "\uFFFD" */
            int64_t r = cv_fits_int64(v) ? cv_int64_val(v) : -1;
            GoString s = string_from_rune(r);
            /* (string(1<<100) is "\uFFFD" too: the operand need not fit an int) */
            if (type_is_untyped(x->type) && r >= 0)
                convert_untyped(c, x, x->type->kind == KIND_UNTYPED_RUNE ? t_int32 : t_int);
            e->mode = MODE_CONST;
            e->cv = cv_string((const char *)s.ptr, (size_t)s.len);
            e->type = t;
            return;
        }
        if (!cv_representable(v, t, &out, &why)) {
            /* gc: an integer constant converted to an integer type can only
             * overflow, and says so concisely (go.dev/issue/63563) */
            bool int_const = type_is_integer(x->type->under) || x->type->kind == KIND_UNTYPED_INT ||
                             x->type->kind == KIND_UNTYPED_RUNE;
            if (int_const && type_is_integer(u))
                errorf(c, x->pos, "constant %s overflows %s", cv_repr(v), tname);
            else
                errorf(c, x->pos, "cannot convert %s to type %s", operand_str(c, x), tname);
            invalid(e);
            return;
        }
        if (type_is_untyped(x->type)) {
            Type *xt = default_type(x->type);
            /* keep the operand's own constant kind sensible for the generator */
            if (type_is_integer(u) || type_is_float(u) || type_is_complex(u) || u->kind == KIND_STRING ||
                u->kind == KIND_BOOL)
                xt = t;
            x->type = xt;
            x->cv = out;
        }
        e->mode = MODE_CONST;
        e->cv = out;
        e->type = t;
        return;
    }
    if (type_is_untyped(x->type)) {
        if (x->type == t_untyped_nil) {
            const char *why;
            (void)why;
            if (!assignable(c, x->type, t, NULL)) {
                errorf(c, x->pos, "cannot convert nil to type %s", type_str(t));
                invalid(e);
                return;
            }
            x->type = t;
        } else {
            /* e.g. float64(1 << s), []byte("x"), MyInt(untyped) */
            Type *target = t;
            if (u->kind == KIND_SLICE || u->kind == KIND_INTERFACE || (u->kind == KIND_STRING && !type_is_untyped(x->type)))
                target = default_type(x->type);
            if (u->kind == KIND_INTERFACE) target = default_type(x->type);
            /* report with the operand still untyped, as gc does: "cannot convert 1
             * (untyped int constant) to type []byte" */
            if (u->kind != KIND_INTERFACE && !convertible(default_type(x->type), t) &&
                !assignable(c, default_type(x->type), t, NULL)) {
                errorf(c, x->pos, "cannot convert %s to type %s", operand_str(c, x), tname);
                invalid(e);
                return;
            }
            convert_untyped(c, x, target);
            if (x->mode == MODE_INVALID) {
                invalid(e);
                return;
            }
        }
    }
    if (!convertible(x->type, t) && !assignable(c, x->type, t, NULL)) {
        const char *reason = NULL;
        if (t->under->kind == KIND_INTERFACE && !assignable(c, x->type, t, &reason) && reason)
            errorf(c, x->pos, "cannot convert %s to type %s: %s", operand_str(c, x), tname, reason);
        else
            errorf(c, x->pos, "cannot convert %s to type %s", operand_str(c, x), tname);
        invalid(e);
        return;
    }
    if (t->under->kind == KIND_INTERFACE) {
        const char *reason = NULL;
        if (!assignable(c, x->type, t, &reason)) {
            errorf(c, x->pos, "cannot convert %s to type %s%s%s", operand_str(c, x), type_str(t), reason ? ": " : "",
                   reason ? reason : "");
            invalid(e);
            return;
        }
    }
    e->mode = MODE_VALUE;
    e->type = t;
}

/* --------------------------------------------------------------- builtins */

static bool need_args(Checker *c, Expr *e, const char *name, int min, int max) {
    int n = e->u.call.args.len;
    if (n < min) {
        errorf(c, e->pos, "invalid operation: not enough arguments for %s (expected %d, found %d)", expr_str(e), min,
               n);
        return false;
    }
    if (max >= 0 && n > max) {
        errorf(c, e->pos, "invalid operation: too many arguments for %s (expected %d, found %d)", expr_str(e), max,
               n);
        return false;
    }
    (void)name;
    return true;
}

/* Does e contain a function call or channel receive? (len of an array is
 * then not constant.) */
static bool has_call_or_recv(Expr *e) {
    if (!e) return false;
    switch (e->kind) {
    case E_CALL: return !(e->mode == MODE_CONST);
    case E_UNARY: return e->u.unary.op == TK_ARROW || has_call_or_recv(e->u.unary.x);
    case E_PAREN: case E_STAR: return has_call_or_recv(e->u.unary.x);
    case E_BINARY: return has_call_or_recv(e->u.binary.x) || has_call_or_recv(e->u.binary.y);
    case E_SELECTOR: return has_call_or_recv(e->u.selector.x);
    case E_INDEX: return has_call_or_recv(e->u.index.x) || (e->u.index.indices.len && has_call_or_recv(e->u.index.indices.items[0]));
    default: return false;
    }
}

/* A size argument of make (gc's check.index): an untyped constant becomes
 * an int first; the result must be an integer and not negative. */
static void check_size_arg(Checker *c, Expr *a) {
    check_expr(c, a, NULL);
    if (a->mode == MODE_INVALID) return;
    if (type_is_untyped(a->type)) {
        convert_untyped(c, a, t_int); /* "1.5 (untyped float constant) truncated to int" */
        if (a->mode == MODE_INVALID) return;
    }
    if (!type_is_integer(a->type->under)) {
        errorf(c, a->pos, "invalid argument: index %s must be integer", operand_str(c, a));
        a->mode = MODE_INVALID;
        return;
    }
    if (a->mode == MODE_CONST && cv_sign(a->cv) < 0) {
        errorf(c, a->pos, "invalid argument: index %s must not be negative", operand_str(c, a));
        a->mode = MODE_INVALID;
    }
}

/* The constant complex(re, im). */
static ConstVal *complex_const(ConstVal *re, ConstVal *im) {
    ConstVal *i = cv_binary(TK_MUL, cv_to_complex(im), cv_to_complex(cv_from_literal(TK_IMAG, "1i", 2, NULL)), false, NULL);
    return cv_binary(TK_ADD, cv_to_complex(re), i, false, NULL);
}

/* A built-in taking several arguments called as f(g()) with a g of several
 * results: those are the arguments (spec: Calls). g is checked here; when
 * it has several results, the call's arguments become operands the checker
 * makes: E_BAD expressions with g's result types, naming g in aux (the
 * generator evaluates g and lets them read its results). */
static void unpack_results(Checker *c, Expr *e, BuiltinId id) {
    ExprList *args = &e->u.call.args;
    if (args->len != 1 || e->u.call.has_ellipsis) return;
    switch (id) {
    case BI_APPEND: case BI_COPY: case BI_COMPLEX: case BI_DELETE: case BI_MIN: case BI_MAX:
    case BI_PRINT: case BI_PRINTLN: break;
    default: return;
    }
    Expr *g = args->items[0];
    Expr *u = g;
    while (u->kind == E_PAREN) u = u->u.unary.x;
    if (u->kind != E_CALL) return;
    check_multi(c, g);
    Type *tt = g->type;
    if (g->mode == MODE_INVALID || !tt || tt->kind != KIND_TUPLE || tt->nresults < 2) return;
    ExprList results = {0};
    for (int i = 0; i < tt->nresults; i++) {
        Expr *r = NEW(Expr);
        r->kind = E_BAD;
        r->pos = g->pos;
        r->mode = MODE_VALUE;
        r->type = tt->results[i];
        r->aux = g;
        vec_push(&results, r);
    }
    e->u.call.args = results;
}

static void check_builtin(Checker *c, Expr *e, BuiltinId id, Type *hint) {
    ExprList *args = &e->u.call.args;
    const char *name = e->u.call.fun->kind == E_IDENT ? e->u.call.fun->u.ident.name : "Sizeof";
    e->mode = MODE_VALUE;
    if (e->u.call.has_ellipsis && id != BI_APPEND) {
        errorf(c, e->pos, "invalid operation: invalid use of ... with built-in %s", name);
        invalid(e);
        return;
    }
    unpack_results(c, e, id);
    switch (id) {
    case BI_LEN:
    case BI_CAP: {
        if (!need_args(c, e, name, 1, 1)) goto bad;
        Expr *x = args->items[0];
        check_expr(c, x, NULL);
        if (x->mode == MODE_INVALID) goto bad;
        if (x->mode == MODE_TYPE || x->mode == MODE_NOVALUE) {
            errorf(c, x->pos, "invalid argument: %s for built-in %s", operand_str(c, x), name);
            goto bad;
        }
        Type *u = x->type->under;
        if (u->kind == KIND_POINTER && u->elem->under->kind == KIND_ARRAY) u = u->elem->under;
        bool ok;
        switch (u->kind) {
        case KIND_STRING: case KIND_UNTYPED_STRING: ok = id == BI_LEN; break;
        case KIND_ARRAY: case KIND_SLICE: case KIND_CHAN: ok = true; break;
        case KIND_MAP: ok = id == BI_LEN; break;
        default: ok = false;
        }
        if (!ok) {
            errorf(c, x->pos, "invalid argument: %s for built-in %s", operand_str(c, x), name);
            goto bad;
        }
        e->type = t_int;
        if (x->mode == MODE_CONST && (u->kind == KIND_STRING || u->kind == KIND_UNTYPED_STRING)) {
            e->mode = MODE_CONST;
            e->cv = cv_int64(cv_string_val(x->cv).len);
            if (type_is_untyped(x->type)) convert_untyped(c, x, t_string);
        } else if (u->kind == KIND_ARRAY && !has_call_or_recv(x)) {
            e->mode = MODE_CONST;
            e->cv = cv_int64(u->len);
        } else if (type_is_untyped(x->type)) {
            convert_untyped(c, x, t_string);
        }
        return;
    }
    case BI_APPEND: {
        if (!need_args(c, e, name, 1, -1)) goto bad;
        Expr *s = args->items[0];
        check_expr(c, s, hint);
        if (s->mode == MODE_INVALID) goto bad;
        Type *st = s->type;
        if (st == t_untyped_nil) {
            errorf(c, s->pos, "first argument to append must be a typed slice; have untyped nil");
            goto bad;
        }
        if (st->under->kind != KIND_SLICE) {
            errorf(c, s->pos, "invalid argument: %s is not a slice", operand_str(c, s));
            goto bad;
        }
        Type *et = st->under->elem;
        if (e->u.call.has_ellipsis) {
            if (args->len != 2) {
                errorf(c, e->pos, "can only use ... with final argument in list");
                goto bad;
            }
            Expr *t = args->items[1];
            check_expr(c, t, st);
            if (t->mode == MODE_INVALID) goto bad;
            /* append([]byte, string...) */
            if (et->under->kind == KIND_UINT8 && (t->type->under->kind == KIND_STRING || t->type == t_untyped_string)) {
                if (type_is_untyped(t->type)) convert_untyped(c, t, t_string);
                e->type = st;
                e->aux = (void *)1; /* bytes from string */
                return;
            }
            if (t->type == t_untyped_nil) t->type = st;
            if (t->type->under->kind != KIND_SLICE || t->type->under->elem != et) {
                errorf(c, t->pos, "cannot use %s as %s value in argument to append", operand_str(c, t), type_str(type_slice(et)));
                goto bad;
            }
            e->type = st;
            return;
        }
        for (int i = 1; i < args->len; i++) {
            check_expr(c, args->items[i], et);
            assign_to(c, args->items[i], et, "argument to append");
        }
        e->type = st;
        return;
    }
    case BI_COPY: {
        if (!need_args(c, e, name, 2, 2)) goto bad;
        Expr *d = args->items[0], *s = args->items[1];
        check_expr(c, d, NULL);
        check_expr(c, s, NULL);
        if (d->mode == MODE_INVALID || s->mode == MODE_INVALID) goto bad;
        if (d->type->under->kind != KIND_SLICE) {
            errorf(c, d->pos, "invalid argument: copy expects slice arguments; found %s and %s", operand_str(c, d), operand_str(c, s));
            goto bad;
        }
        if (type_is_untyped(s->type)) convert_untyped(c, s, t_string);
        bool ok = (s->type->under->kind == KIND_SLICE && s->type->under->elem == d->type->under->elem) ||
                  (s->type->under->kind == KIND_STRING && d->type->under->elem->under->kind == KIND_UINT8);
        if (!ok) {
            errorf(c, d->pos, "invalid argument: arguments to copy %s and %s have different element types %s and %s",
                   operand_str(c, d), operand_str(c, s), type_str(d->type->under->elem),
                   type_str(s->type->under->kind == KIND_SLICE ? s->type->under->elem : s->type));
            goto bad;
        }
        e->type = t_int;
        return;
    }
    case BI_DELETE: {
        if (!need_args(c, e, name, 2, 2)) goto bad;
        Expr *m = args->items[0], *k = args->items[1];
        check_expr(c, m, NULL);
        if (m->mode == MODE_INVALID) goto bad;
        if (m->type->under->kind != KIND_MAP) {
            errorf(c, m->pos, "invalid argument: %s is not a map", operand_str(c, m));
            goto bad;
        }
        check_expr(c, k, m->type->under->key);
        assign_to(c, k, m->type->under->key, "argument to delete");
        e->mode = MODE_NOVALUE;
        e->type = type_tuple(NULL, 0);
        return;
    }
    case BI_MAKE: {
        if (args->len == 0) {
            errorf(c, e->u.call.rparen, "not enough arguments for make() (expected 1, found 0)");
            goto bad;
        }
        Type *t = check_type_expr(c, args->items[0]);
        if (t->kind == KIND_INVALID) goto bad;
        int min = 1, max = 1;
        switch (t->under->kind) {
        case KIND_SLICE: min = 2; max = 3; break;
        case KIND_MAP: case KIND_CHAN: max = 2; break;
        default:
            errorf(c, args->items[0]->pos, "invalid argument: cannot make %s; type must be slice, map, or channel", expr_str(args->items[0]));
            goto bad;
        }
        if (args->len < min) {
            errorf(c, e->pos, "invalid operation: %s expects %d or %d arguments; found %d", expr_str(e), min, max, args->len);
            goto bad;
        }
        if (args->len > max) {
            errorf(c, e->pos, "invalid operation: %s expects %d or %d arguments; found %d", expr_str(e), min, max, args->len);
            goto bad;
        }
        for (int i = 1; i < args->len; i++) check_size_arg(c, args->items[i]);
        if (args->len == 3) {
            Expr *l = args->items[1], *cp = args->items[2];
            if (l->mode == MODE_CONST && cp->mode == MODE_CONST && cv_compare(TK_GTR, l->cv, cp->cv)) {
                errorf(c, l->pos, "invalid argument: length and capacity swapped");
                goto bad;
            }
        }
        e->type = t;
        return;
    }
    case BI_NEW: {
        if (!need_args(c, e, name, 1, 1)) goto bad;
        Type *t = check_type_expr(c, args->items[0]);
        if (t->kind == KIND_INVALID) goto bad;
        e->type = type_pointer(t);
        return;
    }
    case BI_PANIC: {
        if (!need_args(c, e, name, 1, 1)) goto bad;
        check_expr(c, args->items[0], NULL);
        assign_to(c, args->items[0], t_any, "argument to panic");
        e->mode = MODE_NOVALUE;
        e->type = type_tuple(NULL, 0);
        return;
    }
    case BI_PRINT:
    case BI_PRINTLN:
        for (int i = 0; i < args->len; i++) {
            Expr *a = args->items[i];
            if (!a->type) check_expr(c, a, NULL); /* (unpack_results checked a lone call) */
            if (a->mode == MODE_INVALID) continue;
            if (a->type == t_untyped_nil) {
                errorf(c, a->pos, "use of untyped nil in argument to built-in %s", name);
                continue;
            }
            assign_to(c, a, default_type(a->type), "argument to print");
        }
        e->mode = MODE_NOVALUE;
        e->type = type_tuple(NULL, 0);
        return;
    case BI_RECOVER:
        if (!need_args(c, e, name, 0, 0)) goto bad;
        if (c->fn) c->fn->has_recover = true;
        e->type = t_any;
        return;
    case BI_CLOSE: {
        if (!need_args(c, e, name, 1, 1)) goto bad;
        Expr *ch = args->items[0];
        check_expr(c, ch, NULL);
        if (ch->mode == MODE_INVALID) goto bad;
        if (ch->type->under->kind != KIND_CHAN) {
            errorf(c, ch->pos, "invalid operation: cannot close non-channel %s", operand_str(c, ch));
            goto bad;
        }
        if (ch->type->under->chan_dir == CHAN_RECV) {
            errorf(c, ch->pos, "invalid operation: cannot close receive-only channel %s", operand_str(c, ch));
            goto bad;
        }
        e->mode = MODE_NOVALUE;
        e->type = type_tuple(NULL, 0);
        return;
    }
    case BI_COMPLEX: {
        if (!need_args(c, e, name, 2, 2)) goto bad;
        Expr *re = args->items[0], *im = args->items[1];
        check_expr(c, re, NULL);
        check_expr(c, im, NULL);
        if (re->mode == MODE_INVALID || im->mode == MODE_INVALID) goto bad;
        if (re->mode == MODE_CONST && im->mode == MODE_CONST && type_is_untyped(re->type) && type_is_untyped(im->type)) {
            e->mode = MODE_CONST;
            e->cv = complex_const(re->cv, im->cv);
            e->type = t_untyped_complex;
            return;
        }
        if (type_is_untyped(re->type) && !type_is_untyped(im->type)) convert_untyped(c, re, im->type);
        if (type_is_untyped(im->type) && !type_is_untyped(re->type)) convert_untyped(c, im, re->type);
        if (type_is_untyped(re->type)) {
            convert_untyped(c, re, t_float64);
            convert_untyped(c, im, t_float64);
        }
        if (re->mode == MODE_INVALID || im->mode == MODE_INVALID) goto bad;
        if (re->type != im->type || !type_is_float(re->type->under)) {
            errorf(c, e->pos, "invalid operation: %s (mismatched types %s and %s)", expr_str(e), type_str(re->type), type_str(im->type));
            goto bad;
        }
        e->type = re->type->under->kind == KIND_FLOAT32 ? t_complex64 : t_complex128;
        if (re->mode == MODE_CONST && im->mode == MODE_CONST) { /* typed constants make a constant */
            e->mode = MODE_CONST;
            e->cv = complex_const(re->cv, im->cv);
        }
        return;
    }
    case BI_REAL:
    case BI_IMAG: {
        if (!need_args(c, e, name, 1, 1)) goto bad;
        Expr *x = args->items[0];
        check_expr(c, x, NULL);
        if (x->mode == MODE_INVALID) goto bad;
        Kind k = x->type->kind;
        if (x->mode == MODE_CONST && (k == KIND_UNTYPED_INT || k == KIND_UNTYPED_RUNE || k == KIND_UNTYPED_FLOAT ||
                                      k == KIND_UNTYPED_COMPLEX)) {
            e->mode = MODE_CONST;
            e->cv = id == BI_REAL ? cv_real(x->cv) : cv_imag(x->cv);
            e->type = t_untyped_float;
            return;
        }
        if (!type_is_complex(x->type->under)) {
            errorf(c, x->pos, "invalid argument: argument has type %s, expected complex type", type_str(x->type));
            goto bad;
        }
        e->type = x->type->under->kind == KIND_COMPLEX64 ? t_float32 : t_float64;
        if (x->mode == MODE_CONST) { /* a typed constant's parts are constants of its float type */
            e->mode = MODE_CONST;
            e->cv = id == BI_REAL ? cv_real(x->cv) : cv_imag(x->cv);
        }
        return;
    }
    case BI_MIN:
    case BI_MAX: {
        if (!need_args(c, e, name, 1, -1)) goto bad;
        Type *t = NULL;
        bool allconst = true;
        for (int i = 0; i < args->len; i++) {
            check_expr(c, args->items[i], NULL);
            if (args->items[i]->mode == MODE_INVALID) goto bad;
            if (args->items[i]->mode != MODE_CONST) allconst = false;
            if (!type_is_untyped(args->items[i]->type)) t = args->items[i]->type;
        }
        if (!t) {
            /* all untyped: the highest-ranked kind */
            t = args->items[0]->type;
            for (int i = 1; i < args->len; i++)
                if (args->items[i]->type->kind > t->kind) t = args->items[i]->type;
        }
        if (!ordered(t)) {
            errorf(c, e->pos, "invalid argument: %s cannot be ordered", operand_str(c, args->items[0]));
            goto bad;
        }
        for (int i = 0; i < args->len; i++) {
            if (!type_is_untyped(t)) assign_to(c, args->items[i], t, gc_sprintf("argument to %s", name));
            else convert_untyped(c, args->items[i], t);
        }
        e->type = t;
        if (allconst) {
            ConstVal *best = args->items[0]->cv;
            for (int i = 1; i < args->len; i++) {
                ConstVal *v = args->items[i]->cv;
                if (id == BI_MIN ? cv_compare(TK_LSS, v, best) : cv_compare(TK_GTR, v, best)) best = v;
            }
            e->mode = MODE_CONST;
            e->cv = best;
        }
        return;
    }
    case BI_CLEAR: {
        if (!need_args(c, e, name, 1, 1)) goto bad;
        Expr *x = args->items[0];
        check_expr(c, x, NULL);
        if (x->mode == MODE_INVALID) goto bad;
        if (x->type->under->kind != KIND_MAP && x->type->under->kind != KIND_SLICE) {
            errorf(c, x->pos, "invalid argument: %s must be a map or slice", operand_str(c, x));
            goto bad;
        }
        e->mode = MODE_NOVALUE;
        e->type = type_tuple(NULL, 0);
        return;
    }
    case BI_SIZEOF:
    default:
        errorf(c, e->pos, "built-in %s is not supported by goi", name);
        goto bad;
    }
bad:
    for (int i = 0; i < args->len; i++)
        if (!args->items[i]->type) check_expr(c, args->items[i], NULL);
    invalid(e);
}


/* ------------------------------------------------------------------ calls */

void check_call(Checker *c, Expr *e, Type *hint) {
    Expr *fun = e->u.call.fun;
    check_expr_or_type(c, fun);
    switch (fun->mode) {
    case MODE_INVALID:
        for (int i = 0; i < e->u.call.args.len; i++) check_multi(c, e->u.call.args.items[i]);
        invalid(e);
        return;
    case MODE_TYPE: check_conversion(c, e, fun->type); return;
    case MODE_BUILTIN: check_builtin(c, e, fun->obj->builtin, hint); return;
    default: break;
    }
    Type *ft = fun->type;
    if (!ft || ft->under->kind != KIND_FUNC) {
        errorf(c, e->pos, "invalid operation: cannot call non-function %s", operand_str(c, fun));
        for (int i = 0; i < e->u.call.args.len; i++) check_multi(c, e->u.call.args.items[i]);
        invalid(e);
        return;
    }
    Type *sig = ft->under;
    check_arguments(c, e, sig, expr_str(fun));
    set_call_result(e, sig);
}
