/* check_expr.c - expressions: identifiers, literals, operators, selectors,
 * index and slice expressions, type assertions, and the conversion of
 * untyped values to their final types.
 *
 * Every checked expression gets a mode (what it denotes), a type and, for
 * constants, an exact value. Untyped values keep an untyped type until the
 * context fixes it (assign_to / convert_untyped / use_default_type), which
 * then rewrites the types down the untyped subtree, as go/types does.
 */
#include "internal.h"

#include <stdio.h>

static void check_expr_internal(Checker *c, Expr *e, Type *hint);

/* Constant expressions a and b (DupSet items) have the same type and value. */
bool same_constant(void *a, void *b) {
    Expr *x = a, *y = b;
    return x->type == y->type && cv_kind(x->cv) == cv_kind(y->cv) && cv_compare(TK_EQL, x->cv, y->cv);
}

/* ------------------------------------------------------------- rendering */

/* The expression as gc prints it in messages (the parser knows the form). */
const char *expr_str(Expr *e) {
    if (e->kind == E_BAD && e->type && e->aux) return ast_expr_string(e->aux); /* a result of g in f(g()) */
    return ast_expr_string(e);
}

const char *operand_type_str(Expr *e) {
    while (e->kind == E_PAREN) e = e->u.unary.x;
    if (e->kind == E_IDENT && e->obj && e->obj->kind == OBJ_VAR && e->obj->spelled && e->obj->type == e->type)
        return e->obj->spelled;
    if (e->kind == E_INDEX && e->type == t_uint8 && e->u.index.x->type &&
        e->u.index.x->type->under->kind == KIND_STRING)
        return "byte";
    if (e->kind == E_CALL && e->u.call.fun->mode == MODE_TYPE) {
        const char *s = alias_spelling(e->u.call.fun, e->type);
        if (s) return s;
    }
    return type_str(e->type);
}

const char *operand_str(Checker *c, Expr *e) {
    (void)c;
    const char *x = expr_str(e);
    Type *t = e->type;
    switch (e->mode) {
    case MODE_INVALID: return gc_sprintf("%s (invalid operand)", x);
    case MODE_NOVALUE: return gc_sprintf("%s (no value)", x);
    case MODE_BUILTIN: return gc_sprintf("%s (built-in)", x);
    case MODE_TYPE: return gc_sprintf("%s (type)", x);
    case MODE_PACKAGE: return gc_sprintf("%s (package)", x);
    case MODE_CONST: {
        const char *v = e->cv ? cv_repr(e->cv) : "?";
        bool same = strcmp(v, x) == 0;
        if (type_is_untyped(t))
            return same ? gc_sprintf("%s (%s constant)", x, type_str(t))
                        : gc_sprintf("%s (%s constant %s)", x, type_str(t), v);
        return same ? gc_sprintf("%s (constant of type %s)", x, type_str(t))
                    : gc_sprintf("%s (constant %s of type %s)", x, v, type_str(t));
    }
    case MODE_VAR: return gc_sprintf("%s (variable of type %s)", x, operand_type_str(e));
    case MODE_MAPINDEX: return gc_sprintf("%s (map index expression of type %s)", x, type_str(t));
    case MODE_COMMAOK: return gc_sprintf("%s (comma, ok expression of type %s)", x, type_str(t));
    case MODE_VALUE:
        if (t == t_untyped_nil) return "nil";
        if (type_is_untyped(t)) return gc_sprintf("%s (%s value)", x, type_str(t));
        return gc_sprintf("%s (value of type %s)", x, operand_type_str(e));
    }
    return x;
}

static void invalid(Expr *e) {
    e->mode = MODE_INVALID;
    e->type = t_invalid;
    e->cv = NULL;
}

Selection *expr_selection(Expr *e) { return e->aux; }

/* ------------------------------------------------------------ identifiers */

/* Record that the current function literal uses outer variable o: it
 * becomes a heap box shared by reference, and every function between o's
 * owner and here gets an upvalue for it. */
static int capture(FuncCtx *fn, Object *o) {
    for (int i = 0; i < fn->upvals.len; i++)
        if (fn->upvals.items[i].obj == o) return i;
    Upval u = {.obj = o};
    if (fn->parent == o->owner) {
        u.from_local = true;
        u.index = -1;
    } else {
        u.from_local = false;
        u.index = capture(fn->parent, o);
    }
    vec_push(&fn->upvals, u);
    return fn->upvals.len - 1;
}

static void check_ident(Checker *c, Expr *e) {
    const char *name = e->u.ident.name;
    if (name == intern_cstr("_")) {
        errorf(c, e->pos, "cannot use _ as value");
        invalid(e);
        return;
    }
    Object *o = scope_lookup(c->scope, name);
    if (!o) {
        errorf(c, e->pos, "undefined: %s", name);
        invalid(e);
        return;
    }
    e->obj = o;
    note_dot_import_use(c, o);
    switch (o->kind) {
    case OBJ_VAR:
        if (o->is_global) {
            if (o->color != 2) resolve_object(c, o);
            record_use(c, o);
        } else if (c->fn && o->owner && o->owner != c->fn) {
            o->captured = true;
            capture(c->fn, o);
        }
        o->used = true;
        if (o->type && o->type->kind == KIND_INVALID) { /* its declaration failed: no follow-on errors */
            invalid(e);
            return;
        }
        e->mode = MODE_VAR;
        e->type = o->type ? o->type : t_invalid;
        break;
    case OBJ_CONST:
        if (o == c->s->obj_iota) {
            if (c->iota < 0) {
                errorf(c, e->pos, "cannot use iota outside constant declaration");
                invalid(e);
                return;
            }
            e->mode = MODE_CONST;
            e->type = t_untyped_int;
            e->cv = cv_int64(c->iota);
            return;
        }
        if (o->color != 2) resolve_object(c, o);
        o->used = true;
        e->mode = MODE_CONST;
        e->type = o->type ? o->type : t_invalid;
        e->cv = o->cv;
        if (!e->cv || cv_kind(e->cv) == CV_UNKNOWN) invalid(e);
        break;
    case OBJ_TYPE:
        if (o->color != 2) resolve_object(c, o);
        e->mode = MODE_TYPE;
        e->type = o->type ? o->type : t_invalid;
        break;
    case OBJ_FUNC:
        if (o->color != 2) resolve_object(c, o);
        record_use(c, o);
        if (!o->type || o->type->kind == KIND_INVALID) { /* a generic function, reported where declared */
            invalid(e);
            return;
        }
        e->mode = MODE_VALUE;
        e->type = o->type;
        break;
    case OBJ_BUILTIN:
        e->mode = MODE_BUILTIN;
        e->type = t_invalid;
        break;
    case OBJ_NIL:
        e->mode = MODE_VALUE;
        e->type = t_untyped_nil;
        break;
    case OBJ_PKG:
        errorf(c, e->pos, "use of package %s without selector", name);
        invalid(e);
        break;
    default: invalid(e); break;
    }
}

/* --------------------------------------------------------- untyped values */

static int untyped_rank(Type *t) {
    switch (t->kind) {
    case KIND_UNTYPED_INT: return 1;
    case KIND_UNTYPED_RUNE: return 2;
    case KIND_UNTYPED_FLOAT: return 3;
    case KIND_UNTYPED_COMPLEX: return 4;
    default: return 0;
    }
}

static bool is_numeric(Type *t) {
    Type *u = t->under;
    return type_is_integer(u) || type_is_float(u) || type_is_complex(u) ||
           (u->kind >= KIND_UNTYPED_INT && u->kind <= KIND_UNTYPED_COMPLEX);
}

static bool is_integer_or_untyped(Type *t) {
    return type_is_integer(t->under) || t->kind == KIND_UNTYPED_INT || t->kind == KIND_UNTYPED_RUNE;
}

static bool is_string(Type *t) { return t->under->kind == KIND_STRING || t->kind == KIND_UNTYPED_STRING; }
static bool is_boolean(Type *t) { return t->under->kind == KIND_BOOL || t->kind == KIND_UNTYPED_BOOL; }

/* Set the final type of an untyped expression tree. Reports nothing:
 * representability of constants is checked by the callers. */
static void set_untyped_type(Expr *e, Type *t) {
    if (!type_is_untyped(e->type) || e->type == t) return;
    switch (e->kind) {
    case E_PAREN: set_untyped_type(e->u.unary.x, t); break;
    case E_UNARY: if (e->mode != MODE_CONST) set_untyped_type(e->u.unary.x, t); break;
    case E_BINARY: {
        TokenKind op = e->u.binary.op;
        bool cmp = op == TK_EQL || op == TK_NEQ || op == TK_LSS || op == TK_LEQ || op == TK_GTR || op == TK_GEQ;
        if (e->mode == MODE_CONST || cmp) break;
        if (op == TK_SHL || op == TK_SHR) set_untyped_type(e->u.binary.x, t);
        else {
            set_untyped_type(e->u.binary.x, t);
            set_untyped_type(e->u.binary.y, t);
        }
        break;
    }
    default: break;
    }
    e->type = t;
}

/* Convert untyped e to target (which may itself be untyped, or an interface).
 * Returns false with *why (for messages) when a constant does not fit. */
static bool to_type(Checker *c, Expr *e, Type *target, const char **why) {
    (void)c;
    *why = "";
    if (!type_is_untyped(e->type) || target->kind == KIND_INVALID) return true;
    if (e->type == t_untyped_nil) {
        switch (target->under->kind) {
        case KIND_POINTER: case KIND_FUNC: case KIND_SLICE: case KIND_MAP: case KIND_CHAN:
        case KIND_INTERFACE: case KIND_UNSAFEPTR:
            e->type = target;
            return true;
        default:
            if (target == t_untyped_nil) return true;
            return false;
        }
    }
    Type *final = target;
    if (target->under->kind == KIND_INTERFACE) {
        if (target->under->nimethods) return false; /* caller reports "does not implement" */
        final = default_type(e->type);
    }
    if (type_is_untyped(final)) {
        /* untyped to untyped (e.g. int constant in a float expression) */
        if (e->mode == MODE_CONST) {
            ConstVal *out;
            if (!cv_representable(e->cv, final, &out, why)) return false;
            e->cv = out;
        }
        set_untyped_type(e, final);
        return true;
    }
    Type *u = final->under;
    switch (e->type->kind) {
    case KIND_UNTYPED_BOOL:
        if (u->kind != KIND_BOOL) return false;
        break;
    case KIND_UNTYPED_STRING:
        if (u->kind != KIND_STRING) return false;
        break;
    default:
        if (!(type_is_integer(u) || type_is_float(u) || type_is_complex(u))) return false;
        if (e->mode != MODE_CONST && e->kind == E_BINARY &&
            (e->u.binary.op == TK_SHL || e->u.binary.op == TK_SHR) && !type_is_integer(u)) {
            *why = "shift";
            return false;
        }
        break;
    }
    if (e->mode == MODE_CONST) {
        ConstVal *out;
        if (!cv_representable(e->cv, final, &out, why)) return false;
        e->cv = out;
    }
    set_untyped_type(e, final);
    return true;
}

/* Report why untyped e could not become target, as gc words it for an
 * operand (x + 300 with x of type int8: "300 (untyped int constant)
 * overflows int8") or, with a context, for an assignment ("cannot use 1 <<
 * 64 (untyped int constant ...) as int value in assignment (overflows)"). */
static void report_untyped_conversion(Checker *c, Expr *e, Type *target, const char *why, const char *context) {
    bool overflows = e->mode == MODE_CONST && why && strcmp(why, "overflows") == 0 && !type_is_untyped(target);
    bool truncated = e->mode == MODE_CONST && why && strcmp(why, "truncated") == 0;
    if (context && (overflows || truncated))
        errorf(c, e->pos, "cannot use %s as %s value in %s (%s)", operand_str(c, e), type_str(target), context, why);
    else if (context)
        errorf(c, e->pos, "cannot use %s as %s value in %s", operand_str(c, e), type_str(target), context);
    else if (overflows)
        errorf(c, e->pos, "%s overflows %s", operand_str(c, e), type_str(target));
    else if (truncated)
        errorf(c, e->pos, "%s truncated to %s", operand_str(c, e), type_str(target));
    else
        errorf(c, e->pos, "cannot convert %s to type %s", operand_str(c, e), type_str(target));
}

void convert_untyped(Checker *c, Expr *e, Type *target) {
    if (e->mode == MODE_INVALID) return;
    const char *why;
    if (!to_type(c, e, target, &why)) {
        report_untyped_conversion(c, e, target->under ? target->under : target, why, NULL); /* gc names the underlying type */
        invalid(e);
    }
}

void use_default_type(Checker *c, Expr *e) {
    if (e->mode == MODE_INVALID || !type_is_untyped(e->type)) return;
    if (e->type == t_untyped_nil) return;
    convert_untyped(c, e, default_type(e->type));
}

bool use_default_type_in(Checker *c, Expr *e, const char *context) {
    if (e->mode == MODE_INVALID) return false;
    if (!type_is_untyped(e->type) || e->type == t_untyped_nil) return true;
    Type *t = default_type(e->type);
    const char *why;
    if (!to_type(c, e, t, &why)) {
        report_untyped_conversion(c, e, t, why, context);
        invalid(e);
        return false;
    }
    return true;
}

bool check_value(Checker *c, Expr *e) {
    switch (e->mode) {
    case MODE_INVALID: return false;
    case MODE_NOVALUE: errorf(c, e->pos, "%s (no value) used as value", expr_str(e)); break;
    case MODE_BUILTIN: errorf(c, e->pos, "%s (built-in) must be called", expr_str(e)); break;
    case MODE_TYPE: errorf(c, e->pos, "%s (type) is not an expression", expr_str(e)); break;
    case MODE_PACKAGE: errorf(c, e->pos, "use of package %s without selector", expr_str(e)); break;
    default:
        if (e->type && e->type->kind == KIND_TUPLE) {
            errorf(c, e->pos, "multiple-value %s (value of type %s) in single-value context", expr_str(e),
                   type_str(e->type));
            break;
        }
        return true;
    }
    invalid(e);
    return false;
}

bool assign_to(Checker *c, Expr *e, Type *t, const char *context) { return assign_to_spelled(c, e, t, NULL, context); }

/* spelled: how the source wrote the target type (e.g. "byte", which is
 * uint8 to the checker), for messages; NULL to print the type. */
bool assign_to_spelled(Checker *c, Expr *e, Type *t, const char *spelled, const char *context) {
    const char *tname = spelled ? spelled : type_str(t);
    if (!check_value(c, e)) return false;
    if (t->kind == KIND_INVALID || e->type->kind == KIND_INVALID) return false;
    if (type_is_untyped(e->type)) {
        const char *why = "";
        Type *et = e->type;
        if (e->type == t_untyped_nil) {
            if (!to_type(c, e, t, &why)) {
                errorf(c, e->pos, "cannot use nil as %s value in %s", tname, context);
                return false;
            }
            return true;
        }
        if (t->under->kind == KIND_INTERFACE) {
            /* the constant gets its default type first (gc: "as int value in argument") */
            if (!use_default_type_in(c, e, context)) return false;
        } else if (!to_type(c, e, t, &why)) {
            if (why && *why && strcmp(why, "shift") != 0)
                errorf(c, e->pos, "cannot use %s as %s value in %s (%s)", operand_str(c, e), tname, context,
                       why);
            else
                errorf(c, e->pos, "cannot use %s as %s value in %s", operand_str(c, e), tname, context);
            (void)et;
            return false;
        } else {
            return true;
        }
    }
    const char *reason = NULL;
    if (!assignable(c, e->type, t, &reason)) {
        if (reason)
            errorf(c, e->pos, "cannot use %s as %s value in %s: %s", operand_str(c, e), tname, context,
                   reason);
        else
            errorf(c, e->pos, "cannot use %s as %s value in %s", operand_str(c, e), tname, context);
        return false;
    }
    return true;
}

/* ------------------------------------------------------------- operators */

bool is_addressable(Expr *e) {
    switch (e->kind) {
    case E_IDENT: return e->mode == MODE_VAR;
    case E_PAREN: return is_addressable(e->u.unary.x);
    case E_STAR: return true;
    case E_SELECTOR: {
        Selection *sel = e->aux;
        if (!sel || sel->kind != SEL_FIELD) return e->mode == MODE_VAR && e->obj && e->obj->kind == OBJ_VAR;
        return e->mode == MODE_VAR;
    }
    case E_INDEX: return e->mode == MODE_VAR;
    case E_COMPOSITELIT: return false;
    default: return false;
    }
}

/* &x and friends: the variable at the root must live in a heap box. */
void mark_addressed(Checker *c, Expr *e) {
    (void)c;
    for (;;) {
        switch (e->kind) {
        case E_IDENT:
            if (e->obj && e->obj->kind == OBJ_VAR && !e->obj->is_global) e->obj->addressed = true;
            return;
        case E_PAREN: e = e->u.unary.x; continue;
        case E_SELECTOR: {
            Selection *sel = e->aux;
            if (!sel || sel->kind != SEL_FIELD) return;
            /* through a pointer, the root need not be addressable */
            for (int i = 0; i < sel->nsteps; i++)
                if (sel->steps[i].deref) return;
            e = e->u.selector.x;
            continue;
        }
        case E_INDEX: {
            Type *xt = e->u.index.x->type;
            if (xt && xt->under->kind == KIND_ARRAY) {
                e = e->u.index.x;
                continue;
            }
            return;
        }
        default: return;
        }
    }
}

static bool comparable_type(Type *t) { return (t->flags & TF_COMPARABLE) != 0; }

/* gc's kindString: what kind of type t is, for "operator < not defined on
 * struct"; basic and other types by name. */
static const char *kind_str(Type *t) {
    switch (t->under->kind) {
    case KIND_ARRAY: return "array";
    case KIND_SLICE: return "slice";
    case KIND_STRUCT: return "struct";
    case KIND_POINTER: return "pointer";
    case KIND_FUNC: return "func";
    case KIND_INTERFACE: return "interface";
    case KIND_MAP: return "map";
    case KIND_CHAN: return "chan";
    default: return type_str(t);
    }
}

/* Why values of struct or array type t cannot be compared, in gc's words:
 * the first incomparable field's type, or the array type itself. */
static const char *incomparable_cause(Type *t) {
    Type *u = t->under;
    if (u->kind == KIND_STRUCT)
        for (int i = 0; i < u->nfields; i++)
            if (!comparable_type(u->fields[i].type))
                return gc_sprintf("struct containing %s cannot be compared", type_str(u->fields[i].type));
    return gc_sprintf("%s cannot be compared", type_str(t));
}

static bool ordered(Type *t) {
    Type *u = t->under;
    return type_is_integer(u) || type_is_float(u) || u->kind == KIND_STRING ||
           (u->kind >= KIND_UNTYPED_INT && u->kind <= KIND_UNTYPED_FLOAT) || u->kind == KIND_UNTYPED_STRING;
}

static bool is_nilable(Type *t) {
    switch (t->under->kind) {
    case KIND_POINTER: case KIND_FUNC: case KIND_SLICE: case KIND_MAP: case KIND_CHAN:
    case KIND_INTERFACE: case KIND_UNSAFEPTR: return true;
    default: return false;
    }
}

/* Typed constant results must fit their type: "constant 256 overflows byte". */
/* The precision of untyped integer constants, as in gc. */
#define CONST_INT_PREC 512

/* gc's name of a constant operation that can overflow ("constant shift
 * overflow"), or NULL. */
static const char *overflow_op_name(Expr *e) {
    if (e->kind == E_UNARY) return e->u.unary.op == TK_XOR ? "bitwise complement" : NULL;
    if (e->kind != E_BINARY) return NULL;
    switch (e->u.binary.op) {
    case TK_ADD: return "addition";
    case TK_SUB: return "subtraction";
    case TK_XOR: return "bitwise XOR";
    case TK_MUL: return "multiplication";
    case TK_SHL: return "shift";
    default: return NULL;
    }
}

/* After a constant operation: a typed result must be representable in its
 * type, an untyped integer must stay within gc's precision. */
static void check_const_fits(Checker *c, Expr *e) {
    if (e->mode != MODE_CONST || e->type->kind == KIND_INVALID) return;
    if (type_is_untyped(e->type)) {
        if (cv_int_bitlen(e->cv) > CONST_INT_PREC) {
            const char *op = overflow_op_name(e);
            errorf(c, e->kind == E_BINARY ? e->u.binary.op_pos : e->pos, "constant %s%soverflow", op ? op : "",
                   op ? " " : "");
            invalid(e);
        }
        return;
    }
    ConstVal *out;
    const char *why;
    if (!cv_representable(e->cv, e->type, &out, &why)) {
        errorf(c, e->pos, "%s overflows %s", operand_str(c, e), type_str(e->type));
        invalid(e);
        return;
    }
    e->cv = out;
}

static const char *op_name(TokenKind op) { return token_spelling(op); }

static void check_shift(Checker *c, Expr *e, Expr *x, Expr *y) {
    TokenKind op = e->u.binary.op;
    const char *count_str = NULL; /* a constant count as gc describes it: before it becomes a uint */
    /* the count */
    if (y->mode == MODE_CONST) {
        count_str = operand_str(c, y);
        ConstVal *iv = cv_to_int(y->cv);
        if (!iv || !(is_integer_or_untyped(y->type) || type_is_untyped(y->type))) {
            errorf(c, y->pos, "invalid operation: shift count %s must be integer", operand_str(c, y));
            invalid(e);
            return;
        }
        if (cv_sign(iv) < 0) {
            errorf(c, y->pos, "invalid operation: negative shift count %s", operand_str(c, y));
            invalid(e);
            return;
        }
        if (type_is_untyped(y->type)) {
            y->cv = iv;
            convert_untyped(c, y, t_uint);
        }
    } else {
        if (type_is_untyped(y->type)) convert_untyped(c, y, t_uint);
        if (y->mode == MODE_INVALID) {
            invalid(e);
            return;
        }
        if (!type_is_integer(y->type->under)) {
            errorf(c, y->pos, "invalid operation: shift count %s must be integer", operand_str(c, y));
            invalid(e);
            return;
        }
    }
    /* the shifted operand */
    if (x->mode == MODE_CONST) {
        ConstVal *xi = cv_to_int(x->cv);
        if (!xi || !(is_integer_or_untyped(x->type) || type_is_untyped(x->type))) {
            errorf(c, x->pos, "invalid operation: shifted operand %s must be integer", operand_str(c, x));
            invalid(e);
            return;
        }
        if (y->mode == MODE_CONST) {
            ConstVal *s = cv_to_int(y->cv);
            /* gc's bound, so that the smallest float64 can be expressed */
            if (!cv_fits_uint64(s) || cv_uint64_val(s) > 1023 - 1 + 52) {
                errorf(c, y->pos, "invalid operation: invalid shift count %s", count_str);
                invalid(e);
                return;
            }
            e->mode = MODE_CONST;
            e->cv = cv_shift(op, xi, cv_uint64_val(s));
            e->type = type_is_untyped(x->type) ? (x->type->kind == KIND_UNTYPED_RUNE ? t_untyped_rune : t_untyped_int)
                                               : x->type;
            check_const_fits(c, e);
            return;
        }
        if (type_is_untyped(x->type)) {
            /* 1 << n: the type comes from the context (delayed) */
            x->cv = xi;
            x->type = t_untyped_int;
            e->mode = MODE_VALUE;
            e->type = t_untyped_int;
            return;
        }
    }
    if (!type_is_integer(x->type->under)) {
        errorf(c, x->pos, "invalid operation: shifted operand %s must be integer", operand_str(c, x));
        invalid(e);
        return;
    }
    e->mode = MODE_VALUE;
    e->type = x->type;
}

/* A binary expression as messages show it: x op= y for an assignment operation. */
static const char *binary_str(Checker *c, Expr *e) {
    if (e != c->op_assign) return expr_str(e);
    return gc_sprintf("%s %s= %s", expr_str(e->u.binary.x), op_name(e->u.binary.op), expr_str(e->u.binary.y));
}

/* Make the operands of a binary operation agree on a type; report a
 * mismatch at pos (gc: the start of an arithmetic expression, the second
 * operand of a comparison). */
static bool match_types(Checker *c, Expr *e, Expr *x, Expr *y, Pos pos) {
    bool xu = type_is_untyped(x->type), yu = type_is_untyped(y->type);
    const char *why;
    if (xu != yu) {
        Expr *u = xu ? x : y, *typed = xu ? y : x;
        if (!to_type(c, u, typed->type, &why)) {
            if (u->mode != MODE_CONST || !why || !*why || strcmp(why, "shift") == 0) goto mismatch;
            report_untyped_conversion(c, u, typed->type, why, NULL); /* x + 300: "overflows int8" */
            invalid(e);
            return false;
        }
    } else if (xu && yu) {
        if (x->type == t_untyped_nil || y->type == t_untyped_nil) return x->type == y->type ? true : false;
        int rx = untyped_rank(x->type), ry = untyped_rank(y->type);
        if (rx && ry) {
            Type *t = rx >= ry ? x->type : y->type;
            to_type(c, x, t, &why);
            to_type(c, y, t, &why);
        } else if (x->type != y->type) {
            goto mismatch;
        }
    }
    return true;
mismatch:
    errorf(c, pos, "invalid operation: %s (mismatched types %s and %s)", binary_str(c, e), type_str(x->type),
           type_str(y->type));
    invalid(e);
    return false;
}

static void check_comparison(Checker *c, Expr *e, Expr *x, Expr *y) {
    TokenKind op = e->u.binary.op;
    /* nil comparisons */
    bool xnil = x->type == t_untyped_nil, ynil = y->type == t_untyped_nil;
    if (xnil || ynil) {
        Expr *other = xnil ? y : x;
        bool ordering = op != TK_EQL && op != TK_NEQ;
        if (xnil && ynil) { /* gc: at the second operand, or the first for an ordering */
            errorf(c, ordering ? x->pos : y->pos, "invalid operation: %s (operator %s not defined on untyped nil)",
                   expr_str(e), op_name(op));
            invalid(e);
            return;
        }
        if (!is_nilable(other->type)) {
            errorf(c, y->pos, "invalid operation: %s (mismatched types %s and %s)", expr_str(e), type_str(x->type),
                   type_str(y->type));
            invalid(e);
            return;
        }
        if (ordering) { /* nil takes the other operand's type, which is not ordered */
            errorf(c, x->pos, "invalid operation: %s (operator %s not defined on %s)", expr_str(e), op_name(op),
                   kind_str(other->type));
            invalid(e);
            return;
        }
        (xnil ? x : y)->type = other->type;
        e->mode = MODE_VALUE;
        e->type = t_untyped_bool;
        return;
    }
    /* one side may be an interface and the other a concrete type implementing it */
    bool ok_types = false;
    if (!type_is_untyped(x->type) && !type_is_untyped(y->type)) {
        ok_types = assignable(c, x->type, y->type, NULL) || assignable(c, y->type, x->type, NULL);
        if (!ok_types) {
            errorf(c, y->pos, "invalid operation: %s (mismatched types %s and %s)", expr_str(e),
                   type_str(x->type), type_str(y->type));
            invalid(e);
            return;
        }
    } else {
        if (x->type->under->kind == KIND_INTERFACE && type_is_untyped(y->type)) use_default_type(c, y);
        else if (y->type->under->kind == KIND_INTERFACE && type_is_untyped(x->type)) use_default_type(c, x);
        else if (!match_types(c, e, x, y, y->pos)) return;
    }
    Type *t = x->type;
    if (op == TK_EQL || op == TK_NEQ) {
        Type *bad = NULL;
        if (!comparable_type(x->type)) bad = x->type;
        else if (!comparable_type(y->type)) bad = y->type;
        if (bad && !type_is_untyped(bad)) {
            const char *what = bad->under->kind == KIND_SLICE ? "slice" : bad->under->kind == KIND_MAP ? "map"
                               : bad->under->kind == KIND_FUNC ? "func" : NULL;
            if (what)
                errorf(c, e->u.binary.x->pos, "invalid operation: %s (%s can only be compared to nil)", expr_str(e), what);
            else
                errorf(c, e->u.binary.x->pos, "invalid operation: %s (%s)", expr_str(e), incomparable_cause(bad));
            invalid(e);
            return;
        }
    } else if (!ordered(t) || !ordered(y->type)) {
        Expr *bad = ordered(t) ? y : x;
        errorf(c, bad->pos, "invalid operation: %s (operator %s not defined on %s)", expr_str(e), op_name(op),
               kind_str(bad->type));
        invalid(e);
        return;
    }
    if (x->mode == MODE_CONST && y->mode == MODE_CONST) {
        e->mode = MODE_CONST;
        e->cv = cv_bool(cv_compare(op, x->cv, y->cv));
    } else {
        e->mode = MODE_VALUE;
        /* untyped operands of a non-constant comparison get their default types */
        use_default_type(c, x);
        use_default_type(c, y);
    }
    e->type = t_untyped_bool;
}

static void check_binary(Checker *c, Expr *e, Type *hint) {
    Expr *x = e->u.binary.x, *y = e->u.binary.y;
    TokenKind op = e->u.binary.op;
    check_expr_internal(c, x, NULL);
    check_expr_internal(c, y, NULL);
    if (!check_value(c, x) | !check_value(c, y)) {
        invalid(e);
        return;
    }
    if (x->type->kind == KIND_INVALID || y->type->kind == KIND_INVALID) {
        invalid(e);
        return;
    }
    if (op == TK_SHL || op == TK_SHR) {
        check_shift(c, e, x, y);
        return;
    }
    if (op == TK_EQL || op == TK_NEQ || op == TK_LSS || op == TK_LEQ || op == TK_GTR || op == TK_GEQ) {
        check_comparison(c, e, x, y);
        return;
    }
    e->mode = MODE_VALUE;
    if (!match_types(c, e, x, y, e->pos)) return;
    Type *t = x->type;
    if (!type_is_untyped(t) && !type_is_untyped(y->type) && t != y->type) {
        errorf(c, x->pos, "invalid operation: %s (mismatched types %s and %s)", binary_str(c, e), type_str(t),
               type_str(y->type));
        invalid(e);
        return;
    }
    /* is the operator defined on the type? */
    bool ok;
    switch (op) {
    case TK_LAND: case TK_LOR: ok = is_boolean(t); break;
    case TK_ADD: ok = is_numeric(t) || is_string(t); break;
    case TK_SUB: case TK_MUL: case TK_QUO: ok = is_numeric(t); break;
    case TK_REM: case TK_AND: case TK_OR: case TK_XOR: case TK_AND_NOT: ok = is_integer_or_untyped(t); break;
    default: ok = false; break;
    }
    if (!ok) {
        errorf(c, x->pos, "invalid operation: operator %s not defined on %s", op_name(op), operand_str(c, x));
        invalid(e);
        return;
    }
    if ((op == TK_QUO || op == TK_REM) && y->mode == MODE_CONST && cv_sign(y->cv) == 0 &&
        (is_integer_or_untyped(t) || x->mode == MODE_CONST || type_is_untyped(t))) {
        if (!(type_is_float(t->under) || type_is_complex(t->under)) || x->mode == MODE_CONST) {
            errorf(c, y->pos, "invalid operation: division by zero");
            invalid(e);
            return;
        }
    }
    e->type = t;
    if (x->mode == MODE_CONST && y->mode == MODE_CONST) {
        const char *err = NULL;
        ConstVal *v;
        if (op == TK_LAND || op == TK_LOR) {
            bool a = cv_bool_val(x->cv), b = cv_bool_val(y->cv);
            v = cv_bool(op == TK_LAND ? a && b : a || b);
        } else {
            bool intdiv = is_integer_or_untyped(t) && !(t->kind == KIND_UNTYPED_FLOAT || t->kind == KIND_UNTYPED_COMPLEX);
            ConstVal *xv = x->cv, *yv = y->cv;
            if (type_is_float(t->under) || t->kind == KIND_UNTYPED_FLOAT) {
                xv = cv_to_float(xv);
                yv = cv_to_float(yv);
                intdiv = false;
            } else if (type_is_complex(t->under) || t->kind == KIND_UNTYPED_COMPLEX) {
                xv = cv_to_complex(xv);
                yv = cv_to_complex(yv);
                intdiv = false;
            }
            v = cv_binary(op, xv, yv, intdiv, &err);
            if (!v) {
                errorf(c, y->pos, "invalid operation: %s", err ? err : "constant arithmetic failed");
                invalid(e);
                return;
            }
        }
        e->mode = MODE_CONST;
        e->cv = v;
        check_const_fits(c, e);
    }
    (void)hint;
}

static void check_unary(Checker *c, Expr *e, Type *hint) {
    TokenKind op = e->u.unary.op;
    Expr *x = e->u.unary.x;
    if (op == TK_AND) {
        /* &T{...} takes the address of a fresh composite literal */
        Expr *inner = x;
        while (inner->kind == E_PAREN) inner = inner->u.unary.x;
        Type *h = hint && hint->under->kind == KIND_POINTER ? hint->under->elem : NULL;
        check_expr_internal(c, x, h);
        if (x->mode == MODE_INVALID) {
            invalid(e);
            return;
        }
        if (inner->kind != E_COMPOSITELIT && !is_addressable(x)) {
            if (x->mode == MODE_TYPE || x->mode == MODE_NOVALUE || x->mode == MODE_BUILTIN) check_value(c, x);
            else errorf(c, x->pos, "invalid operation: cannot take address of %s", operand_str(c, x));
            invalid(e);
            return;
        }
        mark_addressed(c, x);
        e->mode = MODE_VALUE;
        e->type = type_pointer(x->type);
        return;
    }
    if (op == TK_ARROW) {
        check_expr_internal(c, x, NULL);
        if (!check_value(c, x)) {
            invalid(e);
            return;
        }
        Type *u = x->type->under;
        if (u->kind != KIND_CHAN) {
            errorf(c, x->pos, "invalid operation: cannot receive from non-channel %s", operand_str(c, x));
            invalid(e);
            return;
        }
        if (u->chan_dir == CHAN_SEND) {
            errorf(c, x->pos, "invalid operation: cannot receive from send-only channel %s", operand_str(c, x));
            invalid(e);
            return;
        }
        e->mode = MODE_COMMAOK;
        e->type = u->elem;
        return;
    }
    check_expr_internal(c, x, NULL);
    if (!check_value(c, x)) {
        invalid(e);
        return;
    }
    Type *t = x->type;
    bool ok;
    switch (op) {
    case TK_ADD: case TK_SUB: ok = is_numeric(t); break;
    case TK_NOT: ok = is_boolean(t); break;
    case TK_XOR: ok = is_integer_or_untyped(t); break;
    default: ok = false;
    }
    if (!ok) {
        errorf(c, x->pos, "invalid operation: operator %s not defined on %s", op_name(op), operand_str(c, x));
        invalid(e);
        return;
    }
    e->type = t;
    if (x->mode == MODE_CONST) {
        int ubits = (op == TK_XOR && type_is_unsigned(t->under)) ? type_int_bits(t->under) : 0;
        e->mode = MODE_CONST;
        e->cv = cv_unary(op, x->cv, ubits);
        check_const_fits(c, e);
        return;
    }
    e->mode = MODE_VALUE;
}

/* ------------------------------------------------------ composite literals */

static int64_t const_index(Checker *c, Expr *k, int64_t max_len) {
    check_expr_internal(c, k, NULL);
    if (k->mode == MODE_INVALID) return -1;
    if (k->mode != MODE_CONST) {
        errorf(c, k->pos, "index %s must be integer constant", operand_str(c, k));
        return -1;
    }
    ConstVal *iv = cv_to_int(k->cv);
    if (!iv || !is_integer_or_untyped(k->type)) {
        if (!(iv && type_is_untyped(k->type))) {
            errorf(c, k->pos, "index %s must be integer constant", operand_str(c, k));
            return -1;
        }
    }
    if (cv_sign(iv) < 0) {
        errorf(c, k->pos, "index %s must be non-negative integer constant", expr_str(k));
        return -1;
    }
    if (!cv_fits_int64(iv) || (max_len >= 0 && cv_int64_val(iv) >= max_len)) {
        errorf(c, k->pos, "invalid argument: index %s out of bounds [0:%lld]", expr_str(k), (long long)max_len);
        return -1;
    }
    if (type_is_untyped(k->type)) convert_untyped(c, k, t_int);
    return cv_int64_val(iv);
}

static void check_elem(Checker *c, Expr *v, Type *et, const char *ctx) {
    /* elided type of a nested composite literal: {..} or &{..} for *T */
    if (v->kind == E_COMPOSITELIT && !v->u.composite.type) {
        if (et->under->kind == KIND_POINTER) {
            check_expr_internal(c, v, et->under->elem);
            if (v->mode != MODE_INVALID) {
                /* rewrite as &T{...} */
                Expr *lit = ast_new_expr(E_COMPOSITELIT, v->pos);
                *lit = *v;
                v->kind = E_UNARY;
                v->u.unary.op = TK_AND;
                v->u.unary.x = lit;
                v->mode = MODE_VALUE;
                v->type = type_pointer(lit->type);
            }
        } else {
            check_expr_internal(c, v, et);
        }
    } else {
        check_expr_internal(c, v, et);
    }
    assign_to(c, v, et, ctx);
}

static bool name_exported(const char *name) { return name[0] >= 'A' && name[0] <= 'Z'; }

/* The package path of the struct type declaring the field a selection
 * reaches (its last step), or NULL when that struct type is unnamed. */
static const char *field_owner_pkg(const Selection *s) {
    Type *cur = s->base, *owner = NULL;
    for (int i = 0; i < s->nsteps; i++) {
        owner = cur->kind == KIND_POINTER ? cur->elem : cur;
        cur = owner->under->fields[s->steps[i].field].type;
    }
    return owner && owner->name ? owner->pkg : NULL;
}

/* An unexported name declared in another package is a different name from
 * the same spelling here (spec: Uniqueness of identifiers); package C
 * exports everything. */
static bool foreign_name(Checker *c, const char *name, const char *pkg) {
    return !name_exported(name) && pkg && strcmp(pkg, c->pkg->path) != 0 && strcmp(pkg, "C") != 0;
}

/* Look sel up in t as code of the current package sees it: a field or
 * method with an unexported name of another package is not found. */
static LookupKind lookup_visible(Checker *c, Type *t, const char *sel, Selection *s, StructField **f, Object **m,
                                 bool *indirect) {
    StructField *fx = NULL;
    Object *mx = NULL;
    LookupKind k = lookup_field_or_method(t, sel, s, &fx, &mx, indirect);
    if (k == LOOKUP_FIELD && foreign_name(c, sel, field_owner_pkg(s))) return LOOKUP_NONE;
    if (k == LOOKUP_METHOD && mx && mx->pkg && foreign_name(c, sel, mx->pkg->path)) return LOOKUP_NONE;
    if (f) *f = fx;
    if (m) *m = mx;
    return k;
}

/* Why x.sel is undefined for x of type t, worded as go/types' lookupError:
 * it mentions a field or method whose name differs from sel only in the
 * case of its first letter, or one that is unexported in another package. */
static const char *lookup_error(Checker *c, Type *t, const char *sel) {
    char *alt = gc_strdup(sel);
    alt[0] = (char)(name_exported(sel) ? alt[0] - 'A' + 'a' : (alt[0] >= 'a' && alt[0] <= 'z') ? alt[0] - 'a' + 'A' : alt[0]);
    const char *names[2] = {intern_cstr(sel), intern_cstr(alt)};
    for (int i = 0; i < 2; i++) {
        if (i == 1 && names[1] == names[0]) break;
        Selection s = {0};
        StructField *f = NULL;
        Object *m = NULL;
        bool indirect = false;
        const char *what = NULL, *pkg = NULL;
        if (t->under->kind == KIND_INTERFACE) {
            for (int k = 0; k < t->under->nimethods; k++)
                if (t->under->imethods[k].name == names[i]) what = "method", pkg = t->name ? t->pkg : NULL;
        } else {
            LookupKind k = lookup_field_or_method(t, names[i], &s, &f, &m, &indirect);
            if (k == LOOKUP_FIELD) what = "field", pkg = field_owner_pkg(&s);
            else if (k == LOOKUP_METHOD) what = "method", pkg = m && m->pkg ? m->pkg->path : NULL;
        }
        if (!what) continue;
        bool foreign = foreign_name(c, names[i], pkg);
        if (i == 0) {
            if (foreign) return gc_sprintf("cannot refer to unexported %s %s", what, sel);
            continue;
        }
        if (!foreign)
            return gc_sprintf("type %s has no field or method %s, but does have %s %s", type_str(t), sel, what, alt);
        if (name_exported(sel))
            return gc_sprintf("type %s has no field or method %s, but does have unexported %s %s", type_str(t), sel,
                              what, alt);
    }
    return gc_sprintf("type %s has no field or method %s", type_str(t), sel);
}

static void check_composite(Checker *c, Expr *e, Type *hint) {
    Type *t;
    Expr *te = e->u.composite.type;
    ExprList *elts = &e->u.composite.elts;
    bool open_array = false;
    if (te) {
        if (te->kind == E_ARRAYTYPE && te->u.arraytype.len && te->u.arraytype.len->kind == E_ELLIPSIS) {
            open_array = true;
            t = check_type_expr(c, te->u.arraytype.elt); /* element type for now */
        } else {
            t = check_type_expr(c, te);
        }
    } else if (hint) {
        t = hint;
    } else {
        errorf(c, e->pos, "invalid composite literal type: missing type");
        invalid(e);
        return;
    }
    if (t->kind == KIND_INVALID) {
        for (int i = 0; i < elts->len; i++) {
            Expr *v = elts->items[i];
            if (v->kind == E_KEYVALUE) v = v->u.binary.y;
            if (v->kind != E_COMPOSITELIT) check_expr_internal(c, v, NULL);
        }
        invalid(e);
        return;
    }
    if (open_array) {
        /* [...]T{...}: length from the highest index */
        int64_t idx = 0, maxn = 0;
        for (int i = 0; i < elts->len; i++) {
            Expr *v = elts->items[i];
            if (v->kind == E_KEYVALUE) {
                int64_t k = const_index(c, v->u.binary.x, -1);
                if (k >= 0) idx = k;
                v = v->u.binary.y;
            }
            check_elem(c, v, t, "array or slice literal");
            idx++;
            if (idx > maxn) maxn = idx;
        }
        t = type_array(t, maxn);
        e->mode = MODE_VALUE;
        e->type = t;
        return;
    }
    Type *u = t->under;
    switch (u->kind) {
    case KIND_STRUCT: {
        if (elts->len == 0) break;
        bool keyed = elts->items[0]->kind == E_KEYVALUE;
        if (keyed) {
            bool *seen = gc_alloc((size_t)u->nfields + 1);
            for (int i = 0; i < elts->len; i++) {
                Expr *kv = elts->items[i];
                if (kv->kind != E_KEYVALUE) {
                    errorf(c, kv->pos, "mixture of field:value and value elements in struct literal");
                    check_expr_internal(c, kv, NULL);
                    continue;
                }
                Expr *k = kv->u.binary.x;
                if (k->kind != E_IDENT) {
                    errorf(c, k->pos, "invalid field name %s in struct literal", expr_str(k));
                    continue;
                }
                int fi = -1;
                for (int j = 0; j < u->nfields; j++)
                    if (u->fields[j].name == k->u.ident.name) fi = j;
                if (fi >= 0 && t->name && foreign_name(c, k->u.ident.name, t->pkg)) fi = -1; /* not this name */
                if (fi < 0) {
                    errorf(c, k->pos, "unknown field %s in struct literal of type %s", k->u.ident.name, type_str(t));
                    check_expr_internal(c, kv->u.binary.y, NULL);
                    continue;
                }
                if (seen[fi])
                    errorf(c, kv->u.binary.op_pos.line ? kv->u.binary.op_pos : k->pos,
                           "duplicate field name %s in struct literal", k->u.ident.name);
                seen[fi] = true;
                k->aux = (void *)(intptr_t)(fi + 1); /* field index for the generator */
                check_elem(c, kv->u.binary.y, u->fields[fi].type, "struct literal");
            }
        } else {
            for (int i = 0; i < elts->len; i++) {
                Expr *v = elts->items[i];
                if (v->kind == E_KEYVALUE) {
                    errorf(c, v->pos, "mixture of field:value and value elements in struct literal");
                    continue;
                }
                if (i >= u->nfields) {
                    errorf(c, v->pos, "too many values in struct literal of type %s", type_str(t));
                    break;
                }
                if (t->name && foreign_name(c, u->fields[i].name, t->pkg))
                    errorf(c, v->pos, "implicit assignment to unexported field %s in struct literal of type %s",
                           u->fields[i].name, type_str(t));
                check_elem(c, v, u->fields[i].type, "struct literal");
            }
            if (elts->len < u->nfields)
                errorf(c, e->u.composite.rbrace.line ? e->u.composite.rbrace : e->pos,
                       "too few values in struct literal of type %s", type_str(t));
        }
        break;
    }
    case KIND_ARRAY:
    case KIND_SLICE: {
        int64_t idx = 0, limit = u->kind == KIND_ARRAY ? u->len : -1;
        DupSet used = {0}; /* indices */
        for (int i = 0; i < elts->len; i++) {
            Expr *v = elts->items[i];
            Pos at = v->pos; /* gc reports at the element, or at the colon of key: value */
            if (v->kind == E_KEYVALUE) {
                int64_t k = const_index(c, v->u.binary.x, limit);
                if (k >= 0) idx = k;
                at = v->u.binary.op_pos;
                v = v->u.binary.y;
            } else if (limit >= 0 && idx >= limit) {
                errorf(c, v->pos, "index %lld is out of bounds (>= %lld)", (long long)idx, (long long)limit);
            }
            if (dupset_add(&used, (uint64_t)idx, e, NULL))
                errorf(c, at, "duplicate index %lld in array or slice literal", (long long)idx);
            check_elem(c, v, u->elem, "array or slice literal");
            idx++;
        }
        break;
    }
    case KIND_MAP: {
        DupSet keys = {0}; /* constant keys */
        for (int i = 0; i < elts->len; i++) {
            Expr *kv = elts->items[i];
            if (kv->kind != E_KEYVALUE) {
                errorf(c, kv->pos, "missing key in map literal");
                check_expr_internal(c, kv, NULL);
                continue;
            }
            check_elem(c, kv->u.binary.x, u->key, "map literal");
            check_elem(c, kv->u.binary.y, u->elem, "map literal");
            Expr *k = kv->u.binary.x;
            if (k->mode == MODE_CONST && dupset_add(&keys, const_hash(k->cv), k, same_constant))
                errorf(c, k->pos, "duplicate key %s in map literal", expr_str(k));
        }
        break;
    }
    default:
        errorf(c, e->pos, "invalid composite literal type %s", type_str(t));
        invalid(e);
        return;
    }
    e->mode = MODE_VALUE;
    e->type = t;
}

/* ------------------------------------------------------------- selectors */

static Type *method_sig_without_recv(Type *ms) {
    return type_func(ms->params + 1, ms->nparams - 1, ms->results, ms->nresults, (ms->flags & TF_VARIADIC) != 0);
}

/* Where gc reports a problem with selector x.f: at f. */
static Pos sel_pos(Expr *e) { return e->u.selector.sel_pos.line ? e->u.selector.sel_pos : e->pos; }

/* I.M for an interface type I: lookup_field_or_method leaves the methods of
 * the interface itself to its callers (values of interface type dispatch
 * dynamically), so a method expression looks them up here. */
static LookupKind lookup_iface_method(Type *t, const char *name, Selection *s) {
    Type *u = t->under;
    for (int k = 0; k < u->nimethods; k++)
        if (u->imethods[k].name == name) {
            s->base = t;
            s->imethod = k;
            return LOOKUP_METHOD;
        }
    return LOOKUP_NONE;
}

static void check_selector(Checker *c, Expr *e) {
    Expr *x = e->u.selector.x;
    const char *sel = intern_cstr(e->u.selector.sel);
    /* pkg.Name */
    if (x->kind == E_IDENT) {
        Object *po = scope_lookup(c->scope, x->u.ident.name);
        if (po && po->kind == OBJ_PKG) {
            po->import_spec->u.import.used = true;
            x->mode = MODE_PACKAGE;
            x->obj = po;
            Object *o = package_member(c, po, sel, sel_pos(e));
            if (!o) {
                invalid(e);
                return;
            }
            Selection *s = NEW(Selection);
            s->kind = SEL_QUALIFIED;
            e->aux = s;
            e->obj = o;
            if (o->color != 2) resolve_object(c, o);
            switch (o->kind) {
            case OBJ_CONST: e->mode = MODE_CONST; e->type = o->type; e->cv = o->cv; break;
            case OBJ_TYPE: e->mode = MODE_TYPE; e->type = o->type; break;
            case OBJ_VAR: e->mode = MODE_VAR; e->type = o->type; break;
            case OBJ_FUNC: e->mode = MODE_VALUE; e->type = o->type; break;
            default: invalid(e); break;
            }
            if (!e->type) invalid(e);
            return;
        }
    }
    check_expr_or_type(c, x);
    if (x->mode == MODE_INVALID) {
        invalid(e);
        return;
    }
    Selection *s = NEW(Selection);
    e->aux = s;
    if (x->mode == MODE_TYPE) {
        /* method expression T.M / (*T).M */
        Type *t = x->type;
        Object *m = NULL;
        bool indirect = false;
        LookupKind k = t->under->kind == KIND_INTERFACE ? lookup_iface_method(t, sel, s)
                                   : lookup_visible(c, t, sel, s, NULL, &m, &indirect);
        if (k != LOOKUP_METHOD) {
            errorf(c, sel_pos(e), "%s undefined (type %s has no %s %s)", expr_str(e), type_str(t),
                   k == LOOKUP_FIELD ? "method" : "field or method", sel);
            invalid(e);
            return;
        }
        if (!m) {
            /* interface method expression I.M */
            Type *it = t->under;
            int idx = s->imethod;
            s->kind = SEL_IFACE_METHOD;
            Type *ms = it->imethods[idx].sig;
            Vec(Type *) ps = {0};
            vec_push(&ps, t);
            for (int i = 0; i < ms->nparams; i++) vec_push(&ps, ms->params[i]);
            e->mode = MODE_VALUE;
            e->type = type_func(ps.items, ps.len, ms->results, ms->nresults, (ms->flags & TF_VARIADIC) != 0);
            s->kind = SEL_METHOD_EXPR;
            s->method = NULL;
            s->iface = t;
            return;
        }
        if (m->color != 2) resolve_object(c, m);
        if (m->ptr_recv && t->kind != KIND_POINTER && !indirect) {
            errorf(c, sel_pos(e), "invalid method expression %s (needs pointer receiver (*%s).%s)", expr_str(e),
                   type_str(t), sel);
            invalid(e);
            return;
        }
        s->kind = SEL_METHOD_EXPR;
        s->method = m;
        record_use(c, m); /* a method reference is an initialization dependency */
        Type *ms = m->type;
        Vec(Type *) ps = {0};
        vec_push(&ps, t);
        for (int i = 1; i < ms->nparams; i++) vec_push(&ps, ms->params[i]);
        e->mode = MODE_VALUE;
        e->type = type_func(ps.items, ps.len, ms->results, ms->nresults, (ms->flags & TF_VARIADIC) != 0);
        return;
    }
    if (!check_value(c, x)) {
        invalid(e);
        return;
    }
    Type *t = x->type;
    if (t->under->kind == KIND_INTERFACE && !(t->kind == KIND_POINTER)) {
        Type *it = t->under;
        for (int i = 0; i < it->nimethods; i++) {
            if (it->imethods[i].name == sel) {
                s->kind = SEL_IFACE_METHOD;
                s->imethod = i;
                s->iface = t;
                s->base = t;
                e->mode = MODE_VALUE;
                e->type = it->imethods[i].sig;
                return;
            }
        }
        errorf(c, sel_pos(e), "%s undefined (%s)", expr_str(e), lookup_error(c, t, sel));
        invalid(e);
        return;
    }
    if (!t->name && t->kind == KIND_POINTER && t->elem->under && t->elem->under->kind == KIND_INTERFACE) {
        errorf(c, sel_pos(e), "%s undefined (type %s is pointer to interface, not interface)", expr_str(e), type_str(t));
        invalid(e);
        return;
    }
    StructField *f = NULL;
    Object *m = NULL;
    bool indirect = false;
    LookupKind k = lookup_visible(c, t, sel, s, &f, &m, &indirect);
    switch (k) {
    case LOOKUP_FIELD:
        s->kind = SEL_FIELD;
        e->type = f->type;
        /* addressable if x is, or if the path goes through a pointer */
        e->mode = (indirect || is_addressable(x)) ? MODE_VAR : MODE_VALUE;
        return;
    case LOOKUP_METHOD: {
        if (s->kind == SEL_IFACE_METHOD) {
            /* method promoted from an embedded interface field */
            e->mode = MODE_VALUE;
            e->type = s->iface->under->imethods[s->imethod].sig;
            return;
        }
        if (m->color != 2) resolve_object(c, m);
        s->kind = SEL_METHOD;
        s->method = m;
        record_use(c, m); /* a method reference is an initialization dependency */
        if (m->ptr_recv) {
            if (!indirect) {
                if (!is_addressable(x)) {
                    errorf(c, sel_pos(e), "cannot call pointer method %s on %s", sel, type_str(t));
                    invalid(e);
                    return;
                }
                s->addr_recv = true;
                mark_addressed(c, x);
            }
        } else {
            /* value method: dereference if the final receiver is a pointer */
            s->deref_recv = indirect;
        }
        e->mode = MODE_VALUE;
        e->type = method_sig_without_recv(m->type);
        return;
    }
    case LOOKUP_AMBIGUOUS:
        errorf(c, sel_pos(e), "ambiguous selector %s", expr_str(e));
        invalid(e);
        return;
    default:
        errorf(c, sel_pos(e), "%s undefined (%s)", expr_str(e), lookup_error(c, t, sel));
        invalid(e);
        return;
    }
}

/* ------------------------------------------------------- index and slice */

/* Check an index operand: integer, non-negative when constant, < length
 * when both are constant. Returns the constant index or -1. */
static int64_t check_index(Checker *c, Expr *idx, int64_t length, const char *what) {
    check_expr_internal(c, idx, NULL);
    if (!check_value(c, idx)) return -1;
    /* an untyped constant index becomes an int first, as in gc ("1.5 (untyped
     * float constant) truncated to int") */
    if (type_is_untyped(idx->type)) {
        convert_untyped(c, idx, t_int);
        if (idx->mode == MODE_INVALID) return -1;
    }
    if (!type_is_integer(idx->type->under)) {
        errorf(c, idx->pos, "invalid argument: %s %s must be integer", what, operand_str(c, idx));
        return -1;
    }
    if (idx->mode != MODE_CONST) return -2;
    ConstVal *iv = idx->cv;
    if (cv_sign(iv) < 0) {
        errorf(c, idx->pos, "invalid argument: %s %s must not be negative", what, operand_str(c, idx));
        return -1;
    }
    if (!cv_fits_int64(iv)) {
        errorf(c, idx->pos, "invalid argument: %s %s overflows int", what, operand_str(c, idx));
        return -1;
    }
    int64_t v = cv_int64_val(iv);
    if (length >= 0 && v >= length) {
        errorf(c, idx->pos, "invalid argument: %s %s out of bounds [0:%lld]", what, expr_str(idx), (long long)length);
        return -1;
    }
    return v;
}

/* Check the operands of an expression that is invalid already, for the
 * variables they use (go/types' Checker.use). */
static void use_exprs(Checker *c, Expr **es, int n) {
    for (int i = 0; i < n; i++)
        if (es[i]) check_expr_or_tuple(c, es[i], NULL);
}

static void check_index_expr(Checker *c, Expr *e, Type *hint) {
    Expr *x = e->u.index.x;
    check_expr_or_type(c, x);
    if (x->mode == MODE_INVALID) {
        use_exprs(c, e->u.index.indices.items, e->u.index.indices.len);
        invalid(e);
        return;
    }
    if (x->mode == MODE_TYPE || (x->type && x->type->kind == KIND_FUNC && x->mode == MODE_VALUE && e->u.index.indices.len)) {
        if (x->mode == MODE_TYPE || (x->obj && x->obj->kind == OBJ_FUNC)) {
            errorf(c, e->pos, "generic instantiation is not supported by goi");
            invalid(e);
            return;
        }
    }
    if (e->u.index.indices.len != 1) {
        errorf(c, e->pos, "unexpected comma; expecting ]");
        invalid(e);
        return;
    }
    if (!check_value(c, x)) {
        invalid(e);
        return;
    }
    Expr *idx = e->u.index.indices.items[0];
    Type *t = x->type, *u = t->under;
    if (u->kind == KIND_POINTER && u->elem->under->kind == KIND_ARRAY) {
        check_index(c, idx, u->elem->under->len, "index");
        e->mode = MODE_VAR;
        e->type = u->elem->under->elem;
        return;
    }
    switch (u->kind) {
    case KIND_STRING:
    case KIND_UNTYPED_STRING: {
        int64_t len = -1;
        if (x->mode == MODE_CONST) len = cv_string_val(x->cv).len;
        check_index(c, idx, len, "index");
        /* a byte of a constant string is no constant (spec: Index expressions) */
        if (type_is_untyped(x->type)) convert_untyped(c, x, t_string);
        e->mode = MODE_VALUE;
        e->type = t_uint8;
        return;
    }
    case KIND_ARRAY: {
        int64_t k = check_index(c, idx, u->len, "index");
        e->mode = is_addressable(x) ? MODE_VAR : MODE_VALUE;
        e->type = u->elem;
        /* a dynamic index needs the array in memory, not in registers */
        if (k == -2) mark_addressed(c, x);
        return;
    }
    case KIND_SLICE:
        check_index(c, idx, -1, "index");
        e->mode = MODE_VAR;
        e->type = u->elem;
        return;
    case KIND_MAP:
        check_expr_internal(c, idx, u->key);
        assign_to(c, idx, u->key, "map index");
        e->mode = MODE_MAPINDEX;
        e->type = u->elem;
        return;
    default:
        errorf(c, e->u.index.lbrack.line ? e->u.index.lbrack : x->pos, "invalid operation: cannot index %s",
               operand_str(c, x));
        invalid(e);
        return;
    }
    (void)hint;
}

static void check_slice_expr(Checker *c, Expr *e) {
    Expr *x = e->u.slice.x;
    check_expr_internal(c, x, NULL);
    if (!check_value(c, x)) {
        Expr *idx[3] = {e->u.slice.lo, e->u.slice.hi, e->u.slice.max};
        use_exprs(c, idx, 3);
        invalid(e);
        return;
    }
    Type *t = x->type, *u = t->under;
    int64_t cap = -1;
    switch (u->kind) {
    case KIND_STRING:
    case KIND_UNTYPED_STRING:
        if (e->u.slice.slice3) {
            errorf(c, e->u.slice.max ? e->u.slice.max->pos : e->pos, "invalid operation: 3-index slice of string");
            invalid(e);
            return;
        }
        if (x->mode == MODE_CONST) cap = cv_string_val(x->cv).len;
        if (type_is_untyped(t)) {
            convert_untyped(c, x, t_string);
            t = t_string;
        }
        e->type = t;
        break;
    case KIND_ARRAY:
        if (!is_addressable(x)) {
            errorf(c, x->pos, "invalid operation: cannot slice %s (value not addressable)", operand_str(c, x));
            invalid(e);
            return;
        }
        mark_addressed(c, x);
        cap = u->len;
        e->type = type_slice(u->elem);
        break;
    case KIND_POINTER:
        if (u->elem->under->kind == KIND_ARRAY) {
            cap = u->elem->under->len;
            e->type = type_slice(u->elem->under->elem);
            break;
        }
        /* fallthrough */
    default:
        if (u->kind == KIND_SLICE) {
            e->type = t;
            break;
        }
        errorf(c, x->pos, "invalid operation: cannot slice %s", operand_str(c, x));
        invalid(e);
        return;
    }
    int64_t vals[3] = {-1, -1, -1};
    Expr *idx[3] = {e->u.slice.lo, e->u.slice.hi, e->u.slice.max};
    for (int i = 0; i < 3; i++) {
        if (!idx[i]) continue;
        int64_t v = check_index(c, idx[i], cap >= 0 ? cap + 1 : -1, "index");
        vals[i] = v;
    }
    /* constant indices must be in order */
    for (int i = 0; i < 3; i++)
        for (int j = i + 1; j < 3; j++)
            if (vals[i] >= 0 && vals[j] >= 0 && vals[i] > vals[j]) {
                errorf(c, idx[j]->pos, "invalid slice indices: %lld < %lld", (long long)vals[j], (long long)vals[i]);
                invalid(e);
                return;
            }
    e->mode = MODE_VALUE;
}

static void check_type_assert(Checker *c, Expr *e) {
    Expr *x = e->u.typeassert.x;
    check_expr_internal(c, x, NULL);
    if (!check_value(c, x)) {
        invalid(e);
        return;
    }
    if (!e->u.typeassert.type) {
        errorf(c, e->pos, "invalid syntax tree: use of .(type) outside type switch");
        invalid(e);
        return;
    }
    if (x->type->under->kind != KIND_INTERFACE) {
        errorf(c, x->pos, "invalid operation: %s is not an interface", operand_str(c, x));
        invalid(e);
        return;
    }
    Type *t = check_type_expr(c, e->u.typeassert.type);
    if (t->kind == KIND_INVALID) {
        invalid(e);
        return;
    }
    if (t->under->kind != KIND_INTERFACE) {
        const char *missing = NULL;
        bool ptr = false, wrong = false;
        if (!implements(c, t, x->type, &missing, &ptr, &wrong)) {
            errorf(c, e->pos, "impossible type assertion: %s\n\t%s does not implement %s %s", expr_str(e),
                   type_str(t), type_str(x->type), missing_method_cause(c, t, x->type, missing, ptr, wrong));
            invalid(e);
            return;
        }
    }
    e->mode = MODE_COMMAOK;
    e->type = t;
}

/* ------------------------------------------------------------ entry points */

static void check_funclit(Checker *c, Expr *e) {
    FuncCtx *fc = NEW(FuncCtx);
    fc->parent = c->fn;
    fc->lit = e;
    fc->ftype = &e->u.funclit.type->u.functype;
    fc->body = e->u.funclit.body;
    fc->pkg = c->pkg;
    FuncCtx *outer = c->fn;
    while (outer && outer->lit) outer = outer->parent;
    FuncCtx *namer = c->fn;
    if (namer) {
        /* Go names literals after the outermost declared function: f.func1, f.func2, f.func1.1 */
        namer->nlits++;
        if (namer->lit) fc->name = gc_sprintf("%s.%d", namer->name, namer->nlits);
        else fc->name = gc_sprintf("%s.func%d", namer->name, namer->nlits);
    } else {
        static int glob;
        fc->name = gc_sprintf("%s.glob..func%d", c->pkg->path, ++glob);
    }
    Scope *fs = scope_new(c->scope);
    fs->is_func = true;
    fc->scope = fs;
    fc->sig = check_func_type(c, fc->ftype, NULL, fc, fs);
    e->aux = fc;
    Checker sub = *c;
    check_func_body(&sub, fc);
    e->mode = MODE_VALUE;
    e->type = fc->sig;
}

static void check_expr_internal(Checker *c, Expr *e, Type *hint) {
    e->cv = NULL;
    if (unlikely(nested_too_deeply(c, e->pos))) {
        invalid(e);
        return;
    }
    switch (e->kind) {
    case E_BAD:
        if (!e->type) invalid(e); /* else an operand the checker made (unpack_results) */
        break;
    case E_IDENT: check_ident(c, e); break;
    case E_BASICLIT: {
        const char *err = NULL;
        ConstVal *v = cv_from_literal(e->u.lit.kind, e->u.lit.text, e->u.lit.len, &err);
        if (!v) {
            errorf(c, e->pos, "%s", err ? err : "invalid literal");
            invalid(e);
            break;
        }
        e->mode = MODE_CONST;
        e->cv = v;
        switch (e->u.lit.kind) {
        case TK_INT: e->type = t_untyped_int; break;
        case TK_FLOAT: e->type = t_untyped_float; break;
        case TK_IMAG: e->type = t_untyped_complex; break;
        case TK_CHAR: e->type = t_untyped_rune; break;
        default: e->type = t_untyped_string; break;
        }
        break;
    }
    case E_COMPOSITELIT: check_composite(c, e, hint); break;
    case E_FUNCLIT: check_funclit(c, e); break;
    case E_PAREN: {
        Expr *x = e->u.unary.x;
        check_expr_internal(c, x, hint);
        e->mode = x->mode;
        e->type = x->type;
        e->cv = x->cv;
        e->obj = x->obj;
        break;
    }
    case E_SELECTOR: check_selector(c, e); break;
    case E_INDEX: check_index_expr(c, e, hint); break;
    case E_SLICE: check_slice_expr(c, e); break;
    case E_TYPEASSERT: check_type_assert(c, e); break;
    case E_CALL: check_call(c, e, hint); break;
    case E_STAR: {
        Expr *x = e->u.unary.x;
        check_expr_or_type(c, x);
        if (x->mode == MODE_INVALID) {
            invalid(e);
            break;
        }
        if (x->mode == MODE_TYPE) {
            e->mode = MODE_TYPE;
            e->type = type_pointer(x->type);
            break;
        }
        if (!check_value(c, x)) {
            invalid(e);
            break;
        }
        if (x->type == t_untyped_nil) {
            errorf(c, x->pos, "invalid operation: cannot indirect nil");
            invalid(e);
            break;
        }
        if (x->type->under->kind != KIND_POINTER) {
            errorf(c, x->pos, "invalid operation: cannot indirect %s", operand_str(c, x));
            invalid(e);
            break;
        }
        if (is_cgo_pointer(x->type)) {
            errorf(c, e->pos, "invalid operation: cannot indirect %s: goi does not dereference C pointers "
                              "(copy C data with C.GoString, C.GoStringN or C.GoBytes)", operand_str(c, x));
            invalid(e);
            break;
        }
        e->mode = MODE_VAR;
        e->type = x->type->under->elem;
        break;
    }
    case E_UNARY: check_unary(c, e, hint); break;
    case E_BINARY: check_binary(c, e, hint); break;
    case E_KEYVALUE:
        errorf(c, e->pos, "unexpected key:value expression");
        invalid(e);
        break;
    case E_ARRAYTYPE: case E_STRUCTTYPE: case E_FUNCTYPE: case E_INTERFACETYPE: case E_MAPTYPE:
    case E_CHANTYPE:
        check_type_expr(c, e);
        break;
    case E_ELLIPSIS:
        errorf(c, e->pos, "invalid use of ...");
        invalid(e);
        break;
    }
    if (!e->type) e->type = t_invalid;
}

void check_expr_or_type(Checker *c, Expr *e) { check_expr_internal(c, e, NULL); }

void check_multi(Checker *c, Expr *e) { check_expr_internal(c, e, NULL); }

void check_expr_or_tuple(Checker *c, Expr *e, Type *hint) { check_expr_internal(c, e, hint); }

void check_expr(Checker *c, Expr *e, Type *hint) {
    check_expr_internal(c, e, hint);
    /* (a call without results is left to check_value: "f() (no value) used as value") */
    if (e->mode != MODE_INVALID && e->mode != MODE_NOVALUE && e->type && e->type->kind == KIND_TUPLE) {
        errorf(c, e->pos, "multiple-value %s (value of type %s) in single-value context", expr_str(e),
               type_str(e->type));
        invalid(e);
    }
}
