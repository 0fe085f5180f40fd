/* check_type.c - type expressions, type relations and method lookup.
 *
 * Types are canonical (vm/types.c), so identity is pointer equality. This
 * file adds the relations of the spec (assignability, convertibility), the
 * lookup of fields and methods through embedded fields, and method sets.
 */
#include "internal.h"

#include <ctype.h>

#include <stdio.h>

bool is_named(const Type *t) { return (t->flags & TF_NAMED) != 0; }

bool identical(Type *a, Type *b) { return a == b; }

/* The type as gc prints it in messages: package-local names unqualified. */
static void write_msg_type(StrBuf *b, Type *t);

static void write_msg_sig(StrBuf *b, Type *f) {
    sb_putc(b, '(');
    for (int i = 0; i < f->nparams; i++) {
        if (i) sb_puts(b, ", ");
        if (i == f->nparams - 1 && (f->flags & TF_VARIADIC)) {
            sb_puts(b, "...");
            write_msg_type(b, f->params[i]->elem);
        } else {
            write_msg_type(b, f->params[i]);
        }
    }
    sb_putc(b, ')');
    if (f->nresults == 1) {
        sb_putc(b, ' ');
        write_msg_type(b, f->results[0]);
    } else if (f->nresults > 1) {
        sb_puts(b, " (");
        for (int i = 0; i < f->nresults; i++) {
            if (i) sb_puts(b, ", ");
            write_msg_type(b, f->results[i]);
        }
        sb_putc(b, ')');
    }
}

static void write_msg_type(StrBuf *b, Type *t) {
    if (!t) {
        sb_puts(b, "invalid type");
        return;
    }
    if (t->name) {
        if (t->pkg && strcmp(t->pkg, "main") != 0) {
            sb_puts(b, t->pkg);
            sb_putc(b, '.');
        }
        sb_puts(b, t->name);
        return;
    }
    switch (t->kind) {
    case KIND_POINTER: sb_putc(b, '*'); write_msg_type(b, t->elem); break;
    case KIND_SLICE: sb_puts(b, "[]"); write_msg_type(b, t->elem); break;
    case KIND_ARRAY: sb_printf(b, "[%lld]", (long long)t->len); write_msg_type(b, t->elem); break;
    case KIND_MAP:
        sb_puts(b, "map[");
        write_msg_type(b, t->key);
        sb_putc(b, ']');
        write_msg_type(b, t->elem);
        break;
    case KIND_CHAN:
        sb_puts(b, t->chan_dir == CHAN_RECV ? "<-chan " : t->chan_dir == CHAN_SEND ? "chan<- " : "chan ");
        write_msg_type(b, t->elem);
        break;
    case KIND_FUNC: sb_puts(b, "func"); write_msg_sig(b, t); break;
    case KIND_STRUCT:
        sb_puts(b, "struct{");
        for (int i = 0; i < t->nfields; i++) {
            if (i) sb_puts(b, "; ");
            if (!t->fields[i].embedded) {
                sb_puts(b, t->fields[i].name);
                sb_putc(b, ' ');
            }
            write_msg_type(b, t->fields[i].type);
        }
        sb_putc(b, '}');
        break;
    case KIND_INTERFACE:
        if (t == t_any) {
            sb_puts(b, "interface{}");
            break;
        }
        sb_puts(b, "interface{");
        for (int i = 0; i < t->nimethods; i++) {
            if (i) sb_puts(b, "; ");
            sb_puts(b, t->imethods[i].name);
            write_msg_sig(b, t->imethods[i].sig);
        }
        sb_putc(b, '}');
        break;
    case KIND_TUPLE:
        sb_putc(b, '(');
        for (int i = 0; i < t->nresults; i++) {
            if (i) sb_puts(b, ", ");
            write_msg_type(b, t->results[i]);
        }
        sb_putc(b, ')');
        break;
    default: sb_puts(b, type_string(t)); break;
    }
}

const char *type_str(Type *t) {
    StrBuf b;
    sb_init(&b);
    write_msg_type(&b, t);
    return b.data;
}

Type *default_type(Type *t) {
    switch (t->kind) {
    case KIND_UNTYPED_BOOL: return t_bool;
    case KIND_UNTYPED_INT: return t_int;
    case KIND_UNTYPED_RUNE: return t_int32;
    case KIND_UNTYPED_FLOAT: return t_float64;
    case KIND_UNTYPED_COMPLEX: return t_complex128;
    case KIND_UNTYPED_STRING: return t_string;
    default: return t;
    }
}

/* ----------------------------------------------------------- method sets */

ObjList *methods_of(Type *named) {
    static ObjList none;
    NamedInfo *ni = named && named->name ? named->checker : NULL;
    if (!ni) {
        none.len = 0;
        return &none;
    }
    return &ni->methods;
}

void add_method(Type *named, Object *m) {
    NamedInfo *ni = named->checker;
    vec_push(&ni->methods, m);
}

static Object *find_declared_method(Type *t, const char *name) {
    if (!t->name || !t->checker) return NULL;
    ObjList *ms = methods_of(t);
    for (int i = 0; i < ms->len; i++)
        if (ms->items[i]->name == name) return ms->items[i];
    return NULL;
}

/* Breadth-first search over embedded fields (spec §Selectors): the
 * shallowest depth with exactly one match wins; two at the same depth are
 * ambiguous. */
typedef struct Candidate {
    Type *t;            /* type at this embedding level (maybe pointer) */
    SelStep steps[16];
    int nsteps;
    bool via_ptr;       /* some embedded pointer was crossed */
} Candidate;

LookupKind lookup_field_or_method(Type *t, const char *name, Selection *sel, StructField **field,
                                  Object **method, bool *indirect) {
    if (t->kind == KIND_POINTER && t->name) {
        /* A defined pointer type has no methods, but x.f selects a field of
         * its base type as (*x).f does. */
        LookupKind k = lookup_field_or_method(t->under, name, sel, field, method, indirect);
        return k == LOOKUP_METHOD ? LOOKUP_NONE : k;
    }
    Candidate cur[64], next[64];
    int ncur = 1;
    bool start_ptr = false;
    Type *start = t;
    if (t->kind == KIND_POINTER && !t->name) {
        start = t->elem;
        start_ptr = true;
    }
    cur[0] = (Candidate){.t = start, .nsteps = 0, .via_ptr = start_ptr};
    Type *seen[64];
    int nseen = 0;
    for (int depth = 0; ncur > 0 && depth < 16; depth++) {
        int found = 0;
        Candidate hit = {0};
        LookupKind hitkind = LOOKUP_NONE;
        StructField *hitfield = NULL;
        Object *hitmethod = NULL;
        int nnext = 0;
        for (int ci = 0; ci < ncur; ci++) {
            Candidate *cd = &cur[ci];
            Type *ct = cd->t;
            /* avoid revisiting the same named type (embedding cycles through pointers) */
            if (ct->name) {
                bool dup = false;
                for (int k = 0; k < nseen; k++)
                    if (seen[k] == ct) dup = true;
                if (dup) continue;
                if (nseen < 64) seen[nseen++] = ct;
            }
            Object *m = find_declared_method(ct, name);
            if (m) {
                found++;
                hit = *cd;
                hitkind = LOOKUP_METHOD;
                hitmethod = m;
                continue;
            }
            Type *u = ct->under;
            if (!u) continue;
            if (u->kind == KIND_INTERFACE && depth > 0) {
                for (int k = 0; k < u->nimethods; k++)
                    if (u->imethods[k].name == name) {
                        found++;
                        hit = *cd;
                        hitkind = LOOKUP_METHOD;
                        hitmethod = NULL; /* interface method of an embedded interface */
                    }
                continue;
            }
            if (u->kind != KIND_STRUCT) continue;
            for (int fi = 0; fi < u->nfields; fi++) {
                StructField *f = &u->fields[fi];
                if (f->name == name) {
                    found++;
                    hit = *cd;
                    hit.steps[hit.nsteps] = (SelStep){fi, false};
                    hit.nsteps++;
                    hitkind = LOOKUP_FIELD;
                    hitfield = f;
                }
                if (f->embedded && nnext < 64 && cd->nsteps < 15) {
                    Candidate nc = *cd;
                    nc.steps[nc.nsteps++] = (SelStep){fi, false};
                    Type *ft = f->type;
                    if (ft->kind == KIND_POINTER && !ft->name) {
                        nc.t = ft->elem;
                        nc.via_ptr = true;
                        /* the NEXT step dereferences */
                    } else {
                        nc.t = ft;
                    }
                    next[nnext++] = nc;
                }
            }
        }
        if (found > 1) return LOOKUP_AMBIGUOUS;
        if (found == 1) {
            if (sel) {
                sel->base = t;
                sel->nsteps = hit.nsteps;
                sel->steps = gc_alloc(sizeof(SelStep) * (size_t)(hit.nsteps + 1));
                memcpy(sel->steps, hit.steps, sizeof(SelStep) * (size_t)hit.nsteps);
                /* mark derefs: the value before step i is a pointer when the
                 * previous field (or the base) is a pointer */
                Type *cur_t = t;
                for (int i = 0; i < hit.nsteps; i++) {
                    bool isptr = cur_t->kind == KIND_POINTER;
                    sel->steps[i].deref = isptr;
                    Type *st = isptr ? cur_t->elem : cur_t;
                    cur_t = st->under->fields[sel->steps[i].field].type;
                }
                if (hitkind == LOOKUP_METHOD && !hitmethod) {
                    /* method of an embedded interface: the receiver is that interface */
                    sel->kind = SEL_IFACE_METHOD;
                    sel->iface = hit.t;
                    for (int k = 0; k < hit.t->under->nimethods; k++)
                        if (hit.t->under->imethods[k].name == name) sel->imethod = k;
                    sel->recv = cur_t;
                }
            }
            if (field) *field = hitfield;
            if (method) *method = hitmethod;
            if (indirect) *indirect = hit.via_ptr;
            return hitkind;
        }
        memcpy(cur, next, sizeof(Candidate) * (size_t)nnext);
        ncur = nnext;
    }
    return LOOKUP_NONE;
}

/* Does t (concrete or interface) implement interface iface? */
/* gc's note under "wrong type for method M": the signature t has and
 * the one iface wants ("\n\t\thave M(int)\n\t\twant M()"). */
static const char *wrong_method_note(Checker *c, Type *t, Type *iface, const char *name);

/* Why t does not implement iface, after implements() failed on method
 * name: "(missing method M)", "(method M has pointer receiver)" or
 * "(wrong type for method M)" with have/want lines, as gc words it. */
const char *missing_method_cause(Checker *c, Type *t, Type *iface, const char *name, bool ptr, bool wrong) {
    if (ptr) return gc_sprintf("(method %s has pointer receiver)", name);
    if (wrong) return gc_sprintf("(wrong type for method %s)%s", name, wrong_method_note(c, t, iface, name));
    return gc_sprintf("(missing method %s)", name);
}

static const char *wrong_method_note(Checker *c, Type *t, Type *iface, const char *name) {
    Type *want = NULL, *have = NULL;
    for (int i = 0; i < iface->under->nimethods; i++)
        if (iface->under->imethods[i].name == name) want = iface->under->imethods[i].sig;
    if (t->under->kind == KIND_INTERFACE) {
        for (int i = 0; i < t->under->nimethods; i++)
            if (t->under->imethods[i].name == name) have = t->under->imethods[i].sig;
    } else {
        Selection sel = {0};
        Object *m = NULL;
        bool indirect = false;
        if (lookup_field_or_method(t, name, &sel, NULL, &m, &indirect) == LOOKUP_METHOD) {
            if (m) {
                if (m->color != 2) resolve_object(c, m);
                Type *ms = m->type;
                have = type_func(ms->params + 1, ms->nparams - 1, ms->results, ms->nresults,
                                 (ms->flags & TF_VARIADIC) != 0);
            } else {
                have = sel.iface->under->imethods[sel.imethod].sig;
            }
        }
    }
    if (!have || !want) return "";
    /* a signature without its "func" keyword */
    return gc_sprintf("\n\t\thave %s%s\n\t\twant %s%s", name, type_str(have) + 4, name, type_str(want) + 4);
}

bool implements(Checker *c, Type *t, Type *iface, const char **missing, bool *ptr_recv, bool *wrong_sig) {
    Type *iu = iface->under;
    if (ptr_recv) *ptr_recv = false;
    if (wrong_sig) *wrong_sig = false;
    for (int i = 0; i < iu->nimethods; i++) {
        const IMethod *want = &iu->imethods[i];
        if (t->kind == KIND_INTERFACE) {
            bool ok = false;
            for (int k = 0; k < t->under->nimethods; k++)
                if (t->under->imethods[k].name == want->name) {
                    ok = t->under->imethods[k].sig == want->sig;
                    if (!ok && wrong_sig) *wrong_sig = true;
                }
            if (!ok) {
                if (missing) *missing = want->name;
                return false;
            }
            continue;
        }
        Selection sel = {0};
        Object *m = NULL;
        bool indirect = false;
        LookupKind k = lookup_field_or_method(t, want->name, &sel, NULL, &m, &indirect);
        if (k != LOOKUP_METHOD) {
            if (missing) *missing = want->name;
            return false;
        }
        Type *sig;
        if (m) {
            if (m->color != 2) resolve_object(c, m);
            /* the method's signature without its receiver */
            Type *ms = m->type;
            sig = type_func(ms->params + 1, ms->nparams - 1, ms->results, ms->nresults,
                            (ms->flags & TF_VARIADIC) != 0);
            if (m->ptr_recv && !indirect) {
                if (missing) *missing = want->name;
                if (ptr_recv) *ptr_recv = true;
                return false;
            }
        } else {
            sig = sel.iface->under->imethods[sel.imethod].sig;
        }
        if (sig != want->sig) {
            if (missing) *missing = want->name;
            if (wrong_sig) *wrong_sig = true;
            return false;
        }
    }
    return true;
}

/* ----------------------------------------------------------- relations */

bool assignable(Checker *c, Type *v, Type *t, const char **reason) {
    if (reason) *reason = NULL;
    if (v == t) return true;
    if (v->kind == KIND_INVALID || t->kind == KIND_INVALID) return true; /* already reported */
    if (v == t_untyped_nil) {
        switch (t->under->kind) {
        case KIND_POINTER: case KIND_FUNC: case KIND_SLICE: case KIND_MAP: case KIND_CHAN:
        case KIND_INTERFACE: case KIND_UNSAFEPTR: return true;
        default: return false;
        }
    }
    if (type_is_untyped(v)) {
        Type *u = t->under;
        if (u->kind == KIND_INTERFACE) return u->nimethods == 0;
        switch (v->kind) {
        case KIND_UNTYPED_BOOL: return u->kind == KIND_BOOL;
        case KIND_UNTYPED_STRING: return u->kind == KIND_STRING;
        case KIND_UNTYPED_INT: case KIND_UNTYPED_RUNE: case KIND_UNTYPED_FLOAT: case KIND_UNTYPED_COMPLEX:
            return type_is_integer(u) || type_is_float(u) || type_is_complex(u);
        default: return false;
        }
    }
    Type *vu = v->under, *tu = t->under;
    if (vu == tu && (!is_named(v) || !is_named(t)) && vu->kind != KIND_INVALID) return true;
    if (tu->kind == KIND_INTERFACE) {
        const char *missing = NULL;
        bool ptr = false, wrong = false;
        if (implements(c, v, t, &missing, &ptr, &wrong)) return true;
        if (reason)
            *reason = gc_sprintf("%s does not implement %s %s", type_str(v), type_str(t),
                                 missing_method_cause(c, v, t, missing, ptr, wrong));
        return false;
    }
    if (vu->kind == KIND_CHAN && tu->kind == KIND_CHAN && vu->chan_dir == CHAN_BOTH && vu->elem == tu->elem &&
        (!is_named(v) || !is_named(t)))
        return true;
    /* an interface value where a type that implements it is wanted */
    if (reason && vu->kind == KIND_INTERFACE && implements(c, t, v, NULL, NULL, NULL)) *reason = "need type assertion";
    return false;
}

static bool is_bytes_or_runes(Type *t) {
    Type *u = t->under;
    return u->kind == KIND_SLICE && (u->elem->under->kind == KIND_UINT8 || u->elem->under->kind == KIND_INT32);
}

/* Are a and b identical when struct tags are ignored, also in the types
 * they are made of ([]struct{ F string `tag` } and []struct{ F string })? */
static bool identical_ignore_tags(Type *a, Type *b) {
    if (a == b) return true;
    if (a->kind != b->kind || is_named(a) || is_named(b)) return false;
    switch (a->kind) {
    case KIND_STRUCT:
        if (a->nfields != b->nfields) return false;
        for (int i = 0; i < a->nfields; i++)
            if (a->fields[i].name != b->fields[i].name || a->fields[i].embedded != b->fields[i].embedded ||
                !identical_ignore_tags(a->fields[i].type, b->fields[i].type))
                return false;
        return true;
    case KIND_ARRAY: return a->len == b->len && identical_ignore_tags(a->elem, b->elem);
    case KIND_POINTER:
    case KIND_SLICE: return identical_ignore_tags(a->elem, b->elem);
    case KIND_MAP: return identical_ignore_tags(a->key, b->key) && identical_ignore_tags(a->elem, b->elem);
    case KIND_CHAN: return a->chan_dir == b->chan_dir && identical_ignore_tags(a->elem, b->elem);
    case KIND_FUNC:
        if (a->nparams != b->nparams || a->nresults != b->nresults ||
            (a->flags & TF_VARIADIC) != (b->flags & TF_VARIADIC))
            return false;
        for (int i = 0; i < a->nparams; i++)
            if (!identical_ignore_tags(a->params[i], b->params[i])) return false;
        for (int i = 0; i < a->nresults; i++)
            if (!identical_ignore_tags(a->results[i], b->results[i])) return false;
        return true;
    default: return false;
    }
}

bool convertible(Type *v, Type *t) {
    Type *vu = v->under, *tu = t->under;
    if (v == t) return true;
    if (identical_ignore_tags(vu, tu)) return true;
    if (vu->kind == KIND_POINTER && tu->kind == KIND_POINTER && !is_named(v) && !is_named(t) &&
        identical_ignore_tags(vu->elem->under, tu->elem->under))
        return true;
    bool vnum = type_is_integer(vu) || type_is_float(vu), tnum = type_is_integer(tu) || type_is_float(tu);
    if (vnum && tnum) return true;
    if (type_is_complex(vu) && type_is_complex(tu)) return true;
    if (tu->kind == KIND_STRING && (type_is_integer(vu) || is_bytes_or_runes(vu))) return true;
    if (vu->kind == KIND_STRING && is_bytes_or_runes(tu)) return true;
    if (vu->kind == KIND_UNSAFEPTR && (tu->kind == KIND_POINTER || tu->kind == KIND_UINTPTR)) return true;
    if (tu->kind == KIND_UNSAFEPTR && (vu->kind == KIND_POINTER || vu->kind == KIND_UINTPTR)) return true;
    if (vu->kind == KIND_SLICE && tu->kind == KIND_POINTER && tu->elem->under->kind == KIND_ARRAY &&
        tu->elem->under->elem == vu->elem)
        return true;
    return false;
}

/* --------------------------------------------------------- type expressions */

static Type *resolve_type_name(Checker *c, Expr *e, Object *o) {
    if (!o) return t_invalid;
    if (o->kind != OBJ_TYPE) {
        /* gc describes the operand: "x (variable of type int) is not a type" */
        if (o->kind == OBJ_VAR || o->kind == OBJ_FUNC) {
            if (o->color != 2 && o->decl) resolve_object(c, o);
            o->used = true;
            errorf(c, e->pos, "%s (%s of type %s) is not a type", expr_str(e), o->kind == OBJ_VAR ? "variable" : "value",
                   o->type ? type_str(o->type) : "invalid type");
        } else {
            errorf(c, e->pos, "%s is not a type", expr_str(e));
        }
        return t_invalid;
    }
    if (o->color != 2) resolve_object(c, o);
    e->obj = o;
    e->mode = MODE_TYPE;
    e->type = o->type ? o->type : t_invalid;
    return e->type;
}

static Type *check_struct_type(Checker *c, Expr *e) {
    Vec(StructField) fields = {0};
    FieldList *fl = &e->u.structtype.fields;
    for (int i = 0; i < fl->len; i++) {
        Field *f = fl->items[i];
        Type *ft = check_type_expr(c, f->type);
        if (f->names.len == 0) {
            /* embedded: T, *T, pkg.T */
            Expr *te = f->type;
            while (te->kind == E_PAREN) te = te->u.unary.x;
            bool ptr = te->kind == E_STAR;
            if (ptr) te = te->u.unary.x;
            const char *name = te->kind == E_SELECTOR ? intern_cstr(te->u.selector.sel)
                               : te->kind == E_IDENT  ? te->u.ident.name
                                                      : intern_cstr("?");
            if (ptr && ft->kind == KIND_POINTER && ft->elem->under &&
                (ft->elem->under->kind == KIND_POINTER || ft->elem->under->kind == KIND_INTERFACE))
                errorf(c, f->type->pos, "embedded field type cannot be a pointer to an interface");
            StructField sf = {.name = name, .type = ft, .embedded = true, .tag = f->tag,
                              .exported = name[0] >= 'A' && name[0] <= 'Z'};
            for (int k = 0; k < fields.len; k++)
                if (fields.items[k].name == name) errorf(c, f->pos, "%s redeclared", name);
            vec_push(&fields, sf);
            continue;
        }
        for (int j = 0; j < f->names.len; j++) {
            const char *name = f->names.items[j]->u.ident.name;
            for (int k = 0; k < fields.len; k++)
                if (fields.items[k].name == name && name != intern_cstr("_"))
                    errorf(c, f->names.items[j]->pos, "%s redeclared", name);
            StructField sf = {.name = name, .type = ft, .tag = f->tag,
                              .exported = name[0] >= 'A' && name[0] <= 'Z'};
            vec_push(&fields, sf);
        }
    }
    return type_struct(fields.items, fields.len);
}

static Type *check_interface_type(Checker *c, Expr *e) {
    Vec(IMethod) ms = {0};
    FieldList *fl = &e->u.interfacetype.methods;
    for (int i = 0; i < fl->len; i++) {
        Field *f = fl->items[i];
        if (f->names.len) {
            Scope *sc = scope_new(c->scope);
            c->s->type_indirections++;
            Type *sig = check_func_type(c, &f->type->u.functype, NULL, NULL, sc);
            c->s->type_indirections--;
            const char *name = f->names.items[0]->u.ident.name;
            for (int k = 0; k < ms.len; k++)
                if (ms.items[k].name == name) errorf(c, f->names.items[0]->pos, "duplicate method %s", name);
            vec_push(&ms, ((IMethod){name, sig}));
            continue;
        }
        /* embedded interface or a constraint element */
        Expr *te = f->type;
        if (te->kind == E_BINARY || (te->kind == E_UNARY && te->u.unary.op == TK_TILDE)) {
            errorf(c, te->pos, "interfaces with type constraints are not supported by goi");
            continue;
        }
        Type *et = check_type_expr(c, te);
        NamedInfo *ni = et->name ? et->checker : NULL;
        if (ni && ni->obj && !et->under) {
            /* an interface still being declared: fine in a method of that
             * interface (type Node interface{ Kids() []Expr }; type Expr
             * interface{ Node }); the declaration using this interface
             * waits for it. Not in type I interface{ I }. */
            if (can_wait_for(c, et)) {
                if (!c->waits_for) c->waits_for = et;
            } else {
                errorf(c, ni->obj->pos, "invalid recursive type %s", ni->obj->name);
            }
            continue;
        }
        if (et->kind == KIND_INVALID) continue;
        if (!et->under || et->under->kind != KIND_INTERFACE) {
            errorf(c, te->pos, "interfaces with type constraints are not supported by goi");
            continue;
        }
        for (int k = 0; k < et->under->nimethods; k++) {
            IMethod im = et->under->imethods[k];
            bool dup = false;
            for (int j = 0; j < ms.len; j++)
                if (ms.items[j].name == im.name) {
                    dup = true;
                    if (ms.items[j].sig != im.sig) errorf(c, te->pos, "duplicate method %s", im.name);
                }
            if (!dup) vec_push(&ms, im);
        }
    }
    return type_interface(ms.items, ms.len);
}

Type *check_type_expr(Checker *c, Expr *e) {
    Type *t = t_invalid;
    if (unlikely(nested_too_deeply(c, e->pos))) return t_invalid;
    switch (e->kind) {
    case E_IDENT: {
        Object *o = scope_lookup(c->scope, e->u.ident.name);
        if (!o) {
            errorf(c, e->pos, "undefined: %s", e->u.ident.name);
            break;
        }
        if (o->kind == OBJ_PKG) {
            errorf(c, e->pos, "use of package %s without selector", o->name);
            break;
        }
        note_dot_import_use(c, o);
        t = resolve_type_name(c, e, o);
        break;
    }
    case E_SELECTOR: {
        Expr *x = e->u.selector.x;
        if (x->kind == E_IDENT) {
            Object *po = scope_lookup(c->scope, x->u.ident.name);
            if (po && po->kind == OBJ_PKG) {
                po->import_spec->u.import.used = true;
                const char *sel = intern_cstr(e->u.selector.sel);
                Object *o = package_member(c, po, sel, e->u.selector.sel_pos.line ? e->u.selector.sel_pos : e->pos);
                if (!o) break;
                t = resolve_type_name(c, e, o);
                break;
            }
        }
        errorf(c, e->pos, "%s is not a type", expr_str(e));
        break;
    }
    case E_PAREN: t = check_type_expr(c, e->u.unary.x); break;
    case E_STAR: {
        c->s->type_indirections++;
        Type *el = check_type_expr(c, e->u.unary.x);
        c->s->type_indirections--;
        t = el->kind == KIND_INVALID && el == t_invalid ? t_invalid : type_pointer(el);
        break;
    }
    case E_ARRAYTYPE: {
        if (!e->u.arraytype.len) {
            c->s->type_indirections++;
            t = type_slice(check_type_expr(c, e->u.arraytype.elt));
            c->s->type_indirections--;
            break;
        }
        Type *el = check_type_expr(c, e->u.arraytype.elt);
        Expr *le = e->u.arraytype.len;
        if (le->kind == E_ELLIPSIS) {
            errorf(c, le->pos, "invalid use of [...] array (outside a composite literal)");
            break;
        }
        if (le->kind == E_IDENT) { /* as gc, which does not count this as a use of a variable */
            Object *o = scope_lookup(c->scope, le->u.ident.name);
            if (!o) {
                errorf(c, le->pos, "undefined array length %s or missing type constraint", le->u.ident.name);
                break;
            }
            if (o->kind != OBJ_CONST) {
                errorf(c, le->pos, "invalid array length %s", le->u.ident.name);
                break;
            }
        }
        check_expr(c, le, NULL);
        if (le->mode == MODE_INVALID) break;
        if (le->mode != MODE_CONST) {
            errorf(c, le->pos, "array length %s must be constant", operand_str(c, le));
            break;
        }
        ConstVal *iv = cv_to_int(le->cv);
        if (!iv || (!type_is_untyped(le->type) && !type_is_integer(le->type))) {
            errorf(c, le->pos, "array length %s must be integer", operand_str(c, le));
            break;
        }
        if (cv_sign(iv) < 0 || !cv_fits_int64(iv)) {
            errorf(c, le->pos, "invalid array length %s", operand_str(c, le));
            break;
        }
        int64_t n = cv_int64_val(iv);
        if (n > (1 << 28)) {
            errorf(c, le->pos, "array length %s too large for goi", expr_str(le));
            break;
        }
        t = type_array(el, n);
        break;
    }
    case E_MAPTYPE: {
        c->s->type_indirections++;
        Type *k = check_type_expr(c, e->u.maptype.key);
        Type *v = check_type_expr(c, e->u.maptype.value);
        c->s->type_indirections--;
        if (k->kind != KIND_INVALID && (k->flags & TF_COMPLETE) && !(k->flags & TF_COMPARABLE)) {
            errorf(c, e->u.maptype.key->pos, "invalid map key type %s", type_str(k));
        }
        t = type_map(k, v);
        break;
    }
    case E_CHANTYPE:
        c->s->type_indirections++;
        t = type_chan(check_type_expr(c, e->u.chantype.value), e->u.chantype.dir);
        c->s->type_indirections--;
        break;
    case E_FUNCTYPE: {
        Scope *sc = scope_new(c->scope);
        c->s->type_indirections++;
        t = check_func_type(c, &e->u.functype, NULL, NULL, sc);
        c->s->type_indirections--;
        break;
    }
    case E_STRUCTTYPE: t = check_struct_type(c, e); break;
    case E_INTERFACETYPE: t = check_interface_type(c, e); break;
    case E_INDEX:
        errorf(c, e->pos, "generic type instantiation is not supported by goi");
        break;
    case E_ELLIPSIS:
        errorf(c, e->pos, "invalid use of ...");
        break;
    default:
        check_expr_or_type(c, e);
        if (e->mode == MODE_TYPE) return e->type;
        if (e->mode != MODE_INVALID) errorf(c, e->pos, "%s is not a type", expr_str(e));
        break;
    }
    e->mode = MODE_TYPE;
    e->type = t;
    return t;
}

/* Declare the parameters of one field list; returns their types. */
typedef Vec(Type *) TypeList;
/* s with the words byte and rune replaced by uint8 and int32. */
static char *unalias(const char *s) {
    StrBuf b;
    sb_init(&b);
    for (const char *p = s; *p;) {
        bool word_start = p == s || !(isalnum((unsigned char)p[-1]) || p[-1] == '_' || p[-1] == '.');
        size_t n = strncmp(p, "byte", 4) == 0 ? 4 : strncmp(p, "rune", 4) == 0 ? 4 : 0;
        if (n && word_start && !(isalnum((unsigned char)p[n]) || p[n] == '_')) {
            sb_puts(&b, p[0] == 'b' ? "uint8" : "int32");
            p += n;
        } else {
            sb_putc(&b, *p++);
        }
    }
    return b.data;
}

const char *alias_spelling(Expr *te, Type *t) {
    if (!te || !t || t->kind == KIND_INVALID) return NULL;
    const char *s = expr_str(te);
    const char *plain = type_str(t);
    if (strcmp(s, plain) == 0 || strcmp(unalias(s), plain) != 0) return NULL;
    return s;
}

static void param_list(Checker *c, FieldList *fl, Scope *scope, FuncCtx *fc, bool results, TypeList *types,
                       bool *variadic) {
    for (int i = 0; i < fl->len; i++) {
        Field *f = fl->items[i];
        Expr *te = f->type;
        Type *t;
        if (te->kind == E_ELLIPSIS) {
            if (results || i != fl->len - 1 || f->names.len > 1) {
                errorf(c, te->pos, "can only use ... with final parameter in list");
                t = type_slice(check_type_expr(c, te->u.ellipsis.elt));
            } else {
                t = type_slice(check_type_expr(c, te->u.ellipsis.elt));
                if (variadic) *variadic = true;
            }
        } else {
            t = check_type_expr(c, te);
        }
        int n = f->names.len ? f->names.len : 1;
        for (int j = 0; j < n; j++) {
            vec_push(types, t);
            if (!fc) continue;
            const char *name = f->names.len ? f->names.items[j]->u.ident.name : intern_cstr("_");
            Pos pos = f->names.len ? f->names.items[j]->pos : f->pos;
            Object *o = new_object(OBJ_VAR, name, t, pos);
            o->spelled = te->kind == E_ELLIPSIS ? NULL : alias_spelling(te, t);
            o->is_param = !results;
            o->is_result = results;
            o->used = true; /* parameters need no use */
            o->owner = fc;
            o->pkg = c->pkg;
            if (f->names.len) f->names.items[j]->obj = o;
            if (results) {
                vec_push(&fc->results, o);
                if (f->names.len) fc->named_results = true;
            } else {
                vec_push(&fc->params, o);
            }
            declare(c, scope, o);
        }
    }
}

Type *check_func_type(Checker *c, FuncTypeNode *ft, Field *recv, FuncCtx *fc, Scope *scope) {
    TypeList params = {0}, results = {0};
    bool variadic = false;
    Scope *saved = c->scope;
    c->scope = scope;
    if (ft->tparams.len && !fc) errorf(c, ft->func_pos, "generic functions are not supported by goi");
    /* The declaration was reported as unsupported; its type parameters
     * denote an invalid type so that their uses do not cascade into
     * "undefined: T" errors. */
    for (int i = 0; i < ft->tparams.len; i++) {
        Field *tp = ft->tparams.items[i];
        for (int j = 0; j < tp->names.len; j++) {
            Expr *n = tp->names.items[j];
            Object *o = new_object(OBJ_TYPE, n->u.ident.name, t_invalid, n->pos);
            o->color = 2; /* resolved */
            declare(c, scope, o);
        }
    }
    if (recv) {
        FieldList rl = {0};
        vec_push(&rl, recv);
        param_list(c, &rl, scope, fc, false, &params, NULL);
        /* the receiver's base type is checked by declare_method */
    }
    param_list(c, &ft->params, scope, fc, false, &params, &variadic);
    param_list(c, &ft->results, scope, fc, true, &results, NULL);
    c->scope = saved;
    return type_func(params.items, params.len, results.items, results.len, variadic);
}

void complete_method_tables(Session *s, Package *pkg) {
    (void)s;
    (void)pkg; /* method tables are built by the code generator (gen_method_tables) */
}
