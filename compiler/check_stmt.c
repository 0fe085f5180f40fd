/* check_stmt.c - statements and function bodies.
 *
 * Besides types, statements carry control-flow facts for the generator:
 * a break/continue/goto statement's aux is the statement it targets, a
 * type-switch clause's aux is the clause's symbolic variable, and an
 * identifier on the left of := has aux == DECLARES when it declares.
 */
#include "internal.h"

#include <stdio.h>

#define DECLARES ((void *)1)

static void check_block_list(Checker *c, StmtList *l);

static void open_scope(Checker *c) { c->scope = scope_new(c->scope); }
static void close_scope(Checker *c) { c->scope = c->scope->parent; }

/* At the top level of REPL input, declarations go to the package scope so
 * they persist, replacing an earlier declaration of the same name. */
static bool at_repl_top(Checker *c) { return c->repl_scope && c->scope == c->repl_scope; }

static void declare_persistent(Checker *c, Object *o) {
    if (o->name == intern_cstr("_")) return;
    scope_remove(c->pkg->scope, o->name);
    scope_insert(c->pkg->scope, o);
    vec_push(&c->pkg->objs, o);
}

/* The alias spelling (byte, rune) of the type of a variable declared
 * without a type from value v, or NULL. */
static const char *inferred_spelling(Expr *v) {
    if (v->mode == MODE_INVALID || !v->type) return NULL;
    const char *s = operand_type_str(v);
    return strcmp(s, type_str(v->type)) != 0 ? s : NULL;
}

static Object *declare_local(Checker *c, Expr *ident, Type *t) {
    Object *o = new_object(OBJ_VAR, ident->u.ident.name, t, ident->pos);
    if (at_repl_top(c)) {
        o->is_global = true;
        o->used = true;
        o->pkg = c->pkg;
        o->color = 2;
        ident->obj = o;
        ident->mode = MODE_VAR;
        ident->type = t;
        declare_persistent(c, o);
        return o;
    }
    o->owner = c->fn;
    o->pkg = c->pkg;
    ident->obj = o;
    ident->mode = MODE_VAR;
    ident->type = t;
    if (t && t->size > 48) o->big = true;
    if (o->name != intern_cstr("_")) {
        declare(c, c->scope, o);
        if (scope_lookup_local(c->scope, o->name) != o) o->used = true; /* redeclared: reported once */
        if (c->fn) vec_push(&c->fn->locals, o);
    } else {
        o->used = true;
    }
    return o;
}

/* --------------------------------------------------------- assignments */

/* Check the left side of = (not :=). Returns the type to assign, or NULL for _. */
static Type *check_lhs(Checker *c, Expr *e) {
    if (e->kind == E_IDENT && e->u.ident.name == intern_cstr("_")) {
        e->mode = MODE_VAR;
        e->type = NULL;
        e->obj = NULL;
        return NULL;
    }
    /* an assignment is not a use of the variable */
    Object *o = NULL;
    bool was_used = false;
    if (e->kind == E_IDENT) {
        o = scope_lookup(c->scope, e->u.ident.name);
        if (o && o->kind == OBJ_VAR) was_used = o->used;
    }
    check_expr_or_type(c, e);
    if (o && o->kind == OBJ_VAR) o->used = was_used; /* also from a closure: gc counts no assignment as a use */
    if (e->mode == MODE_INVALID) return t_invalid;
    if (e->mode == MODE_VAR || e->mode == MODE_MAPINDEX) {
        /* m[k].f = v is not allowed: the field of a map element is not addressable */
        return e->type;
    }
    Expr *x = e;
    while (x->kind == E_PAREN) x = x->u.unary.x;
    if (x->kind == E_SELECTOR && x->u.selector.x->mode == MODE_MAPINDEX) {
        errorf(c, e->pos, "cannot assign to struct field %s in map", expr_str(e));
        return t_invalid;
    }
    errorf(c, e->pos, "cannot assign to %s (neither addressable nor a map index expression)", expr_str(e));
    return t_invalid;
}

/* Can the untyped bool ok of a comma-ok assignment be assigned to type t? */
static bool ok_assignable(Checker *c, Type *t) {
    return t->under->kind == KIND_BOOL || (t->under->kind == KIND_INTERFACE && assignable(c, t_bool, t, NULL));
}

/* Is this expression usable in a comma-ok assignment? */
static bool commaok_capable(Expr *e) {
    while (e->kind == E_PAREN) e = e->u.unary.x;
    return e->mode == MODE_MAPINDEX || e->mode == MODE_COMMAOK;
}

/* "assignment mismatch: 2 variables but f returns 1 value", reported as gc
 * does at the first value, naming a call by its function. */
void assignment_mismatch(Checker *c, int nl, ExprList *rhs) {
    Expr *r0 = rhs->items[0];
    Expr *call = r0;
    while (call->kind == E_PAREN) call = call->u.unary.x;
    if (rhs->len == 1 && r0->mode == MODE_NOVALUE)
        errorf(c, r0->pos, "%s (no value) used as value", expr_str(r0));
    else if (rhs->len == 1 && call->kind == E_CALL) {
        int nr = r0->type && r0->type->kind == KIND_TUPLE ? r0->type->nresults : 1;
        errorf(c, r0->pos, "assignment mismatch: %d variable%s but %s returns %d value%s", nl, nl == 1 ? "" : "s",
               expr_str(call->u.call.fun), nr, nr == 1 ? "" : "s");
    } else
        errorf(c, r0->pos, "assignment mismatch: %d variable%s but %d value%s", nl, nl == 1 ? "" : "s", rhs->len,
               rhs->len == 1 ? "" : "s");
}

/* Check the value of a one-variable assignment or declaration (rhs holds
 * just e): a multi-value call there is an assignment mismatch. */
void check_single_value(Checker *c, Expr *e, Type *hint, ExprList *rhs) {
    check_expr_or_tuple(c, e, hint);
    if (e->mode != MODE_INVALID && e->type && e->type->kind == KIND_TUPLE) {
        assignment_mismatch(c, 1, rhs);
        e->mode = MODE_INVALID;
        e->type = t_invalid;
    }
}

/* After a failed assignment the variables assigned count as used, as gc
 * has it (no follow-on "declared and not used"). */
static void use_lhs_vars(ExprList *lhs) {
    for (int i = 0; i < lhs->len; i++) {
        Expr *l = lhs->items[i];
        while (l->kind == E_PAREN) l = l->u.unary.x;
        if (l->kind == E_IDENT && l->obj && l->obj->kind == OBJ_VAR) l->obj->used = true;
    }
}

static void check_assign(Checker *c, Stmt *s) {
    ExprList *lhs = &s->u.assign.lhs, *rhs = &s->u.assign.rhs;
    TokenKind tok = s->u.assign.tok;
    if (tok != TK_ASSIGN && tok != TK_DEFINE) {
        /* x op= y */
        Expr *l = lhs->items[0], *r = rhs->items[0];
        Type *lt = check_lhs(c, l);
        if (!lt) {
            errorf(c, l->pos, "cannot use _ as value");
            check_expr(c, r, NULL);
            return;
        }
        /* evaluate as a binary expression for the type rules */
        Expr tmp = {.kind = E_BINARY, .pos = l->pos};
        TokenKind op = (TokenKind)(TK_ADD + (tok - TK_ADD_ASSIGN));
        tmp.u.binary.op = op;
        tmp.u.binary.x = l;
        tmp.u.binary.y = r;
        /* x op= y reads x: it counts as a use (unlike x = y) */
        c->op_assign = &tmp;
        check_expr(c, &tmp, NULL);
        c->op_assign = NULL;
        if (l->kind == E_IDENT && l->obj) l->obj->used = true;
        if (tmp.mode == MODE_INVALID || lt->kind == KIND_INVALID) return;
        if (type_is_untyped(tmp.type)) convert_untyped(c, &tmp, lt);
        if (tmp.mode == MODE_CONST && type_is_untyped(r->type)) convert_untyped(c, r, lt);
        if (r->mode != MODE_INVALID && type_is_untyped(r->type) && !(op == TK_SHL || op == TK_SHR))
            convert_untyped(c, r, lt);
        return;
    }
    if (tok == TK_DEFINE) {
        /* at least one new variable in this scope; others are assigned */
        bool any_new = false;
        Object **objs = gc_alloc(sizeof(Object *) * (size_t)lhs->len);
        bool *runes = gc_alloc(sizeof(bool) * (size_t)lhs->len); /* x := 'a' declares a rune */
        DupSet names = {0}; /* the (interned) names on the left */
        for (int i = 0; i < lhs->len; i++) {
            Expr *l = lhs->items[i];
            if (l->kind != E_IDENT) {
                errorf(c, l->pos, "non-name %s on left side of :=", expr_str(l));
                continue;
            }
            if (l->u.ident.name == intern_cstr("_")) continue;
            if (dupset_add(&names, (uint64_t)(uintptr_t)l->u.ident.name, (void *)l->u.ident.name, NULL))
                errorf(c, l->pos, "%s repeated on left side of :=", l->u.ident.name);
            Object *prev = scope_lookup_local(c->scope, l->u.ident.name);
            if (prev && prev->kind == OBJ_VAR) {
                objs[i] = prev;
            } else {
                any_new = true;
            }
        }
        if (!any_new) errorf(c, s->u.assign.tok_pos.line ? s->u.assign.tok_pos : s->pos, "no new variables on left side of :=");
        /* right side first: the new variables are not in scope there */
        Type **types = gc_alloc(sizeof(Type *) * (size_t)(lhs->len + 1));
        bool failed = false; /* an initialization failed: no "declared and not used" for the variables */
        if (rhs->len == lhs->len) {
            for (int i = 0; i < rhs->len; i++) {
                Expr *r = rhs->items[i];
                Type *hint = objs[i] ? objs[i]->type : NULL;
                if (rhs->len == 1) check_single_value(c, r, hint, rhs);
                else check_expr(c, r, hint);
                if (r->mode == MODE_INVALID) {
                    types[i] = t_invalid;
                    continue;
                }
                if (objs[i]) {
                    if (!assign_to(c, r, objs[i]->type, "assignment")) failed = true;
                    types[i] = objs[i]->type;
                } else {
                    if (r->mode == MODE_NOVALUE || r->mode == MODE_TYPE || r->mode == MODE_BUILTIN) {
                        assign_to(c, r, t_any, "assignment"); /* reports */
                        types[i] = t_invalid;
                        continue;
                    }
                    if (r->type == t_untyped_nil) {
                        errorf(c, r->pos, "use of untyped nil in assignment");
                        types[i] = t_invalid;
                        continue;
                    }
                    runes[i] = r->type->kind == KIND_UNTYPED_RUNE;
                    use_default_type_in(c, r, "assignment");
                    types[i] = r->type;
                }
            }
        } else if (rhs->len == 1) {
            Expr *r = rhs->items[0];
            check_multi(c, r);
            if (r->mode == MODE_INVALID) {
                for (int i = 0; i < lhs->len; i++) types[i] = t_invalid;
            } else if (r->type->kind == KIND_TUPLE && r->type->nresults == lhs->len) {
                for (int i = 0; i < lhs->len; i++) {
                    types[i] = r->type->results[i];
                    if (objs[i]) {
                        const char *why;
                        if (!assignable(c, types[i], objs[i]->type, &why)) {
                            errorf(c, r->pos, "cannot use %s value as %s value in assignment", type_str(types[i]),
                                   type_str(objs[i]->type));
                            failed = true;
                        }
                        types[i] = objs[i]->type;
                    }
                }
            } else if (lhs->len == 2 && commaok_capable(r)) {
                s->aux = DECLARES; /* comma-ok form */
                if (objs[0]) failed |= !assign_to(c, r, objs[0]->type, "assignment");
                else if (type_is_untyped(r->type)) use_default_type(c, r);
                types[0] = objs[0] ? objs[0]->type : r->type;
                types[1] = objs[1] ? objs[1]->type : t_bool;
                if (objs[1] && !ok_assignable(c, objs[1]->type)) {
                    errorf(c, lhs->items[1]->pos, "cannot use %s (untyped bool value) as %s value in assignment",
                           "ok", type_str(objs[1]->type));
                    failed = true;
                }
            } else {
                assignment_mismatch(c, lhs->len, rhs);
                for (int i = 0; i < lhs->len; i++) types[i] = t_invalid;
            }
        } else {
            for (int i = 0; i < rhs->len; i++) check_expr(c, rhs->items[i], NULL);
            assignment_mismatch(c, lhs->len, rhs);
            for (int i = 0; i < lhs->len; i++) types[i] = t_invalid;
        }
        for (int i = 0; i < lhs->len; i++)
            if (types[i] && types[i]->kind == KIND_INVALID) failed = true;
        for (int i = 0; i < lhs->len; i++) {
            Expr *l = lhs->items[i];
            if (l->kind != E_IDENT) continue;
            if (l->u.ident.name == intern_cstr("_")) {
                l->mode = MODE_VAR;
                l->type = NULL;
                l->obj = NULL;
                continue;
            }
            if (objs[i]) {
                l->obj = objs[i];
                l->mode = MODE_VAR;
                l->type = objs[i]->type;
                if (failed) objs[i]->used = true;
                continue;
            }
            Object *o = declare_local(c, l, types[i]);
            if (failed) o->used = true;
            if (runes[i]) o->spelled = "rune";
            else if (rhs->len == lhs->len) o->spelled = inferred_spelling(rhs->items[i]); /* c := s[0] is a byte */
            l->aux = DECLARES;
        }
        return;
    }
    /* plain = */
    Type **lts = gc_alloc(sizeof(Type *) * (size_t)(lhs->len + 1));
    for (int i = 0; i < lhs->len; i++) lts[i] = check_lhs(c, lhs->items[i]);
    if (rhs->len == lhs->len) {
        bool failed = false; /* then the variables count as used, as gc has it (no follow-on errors) */
        for (int i = 0; i < rhs->len; i++) {
            Expr *r = rhs->items[i];
            if (rhs->len == 1) check_single_value(c, r, lts[i], rhs);
            else check_expr(c, r, lts[i]);
            if (r->mode == MODE_INVALID) {
                failed = true;
                continue;
            }
            if (lts[i]) {
                if (lts[i]->kind != KIND_INVALID &&
                    !assign_to_spelled(c, r, lts[i], operand_type_str(lhs->items[i]), "assignment"))
                    failed = true;
            } else {
                const char *ctx = "assignment to _ identifier";
                if (r->type == t_untyped_nil) errorf(c, r->pos, "use of untyped nil in %s", ctx);
                else if (r->mode == MODE_NOVALUE || r->mode == MODE_TYPE) assign_to(c, r, t_any, ctx);
                else use_default_type_in(c, r, ctx);
            }
        }
        if (failed) use_lhs_vars(lhs);
        return;
    }
    if (rhs->len == 1) {
        Expr *r = rhs->items[0];
        check_multi(c, r);
        if (r->mode == MODE_INVALID) {
            use_lhs_vars(lhs);
            return;
        }
        if (r->type->kind == KIND_TUPLE && r->type->nresults == lhs->len) {
            for (int i = 0; i < lhs->len; i++) {
                if (!lts[i] || lts[i]->kind == KIND_INVALID) continue;
                const char *why;
                if (!assignable(c, r->type->results[i], lts[i], &why)) {
                    errorf(c, r->pos, "cannot use %s value as %s value in assignment", type_str(r->type->results[i]),
                           type_str(lts[i]));
                    use_lhs_vars(lhs);
                }
            }
            return;
        }
        if (lhs->len == 2 && commaok_capable(r)) {
            s->aux = DECLARES;
            if (lts[0] && lts[0]->kind != KIND_INVALID) assign_to(c, r, lts[0], "assignment");
            else use_default_type(c, r);
            if (lts[1] && lts[1]->kind != KIND_INVALID && !ok_assignable(c, lts[1]))
                errorf(c, lhs->items[1]->pos, "cannot use ok (untyped bool value) as %s value in assignment",
                       type_str(lts[1]));
            return;
        }
    } else {
        for (int i = 0; i < rhs->len; i++) check_expr(c, rhs->items[i], NULL);
    }
    assignment_mismatch(c, lhs->len, rhs);
    use_lhs_vars(lhs);
}

/* ----------------------------------------------------- local declarations */

static void check_local_decl(Checker *c, Decl *d) {
    switch (d->kind) {
    case D_VAR:
        for (int i = 0; i < d->u.gen.specs.len; i++) {
            Spec *sp = d->u.gen.specs.items[i];
            Type *t = sp->u.value.type ? check_type_expr(c, sp->u.value.type) : NULL;
            int nn = sp->u.value.names.len, nv = sp->u.value.values.len;
            Type **types = gc_alloc(sizeof(Type *) * (size_t)(nn + 1));
            bool *runes = gc_alloc(sizeof(bool) * (size_t)(nn + 1)); /* var x = 'a' declares a rune */
            bool failed = false; /* an initialization failed: no "declared and not used" for the variables */
            if (nv == nn) {
                for (int j = 0; j < nv; j++) {
                    Expr *v = sp->u.value.values.items[j];
                    if (nv == 1) check_single_value(c, v, t, &sp->u.value.values);
                    else check_expr(c, v, t);
                    if (v->mode == MODE_INVALID) {
                        types[j] = t ? t : t_invalid;
                        failed = true;
                        continue;
                    }
                    if (t) {
                        failed |= !assign_to_spelled(c, v, t, expr_str(sp->u.value.type), "variable declaration");
                        types[j] = t;
                    } else {
                        if (v->type == t_untyped_nil) {
                            errorf(c, v->pos, "use of untyped nil in variable declaration");
                            types[j] = t_invalid;
                            continue;
                        }
                        if (v->mode == MODE_NOVALUE || v->mode == MODE_TYPE) {
                            assign_to(c, v, t_any, "variable declaration");
                            types[j] = t_invalid;
                            continue;
                        }
                        runes[j] = v->type->kind == KIND_UNTYPED_RUNE;
                        use_default_type_in(c, v, "variable declaration");
                        types[j] = v->type;
                    }
                }
            } else if (nv == 0) {
                for (int j = 0; j < nn; j++) types[j] = t ? t : t_invalid;
            } else if (nv == 1) {
                Expr *v = sp->u.value.values.items[0];
                check_multi(c, v);
                if (v->mode == MODE_INVALID) {
                    for (int j = 0; j < nn; j++) types[j] = t ? t : t_invalid;
                    failed = true;
                } else if (v->type->kind == KIND_TUPLE && v->type->nresults == nn) {
                    for (int j = 0; j < nn; j++) {
                        types[j] = t ? t : v->type->results[j];
                        const char *why;
                        if (t && !assignable(c, v->type->results[j], t, &why)) {
                            errorf(c, v->pos, "cannot use %s value as %s value in variable declaration",
                                   type_str(v->type->results[j]), type_str(t));
                            failed = true;
                        }
                    }
                } else if (nn == 2 && commaok_capable(v)) {
                    if (t) failed |= !assign_to_spelled(c, v, t, expr_str(sp->u.value.type), "variable declaration");
                    else use_default_type(c, v);
                    types[0] = t ? t : v->type;
                    types[1] = t ? t : t_bool;
                } else {
                    assignment_mismatch(c, nn, &sp->u.value.values);
                    for (int j = 0; j < nn; j++) types[j] = t ? t : t_invalid;
                    failed = true;
                }
            } else {
                for (int j = 0; j < nv; j++) check_expr(c, sp->u.value.values.items[j], NULL);
                assignment_mismatch(c, nn, &sp->u.value.values);
                for (int j = 0; j < nn; j++) types[j] = t ? t : t_invalid;
                failed = true;
            }
            for (int j = 0; j < nn; j++)
                if (types[j] && types[j]->kind == KIND_INVALID) failed = true;
            for (int j = 0; j < nn; j++) {
                Object *o = declare_local(c, sp->u.value.names.items[j], types[j]);
                if (failed) o->used = true;
                if (t) o->spelled = alias_spelling(sp->u.value.type, t);
                else if (runes[j]) o->spelled = "rune";
                else if (nv == nn) o->spelled = inferred_spelling(sp->u.value.values.items[j]);
            }
        }
        break;
    case D_CONST: {
        Spec *last = NULL;
        for (int i = 0; i < d->u.gen.specs.len; i++) {
            Spec *sp = d->u.gen.specs.items[i];
            if (!sp->u.value.implicit || !last) last = sp;
            Vec(Object *) objs = {0};
            for (int j = 0; j < sp->u.value.names.len; j++) {
                Expr *n = sp->u.value.names.items[j];
                Object *o = new_object(OBJ_CONST, n->u.ident.name, NULL, n->pos);
                o->spec = last;
                o->index = j;
                o->iota = sp->u.value.iota;
                o->pkg = c->pkg;
                n->obj = o;
                Type *t = last->u.value.type ? check_type_expr(c, last->u.value.type) : NULL;
                if (j < last->u.value.values.len) {
                    Expr *e = last->u.value.values.items[j];
                    int saved = c->iota;
                    c->iota = o->iota;
                    check_expr(c, e, t);
                    c->iota = saved;
                    if (e->mode == MODE_CONST) {
                        if (t) assign_to(c, e, t, "constant declaration");
                        o->type = e->type;
                        o->cv = e->cv;
                    } else {
                        if (e->mode != MODE_INVALID) errorf(c, e->pos, "%s is not constant", operand_str(c, e));
                        o->type = t_invalid;
                        o->cv = cv_unknown();
                    }
                } else {
                    errorf(c, n->pos, "missing init expr for const declaration");
                    o->type = t_invalid;
                    o->cv = cv_unknown();
                }
                o->color = 2;
                vec_push(&objs, o);
            }
            /* the constants come into scope after the whole spec */
            for (int j = 0; j < objs.len; j++) {
                if (at_repl_top(c)) declare_persistent(c, objs.items[j]);
                else declare(c, c->scope, objs.items[j]);
            }
        }
        break;
    }
    case D_TYPE:
        for (int i = 0; i < d->u.gen.specs.len; i++) {
            Spec *sp = d->u.gen.specs.items[i];
            Expr *n = sp->u.type.name;
            Object *o = new_object(OBJ_TYPE, n->u.ident.name, NULL, n->pos);
            o->pkg = c->pkg;
            n->obj = o;
            if (sp->u.type.alias) {
                o->type = check_type_expr(c, sp->u.type.type);
                o->color = 2;
                if (at_repl_top(c)) declare_persistent(c, o);
                else declare(c, c->scope, o);
                continue;
            }
            Type *named = type_named(c->pkg->path, o->name);
            NamedInfo *ni = NEW(NamedInfo);
            ni->obj = o;
            named->checker = ni;
            o->type = named;
            o->color = 2;
            /* in scope for its own (recursive) definition */
            if (at_repl_top(c)) declare_persistent(c, o);
            else declare(c, c->scope, o);
            Type *u = check_type_expr(c, sp->u.type.type);
            if (u == named) {
                errorf(c, n->pos, "invalid recursive type %s", o->name);
                u = t_invalid;
            }
            type_set_underlying(named, u->under ? u->under : u);
            type_layout_refresh(named);
            if (!(named->flags & TF_COMPLETE)) {
                errorf(c, n->pos, "invalid recursive type %s", o->name);
                type_set_underlying(named, t_invalid);
            }
            vec_push(&c->pkg->named, named);
        }
        break;
    default: break;
    }
}

/* ------------------------------------------------------- control flow */

static Stmt *find_breakable(Checker *c, bool loops_only) {
    for (int i = c->breakables.len - 1; i >= 0; i--) {
        Stmt *s = c->breakables.items[i];
        if (loops_only && s->kind != S_FOR && s->kind != S_RANGE) continue;
        return s;
    }
    return NULL;
}

static Object *find_label(Checker *c, const char *name) {
    if (!c->fn) return NULL;
    for (int i = 0; i < c->fn->labels.len; i++)
        if (c->fn->labels.items[i]->name == name) return c->fn->labels.items[i];
    return NULL;
}

static void check_branch(Checker *c, Stmt *s) {
    TokenKind tok = s->u.branch.tok;
    const char *label = s->u.branch.label;
    switch (tok) {
    case TK_BREAK:
    case TK_CONTINUE: {
        bool cont = tok == TK_CONTINUE;
        if (label) {
            Object *lo = find_label(c, label);
            if (!lo) {
                errorf(c, s->u.branch.label_pos, "%s label not defined: %s", cont ? "continue" : "break", label);
                return;
            }
            lo->used = true;
            Stmt *target = lo->label->u.labeled.stmt;
            bool enclosing = false;
            for (int i = 0; i < c->breakables.len; i++)
                if (c->breakables.items[i] == target) enclosing = true;
            bool ok = enclosing && (!cont || target->kind == S_FOR || target->kind == S_RANGE);
            if (!ok) {
                errorf(c, s->u.branch.label_pos, "invalid %s label %s", cont ? "continue" : "break", label);
                return;
            }
            s->aux = target;
            return;
        }
        Stmt *target = find_breakable(c, cont);
        if (!target) {
            errorf(c, s->pos, cont ? "continue is not in a loop" : "break is not in a loop, switch, or select");
            return;
        }
        s->aux = target;
        return;
    }
    case TK_GOTO: {
        Object *lo = find_label(c, label);
        if (!lo) {
            errorf(c, s->u.branch.label_pos.line ? s->u.branch.label_pos : s->pos, "label %s not defined", label);
            return;
        }
        lo->used = true;
        s->aux = lo->label;
        return;
    }
    case TK_FALLTHROUGH:
        /* valid placements are handled by the switch; reaching here means misplaced */
        errorf(c, s->pos, "fallthrough statement out of place");
        return;
    default: return;
    }
}

static void check_cond(Checker *c, Expr *cond, const char *what) {
    check_expr(c, cond, NULL);
    if (cond->mode == MODE_INVALID) return;
    if (!check_value(c, cond)) return;
    if (cond->type->under->kind != KIND_BOOL && cond->type->kind != KIND_UNTYPED_BOOL) {
        errorf(c, cond->pos, "non-boolean condition in %s statement", what);
        return;
    }
    use_default_type(c, cond);
}

/* Slices, maps and funcs can be compared with nil only, and so switched on
 * with nil cases. */
static bool nil_comparable(Type *t) {
    Kind k = t->under->kind;
    return k == KIND_SLICE || k == KIND_MAP || k == KIND_FUNC;
}

static void check_switch(Checker *c, Stmt *s) {
    open_scope(c);
    if (s->u.switch_.init) check_stmt(c, s->u.switch_.init);
    Expr *tag = s->u.switch_.tag;
    Type *tt = t_bool;
    if (tag) {
        check_expr(c, tag, NULL);
        if (tag->mode != MODE_INVALID) {
            if (tag->mode == MODE_NOVALUE || tag->mode == MODE_TYPE) {
                assign_to(c, tag, t_any, "switch expression");
                tag->mode = MODE_INVALID;
            } else {
                use_default_type(c, tag);
                if (tag->type == t_untyped_nil) {
                    errorf(c, tag->pos, "use of untyped nil in switch expression");
                    tag->mode = MODE_INVALID;
                } else if (!(tag->type->flags & TF_COMPARABLE) && !nil_comparable(tag->type)) {
                    errorf(c, tag->pos, "cannot switch on %s", operand_str(c, tag));
                    tag->mode = MODE_INVALID;
                }
            }
            tt = tag->type;
        }
    }
    vec_push(&c->breakables, s);
    StmtList *clauses = &s->u.switch_.body->u.block.list;
    Stmt *dflt = NULL;
    DupSet consts = {0}; /* constant cases */
    for (int i = 0; i < clauses->len; i++) {
        Stmt *cl = clauses->items[i];
        if (cl->u.caseclause.is_default) {
            if (dflt) errorf(c, cl->pos, "multiple defaults (first at %s:%d:%d)", dflt->pos.file, dflt->pos.line, dflt->pos.col);
            dflt = cl;
        }
        for (int j = 0; j < cl->u.caseclause.list.len; j++) {
            Expr *v = cl->u.caseclause.list.items[j];
            check_expr(c, v, NULL);
            if (v->mode == MODE_INVALID || (tag && tag->mode == MODE_INVALID)) continue;
            if (!tag) {
                /* the case is compared with true, which an interface value may hold */
                if (v->type->under->kind == KIND_INTERFACE && assignable(c, t_bool, v->type, NULL)) continue;
                if (v->type->under->kind != KIND_BOOL && v->type->kind != KIND_UNTYPED_BOOL) {
                    errorf(c, v->pos, "invalid case %s in switch (mismatched types %s and bool)", expr_str(v),
                           type_str(v->type));
                    continue;
                }
                use_default_type(c, v);
                continue;
            }
            /* the case value must be comparable with the tag */
            if (!(tt->flags & TF_COMPARABLE) && v->type != t_untyped_nil) {
                /* a slice, map or func tag */
                errorf(c, v->pos, "invalid case %s in switch on %s (%s can only be compared to nil)", expr_str(v),
                       expr_str(tag), kind_name(tt->under->kind));
                continue;
            }
            if (type_is_untyped(v->type) && !type_is_untyped(tt)) {
                if (tt->under->kind == KIND_INTERFACE) {
                    if (!assign_to(c, v, tt, "switch case")) continue;
                } else {
                    convert_untyped(c, v, tt);
                    if (v->mode == MODE_INVALID) continue;
                }
            } else if (!type_is_untyped(v->type)) {
                if (!assignable(c, v->type, tt, NULL) && !assignable(c, tt, v->type, NULL)) {
                    errorf(c, v->pos, "invalid case %s in switch on %s (mismatched types %s and %s)", expr_str(v),
                           expr_str(tag), type_str(v->type), type_str(tt));
                    continue;
                }
            }
            if (v->mode == MODE_CONST) {
                if (dupset_add(&consts, const_hash(v->cv), v, same_constant))
                    errorf(c, v->pos, "duplicate case %s in expression switch", operand_str(c, v));
            }
        }
        open_scope(c);
        StmtList *body = &cl->u.caseclause.body;
        for (int j = 0; j < body->len; j++) {
            Stmt *st = body->items[j], *ft = st;
            while (ft->kind == S_LABELED) ft = ft->u.labeled.stmt; /* lab: fallthrough */
            if (ft->kind == S_BRANCH && ft->u.branch.tok == TK_FALLTHROUGH) {
                if (j != body->len - 1) errorf(c, ft->pos, "fallthrough statement out of place");
                else if (i == clauses->len - 1) errorf(c, ft->pos, "cannot fallthrough final case in switch");
                else ft->aux = clauses->items[i + 1];
                continue;
            }
            check_stmt(c, st);
        }
        close_scope(c);
    }
    c->breakables.len--;
    close_scope(c);
}

static void check_typeswitch(Checker *c, Stmt *s) {
    open_scope(c);
    if (s->u.typeswitch.init) check_stmt(c, s->u.typeswitch.init);
    Stmt *as = s->u.typeswitch.assign;
    Expr *guard;
    Expr *sym = NULL;
    if (as->kind == S_ASSIGN) {
        sym = as->u.assign.lhs.items[0];
        guard = as->u.assign.rhs.items[0];
    } else {
        guard = as->u.expr.x;
    }
    Expr *x = guard->u.typeassert.x;
    check_expr(c, x, NULL);
    bool ok = x->mode != MODE_INVALID;
    if (ok && x->type->under->kind != KIND_INTERFACE) {
        errorf(c, x->pos, "%s is not an interface", operand_str(c, x));
        ok = false;
    }
    if (sym && sym->u.ident.name == intern_cstr("_")) {
        errorf(c, sym->pos, "no new variable on left side of :=");
        sym = NULL;
    }
    if (x->mode == MODE_INVALID) { /* gc checks no more of the switch */
        close_scope(c);
        return;
    }
    vec_push(&c->breakables, s);
    StmtList *clauses = &s->u.typeswitch.body->u.block.list;
    Vec(Object *) syms = {0};
    Stmt *dflt = NULL;
    Vec(Type *) seen = {0};
    bool seen_nil = false;
    for (int i = 0; i < clauses->len; i++) {
        Stmt *cl = clauses->items[i];
        if (cl->u.caseclause.is_default) {
            if (dflt) errorf(c, cl->pos, "multiple defaults (first at %s:%d:%d)", dflt->pos.file, dflt->pos.line, dflt->pos.col);
            dflt = cl;
        }
        Type *single = NULL;
        int ntypes = cl->u.caseclause.list.len;
        for (int j = 0; j < ntypes; j++) {
            Expr *te = cl->u.caseclause.list.items[j];
            if (te->kind == E_IDENT && te->u.ident.name == intern_cstr("nil") &&
                scope_lookup(c->scope, te->u.ident.name) == c->s->obj_nil) {
                if (seen_nil) errorf(c, te->pos, "duplicate case nil in type switch");
                seen_nil = true;
                te->mode = MODE_VALUE;
                te->type = t_untyped_nil;
                single = ntypes == 1 ? (ok ? x->type : t_invalid) : NULL;
                continue;
            }
            Type *t = check_type_expr(c, te);
            if (t->kind == KIND_INVALID) continue;
            for (int k = 0; k < seen.len; k++)
                if (seen.items[k] == t) errorf(c, te->pos, "duplicate case %s in type switch", type_str(t));
            vec_push(&seen, t);
            if (ok && t->under->kind != KIND_INTERFACE) {
                const char *missing = NULL;
                bool ptr = false, wrong = false;
                if (!implements(c, t, x->type, &missing, &ptr, &wrong))
                    errorf(c, te->pos, "impossible type switch case: %s\n\t%s cannot have dynamic type %s %s",
                           expr_str(te), operand_str(c, x), type_str(t),
                           missing_method_cause(c, t, x->type, missing, ptr, wrong));
            }
            if (ntypes == 1) single = t;
        }
        open_scope(c);
        if (sym) {
            Type *vt = single ? single : (ok ? x->type : t_invalid);
            Object *o = new_object(OBJ_VAR, sym->u.ident.name, vt, sym->pos);
            o->owner = c->fn;
            o->pkg = c->pkg;
            if (vt->size > 48) o->big = true;
            declare(c, c->scope, o);
            cl->aux = o;
            vec_push(&syms, o);
        }
        StmtList *body = &cl->u.caseclause.body;
        for (int j = 0; j < body->len; j++) {
            Stmt *st = body->items[j];
            if (st->kind == S_BRANCH && st->u.branch.tok == TK_FALLTHROUGH) {
                errorf(c, st->pos, "cannot fallthrough in type switch");
                continue;
            }
            check_stmt(c, st);
        }
        close_scope(c);
    }
    if (sym) {
        bool used = false;
        for (int i = 0; i < syms.len; i++) used |= syms.items[i]->used;
        if (!used) soft_errorf(c, sym->pos, "declared and not used: %s", sym->u.ident.name);
        sym->obj = syms.len ? syms.items[0] : NULL;
    }
    c->breakables.len--;
    close_scope(c);
}

static void check_select(Checker *c, Stmt *s) {
    vec_push(&c->breakables, s);
    StmtList *clauses = &s->u.select.body->u.block.list;
    Stmt *dflt = NULL;
    for (int i = 0; i < clauses->len; i++) {
        Stmt *cl = clauses->items[i];
        Stmt *comm = cl->u.commclause.comm;
        open_scope(c);
        if (!comm) {
            if (dflt) errorf(c, cl->pos, "multiple defaults (first at %s:%d:%d)", dflt->pos.file, dflt->pos.line, dflt->pos.col);
            dflt = cl;
        } else {
            bool valid = false;
            switch (comm->kind) {
            case S_SEND: valid = true; break;
            case S_EXPR: {
                Expr *x = comm->u.expr.x;
                while (x->kind == E_PAREN) x = x->u.unary.x;
                valid = x->kind == E_UNARY && x->u.unary.op == TK_ARROW;
                break;
            }
            case S_ASSIGN: {
                Expr *r = comm->u.assign.rhs.len == 1 ? comm->u.assign.rhs.items[0] : NULL;
                while (r && r->kind == E_PAREN) r = r->u.unary.x;
                valid = r && r->kind == E_UNARY && r->u.unary.op == TK_ARROW && comm->u.assign.lhs.len <= 2 &&
                        (comm->u.assign.tok == TK_ASSIGN || comm->u.assign.tok == TK_DEFINE);
                break;
            }
            default: break;
            }
            if (!valid) { /* gc checks neither the case nor its body */
                errorf(c, comm->pos, "select case must be send or receive (possibly with assignment)");
                close_scope(c);
                continue;
            }
            check_stmt(c, comm);
        }
        check_block_list(c, &cl->u.commclause.body);
        close_scope(c);
    }
    c->breakables.len--;
}

static void check_range(Checker *c, Stmt *s) {
    open_scope(c);
    Expr *x = s->u.range.x;
    check_expr(c, x, NULL);
    Type *kt = NULL, *vt = NULL;
    bool ok = x->mode != MODE_INVALID && check_value(c, x);
    if (ok) {
        Type *u = x->type->under;
        if (u->kind == KIND_POINTER && u->elem->under->kind == KIND_ARRAY) u = u->elem->under;
        switch (u->kind) {
        case KIND_STRING: case KIND_UNTYPED_STRING:
            kt = t_int;
            vt = t_int32;
            if (type_is_untyped(x->type)) convert_untyped(c, x, t_string);
            break;
        case KIND_ARRAY: case KIND_SLICE: kt = t_int; vt = u->elem; break;
        case KIND_MAP: kt = u->key; vt = u->elem; break;
        case KIND_CHAN:
            kt = u->elem;
            if (u->chan_dir == CHAN_SEND) {
                errorf(c, x->pos, "cannot range over %s (receive from send-only channel)", operand_str(c, x));
                ok = false;
            }
            if (s->u.range.value) {
                errorf(c, s->u.range.value->pos, "range over %s permits only one iteration variable", operand_str(c, x));
                ok = false;
            }
            break;
        case KIND_INT: case KIND_INT8: case KIND_INT16: case KIND_INT32: case KIND_INT64: case KIND_UINT:
        case KIND_UINT8: case KIND_UINT16: case KIND_UINT32: case KIND_UINT64: case KIND_UINTPTR:
        case KIND_UNTYPED_INT: case KIND_UNTYPED_RUNE:
            /* range over an integer (Go 1.22) */
            if (type_is_untyped(x->type)) convert_untyped(c, x, t_int);
            kt = x->type;
            if (s->u.range.value) {
                errorf(c, s->u.range.value->pos, "range over %s permits only one iteration variable", operand_str(c, x));
                ok = false;
            }
            break;
        case KIND_FUNC:
            errorf(c, x->pos, "cannot range over %s: range over function iterators is not supported by goi",
                   operand_str(c, x));
            ok = false;
            break;
        default:
            errorf(c, x->pos, "cannot range over %s", operand_str(c, x));
            ok = false;
        }
    }
    Expr *vars[2] = {s->u.range.key, s->u.range.value};
    Type *types[2] = {kt, vt};
    if (s->u.range.tok == TK_DEFINE) {
        for (int i = 0; i < 2; i++) {
            Expr *v = vars[i];
            if (!v) continue;
            if (v->kind != E_IDENT) {
                errorf(c, v->pos, "non-name %s on left side of :=", expr_str(v));
                continue;
            }
            Object *o = declare_local(c, v, ok ? types[i] : t_invalid);
            if (!ok || !types[i]) o->used = true; /* no follow-on "declared and not used" (gc) */
            v->aux = DECLARES;
            if (i == 1 && types[i] == t_int32 && x->type->under->kind == KIND_STRING) o->spelled = "rune";
        }
    } else if (s->u.range.tok == TK_ASSIGN) {
        for (int i = 0; i < 2; i++) {
            Expr *v = vars[i];
            if (!v) continue;
            Type *lt = check_lhs(c, v);
            if (lt && ok && lt->kind != KIND_INVALID && types[i] && !assignable(c, types[i], lt, NULL))
                errorf(c, v->pos, "cannot use %s (value of type %s) as %s value in assignment", expr_str(v),
                       type_str(types[i]), type_str(lt));
        }
    }
    vec_push(&c->breakables, s);
    check_stmt(c, s->u.range.body);
    c->breakables.len--;
    close_scope(c);
}

/* ------------------------------------------------------------ statements */

static bool is_call_stmt_ok(Checker *c, Expr *x, const char *what) {
    Expr *call = x;
    if (call->kind == E_PAREN) {
        errorf(c, x->pos, "expression in %s must not be parenthesized", what);
        return false;
    }
    if (call->kind != E_CALL) {
        errorf(c, x->pos, "expression in %s must be function call", what);
        check_expr(c, x, NULL);
        return false;
    }
    return true;
}

void check_stmt(Checker *c, Stmt *s) {
    switch (s->kind) {
    case S_BAD:
    case S_EMPTY: break;
    case S_DECL: check_local_decl(c, s->u.decl.decl); break;
    case S_LABELED: {
        Stmt *inner = s->u.labeled.stmt;
        check_stmt(c, inner);
        break;
    }
    case S_EXPR: {
        Expr *x = s->u.expr.x;
        check_multi(c, x);
        if (x->mode == MODE_INVALID) break;
        Expr *y = x;
        while (y->kind == E_PAREN) y = y->u.unary.x;
        if (y->kind == E_CALL) {
            Expr *f = y->u.call.fun;
            if (f->mode == MODE_BUILTIN) {
                BuiltinId id = f->obj->builtin;
                if (id != BI_PANIC && id != BI_PRINT && id != BI_PRINTLN && id != BI_CLOSE && id != BI_DELETE &&
                    id != BI_COPY && id != BI_RECOVER && id != BI_CLEAR)
                    errorf(c, x->pos, "%s (value of type %s) is not used", expr_str(x), type_str(x->type));
            } else if (f->mode == MODE_TYPE) {
                errorf(c, x->pos, "%s (value of type %s) is not used", expr_str(x), type_str(x->type));
            }
            break;
        }
        if (y->kind == E_UNARY && y->u.unary.op == TK_ARROW) break;
        if (x->mode == MODE_TYPE) errorf(c, x->pos, "%s (type) is not an expression", expr_str(x));
        else if (x->mode == MODE_BUILTIN) errorf(c, x->pos, "%s (built-in) must be called", expr_str(x));
        else errorf(c, x->pos, "%s is not used", operand_str(c, x));
        break;
    }
    case S_SEND: {
        Expr *ch = s->u.send.chan, *v = s->u.send.value;
        check_expr(c, ch, NULL);
        if (ch->mode == MODE_INVALID || !check_value(c, ch)) {
            check_expr(c, v, NULL);
            break;
        }
        Type *u = ch->type->under;
        if (u->kind != KIND_CHAN) {
            errorf(c, s->pos, "invalid operation: cannot send to non-channel %s", operand_str(c, ch));
            check_expr(c, v, NULL);
            break;
        }
        if (u->chan_dir == CHAN_RECV) {
            errorf(c, s->pos, "invalid operation: cannot send to receive-only channel %s", operand_str(c, ch));
            check_expr(c, v, NULL);
            break;
        }
        check_expr(c, v, u->elem);
        assign_to(c, v, u->elem, "send");
        break;
    }
    case S_INCDEC: {
        Expr *x = s->u.incdec.x;
        Type *t = check_lhs(c, x);
        if (!t) {
            errorf(c, x->pos, "cannot use _ as value");
            break;
        }
        if (x->kind == E_IDENT && x->obj) x->obj->used = true; /* x++ reads x */
        if (t->kind == KIND_INVALID) break;
        Type *u = t->under;
        if (!(type_is_integer(u) || type_is_float(u) || type_is_complex(u)))
            errorf(c, x->pos, "invalid operation: %s%s (non-numeric type %s)", expr_str(x),
                   s->u.incdec.tok == TK_INC ? "++" : "--", type_str(t));
        break;
    }
    case S_ASSIGN: check_assign(c, s); break;
    case S_GO:
    case S_DEFER: {
        const char *what = s->kind == S_GO ? "go" : "defer";
        Expr *x = s->u.call.call;
        if (!is_call_stmt_ok(c, x, what)) break;
        check_multi(c, x);
        if (x->mode == MODE_INVALID) break;
        Expr *f = x->u.call.fun;
        if (f->mode == MODE_BUILTIN) {
            BuiltinId id = f->obj->builtin;
            if (id != BI_PANIC && id != BI_PRINT && id != BI_PRINTLN && id != BI_CLOSE && id != BI_DELETE &&
                id != BI_COPY && id != BI_RECOVER && id != BI_CLEAR)
                errorf(c, x->pos, "%s discards result of %s", what, operand_str(c, x));
        } else if (f->mode == MODE_TYPE) {
            errorf(c, x->pos, "%s requires function call, not conversion", what);
        }
        if (s->kind == S_DEFER && c->fn) c->fn->has_defer = true;
        break;
    }
    case S_RETURN: {
        FuncCtx *fn = c->fn;
        ExprList *res = &s->u.ret.results;
        int want = fn->sig->nresults;
        if (res->len == 0) {
            if (want > 0 && !fn->named_results) {
                errorf(c, s->pos, "not enough return values\n\thave ()\n\twant %s", type_str(type_tuple(fn->sig->results, want)));
            } else if (want > 0) {
                /* a named result shadowed at the return is an error */
                for (int i = 0; i < fn->results.len; i++) {
                    Object *r = fn->results.items[i];
                    if (r->name == intern_cstr("_")) continue;
                    Object *o = scope_lookup(c->scope, r->name);
                    if (o != r) {
                        errorf(c, s->pos, "result parameter %s not in scope at return", r->name);
                        break;
                    }
                }
            }
            break;
        }
        if (res->len == 1) {
            /* one value, or one call returning several */
            Expr *r = res->items[0];
            check_expr_or_tuple(c, r, want == 1 ? fn->sig->results[0] : NULL);
            if (r->mode == MODE_INVALID || (r->mode == MODE_NOVALUE && !check_value(c, r))) break;
            int have = r->type->kind == KIND_TUPLE ? r->type->nresults : 1;
            if (have == want && r->type->kind == KIND_TUPLE) {
                for (int i = 0; i < want; i++) {
                    if (!assignable(c, r->type->results[i], fn->sig->results[i], NULL))
                        errorf(c, r->pos, "cannot use %s value as %s value in return statement",
                               type_str(r->type->results[i]), type_str(fn->sig->results[i]));
                }
                break;
            }
            if (have != want) {
                errorf(c, r->pos, "%s return values\n\thave %s\n\twant %s", have < want ? "not enough" : "too many",
                       types_summary(res->items, 1), type_str(type_tuple(fn->sig->results, want)));
                break;
            }
        } else {
            for (int i = 0; i < res->len; i++) check_expr(c, res->items[i], i < want ? fn->sig->results[i] : NULL);
        }
        if (res->len != want && res->len != 1) {
            /* gc: at the first extra value, or at the last one */
            errorf(c, res->items[res->len < want ? res->len - 1 : want]->pos, "%s return values\n\thave %s\n\twant %s",
                   res->len < want ? "not enough" : "too many", types_summary(res->items, res->len),
                   type_str(type_tuple(fn->sig->results, want)));
            break;
        }
        for (int i = 0; i < res->len; i++)
            assign_to(c, res->items[i], fn->sig->results[i], "return statement");
        break;
    }
    case S_BRANCH: check_branch(c, s); break;
    case S_BLOCK:
        open_scope(c);
        check_block_list(c, &s->u.block.list);
        close_scope(c);
        break;
    case S_IF:
        open_scope(c);
        if (s->u.if_.init) check_stmt(c, s->u.if_.init);
        check_cond(c, s->u.if_.cond, "if");
        check_stmt(c, s->u.if_.body);
        if (s->u.if_.else_) check_stmt(c, s->u.if_.else_);
        close_scope(c);
        break;
    case S_SWITCH: check_switch(c, s); break;
    case S_TYPESWITCH: check_typeswitch(c, s); break;
    case S_SELECT: check_select(c, s); break;
    case S_FOR:
        open_scope(c);
        if (s->u.for_.init) check_stmt(c, s->u.for_.init);
        if (s->u.for_.cond) check_cond(c, s->u.for_.cond, "for");
        if (s->u.for_.post) {
            Stmt *p = s->u.for_.post;
            if (p->kind == S_ASSIGN && p->u.assign.tok == TK_DEFINE)
                errorf(c, p->pos, "cannot declare in post statement of for loop");
            else check_stmt(c, p);
        }
        vec_push(&c->breakables, s);
        check_stmt(c, s->u.for_.body);
        c->breakables.len--;
        close_scope(c);
        break;
    case S_RANGE: check_range(c, s); break;
    case S_CASECLAUSE:
    case S_COMMCLAUSE: break;
    }
}

static void check_block_list(Checker *c, StmtList *l) {
    for (int i = 0; i < l->len; i++) check_stmt(c, l->items[i]);
}

/* ------------------------------------------------------------- terminating */

static bool has_break_to(Stmt *s, Stmt *target) {
    if (!s) return false;
    switch (s->kind) {
    case S_BRANCH: return s->u.branch.tok == TK_BREAK && s->aux == target;
    case S_BLOCK:
        for (int i = 0; i < s->u.block.list.len; i++)
            if (has_break_to(s->u.block.list.items[i], target)) return true;
        return false;
    case S_LABELED: return has_break_to(s->u.labeled.stmt, target);
    case S_IF: return has_break_to(s->u.if_.body, target) || has_break_to(s->u.if_.else_, target);
    case S_CASECLAUSE:
        for (int i = 0; i < s->u.caseclause.body.len; i++)
            if (has_break_to(s->u.caseclause.body.items[i], target)) return true;
        return false;
    case S_COMMCLAUSE:
        for (int i = 0; i < s->u.commclause.body.len; i++)
            if (has_break_to(s->u.commclause.body.items[i], target)) return true;
        return false;
    case S_SWITCH: return has_break_to(s->u.switch_.body, target);
    case S_TYPESWITCH: return has_break_to(s->u.typeswitch.body, target);
    case S_SELECT: return has_break_to(s->u.select.body, target);
    case S_FOR: return has_break_to(s->u.for_.body, target);
    case S_RANGE: return has_break_to(s->u.range.body, target);
    default: return false;
    }
}

static bool list_terminating(StmtList *l) {
    /* trailing empty statements do not count */
    int n = l->len;
    while (n > 0 && l->items[n - 1]->kind == S_EMPTY) n--;
    return n > 0 && is_terminating(l->items[n - 1], NULL);
}

bool is_terminating(Stmt *s, const char *label) {
    (void)label;
    switch (s->kind) {
    case S_RETURN: return true;
    case S_BRANCH: return s->u.branch.tok == TK_GOTO || s->u.branch.tok == TK_FALLTHROUGH;
    case S_EXPR: {
        Expr *x = s->u.expr.x;
        while (x->kind == E_PAREN) x = x->u.unary.x;
        return x->kind == E_CALL && x->u.call.fun->mode == MODE_BUILTIN && x->u.call.fun->obj &&
               x->u.call.fun->obj->builtin == BI_PANIC;
    }
    case S_BLOCK: return list_terminating(&s->u.block.list);
    case S_IF: return s->u.if_.else_ && is_terminating(s->u.if_.body, NULL) && is_terminating(s->u.if_.else_, NULL);
    case S_LABELED: return is_terminating(s->u.labeled.stmt, NULL);
    case S_FOR: return !s->u.for_.cond && !has_break_to(s->u.for_.body, s);
    case S_SWITCH:
    case S_TYPESWITCH: {
        Stmt *body = s->kind == S_SWITCH ? s->u.switch_.body : s->u.typeswitch.body;
        bool dflt = false;
        for (int i = 0; i < body->u.block.list.len; i++) {
            Stmt *cl = body->u.block.list.items[i];
            if (cl->u.caseclause.is_default) dflt = true;
            if (!list_terminating(&cl->u.caseclause.body)) return false;
            if (has_break_to(cl, s)) return false;
        }
        return dflt;
    }
    case S_SELECT: {
        Stmt *body = s->u.select.body;
        for (int i = 0; i < body->u.block.list.len; i++) {
            Stmt *cl = body->u.block.list.items[i];
            if (!list_terminating(&cl->u.commclause.body)) return false;
            if (has_break_to(cl, s)) return false;
        }
        return true;
    }
    default: return false;
    }
}

/* --------------------------------------------------------------- bodies */

/* ------------------------------------------------------------- gotos */

/* spec §Goto statements: a goto must not jump into a block, nor over a
 * variable declaration of the block of its label. This follows gc's
 * syntax.checkBranches: blocks are walked in source order; a goto whose
 * label is not yet declared in its block or an enclosing one is "forward"
 * and travels outward until its block declares the label; gotos still
 * unresolved at the top jump into a block. */
typedef struct GotoBlock {
    struct GotoBlock *parent;
    Pos start;
} GotoBlock;

typedef struct GotoLabel {
    const char *name;
    GotoBlock *block;
} GotoLabel;

typedef Vec(Stmt *) GotoList;

typedef struct GotoCtx {
    Checker *c;
    Vec(GotoLabel) labels; /* declared so far */
} GotoCtx;

static GotoLabel *goto_label(GotoCtx *g, const char *name) {
    for (int i = 0; i < g->labels.len; i++)
        if (g->labels.items[i].name == name) return &g->labels.items[i];
    return NULL;
}

static bool goto_in_list(GotoList *l, Stmt *s) {
    for (int i = 0; i < l->len; i++)
        if (l->items[i] == s) return true;
    return false;
}

static void goto_block(GotoCtx *g, GotoBlock *parent, Pos start, Stmt **stmts, int n, GotoList *out);

static void goto_stmt_block(GotoCtx *g, GotoBlock *b, Stmt *blk, GotoList *fwd) {
    if (blk && blk->kind == S_BLOCK)
        goto_block(g, b, blk->pos, blk->u.block.list.items, blk->u.block.list.len, fwd);
}

static void goto_block(GotoCtx *g, GotoBlock *parent, Pos start, Stmt **stmts, int n, GotoList *out) {
    GotoBlock *b = NEW(GotoBlock);
    b->parent = parent;
    b->start = start;
    GotoList fwd = {0}, bad = {0}; /* bad: forward gotos that a declaration followed */
    const char *var_name = NULL;
    Pos var_pos = {0};
    for (int i = 0; i < n; i++) {
        Stmt *s = stmts[i];
        while (s && s->kind == S_LABELED) {
            const char *name = s->u.labeled.label;
            if (name != intern_cstr("_") && !goto_label(g, name)) {
                vec_push(&g->labels, ((GotoLabel){name, b}));
                int k = 0;
                for (int j = 0; j < fwd.len; j++) {
                    Stmt *go = fwd.items[j];
                    if (go->u.branch.label != name) {
                        fwd.items[k++] = go;
                        continue;
                    }
                    if (var_name && goto_in_list(&bad, go))
                        errorf(g->c, go->u.branch.label_pos, "goto %s jumps over declaration of %s at %s:%d:%d", name,
                               var_name, var_pos.file, var_pos.line, var_pos.col);
                }
                fwd.len = k;
            }
            s = s->u.labeled.stmt;
        }
        if (!s) continue;
        bool declares = false;
        switch (s->kind) {
        case S_DECL: {
            Decl *d = s->u.decl.decl;
            if (d->kind == D_VAR && d->u.gen.specs.len) {
                Expr *name = d->u.gen.specs.items[0]->u.value.names.items[0];
                var_name = name->u.ident.name;
                var_pos = name->pos;
                declares = true;
            }
            break;
        }
        case S_ASSIGN:
            if (s->u.assign.tok == TK_DEFINE) {
                StrBuf sb;
                sb_init(&sb);
                for (int j = 0; j < s->u.assign.lhs.len; j++)
                    sb_printf(&sb, "%s%s", j ? ", " : "", expr_str(s->u.assign.lhs.items[j]));
                var_name = sb.data;
                var_pos = s->u.assign.tok_pos.line ? s->u.assign.tok_pos : s->pos;
                declares = true;
            }
            break;
        case S_BRANCH:
            if (s->u.branch.tok == TK_GOTO) {
                GotoLabel *l = goto_label(g, s->u.branch.label);
                GotoBlock *a = b;
                while (l && a && a != l->block) a = a->parent;
                if (!l || !a) vec_push(&fwd, s); /* declared later, or in a block not enclosing the goto */
            }
            break;
        case S_BLOCK: goto_stmt_block(g, b, s, &fwd); break;
        case S_IF:
            goto_stmt_block(g, b, s->u.if_.body, &fwd);
            if (s->u.if_.else_) goto_block(g, b, s->u.if_.else_->pos, &s->u.if_.else_, 1, &fwd);
            break;
        case S_FOR: goto_stmt_block(g, b, s->u.for_.body, &fwd); break;
        case S_RANGE: goto_stmt_block(g, b, s->u.range.body, &fwd); break;
        case S_SWITCH:
        case S_TYPESWITCH:
        case S_SELECT: {
            Stmt *body = s->kind == S_SWITCH ? s->u.switch_.body
                         : s->kind == S_TYPESWITCH ? s->u.typeswitch.body : s->u.select.body;
            for (int j = 0; body && j < body->u.block.list.len; j++) {
                Stmt *cc = body->u.block.list.items[j];
                if (cc->kind == S_CASECLAUSE)
                    goto_block(g, b, cc->pos, cc->u.caseclause.body.items, cc->u.caseclause.body.len, &fwd);
                else if (cc->kind == S_COMMCLAUSE)
                    goto_block(g, b, cc->pos, cc->u.commclause.body.items, cc->u.commclause.body.len, &fwd);
            }
            break;
        }
        default: break;
        }
        if (declares) {
            bad.len = 0;
            for (int j = 0; j < fwd.len; j++) vec_push(&bad, fwd.items[j]);
        }
    }
    for (int j = 0; j < fwd.len; j++) vec_push(out, fwd.items[j]);
}

static void check_gotos(Checker *c, Stmt *body) {
    GotoCtx g = {.c = c};
    GotoList fwd = {0};
    goto_block(&g, NULL, body->pos, body->u.block.list.items, body->u.block.list.len, &fwd);
    for (int i = 0; i < fwd.len; i++) {
        Stmt *go = fwd.items[i];
        GotoLabel *l = goto_label(&g, go->u.branch.label);
        if (l) /* an undefined label is reported with the goto itself */
            errorf(c, go->u.branch.label_pos, "goto %s jumps into block starting at %s:%d:%d", l->name,
                   l->block->start.file, l->block->start.line, l->block->start.col);
    }
}

static void collect_labels(Checker *c, Stmt *s) {
    if (!s) return;
    switch (s->kind) {
    case S_LABELED: {
        const char *name = s->u.labeled.label;
        if (name != intern_cstr("_")) {
            for (int i = 0; i < c->fn->labels.len; i++)
                if (c->fn->labels.items[i]->name == name) {
                    errorf(c, s->pos, "label %s already defined at %s:%d:%d", name, c->fn->labels.items[i]->pos.file,
                           c->fn->labels.items[i]->pos.line, c->fn->labels.items[i]->pos.col);
                    goto inner;
                }
            Object *o = new_object(OBJ_LABEL, name, NULL, s->pos);
            o->label = s;
            vec_push(&c->fn->labels, o);
            s->aux = o;
        }
    inner:
        collect_labels(c, s->u.labeled.stmt);
        break;
    }
    case S_BLOCK:
        for (int i = 0; i < s->u.block.list.len; i++) collect_labels(c, s->u.block.list.items[i]);
        break;
    case S_IF: collect_labels(c, s->u.if_.body); collect_labels(c, s->u.if_.else_); break;
    case S_FOR: collect_labels(c, s->u.for_.body); break;
    case S_RANGE: collect_labels(c, s->u.range.body); break;
    case S_SWITCH: collect_labels(c, s->u.switch_.body); break;
    case S_TYPESWITCH: collect_labels(c, s->u.typeswitch.body); break;
    case S_SELECT: collect_labels(c, s->u.select.body); break;
    case S_CASECLAUSE:
        for (int i = 0; i < s->u.caseclause.body.len; i++) collect_labels(c, s->u.caseclause.body.items[i]);
        break;
    case S_COMMCLAUSE:
        for (int i = 0; i < s->u.commclause.body.len; i++) collect_labels(c, s->u.commclause.body.items[i]);
        break;
    default: break;
    }
}

void check_func_body(Checker *c, FuncCtx *fc) {
    if (!fc->name) {
        Object *o = fc->obj;
        if (o->recv_base) {
            const char *pkg = fc->pkg->path;
            fc->name = o->ptr_recv ? gc_sprintf("%s.(*%s).%s", pkg, o->recv_base->name, o->name)
                                   : gc_sprintf("%s.%s.%s", pkg, o->recv_base->name, o->name);
        } else {
            fc->name = gc_sprintf("%s.%s", fc->pkg->path, o->name);
        }
    }
    FuncCtx *saved_fn = c->fn;
    Scope *saved_scope = c->scope;
    StmtList saved_breakables = c->breakables;
    memset(&c->breakables, 0, sizeof c->breakables);
    c->fn = fc;
    for (int i = 0; i < fc->params.len; i++) fc->params.items[i]->owner = fc;
    for (int i = 0; i < fc->results.len; i++) fc->results.items[i]->owner = fc;
    /* the parameters and the body's top level are one block (spec §Blocks) */
    c->scope = fc->scope;
    collect_labels(c, fc->body);
    check_block_list(c, &fc->body->u.block.list);
    check_gotos(c, fc->body);
    if (fc->sig->nresults > 0 && !list_terminating(&fc->body->u.block.list))
        errorf(c, fc->body->u.block.rbrace.line ? fc->body->u.block.rbrace : fc->body->pos, "missing return");
    for (int i = 0; i < fc->labels.len; i++) {
        Object *l = fc->labels.items[i];
        if (!l->used) errorf(c, l->pos, "label %s defined and not used", l->name);
    }
    for (int i = 0; i < fc->locals.len; i++) {
        Object *o = fc->locals.items[i];
        if (!o->used && !(c->s->opts.repl && !fc->parent && fc->obj == NULL))
            soft_errorf(c, o->pos, "declared and not used: %s", o->name);
    }
    c->fn = saved_fn;
    c->scope = saved_scope;
    c->breakables = saved_breakables;
}

/* A REPL input's statements: like a function body, except that top-level
 * declarations persist in the package (at_repl_top) and a final expression
 * with a value becomes the result, for the REPL to print (*echo). */
void check_repl_body(Checker *c, FuncCtx *fc, Type **echo) {
    c->fn = fc;
    c->scope = scope_new(fc->scope);
    c->repl_scope = c->scope;
    collect_labels(c, fc->body);
    StmtList *l = &fc->body->u.block.list;
    for (int i = 0; i < l->len; i++) {
        Stmt *st = l->items[i];
        bool last = i == l->len - 1;
        if (!last || st->kind != S_EXPR) {
            check_stmt(c, st);
            continue;
        }
        Expr *x = st->u.expr.x;
        check_multi(c, x);
        if (x->mode == MODE_INVALID || x->mode == MODE_NOVALUE) continue;
        if (x->mode == MODE_TYPE) {
            errorf(c, x->pos, "%s (type) is not an expression", expr_str(x));
            continue;
        }
        if (x->mode == MODE_BUILTIN) {
            errorf(c, x->pos, "%s (built-in) must be called", expr_str(x));
            continue;
        }
        if (x->type == t_untyped_nil) continue;
        use_default_type(c, x);
        if (x->mode == MODE_INVALID) continue;
        Type **results;
        int n;
        if (x->type->kind == KIND_TUPLE) {
            results = x->type->results;
            n = x->type->nresults;
        } else {
            results = gc_alloc(sizeof(Type *));
            results[0] = x->type;
            n = 1;
        }
        fc->sig = type_func(NULL, 0, results, n, false);
        for (int k = 0; k < n; k++) {
            Object *r = new_object(OBJ_VAR, intern_cstr("_"), results[k], x->pos);
            r->is_result = true;
            r->used = true;
            r->owner = fc;
            vec_push(&fc->results, r);
        }
        st->kind = S_RETURN;
        st->u.ret.results = (ExprList){0};
        vec_push(&st->u.ret.results, x);
        *echo = x->type;
    }
    for (int i = 0; i < fc->labels.len; i++) {
        Object *lo = fc->labels.items[i];
        if (!lo->used) errorf(c, lo->pos, "label %s defined and not used", lo->name);
    }
    for (int i = 0; i < fc->locals.len; i++) {
        Object *o = fc->locals.items[i];
        if (!o->used) soft_errorf(c, o->pos, "declared and not used: %s", o->name);
    }
}
