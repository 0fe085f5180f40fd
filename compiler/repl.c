/* repl.c - compiling REPL input into a persistent session.
 *
 * The session's main package lives across inputs. Each input is a list of
 * declarations and statements:
 *  - func/method/import declarations are added to the package (a new
 *    declaration of a name replaces the old one);
 *  - everything else becomes the body of a fresh function main.replN; at
 *    the top level of that body, := and var/const/type declarations create
 *    package-level objects, so they persist (check_stmt.c's at_repl_top);
 *  - a final expression statement with a value becomes the function's
 *    result, which the REPL prints.
 * If the input has errors, the package scope is restored to what it was.
 */
#include "gen.h"

#include <stdio.h>

typedef struct ScopeSnapshot {
    Object **objs;
    int len;
    int npkgobjs;
} ScopeSnapshot;

static ScopeSnapshot snapshot(Package *pkg) {
    ScopeSnapshot sn = {.len = pkg->scope->objs.len, .npkgobjs = pkg->objs.len};
    sn.objs = gc_alloc(sizeof(Object *) * (size_t)(sn.len + 1));
    memcpy(sn.objs, pkg->scope->objs.items, sizeof(Object *) * (size_t)sn.len);
    return sn;
}

static void restore(Package *pkg, ScopeSnapshot *sn) {
    scope_clear(pkg->scope);
    for (int i = 0; i < sn->len; i++) vec_push(&pkg->scope->objs, sn->objs[i]);
    pkg->objs.len = sn->npkgobjs;
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
    case E_FUNCLIT: break; /* bodies are scanned statement by statement below */
    case E_ARRAYTYPE: auto_import(c, e->u.arraytype.elt); break;
    case E_MAPTYPE: auto_import(c, e->u.maptype.key); auto_import(c, e->u.maptype.value); break;
    case E_CHANTYPE: auto_import(c, e->u.chantype.value); break;
    default: break;
    }
}

static void auto_import_stmt(Checker *c, Stmt *s);

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

static int repl_counter;

/* Generate code for everything new in the package: functions, methods,
 * method tables. */
static void generate_new(Session *s, Package *pkg, ObjList *funcs) {
    assign_global_storage(pkg);
    for (int i = 0; i < funcs->len; i++) {
        Object *o = funcs->items[i];
        if (o->fctx && !o->fctx->fn) gen_function(s, o->fctx);
    }
    for (int i = 0; i < pkg->named.len; i++) {
        Type *t = pkg->named.items[i];
        NamedInfo *ni = t->checker;
        if (ni) ni->tables_done = false; /* methods may have been added */
        gen_method_tables(s, t);
    }
}

bool session_compile_repl(Session *s, StmtList *input, Func **run, Type **echo_type) {
    *run = NULL;
    *echo_type = NULL;
    s->errors.len = 0;
    Package *pkg = repl_package(s);
    ScopeSnapshot sn = snapshot(pkg);
    Checker c = {.s = s, .pkg = pkg, .scope = pkg->scope, .iota = -1};
    for (int i = 0; i < input->len; i++) auto_import_stmt(&c, input->items[i]);

    /* declarations of functions, methods and imports */
    ObjList funcs = {0};
    StmtList body = {0};
    for (int i = 0; i < input->len; i++) {
        Stmt *st = input->items[i];
        if (st->kind == S_DECL && st->u.decl.decl->kind == D_IMPORT) {
            Decl *d = st->u.decl.decl;
            for (int k = 0; k < d->u.gen.specs.len; k++) {
                Spec *sp = d->u.gen.specs.items[k];
                sp->u.import.used = true;
                const char *name = NULL;
                if (sp->u.import.name) name = sp->u.import.name->u.ident.name;
                if (name) scope_remove(pkg->scope, name);
                collect_import(&c, sp);
            }
            continue;
        }
        if (st->kind == S_DECL && st->u.decl.decl->kind == D_FUNC) {
            Decl *d = st->u.decl.decl;
            if (!d->u.func.recv) scope_remove(pkg->scope, d->u.func.name->u.ident.name);
            int before = pkg->objs.len;
            collect_decl(&c, d);
            for (int k = before; k < pkg->objs.len; k++) {
                Object *o = pkg->objs.items[k];
                if (o->kind != OBJ_FUNC) continue;
                if (d->u.func.recv) declare_method(&c, o);
                resolve_object(&c, o);
                vec_push(&funcs, o);
            }
            continue;
        }
        vec_push(&body, st);
    }
    for (int i = 0; i < funcs.len; i++) {
        Object *o = funcs.items[i];
        if (o->decl->u.func.recv && !o->recv_base) continue;
        if (!o->decl->u.func.body) {
            errorf(&c, o->pos, "missing function body");
            continue;
        }
        Checker fc = {.s = s, .pkg = pkg, .scope = pkg->scope, .iota = -1};
        check_func_body(&fc, o->fctx);
        vec_push(&pkg->funcs, o);
    }

    /* the statements, as the body of main.replN */
    FuncCtx *run_fc = NULL;
    Object *run_obj = NULL;
    if (body.len) {
        Pos pos = body.items[0]->pos;
        Stmt *block = ast_new_stmt(S_BLOCK, pos);
        block->u.block.list = body;
        Expr *ft = ast_new_expr(E_FUNCTYPE, pos);
        run_fc = NEW(FuncCtx);
        run_fc->name = gc_sprintf("main.repl%d", ++repl_counter);
        run_fc->ftype = &ft->u.functype;
        run_fc->body = block;
        run_fc->pkg = pkg;
        run_fc->scope = scope_new(pkg->scope);
        run_fc->scope->is_func = true;
        run_fc->sig = type_func(NULL, 0, NULL, 0, false);
        run_obj = new_object(OBJ_FUNC, intern_cstr(run_fc->name), run_fc->sig, pos);
        run_obj->pkg = pkg;
        run_obj->fctx = run_fc;
        run_obj->color = 2;
        run_fc->obj = run_obj;

        /* The body is checked by check_func_body with a REPL top scope: it
         * creates the body scope itself, so give it a marker it recognises. */
        Checker bc = {.s = s, .pkg = pkg, .scope = pkg->scope, .iota = -1, .repl_scope = NULL};
        extern void check_repl_body(Checker * c, FuncCtx * fc, Type **echo);
        check_repl_body(&bc, run_fc, echo_type);
    }

    if (s->errors.len && session_report_errors(s)) {
        restore(pkg, &sn);
        *echo_type = NULL;
        return false;
    }
    if (run_obj) vec_push(&funcs, run_obj);
    generate_new(s, pkg, &funcs);
    if (s->errors.len && session_report_errors(s)) {
        restore(pkg, &sn);
        *echo_type = NULL;
        return false;
    }
    if (run_obj) *run = run_obj->fn;
    return true;
}

Type *session_type_of(Session *s, Expr *e) {
    s->errors.len = 0;
    Package *pkg = repl_package(s);
    Checker c = {.s = s, .pkg = pkg, .scope = pkg->scope, .iota = -1};
    auto_import(&c, e);
    FuncCtx fc = {.name = "main.type", .pkg = pkg};
    c.fn = &fc;
    check_expr_or_type(&c, e);
    if (e->mode != MODE_TYPE) use_default_type(&c, e);
    if (s->errors.len) {
        session_report_errors(s);
        return NULL;
    }
    return e->type;
}

/* Completion candidates for prefix ("str" or "strings.To"). */
int session_complete(Session *s, const char *prefix, const char ***out) {
    Vec(const char *) names = {0};
    Package *pkg = repl_package(s);
    const char *dot = strrchr(prefix, '.');
    if (dot) {
        const char *pname = intern(prefix, (size_t)(dot - prefix));
        const char *rest = dot + 1;
        Object *po = scope_lookup(pkg->scope, pname);
        Package *p = po && po->kind == OBJ_PKG ? po->imported : NULL;
        if (!p) {
            const StdPackage *std = NULL;
            int n;
            const StdPackage *const *all = stdlib_packages(&n);
            for (int i = 0; i < n; i++)
                if (strcmp(all[i]->name, pname) == 0) std = all[i];
            if (std) p = load_package(s, std->path, (Pos){0}, NULL);
        }
        if (p) {
            for (int i = 0; i < p->scope->objs.len; i++) {
                const char *n = p->scope->objs.items[i]->name;
                if (n[0] >= 'A' && n[0] <= 'Z' && strncmp(n, rest, strlen(rest)) == 0)
                    vec_push(&names, gc_sprintf("%s.%s", pname, n));
            }
        }
    } else {
        size_t pl = strlen(prefix);
        for (Scope *sc = pkg->scope; sc; sc = sc->parent)
            for (int i = 0; i < sc->objs.len; i++) {
                const char *n = sc->objs.items[i]->name;
                if (strncmp(n, prefix, pl) == 0 && strncmp(n, "repl", 4) != 0) vec_push(&names, n);
            }
        static const char *keywords[] = {"break", "case", "chan", "const", "continue", "default", "defer", "else",
                                         "fallthrough", "for", "func", "go", "goto", "if", "import", "interface",
                                         "map", "package", "range", "return", "select", "struct", "switch", "type",
                                         "var"};
        for (size_t i = 0; i < countof(keywords); i++)
            if (strncmp(keywords[i], prefix, pl) == 0) vec_push(&names, keywords[i]);
        int n;
        const StdPackage *const *all = stdlib_packages(&n);
        for (int i = 0; i < n; i++)
            if (strncmp(all[i]->name, prefix, pl) == 0) vec_push(&names, all[i]->name);
    }
    /* sort and deduplicate */
    for (int i = 1; i < names.len; i++) {
        const char *x = names.items[i];
        int j = i - 1;
        while (j >= 0 && strcmp(names.items[j], x) > 0) {
            names.items[j + 1] = names.items[j];
            j--;
        }
        names.items[j + 1] = x;
    }
    int k = 0;
    for (int i = 0; i < names.len; i++)
        if (k == 0 || strcmp(names.items[k - 1], names.items[i]) != 0) names.items[k++] = names.items[i];
    *out = names.items;
    return k;
}

/* The function named name in the session, for `:dis`. */
Func *session_func(Session *s, const char *name) {
    Package *pkg = repl_package(s);
    Object *o = scope_lookup(pkg->scope, intern_cstr(name));
    if (o && o->kind == OBJ_FUNC) return o->fn;
    return NULL;
}
