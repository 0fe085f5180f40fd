/* repl.c - compiling REPL input into a persistent session.
 *
 * The session's main package lives across inputs. Each input is a list of
 * declarations and statements:
 *  - import declarations, and standard packages named without one
 *    (auto_import), are imported into the package;
 *  - func, method, type, const and var declarations are package-level
 *    declarations, exactly as in a file: they may refer to each other in
 *    any order (so `:load` of a whole file works), and a new declaration of
 *    a name replaces the old one (a method replaces the method of that name);
 *  - everything else becomes the body of a fresh function main.replN; at
 *    the top level of that body, := declares package-level variables, so
 *    they persist (check_stmt.c's at_repl_top), and "declared and not used"
 *    does not apply;
 *  - a final expression statement with a value becomes the function's
 *    result, which the REPL prints.
 * The code comes in two parts: `init` initialises the packages imported by
 * this input and the variables it declared (in dependency order, then any
 * init functions), `run` runs the statements.
 *
 * If the input has errors, the package is restored to what it was.
 *
 * THREADS. Goroutines keep running while the REPL compiles, and a goroutine
 * may be compiling a standard-library function on first call into the same
 * session (gen.c's compile_lazy): every entry point here holds the
 * compiler lock.
 */
#include "gen.h"

#include <stdio.h>
#include <stdlib.h>

typedef Vec(Type *) TypeList;

/* What an input may change, to undo it after errors. */
typedef struct Snapshot {
    Object **scope;
    int nscope, nobjs, nfuncs, ninits, nnamed;
    ObjList *methods; /* per named type (index < nnamed): its declared methods */
} Snapshot;

static ObjList copy_list(const ObjList *l) {
    ObjList c = {0};
    for (int i = 0; i < l->len; i++) vec_push(&c, l->items[i]);
    return c;
}

static Snapshot snapshot(Package *pkg) {
    Snapshot sn = {.nscope = pkg->scope->objs.len,
                   .nobjs = pkg->objs.len,
                   .nfuncs = pkg->funcs.len,
                   .ninits = pkg->inits.len,
                   .nnamed = pkg->named.len};
    sn.scope = gc_alloc(sizeof(Object *) * (size_t)(sn.nscope + 1));
    if (sn.nscope) memcpy(sn.scope, pkg->scope->objs.items, sizeof(Object *) * (size_t)sn.nscope);
    sn.methods = gc_alloc(sizeof(ObjList) * (size_t)(sn.nnamed + 1));
    for (int i = 0; i < sn.nnamed; i++) {
        NamedInfo *ni = pkg->named.items[i]->checker;
        if (ni) sn.methods[i] = copy_list(&ni->methods);
    }
    return sn;
}

static void restore(Package *pkg, Snapshot *sn) {
    scope_clear(pkg->scope);
    for (int i = 0; i < sn->nscope; i++) vec_push(&pkg->scope->objs, sn->scope[i]);
    pkg->objs.len = sn->nobjs;
    pkg->funcs.len = sn->nfuncs;
    pkg->inits.len = sn->ninits;
    pkg->named.len = sn->nnamed;
    for (int i = 0; i < sn->nnamed; i++) {
        NamedInfo *ni = pkg->named.items[i]->checker;
        if (ni) ni->methods = sn->methods[i];
    }
}

/* The session's package main, created on first use. */
static Package *repl_package(Session *s) {
    if (s->main) return s->main;
    File *f = NEW(File);
    f->filename = s->main_file;
    f->package = intern_cstr("main");
    Package *pkg = new_package(s, "main", f);
    pkg->is_main = true;
    pkg->checked = true;
    s->main = pkg;
    return pkg;
}

static void auto_import_stmt(Checker *c, Stmt *s);
static void auto_import(Checker *c, Expr *e);

static void auto_import_fields(Checker *c, FieldList *l) {
    for (int i = 0; i < l->len; i++) auto_import(c, l->items[i]->type);
}

/* Auto-import: an undefined name that is a standard package's name (strings,
 * fmt, time...) is imported into the session on first use. */
static void auto_import(Checker *c, Expr *e) {
    if (!e) return;
    switch (e->kind) {
    case E_SELECTOR: {
        Expr *x = e->u.selector.x;
        if (x->kind == E_IDENT && !scope_lookup(c->pkg->scope, x->u.ident.name)) {
            int n;
            const StdPackage *const *all = stdlib_packages(&n);
            for (int i = 0; i < n; i++) {
                if (strcmp(all[i]->name, x->u.ident.name) != 0) continue;
                Spec *sp = NEW(Spec);
                sp->kind = SPEC_IMPORT;
                sp->pos = x->pos;
                sp->u.import.path = all[i]->path;
                sp->u.import.path_pos = x->pos;
                sp->u.import.used = true;
                collect_import(c, sp);
                break;
            }
        }
        auto_import(c, x);
        break;
    }
    case E_PAREN: case E_STAR: case E_UNARY: auto_import(c, e->u.unary.x); break;
    case E_BINARY: case E_KEYVALUE:
        auto_import(c, e->u.binary.x);
        auto_import(c, e->u.binary.y);
        break;
    case E_CALL:
        auto_import(c, e->u.call.fun);
        for (int i = 0; i < e->u.call.args.len; i++) auto_import(c, e->u.call.args.items[i]);
        break;
    case E_INDEX:
        auto_import(c, e->u.index.x);
        for (int i = 0; i < e->u.index.indices.len; i++) auto_import(c, e->u.index.indices.items[i]);
        break;
    case E_SLICE:
        auto_import(c, e->u.slice.x);
        auto_import(c, e->u.slice.lo);
        auto_import(c, e->u.slice.hi);
        auto_import(c, e->u.slice.max);
        break;
    case E_TYPEASSERT: auto_import(c, e->u.typeassert.x); auto_import(c, e->u.typeassert.type); break;
    case E_COMPOSITELIT:
        auto_import(c, e->u.composite.type);
        for (int i = 0; i < e->u.composite.elts.len; i++) auto_import(c, e->u.composite.elts.items[i]);
        break;
    case E_FUNCLIT:
        auto_import(c, e->u.funclit.type);
        auto_import_stmt(c, e->u.funclit.body);
        break;
    case E_FUNCTYPE:
        auto_import_fields(c, &e->u.functype.params);
        auto_import_fields(c, &e->u.functype.results);
        break;
    case E_STRUCTTYPE: auto_import_fields(c, &e->u.structtype.fields); break;
    case E_ELLIPSIS: auto_import(c, e->u.ellipsis.elt); break;
    case E_ARRAYTYPE: auto_import(c, e->u.arraytype.len); auto_import(c, e->u.arraytype.elt); break;
    case E_MAPTYPE: auto_import(c, e->u.maptype.key); auto_import(c, e->u.maptype.value); break;
    case E_CHANTYPE: auto_import(c, e->u.chantype.value); break;
    default: break;
    }
}

static void auto_import_list(Checker *c, StmtList *l) {
    for (int i = 0; i < l->len; i++) auto_import_stmt(c, l->items[i]);
}

static void auto_import_stmt(Checker *c, Stmt *s) {
    if (!s) return;
    switch (s->kind) {
    case S_EXPR: auto_import(c, s->u.expr.x); break;
    case S_SEND: auto_import(c, s->u.send.chan); auto_import(c, s->u.send.value); break;
    case S_INCDEC: auto_import(c, s->u.incdec.x); break;
    case S_ASSIGN:
        for (int i = 0; i < s->u.assign.lhs.len; i++) auto_import(c, s->u.assign.lhs.items[i]);
        for (int i = 0; i < s->u.assign.rhs.len; i++) auto_import(c, s->u.assign.rhs.items[i]);
        break;
    case S_GO: case S_DEFER: auto_import(c, s->u.call.call); break;
    case S_RETURN: for (int i = 0; i < s->u.ret.results.len; i++) auto_import(c, s->u.ret.results.items[i]); break;
    case S_BLOCK: auto_import_list(c, &s->u.block.list); break;
    case S_IF: auto_import_stmt(c, s->u.if_.init); auto_import(c, s->u.if_.cond); auto_import_stmt(c, s->u.if_.body); auto_import_stmt(c, s->u.if_.else_); break;
    case S_FOR: auto_import_stmt(c, s->u.for_.init); auto_import(c, s->u.for_.cond); auto_import_stmt(c, s->u.for_.post); auto_import_stmt(c, s->u.for_.body); break;
    case S_RANGE: auto_import(c, s->u.range.x); auto_import_stmt(c, s->u.range.body); break;
    case S_SWITCH: auto_import_stmt(c, s->u.switch_.init); auto_import(c, s->u.switch_.tag); auto_import_stmt(c, s->u.switch_.body); break;
    case S_TYPESWITCH: auto_import_stmt(c, s->u.typeswitch.init); auto_import_stmt(c, s->u.typeswitch.assign); auto_import_stmt(c, s->u.typeswitch.body); break;
    case S_SELECT: auto_import_stmt(c, s->u.select.body); break;
    case S_CASECLAUSE:
        for (int i = 0; i < s->u.caseclause.list.len; i++) auto_import(c, s->u.caseclause.list.items[i]);
        auto_import_list(c, &s->u.caseclause.body);
        break;
    case S_COMMCLAUSE: auto_import_stmt(c, s->u.commclause.comm); auto_import_list(c, &s->u.commclause.body); break;
    case S_LABELED: auto_import_stmt(c, s->u.labeled.stmt); break;
    case S_DECL: {
        Decl *d = s->u.decl.decl;
        if (d->kind == D_FUNC) {
            if (d->u.func.body) auto_import_stmt(c, d->u.func.body);
            FuncTypeNode *ft = &d->u.func.type->u.functype;
            for (int i = 0; i < ft->params.len; i++) auto_import(c, ft->params.items[i]->type);
            for (int i = 0; i < ft->results.len; i++) auto_import(c, ft->results.items[i]->type);
        } else if (d->kind != D_IMPORT) {
            for (int i = 0; i < d->u.gen.specs.len; i++) {
                Spec *sp = d->u.gen.specs.items[i];
                if (sp->kind == SPEC_VALUE) {
                    auto_import(c, sp->u.value.type);
                    for (int j = 0; j < sp->u.value.values.len; j++) auto_import(c, sp->u.value.values.items[j]);
                } else if (sp->kind == SPEC_TYPE) {
                    auto_import(c, sp->u.type.type);
                }
            }
        }
        break;
    }
    default: break;
    }
}


/* ------------------------------------------------- package-level declarations */

static bool is_package_decl(const Stmt *st) {
    if (st->kind != S_DECL) return false;
    DeclKind k = st->u.decl.decl->kind;
    return k == D_FUNC || k == D_TYPE || k == D_CONST || k == D_VAR;
}

static void forget(Package *pkg, Expr *ident) {
    if (ident && ident->u.ident.name != intern_cstr("_")) scope_remove(pkg->scope, ident->u.ident.name);
}

/* A new declaration replaces the package's object of the same name. */
static void forget_names(Package *pkg, Decl *d) {
    switch (d->kind) {
    case D_FUNC:
        if (!d->u.func.recv && d->u.func.name->u.ident.name != intern_cstr("init")) forget(pkg, d->u.func.name);
        break;
    case D_TYPE:
        for (int i = 0; i < d->u.gen.specs.len; i++) forget(pkg, d->u.gen.specs.items[i]->u.type.name);
        break;
    case D_CONST: case D_VAR:
        for (int i = 0; i < d->u.gen.specs.len; i++) {
            Spec *sp = d->u.gen.specs.items[i];
            for (int j = 0; j < sp->u.value.names.len; j++) forget(pkg, sp->u.value.names.items[j]);
        }
        break;
    default: break;
    }
}

/* A method declared again replaces the earlier one (declare_method would
 * report it as declared twice). Returns the receiver's type, whose method
 * tables must be rebuilt, or NULL. */
static Type *forget_method(Package *pkg, Object *m) {
    Expr *rt = m->decl->u.func.recv->type;
    while (rt->kind == E_PAREN || rt->kind == E_STAR) rt = rt->u.unary.x;
    if (rt->kind != E_IDENT) return NULL;
    Object *to = scope_lookup_local(pkg->scope, rt->u.ident.name);
    if (!to || to->kind != OBJ_TYPE || !to->type || !to->type->checker) return NULL;
    NamedInfo *ni = to->type->checker;
    ObjList kept = {0};
    for (int i = 0; i < ni->methods.len; i++)
        if (ni->methods.items[i]->name != m->name) vec_push(&kept, ni->methods.items[i]);
    ni->methods = kept;
    return to->type;
}

/* Check the package-level declarations of an input the way check_package
 * checks a file: types first, then methods attach, then everything resolves
 * lazily in dependency order, then function bodies. objs[first..] are the
 * input's objects. Types whose methods changed go into *retable. */
static void check_decls(Checker *c, Package *pkg, int first, TypeList *retable) {
    for (int i = first; i < pkg->objs.len; i++)
        if (pkg->objs.items[i]->kind == OBJ_TYPE) resolve_object(c, pkg->objs.items[i]);
    for (int i = 0; i < pkg->named.len; i++) type_layout_refresh(pkg->named.items[i]);
    for (int i = first; i < pkg->objs.len; i++) {
        Object *o = pkg->objs.items[i];
        if (o->kind != OBJ_FUNC || !o->decl->u.func.recv) continue;
        Type *t = forget_method(pkg, o);
        declare_method(c, o);
        if (t) vec_push(retable, t);
    }
    for (int i = first; i < pkg->objs.len; i++) resolve_object(c, pkg->objs.items[i]);
    for (int i = first; i < pkg->objs.len; i++) {
        Object *o = pkg->objs.items[i];
        if (o->kind == OBJ_TYPE && o->type && (o->type->flags & TF_NAMED)) {
            type_layout_refresh(o->type);
            if (!(o->type->flags & TF_COMPLETE)) {
                errorf(c, o->pos, "invalid recursive type %s", o->name);
                type_set_underlying(o->type, t_invalid);
            }
        }
    }
    for (int i = first; i < pkg->objs.len; i++) {
        Object *o = pkg->objs.items[i];
        if (o->kind != OBJ_FUNC || !o->fctx) continue;
        if (o->decl->u.func.recv && !o->recv_base) continue;
        if (!o->decl->u.func.body) continue; /* collect_decl reported it */
        Checker fc = {.s = c->s, .pkg = pkg, .scope = pkg->scope, .iota = -1, .decl_obj = o};
        check_func_body(&fc, o->fctx);
        vec_push(&pkg->funcs, o);
    }
}

/* The input's package variables in initialisation order: each after the
 * variables its initializer depends on, directly or through functions
 * (Go spec §Package initialization; check.c's compute_init_order does the
 * same for a whole package). */
static bool listed(const ObjList *l, const Object *o) {
    for (int i = 0; i < l->len; i++)
        if (l->items[i] == o) return true;
    return false;
}

static void order_var(Object *o, const ObjList *vars, ObjList *visiting, ObjList *order) {
    if (listed(visiting, o) || visiting->len > 256) return; /* a cycle through functions */
    vec_push(visiting, o);
    for (int i = 0; i < o->deps.len; i++) {
        Object *d = o->deps.items[i];
        if ((d->kind == OBJ_VAR && listed(vars, d) && !listed(order, d)) || d->kind == OBJ_FUNC)
            order_var(d, vars, visiting, order);
    }
    visiting->len--;
    if (o->kind == OBJ_VAR && !listed(order, o)) vec_push(order, o);
}

static ObjList var_init_order(Package *pkg, int first) {
    ObjList vars = {0}, order = {0}, visiting = {0};
    for (int i = first; i < pkg->objs.len; i++) {
        Object *o = pkg->objs.items[i];
        if (o->kind == OBJ_VAR && o->spec) vec_push(&vars, o); /* not the statements' := variables */
    }
    for (int i = 0; i < vars.len; i++) order_var(vars.items[i], &vars, &visiting, &order);
    return order;
}

/* ---------------------------------------------------------------- code */

static int repl_counter;

void check_repl_body(Checker *c, FuncCtx *fc, Type **echo); /* check_stmt.c */

/* main.replN: the input's statements as the body of a function with no
 * parameters whose results, if the last statement is an expression, are
 * that expression's value (*echo). */
static Object *check_statements(Session *s, Package *pkg, StmtList *body, Type **echo) {
    Pos pos = body->items[0]->pos;
    Stmt *block = ast_new_stmt(S_BLOCK, pos);
    block->u.block.list = *body;
    Expr *ft = ast_new_expr(E_FUNCTYPE, pos);
    FuncCtx *fc = NEW(FuncCtx);
    fc->name = gc_sprintf("main.repl%d", ++repl_counter);
    fc->ftype = &ft->u.functype;
    fc->body = block;
    fc->pkg = pkg;
    fc->scope = scope_new(pkg->scope);
    fc->scope->is_func = true;
    fc->sig = type_func(NULL, 0, NULL, 0, false);
    Object *o = new_object(OBJ_FUNC, intern_cstr(fc->name), fc->sig, pos);
    o->pkg = pkg;
    o->fctx = fc;
    o->color = 2;
    fc->obj = o;
    Checker bc = {.s = s, .pkg = pkg, .scope = pkg->scope, .iota = -1};
    check_repl_body(&bc, fc, echo);
    o->type = fc->sig; /* with the echoed value as its result */
    return o;
}

/* Initialisation of what the input brought: the packages it imported
 * (generate_packages), then its variables and init functions. NULL if
 * there is nothing to do. */
static Func *gen_input_init(Session *s, Package *pkg, int first_obj, int first_init) {
    Vec(Func *) parts = {0};
    Func *imports = generate_packages(s, pkg);
    if (imports) vec_push(&parts, imports);
    /* gen_package_init initialises pkg->var_order: show it only this
     * input's variables. */
    ObjList saved_order = pkg->var_order;
    pkg->var_order = var_init_order(pkg, first_obj);
    Func *vars = gen_package_init(s, pkg);
    pkg->var_order = saved_order;
    if (vars) {
        vars->name = gc_sprintf("main.init.repl%d", repl_counter);
        vec_push(&parts, vars);
    }
    for (int j = first_init; j < pkg->inits.len; j++) vec_push(&parts, package_init_func(s, pkg, j));
    if (parts.len == 0) return NULL;
    if (parts.len == 1) return parts.items[0];
    extern Func *gen_init_chain(Session * s, Func **inits, int n);
    return gen_init_chain(s, parts.items, parts.len);
}

/* fmt.Print, Printf and Println return how many bytes they wrote and an
 * error, which nobody wants to see after every print: a call to one of
 * them as the last statement prints nothing more. */
static bool is_fmt_print(Package *pkg, Stmt *st) {
    if (st->kind != S_EXPR || st->u.expr.x->kind != E_CALL) return false;
    Expr *f = st->u.expr.x->u.call.fun;
    if (f->kind != E_SELECTOR || f->u.selector.x->kind != E_IDENT) return false;
    Object *po = scope_lookup(pkg->scope, f->u.selector.x->u.ident.name);
    if (!po || po->kind != OBJ_PKG || strcmp(po->imported->path, "fmt") != 0) return false;
    const char *sel = f->u.selector.sel;
    return !strcmp(sel, "Print") || !strcmp(sel, "Printf") || !strcmp(sel, "Println");
}

static bool failed(Session *s) { return s->errors.len && session_report_errors(s); }

/* The name an import declares: its own, or the package's. */
static const char *import_binding(Spec *sp) {
    if (sp->u.import.name) return sp->u.import.name->u.ident.name;
    const char *path = sp->u.import.path ? sp->u.import.path : "";
    size_t n = strlen(path);
    if (n >= 2 && (path[0] == '"' || path[0] == '`')) path = gc_strndup(path + 1, n - 2);
    const StdPackage *std = stdlib_lookup(path);
    return std ? intern_cstr(std->name) : NULL;
}

static bool is_import(const Stmt *st) { return st->kind == S_DECL && st->u.decl.decl->kind == D_IMPORT; }

/* Explicit imports come first, so that auto-import does not import the
 * same package under the same name again. An import replaces whatever the
 * name meant before. */
static void collect_imports(Checker *c, Package *pkg, StmtList *input) {
    for (int i = 0; i < input->len; i++) {
        if (!is_import(input->items[i])) continue;
        Decl *d = input->items[i]->u.decl.decl;
        for (int k = 0; k < d->u.gen.specs.len; k++) {
            Spec *sp = d->u.gen.specs.items[k];
            sp->u.import.used = true; /* "imported and not used" does not apply either */
            const char *name = import_binding(sp);
            if (name && name != intern_cstr("_") && name != intern_cstr(".")) scope_remove(pkg->scope, name);
            collect_import(c, sp);
        }
    }
    for (int i = 0; i < input->len; i++) auto_import_stmt(c, input->items[i]);
}

static bool compile_input(Session *s, StmtList *input, ReplCode *out) {
    Package *pkg = repl_package(s);
    Snapshot sn = snapshot(pkg);
    Checker c = {.s = s, .pkg = pkg, .scope = pkg->scope, .iota = -1};
    collect_imports(&c, pkg, input);

    /* package-level declarations; the rest is statements */
    StmtList body = {0};
    for (int i = 0; i < input->len; i++) {
        Stmt *st = input->items[i];
        if (is_import(st)) {
            continue;
        } else if (is_package_decl(st)) {
            forget_names(pkg, st->u.decl.decl);
        } else {
            vec_push(&body, st);
        }
    }
    int first_obj = pkg->objs.len, first_init = pkg->inits.len, first_named = pkg->named.len;
    for (int i = 0; i < input->len; i++)
        if (is_package_decl(input->items[i])) collect_decl(&c, input->items[i]->u.decl.decl);
    TypeList retable = {0};
    check_decls(&c, pkg, first_obj, &retable);
    for (int i = first_named; i < pkg->named.len; i++) vec_push(&retable, pkg->named.items[i]);

    if (body.len && is_fmt_print(pkg, body.items[body.len - 1])) {
        Stmt *empty = ast_new_stmt(S_EMPTY, body.items[body.len - 1]->pos);
        vec_push(&body, empty);
    }
    Object *run = body.len ? check_statements(s, pkg, &body, &out->echo) : NULL;
    if (failed(s)) goto undo;

    /* code: storage for new variables, functions, method tables, init, run */
    assign_global_storage(pkg);
    for (int i = first_obj; i < pkg->objs.len; i++) {
        Object *o = pkg->objs.items[i];
        if (o->kind == OBJ_FUNC && o->fctx && !o->fctx->fn && (!o->decl->u.func.recv || o->recv_base))
            gen_function(s, o->fctx);
    }
    for (int i = 0; i < retable.len; i++) {
        NamedInfo *ni = retable.items[i]->checker;
        if (ni) ni->tables_done = false;
        gen_method_tables(s, retable.items[i]);
    }
    out->init = gen_input_init(s, pkg, first_obj, first_init);
    if (run) out->run = gen_function(s, run->fctx);
    if (failed(s)) goto undo;
    return true;
undo:
    restore(pkg, &sn);
    out->init = out->run = NULL;
    out->echo = NULL;
    return false;
}

bool session_compile_repl(Session *s, StmtList *input, ReplCode *out) {
    *out = (ReplCode){0};
    compiler_lock();
    s->errors.len = 0;
    bool ok = compile_input(s, input, out);
    compiler_unlock();
    return ok;
}

Type *session_type_of(Session *s, Expr *e) {
    compiler_lock();
    s->errors.len = 0;
    Package *pkg = repl_package(s);
    Checker c = {.s = s, .pkg = pkg, .scope = pkg->scope, .iota = -1};
    auto_import(&c, e);
    FuncCtx fc = {.name = "main.type", .pkg = pkg};
    c.fn = &fc;
    check_expr_or_type(&c, e);
    if (e->mode != MODE_TYPE && e->mode != MODE_INVALID) use_default_type(&c, e);
    Type *t = e->type;
    if (s->errors.len) {
        session_report_errors(s);
        t = NULL;
    }
    compiler_unlock();
    return t;
}

/* ------------------------------------------------------------ completion */

static bool has_prefix(const char *s, const char *prefix, size_t n) { return strncmp(s, prefix, n) == 0; }

static bool exported(const char *n) { return n[0] >= 'A' && n[0] <= 'Z'; }

/* The package called pname in the session, or the standard package of that
 * name (loaded, so its members can be listed). */
static Package *package_named(Session *s, Package *pkg, const char *pname) {
    Object *po = scope_lookup(pkg->scope, pname);
    if (po) return po->kind == OBJ_PKG ? po->imported : NULL;
    int n;
    const StdPackage *const *all = stdlib_packages(&n);
    for (int i = 0; i < n; i++)
        if (strcmp(all[i]->name, pname) == 0) return load_package(s, all[i]->path, (Pos){0}, NULL);
    return NULL;
}

static int cmp_names(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

static const char *const keywords[] = {"break", "case", "chan", "const", "continue", "default", "defer", "else",
                                       "fallthrough", "for", "func", "go", "goto", "if", "import", "interface",
                                       "map", "package", "range", "return", "select", "struct", "switch", "type",
                                       "var"};

/* Completion candidates for prefix ("str" or "strings.To"). */
int session_complete(Session *s, const char *prefix, const char ***out) {
    compiler_lock();
    s->errors.len = 0;
    Vec(const char *) names = {0};
    Package *pkg = repl_package(s);
    const char *dot = strrchr(prefix, '.');
    if (dot) {
        const char *pname = intern(prefix, (size_t)(dot - prefix));
        const char *rest = dot + 1;
        size_t rl = strlen(rest);
        Package *p = package_named(s, pkg, pname);
        for (int i = 0; p && i < p->scope->objs.len; i++) {
            const char *n = p->scope->objs.items[i]->name;
            if (exported(n) && has_prefix(n, rest, rl)) vec_push(&names, gc_sprintf("%s.%s", pname, n));
        }
    } else {
        size_t pl = strlen(prefix);
        for (Scope *sc = pkg->scope; sc; sc = sc->parent)
            for (int i = 0; i < sc->objs.len; i++) {
                const char *n = sc->objs.items[i]->name;
                if (has_prefix(n, prefix, pl) && !has_prefix(n, "repl", 4)) vec_push(&names, n);
            }
        for (size_t i = 0; i < countof(keywords); i++)
            if (has_prefix(keywords[i], prefix, pl)) vec_push(&names, keywords[i]);
        int n;
        const StdPackage *const *all = stdlib_packages(&n);
        for (int i = 0; i < n; i++)
            if (has_prefix(all[i]->name, prefix, pl)) vec_push(&names, all[i]->name);
    }
    s->errors.len = 0; /* loading a package for its names is not an error of the input */
    compiler_unlock();
    if (names.len) qsort(names.items, (size_t)names.len, sizeof(const char *), cmp_names);
    int k = 0;
    for (int i = 0; i < names.len; i++)
        if (k == 0 || strcmp(names.items[k - 1], names.items[i]) != 0) names.items[k++] = names.items[i];
    *out = names.items;
    return k;
}

/* The function named name in the session, for `:dis`: a function, or a
 * method as "T.M" (value receiver) or "(*T).M" / "*T.M". */
Func *session_func(Session *s, const char *name) {
    compiler_lock();
    Package *pkg = repl_package(s);
    Func *fn = NULL;
    const char *dot = strchr(name, '.');
    if (!dot) {
        Object *o = scope_lookup_local(pkg->scope, intern_cstr(name));
        if (o && o->kind == OBJ_FUNC) fn = o->fn;
    } else {
        const char *tname = name, *end = dot;
        if (tname[0] == '(') tname++;
        if (tname[0] == '*') tname++;
        if (end > tname && end[-1] == ')') end--;
        Object *to = scope_lookup_local(pkg->scope, intern(tname, (size_t)(end - tname)));
        NamedInfo *ni = to && to->kind == OBJ_TYPE && to->type ? to->type->checker : NULL;
        const char *mname = intern_cstr(dot + 1);
        for (int i = 0; ni && i < ni->methods.len; i++)
            if (ni->methods.items[i]->name == mname) fn = ni->methods.items[i]->fn;
    }
    compiler_unlock();
    return fn;
}
