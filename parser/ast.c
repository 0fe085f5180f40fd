/* ast.c - constructors, the S-expression dump and the Go source form of
 * expressions.
 *
 * The dump is meant for tests: one node per parenthesised form, children in
 * source order, "nil" for an absent optional child. Examples:
 *   a + b*2            (binary + (ident a) (binary * (ident b) (lit 2)))
 *   x, y := f()        (assign (ident x) (ident y) := (call (ident f)))
 *   for k := range m   (range (ident k) nil := (ident m) (block))
 *   func(a, b int)     (functype (params (field (a b) (ident int))))
 * Every form is listed in dump_expr / dump_stmt / dump_decl below.
 */
#include "parser.h"

/* ---------------------------------------------------------------- constructors */

Expr *ast_new_expr(ExprKind k, Pos pos) {
    Expr *e = NEW(Expr);
    e->kind = k;
    e->pos = pos;
    return e;
}

Stmt *ast_new_stmt(StmtKind k, Pos pos) {
    Stmt *s = NEW(Stmt);
    s->kind = k;
    s->pos = pos;
    return s;
}

Expr *ast_ident(const char *name, Pos pos) {
    Expr *e = ast_new_expr(E_IDENT, pos);
    e->u.ident.name = intern_cstr(name);
    return e;
}

/* ---------------------------------------------------------------- S-expression dump */

static void dump_expr(StrBuf *b, const Expr *e);
static void dump_stmt(StrBuf *b, const Stmt *s);
static void dump_decl(StrBuf *b, const Decl *d);

static void dump_exprs(StrBuf *b, const ExprList *l) {
    for (int i = 0; i < l->len; i++) {
        sb_putc(b, ' ');
        dump_expr(b, l->items[i]);
    }
}

static void dump_opt_expr(StrBuf *b, const Expr *e) {
    sb_putc(b, ' ');
    if (e) dump_expr(b, e);
    else sb_puts(b, "nil");
}

static void dump_opt_stmt(StrBuf *b, const Stmt *s) {
    sb_putc(b, ' ');
    if (s) dump_stmt(b, s);
    else sb_puts(b, "nil");
}

static void dump_stmts(StrBuf *b, const StmtList *l) {
    for (int i = 0; i < l->len; i++) {
        sb_putc(b, ' ');
        dump_stmt(b, l->items[i]);
    }
}

/* (names...) of a field or spec: bare identifiers. */
static void dump_names(StrBuf *b, const Expr *const *names, int n) {
    sb_puts(b, " (");
    for (int i = 0; i < n; i++) {
        if (i) sb_putc(b, ' ');
        sb_puts(b, names[i]->kind == E_IDENT ? names[i]->u.ident.name : "?");
    }
    sb_putc(b, ')');
}

/* (field (a b) TYPE [(tag "...")]), (field TYPE) unnamed, (embed TYPE). */
static void dump_field(StrBuf *b, const Field *f) {
    sb_puts(b, f->embedded ? "(embed" : "(field");
    if (f->names.len > 0) dump_names(b, (const Expr *const *)f->names.items, f->names.len);
    dump_opt_expr(b, f->type);
    if (f->tag) sb_printf(b, " (tag %s)", f->tag);
    sb_putc(b, ')');
}

static void dump_fields(StrBuf *b, const char *head, const FieldList *l) {
    sb_printf(b, "(%s", head);
    for (int i = 0; i < l->len; i++) {
        sb_putc(b, ' ');
        dump_field(b, l->items[i]);
    }
    sb_putc(b, ')');
}

/* (functype [(tparams ...)] (params ...) [(results ...)]) */
static void dump_functype(StrBuf *b, const FuncTypeNode *ft) {
    sb_puts(b, "(functype");
    if (ft->tparams.len > 0) {
        sb_putc(b, ' ');
        dump_fields(b, "tparams", &ft->tparams);
    }
    sb_putc(b, ' ');
    dump_fields(b, "params", &ft->params);
    if (ft->results.len > 0) {
        sb_putc(b, ' ');
        dump_fields(b, "results", &ft->results);
    }
    sb_putc(b, ')');
}

static void dump_expr(StrBuf *b, const Expr *e) {
    if (!e) {
        sb_puts(b, "nil");
        return;
    }
    switch (e->kind) {
    case E_BAD: sb_puts(b, "(bad)"); break;
    case E_IDENT: sb_printf(b, "(ident %s)", e->u.ident.name); break;
    case E_BASICLIT: sb_printf(b, "(lit %.*s)", (int)e->u.lit.len, e->u.lit.text); break;
    case E_COMPOSITELIT:
        sb_puts(b, "(composite");
        dump_opt_expr(b, e->u.composite.type);
        dump_exprs(b, &e->u.composite.elts);
        sb_putc(b, ')');
        break;
    case E_FUNCLIT:
        sb_puts(b, "(funclit ");
        dump_expr(b, e->u.funclit.type);
        dump_opt_stmt(b, e->u.funclit.body);
        sb_putc(b, ')');
        break;
    case E_PAREN:
        sb_puts(b, "(paren ");
        dump_expr(b, e->u.unary.x);
        sb_putc(b, ')');
        break;
    case E_SELECTOR:
        sb_puts(b, "(selector ");
        dump_expr(b, e->u.selector.x);
        sb_printf(b, " %s)", e->u.selector.sel);
        break;
    case E_INDEX:
        sb_puts(b, "(index ");
        dump_expr(b, e->u.index.x);
        dump_exprs(b, &e->u.index.indices);
        sb_putc(b, ')');
        break;
    case E_SLICE:
        sb_puts(b, e->u.slice.slice3 ? "(slice3 " : "(slice ");
        dump_expr(b, e->u.slice.x);
        dump_opt_expr(b, e->u.slice.lo);
        dump_opt_expr(b, e->u.slice.hi);
        if (e->u.slice.slice3) dump_opt_expr(b, e->u.slice.max);
        sb_putc(b, ')');
        break;
    case E_TYPEASSERT:
        sb_puts(b, "(typeassert ");
        dump_expr(b, e->u.typeassert.x);
        if (e->u.typeassert.type) dump_opt_expr(b, e->u.typeassert.type);
        else sb_puts(b, " type");
        sb_putc(b, ')');
        break;
    case E_CALL:
        sb_puts(b, "(call ");
        dump_expr(b, e->u.call.fun);
        dump_exprs(b, &e->u.call.args);
        if (e->u.call.has_ellipsis) sb_puts(b, " ...");
        sb_putc(b, ')');
        break;
    case E_STAR:
        sb_puts(b, "(star ");
        dump_expr(b, e->u.unary.x);
        sb_putc(b, ')');
        break;
    case E_UNARY:
        sb_printf(b, "(unary %s ", token_spelling(e->u.unary.op));
        dump_expr(b, e->u.unary.x);
        sb_putc(b, ')');
        break;
    case E_BINARY:
        sb_printf(b, "(binary %s ", token_spelling(e->u.binary.op));
        dump_expr(b, e->u.binary.x);
        dump_opt_expr(b, e->u.binary.y);
        sb_putc(b, ')');
        break;
    case E_KEYVALUE:
        sb_puts(b, "(keyvalue ");
        dump_expr(b, e->u.binary.x);
        dump_opt_expr(b, e->u.binary.y);
        sb_putc(b, ')');
        break;
    case E_ARRAYTYPE:
        if (e->u.arraytype.len) {
            sb_puts(b, "(array ");
            dump_expr(b, e->u.arraytype.len);
            sb_putc(b, ' ');
        } else {
            sb_puts(b, "(slicetype ");
        }
        dump_expr(b, e->u.arraytype.elt);
        sb_putc(b, ')');
        break;
    case E_STRUCTTYPE: dump_fields(b, "struct", &e->u.structtype.fields); break;
    case E_FUNCTYPE: dump_functype(b, &e->u.functype); break;
    case E_INTERFACETYPE: dump_fields(b, "interface", &e->u.interfacetype.methods); break;
    case E_MAPTYPE:
        sb_puts(b, "(map ");
        dump_expr(b, e->u.maptype.key);
        sb_putc(b, ' ');
        dump_expr(b, e->u.maptype.value);
        sb_putc(b, ')');
        break;
    case E_CHANTYPE:
        sb_puts(b, e->u.chantype.dir == CHAN_SEND   ? "(chan<- "
                   : e->u.chantype.dir == CHAN_RECV ? "(<-chan "
                                                    : "(chan ");
        dump_expr(b, e->u.chantype.value);
        sb_putc(b, ')');
        break;
    case E_ELLIPSIS:
        sb_puts(b, "(ellipsis");
        if (e->u.ellipsis.elt) {
            sb_putc(b, ' ');
            dump_expr(b, e->u.ellipsis.elt);
        }
        sb_putc(b, ')');
        break;
    }
}

static const char *branch_name(TokenKind k) { return token_spelling(k); }

static void dump_stmt(StrBuf *b, const Stmt *s) {
    if (!s) {
        sb_puts(b, "nil");
        return;
    }
    switch (s->kind) {
    case S_BAD: sb_puts(b, "(bad)"); break;
    case S_EMPTY: sb_puts(b, "(empty)"); break;
    case S_DECL: dump_decl(b, s->u.decl.decl); break;
    case S_LABELED:
        sb_printf(b, "(labeled %s", s->u.labeled.label);
        dump_opt_stmt(b, s->u.labeled.stmt);
        sb_putc(b, ')');
        break;
    case S_EXPR:
        sb_puts(b, "(expr ");
        dump_expr(b, s->u.expr.x);
        sb_putc(b, ')');
        break;
    case S_SEND:
        sb_puts(b, "(send ");
        dump_expr(b, s->u.send.chan);
        dump_opt_expr(b, s->u.send.value);
        sb_putc(b, ')');
        break;
    case S_INCDEC:
        sb_printf(b, "(incdec %s ", token_spelling(s->u.incdec.tok));
        dump_expr(b, s->u.incdec.x);
        sb_putc(b, ')');
        break;
    case S_ASSIGN: /* (assign LHS... OP RHS...) */
        sb_puts(b, "(assign");
        dump_exprs(b, &s->u.assign.lhs);
        sb_printf(b, " %s", token_spelling(s->u.assign.tok));
        dump_exprs(b, &s->u.assign.rhs);
        sb_putc(b, ')');
        break;
    case S_GO:
    case S_DEFER:
        sb_puts(b, s->kind == S_GO ? "(go " : "(defer ");
        dump_expr(b, s->u.call.call);
        sb_putc(b, ')');
        break;
    case S_RETURN:
        sb_puts(b, "(return");
        dump_exprs(b, &s->u.ret.results);
        sb_putc(b, ')');
        break;
    case S_BRANCH:
        sb_printf(b, "(%s", branch_name(s->u.branch.tok));
        if (s->u.branch.label) sb_printf(b, " %s", s->u.branch.label);
        sb_putc(b, ')');
        break;
    case S_BLOCK:
        sb_puts(b, "(block");
        dump_stmts(b, &s->u.block.list);
        sb_putc(b, ')');
        break;
    case S_IF: /* (if INIT COND THEN ELSE) */
        sb_puts(b, "(if");
        dump_opt_stmt(b, s->u.if_.init);
        dump_opt_expr(b, s->u.if_.cond);
        dump_opt_stmt(b, s->u.if_.body);
        dump_opt_stmt(b, s->u.if_.else_);
        sb_putc(b, ')');
        break;
    case S_CASECLAUSE: /* (case (X...) S...) or (default S...) */
        if (s->u.caseclause.is_default) {
            sb_puts(b, "(default");
        } else {
            sb_puts(b, "(case (");
            for (int i = 0; i < s->u.caseclause.list.len; i++) {
                if (i) sb_putc(b, ' ');
                dump_expr(b, s->u.caseclause.list.items[i]);
            }
            sb_putc(b, ')');
        }
        dump_stmts(b, &s->u.caseclause.body);
        sb_putc(b, ')');
        break;
    case S_SWITCH: /* (switch INIT TAG BODY) */
        sb_puts(b, "(switch");
        dump_opt_stmt(b, s->u.switch_.init);
        dump_opt_expr(b, s->u.switch_.tag);
        dump_opt_stmt(b, s->u.switch_.body);
        sb_putc(b, ')');
        break;
    case S_TYPESWITCH: /* (typeswitch INIT GUARD BODY) */
        sb_puts(b, "(typeswitch");
        dump_opt_stmt(b, s->u.typeswitch.init);
        dump_opt_stmt(b, s->u.typeswitch.assign);
        dump_opt_stmt(b, s->u.typeswitch.body);
        sb_putc(b, ')');
        break;
    case S_COMMCLAUSE: /* (comm STMT S...) or (comm default S...) */
        sb_puts(b, "(comm");
        if (s->u.commclause.comm) dump_opt_stmt(b, s->u.commclause.comm);
        else sb_puts(b, " default");
        dump_stmts(b, &s->u.commclause.body);
        sb_putc(b, ')');
        break;
    case S_SELECT:
        sb_puts(b, "(select");
        dump_opt_stmt(b, s->u.select.body);
        sb_putc(b, ')');
        break;
    case S_FOR: /* (for INIT COND POST BODY) */
        sb_puts(b, "(for");
        dump_opt_stmt(b, s->u.for_.init);
        dump_opt_expr(b, s->u.for_.cond);
        dump_opt_stmt(b, s->u.for_.post);
        dump_opt_stmt(b, s->u.for_.body);
        sb_putc(b, ')');
        break;
    case S_RANGE: /* (range KEY VALUE TOK X BODY), TOK nil without variables */
        sb_puts(b, "(range");
        dump_opt_expr(b, s->u.range.key);
        dump_opt_expr(b, s->u.range.value);
        sb_printf(b, " %s", s->u.range.tok == TK_ILLEGAL ? "nil" : token_spelling(s->u.range.tok));
        dump_opt_expr(b, s->u.range.x);
        dump_opt_stmt(b, s->u.range.body);
        sb_putc(b, ')');
        break;
    }
}

/* (importspec [NAME] "path") (constspec IOTA [implicit] (names) TYPE VALUES...)
 * (varspec (names) TYPE VALUES...) (typespec NAME [(tparams...)] [alias] TYPE) */
static void dump_spec(StrBuf *b, const Spec *s, DeclKind dk) {
    switch (s->kind) {
    case SPEC_IMPORT:
        sb_puts(b, "(importspec");
        if (s->u.import.name) sb_printf(b, " %s", s->u.import.name->u.ident.name);
        sb_printf(b, " %s)", s->u.import.path ? s->u.import.path : "nil");
        break;
    case SPEC_VALUE:
        if (dk == D_CONST) {
            sb_printf(b, "(constspec %d", s->u.value.iota);
            if (s->u.value.implicit) sb_puts(b, " implicit");
        } else {
            sb_puts(b, "(varspec");
        }
        dump_names(b, (const Expr *const *)s->u.value.names.items, s->u.value.names.len);
        dump_opt_expr(b, s->u.value.type);
        dump_exprs(b, &s->u.value.values);
        sb_putc(b, ')');
        break;
    case SPEC_TYPE:
        sb_printf(b, "(typespec %s", s->u.type.name ? s->u.type.name->u.ident.name : "?");
        if (s->u.type.tparams.len > 0) {
            sb_putc(b, ' ');
            dump_fields(b, "tparams", &s->u.type.tparams);
        }
        if (s->u.type.alias) sb_puts(b, " alias");
        dump_opt_expr(b, s->u.type.type);
        sb_putc(b, ')');
        break;
    }
}

static const char *decl_name(DeclKind k) {
    switch (k) {
    case D_IMPORT: return "import";
    case D_CONST: return "const";
    case D_VAR: return "var";
    case D_TYPE: return "type";
    case D_FUNC: return "func";
    default: return "bad";
    }
}

/* (import SPEC...) (const SPEC...) ... (func NAME [(recv FIELD)] FUNCTYPE BODY) */
static void dump_decl(StrBuf *b, const Decl *d) {
    if (!d) {
        sb_puts(b, "nil");
        return;
    }
    sb_printf(b, "(%s", decl_name(d->kind));
    if (d->kind == D_FUNC) {
        sb_printf(b, " %s", d->u.func.name ? d->u.func.name->u.ident.name : "?");
        if (d->u.func.recv) {
            sb_puts(b, " (recv ");
            dump_field(b, d->u.func.recv);
            sb_putc(b, ')');
        }
        dump_opt_expr(b, d->u.func.type);
        dump_opt_stmt(b, d->u.func.body);
    } else if (d->kind != D_BAD) {
        for (int i = 0; i < d->u.gen.specs.len; i++) {
            sb_putc(b, ' ');
            dump_spec(b, d->u.gen.specs.items[i], d->kind);
        }
    }
    sb_putc(b, ')');
}

char *ast_dump_expr(const Expr *e) {
    StrBuf b;
    sb_init(&b);
    dump_expr(&b, e);
    return b.data;
}

char *ast_dump_stmt(const Stmt *s) {
    StrBuf b;
    sb_init(&b);
    dump_stmt(&b, s);
    return b.data;
}

/* (file PACKAGE DECL...) */
char *ast_dump_file(const File *f) {
    StrBuf b;
    sb_init(&b);
    sb_printf(&b, "(file %s", f->package ? f->package : "nil");
    for (int i = 0; i < f->decls.len; i++) {
        sb_putc(&b, ' ');
        dump_decl(&b, f->decls.items[i]);
    }
    sb_putc(&b, ')');
    return b.data;
}

/* ---------------------------------------------------------------- Go source form */

/* Like gc's syntax.String in short form: bodies of function literals and
 * the elements of composite literals are abbreviated to "{…}". */
static void write_expr(StrBuf *b, const Expr *e);

static void write_list(StrBuf *b, const ExprList *l) {
    for (int i = 0; i < l->len; i++) {
        if (i) sb_puts(b, ", ");
        write_expr(b, l->items[i]);
    }
}

static void write_fields(StrBuf *b, const FieldList *l, const char *sep) {
    for (int i = 0; i < l->len; i++) {
        const Field *f = l->items[i];
        if (i) sb_puts(b, sep);
        for (int j = 0; j < f->names.len; j++) {
            if (j) sb_puts(b, ", ");
            sb_puts(b, f->names.items[j]->u.ident.name);
        }
        if (f->names.len > 0) sb_putc(b, ' ');
        write_expr(b, f->type);
        if (f->tag) sb_printf(b, " %s", f->tag);
    }
}

static void write_signature(StrBuf *b, const FuncTypeNode *ft) {
    if (ft->tparams.len > 0) {
        sb_putc(b, '[');
        write_fields(b, &ft->tparams, ", ");
        sb_putc(b, ']');
    }
    sb_putc(b, '(');
    write_fields(b, &ft->params, ", ");
    sb_putc(b, ')');
    const FieldList *r = &ft->results;
    if (r->len == 0) return;
    sb_putc(b, ' ');
    if (r->len == 1 && r->items[0]->names.len == 0) {
        write_expr(b, r->items[0]->type);
    } else {
        sb_putc(b, '(');
        write_fields(b, r, ", ");
        sb_putc(b, ')');
    }
}

static void write_expr(StrBuf *b, const Expr *e) {
    if (!e) return;
    switch (e->kind) {
    case E_BAD: sb_puts(b, "_"); break;
    case E_IDENT: sb_puts(b, e->u.ident.name); break;
    case E_BASICLIT: sb_putn(b, e->u.lit.text, e->u.lit.len); break;
    case E_COMPOSITELIT:
        write_expr(b, e->u.composite.type);
        sb_puts(b, e->u.composite.elts.len ? "{…}" : "{}");
        break;
    case E_FUNCLIT:
        write_expr(b, e->u.funclit.type);
        sb_puts(b, " {…}");
        break;
    case E_PAREN:
        sb_putc(b, '(');
        write_expr(b, e->u.unary.x);
        sb_putc(b, ')');
        break;
    case E_SELECTOR:
        write_expr(b, e->u.selector.x);
        sb_printf(b, ".%s", e->u.selector.sel);
        break;
    case E_INDEX:
        write_expr(b, e->u.index.x);
        sb_putc(b, '[');
        write_list(b, &e->u.index.indices);
        sb_putc(b, ']');
        break;
    case E_SLICE:
        write_expr(b, e->u.slice.x);
        sb_putc(b, '[');
        write_expr(b, e->u.slice.lo);
        sb_putc(b, ':');
        write_expr(b, e->u.slice.hi);
        if (e->u.slice.slice3) {
            sb_putc(b, ':');
            write_expr(b, e->u.slice.max);
        }
        sb_putc(b, ']');
        break;
    case E_TYPEASSERT:
        write_expr(b, e->u.typeassert.x);
        sb_puts(b, ".(");
        if (e->u.typeassert.type) write_expr(b, e->u.typeassert.type);
        else sb_puts(b, "type");
        sb_putc(b, ')');
        break;
    case E_CALL:
        write_expr(b, e->u.call.fun);
        sb_putc(b, '(');
        write_list(b, &e->u.call.args);
        if (e->u.call.has_ellipsis) sb_puts(b, "...");
        sb_putc(b, ')');
        break;
    case E_STAR:
        sb_putc(b, '*');
        write_expr(b, e->u.unary.x);
        break;
    case E_UNARY:
        sb_puts(b, token_spelling(e->u.unary.op));
        write_expr(b, e->u.unary.x);
        break;
    case E_BINARY:
        write_expr(b, e->u.binary.x);
        sb_printf(b, " %s ", token_spelling(e->u.binary.op));
        write_expr(b, e->u.binary.y);
        break;
    case E_KEYVALUE:
        write_expr(b, e->u.binary.x);
        sb_puts(b, ": ");
        write_expr(b, e->u.binary.y);
        break;
    case E_ARRAYTYPE:
        sb_putc(b, '[');
        write_expr(b, e->u.arraytype.len);
        sb_putc(b, ']');
        write_expr(b, e->u.arraytype.elt);
        break;
    case E_STRUCTTYPE:
        sb_puts(b, "struct{");
        write_fields(b, &e->u.structtype.fields, "; ");
        sb_putc(b, '}');
        break;
    case E_FUNCTYPE:
        sb_puts(b, "func");
        write_signature(b, &e->u.functype);
        break;
    case E_INTERFACETYPE: {
        sb_puts(b, "interface{");
        const FieldList *l = &e->u.interfacetype.methods;
        for (int i = 0; i < l->len; i++) {
            const Field *f = l->items[i];
            if (i) sb_puts(b, "; ");
            if (f->names.len > 0 && f->type && f->type->kind == E_FUNCTYPE) {
                sb_puts(b, f->names.items[0]->u.ident.name);
                write_signature(b, &f->type->u.functype);
            } else {
                write_expr(b, f->type);
            }
        }
        sb_putc(b, '}');
        break;
    }
    case E_MAPTYPE:
        sb_puts(b, "map[");
        write_expr(b, e->u.maptype.key);
        sb_putc(b, ']');
        write_expr(b, e->u.maptype.value);
        break;
    case E_CHANTYPE:
        sb_puts(b, e->u.chantype.dir == CHAN_SEND   ? "chan<- "
                   : e->u.chantype.dir == CHAN_RECV ? "<-chan "
                                                    : "chan ");
        write_expr(b, e->u.chantype.value);
        break;
    case E_ELLIPSIS:
        sb_puts(b, "...");
        write_expr(b, e->u.ellipsis.elt);
        break;
    }
}

char *ast_expr_string(const Expr *e) {
    StrBuf b;
    sb_init(&b);
    write_expr(&b, e);
    return b.data;
}
