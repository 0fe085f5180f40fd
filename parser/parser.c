/* parser.c - recursive descent over the Go grammar.
 *
 * One function per production, each headed by its grammar rule. The parser
 * looks one token ahead and never backtracks (the REPL's "is this func a
 * declaration?" question is the one place that peeks further).
 *
 * Syntax errors follow gc (cmd/compile/internal/syntax) in wording, position
 * and recovery, so a user sees what `go build` would say:
 *   - a message is "syntax error: unexpected TOKEN" plus a context such as
 *     ", expected }" or " in argument list; possibly missing comma or )";
 *   - only the first syntax error of a line is kept; none is reported at
 *     EOF once something else went wrong (such follow-ups are noise);
 *   - recovery skips to a token that can follow the broken production (and,
 *     inside function bodies, to a keyword that starts a statement).
 * The wording is that of gc 1.20 and later ("expected", "name x",
 * "keyword func"); gc 1.19 says "expecting" and leaves out the token class.
 *
 * The composite literal ambiguity: in `if x == T {}` the brace opens the
 * block, not a literal T{}. As in gc, xnest counts the brackets we are in;
 * the header of if/for/switch sets it to -1, and a bare type name followed
 * by "{" is a composite literal only when xnest >= 0.
 */
#include "parser.h"

#include <stdio.h>
#include <stdlib.h>

enum {
    MAX_RECORDED_ERRORS = 100, /* the list stops growing here (gc stops at 10) */
    /* Deeper input is rejected rather than overflowing the C stack, here
     * or in the checker and the generator, which recurse on the tree: the
     * depth counts nested expressions, statements and types, and also the
     * links of chains built by loops here (a+b+c, x.f[i](), else if), as
     * each link puts the rest of the chain one level deeper in the tree. */
    MAX_NESTING = 1000,
};

typedef struct Parser {
    Lexer lx;
    Token tok; /* the current token */
    File *file;
    ParseResult *res;
    int xnest; /* bracket nesting for the composite literal ambiguity */
    int fnest; /* > 0 inside a function body */
    int depth; /* depth in the tree being built (MAX_NESTING) */
    int nerrors;          /* every error, also those not recorded */
    bool defer_bodies;    /* skip function bodies (parse_file_deferring_bodies) */
    int last_syntax_line; /* gc keeps one syntax error per line */
    bool error_before_eof; /* some error was not caused by the input ending early */

    /* Comments, for the cgo preamble: the group of adjacent comments being
     * collected, and the group that ends on the line just before the current
     * token (its "doc comment"), as source offsets. */
    bool group_open;
    size_t group_start, group_end;
    int group_end_line;
    bool has_lead;
    size_t lead_start, lead_end;
} Parser;

/* ---------------------------------------------------------------- tokens */

static void next(Parser *p) {
    for (;;) {
        p->tok = lex_next(&p->lx);
        if (p->tok.kind != TK_COMMENT) break;
        size_t end = p->lx.off, start = end - p->tok.len;
        if (p->group_open && p->tok.pos.line <= p->group_end_line + 1) {
            p->group_end = end;
        } else {
            p->group_open = true;
            p->group_start = start;
            p->group_end = end;
        }
        p->group_end_line = p->lx.line;
    }
    p->has_lead = p->group_open && p->group_end_line + 1 >= p->tok.pos.line;
    p->lead_start = p->group_start;
    p->lead_end = p->group_end;
    p->group_open = false;
}

static inline bool at(const Parser *p, TokenKind k) { return p->tok.kind == k; }

static bool got(Parser *p, TokenKind k) {
    if (p->tok.kind != k) return false;
    next(p);
    return true;
}

/* ---------------------------------------------------------------- errors */

/* gc's tokstring: how a token kind is named in "expected X". */
static const char *tok_string(TokenKind k) {
    if (k == TK_COMMA) return "comma";
    if (k == TK_SEMICOLON) return "semicolon or newline";
    if (k >= TK_FIRST_KEYWORD && k <= TK_LAST_KEYWORD) return gc_sprintf("keyword %s", token_spelling(k));
    return token_spelling(k);
}

/* How the current token is named in "unexpected X". */
static const char *describe_token(const Token *t) {
    switch (t->kind) {
    case TK_IDENT: return gc_sprintf("name %s", t->text);
    case TK_SEMICOLON: return !t->implicit ? "semicolon" : t->at_eof ? "EOF" : "newline";
    case TK_INT: case TK_FLOAT: case TK_IMAG: case TK_CHAR: case TK_STRING:
        return gc_sprintf("literal %.*s", (int)t->len, t->text);
    default: return tok_string(t->kind);
    }
}

static void record_error(Parser *p, Pos pos, const char *msg) {
    ParseResult *r = p->res;
    if (r->errors.len >= MAX_RECORDED_ERRORS) return;
    for (int i = r->errors.len - 1; i >= 0 && i >= r->errors.len - 4; i--) {
        SyntaxError *e = &r->errors.items[i];
        if (e->pos.line == pos.line && e->pos.col == pos.col && strcmp(e->msg, msg) == 0) return;
    }
    vec_push(&r->errors, ((SyntaxError){pos, msg}));
}

/* An error that is not a syntax error in gc's sense (no "syntax error:"
 * prefix, not limited to one per line): "method has no receiver". */
static void error_at(Parser *p, Pos pos, const char *msg) {
    p->nerrors++;
    if (!at(p, TK_EOF)) p->error_before_eof = true;
    record_error(p, pos, msg);
}

/* gc's syntaxErrorAt: a message starting with "in ", "at " or "after " is
 * appended to "unexpected TOKEN", one starting with "expected " follows it
 * after a comma, anything else stands alone. */
static void syntax_error_at(Parser *p, Pos pos, const char *msg) {
    if (at(p, TK_EOF) && p->nerrors > 0) return;
    p->nerrors++;
    if (!at(p, TK_EOF)) p->error_before_eof = true;

    const char *full;
    if (strncmp(msg, "in ", 3) == 0 || strncmp(msg, "at ", 3) == 0 || strncmp(msg, "after ", 6) == 0)
        full = gc_sprintf("syntax error: unexpected %s %s", describe_token(&p->tok), msg);
    else if (strncmp(msg, "expected ", 9) == 0)
        full = gc_sprintf("syntax error: unexpected %s, %s", describe_token(&p->tok), msg);
    else
        full = gc_sprintf("syntax error: %s", msg);

    if (pos.line == p->last_syntax_line) return;
    p->last_syntax_line = pos.line;
    record_error(p, pos, full);
}

static void syntax_error(Parser *p, const char *msg) { syntax_error_at(p, p->tok.pos, msg); }

static void on_lex_error(void *ctx, Pos pos, const char *msg) {
    Parser *p = ctx;
    p->nerrors++;
    /* An unterminated raw string or comment may go on in the next line of
     * REPL input; every other scanning error is final. */
    if (!p->lx.unterminated) p->error_before_eof = true;
    record_error(p, pos, msg);
}

static void want(Parser *p, TokenKind k) {
    if (got(p, k)) return;
    syntax_error(p, gc_sprintf("expected %s", tok_string(k)));
    if (!at(p, TK_EOF)) next(p);
}

/* Keywords that start a statement: safe places to resume inside a body. */
static bool is_stop_keyword(TokenKind k) {
    switch (k) {
    case TK_BREAK: case TK_CONST: case TK_CONTINUE: case TK_DEFER: case TK_FALLTHROUGH:
    case TK_FOR: case TK_GO: case TK_GOTO: case TK_IF: case TK_RETURN: case TK_SELECT:
    case TK_SWITCH: case TK_TYPE: case TK_VAR:
        return true;
    default:
        return false;
    }
}

/* Skip tokens up to one in follow (or a statement keyword inside a function
 * body, or EOF). */
static void advance_to(Parser *p, const TokenKind *follow, int n) {
    for (;;) {
        TokenKind k = p->tok.kind;
        if (k == TK_EOF || (p->fnest > 0 && is_stop_keyword(k))) return;
        for (int i = 0; i < n; i++)
            if (k == follow[i]) return;
        next(p);
    }
}
#define ADVANCE(p, ...)                                                                            \
    advance_to(p, (const TokenKind[]){__VA_ARGS__},                                                \
               (int)(sizeof((TokenKind[]){__VA_ARGS__}) / sizeof(TokenKind)))

/* Skip exactly one token (to guarantee progress after an error). */
static void skip_one(Parser *p) {
    if (!at(p, TK_EOF)) next(p);
}

/* Give up on input nested beyond MAX_NESTING: report it and jump to EOF. */
static bool too_deep(Parser *p) {
    if (p->depth < MAX_NESTING) return false;
    if (!at(p, TK_EOF)) {
        error_at(p, p->tok.pos, "syntax error: nesting too deep");
        p->lx.off = p->lx.len;
        p->lx.insert_semi = false;
        next(p);
    }
    return true;
}

/* ---------------------------------------------------------------- helpers */

static Expr *new_expr(ExprKind k, Pos pos) { return ast_new_expr(k, pos); }
static Stmt *new_stmt(StmtKind k, Pos pos) { return ast_new_stmt(k, pos); }
static Expr *bad_expr(Parser *p) { return new_expr(E_BAD, p->tok.pos); }

static Expr *new_ident(const char *interned, Pos pos) {
    Expr *e = new_expr(E_IDENT, pos);
    e->u.ident.name = interned;
    return e;
}

static Expr *unparen(Expr *x) {
    while (x->kind == E_PAREN) x = x->u.unary.x;
    return x;
}

static Field *new_field(Pos pos, Expr *name, Expr *type) {
    Field *f = NEW(Field);
    f->pos = pos;
    if (name) vec_push(&f->names, name);
    f->type = type;
    return f;
}

/* A list of items separated by sep and closed by close, as gc's list():
 *   list = [ f { sep f } [sep] ] close .
 * f returns true when no more items may follow (after "..." in arguments).
 * Returns the position of the closing token. */
typedef bool (*ListItemFn)(Parser *p, void *ctx);

static Pos parse_list(Parser *p, const char *context, TokenKind sep, TokenKind close, ListItemFn f,
                      void *ctx) {
    bool done = false;
    while (!at(p, TK_EOF) && !at(p, close) && !done) {
        done = f(p, ctx);
        if (!got(p, sep) && !at(p, close)) {
            syntax_error(p, gc_sprintf("in %s; possibly missing %s or %s", context, tok_string(sep),
                                       tok_string(close)));
            ADVANCE(p, TK_RPAREN, TK_RBRACK, TK_RBRACE);
            if (!at(p, close)) return p->tok.pos;
        }
    }
    Pos pos = p->tok.pos;
    want(p, close);
    return pos;
}

/* ---------------------------------------------------------------- names */

static Expr *parse_name(Parser *p) {
    if (at(p, TK_IDENT)) {
        Expr *e = new_ident(p->tok.text, p->tok.pos);
        next(p);
        return e;
    }
    Expr *e = new_ident(intern_cstr("_"), p->tok.pos);
    syntax_error(p, "expected name");
    skip_one(p);
    return e;
}

/* IdentifierList = identifier { "," identifier } . (the first is given) */
static ExprList parse_name_list(Parser *p, Expr *first) {
    ExprList l = {0};
    vec_push(&l, first);
    while (got(p, TK_COMMA)) vec_push(&l, parse_name(p));
    return l;
}

/* Field.names and Spec.names are Vec(Expr *) of their own (anonymous) type. */
#define SET_NAMES(dst, list) ((dst).items = (list).items, (dst).len = (list).len, (dst).cap = (list).cap)

/* ---------------------------------------------------------------- forward declarations */

static Expr *parse_expr(Parser *p);
static Expr *parse_binary(Parser *p, Expr *x, int prec);
static Expr *parse_unary(Parser *p);
static Expr *parse_primary(Parser *p, Expr *x);
static Expr *parse_type(Parser *p);
static Expr *parse_type_or_null(Parser *p);
static Expr *parse_signature(Parser *p, const char *context, Pos pos);
static FieldList parse_param_list(Parser *p, Expr *name, Expr *type, TokenKind close, bool require_names);
static Stmt *parse_block(Parser *p, const char *context);
static Stmt *parse_func_body(Parser *p);
static Stmt *parse_stmt_or_null(Parser *p);
static Decl *parse_func_decl(Parser *p);
static void skip_func_body(Parser *p, Decl *d);

/* ---------------------------------------------------------------- types */

/* TypeName [ TypeArgs ] where TypeName = identifier | PackageName "." identifier.
 * name, if given, is the already parsed first identifier. */
static Expr *parse_type_instance(Parser *p, Expr *x);

static Expr *parse_qualified_name(Parser *p, Expr *name) {
    Expr *x = name;
    if (!x) {
        if (at(p, TK_IDENT)) {
            x = parse_name(p);
        } else {
            x = new_ident(intern_cstr("_"), p->tok.pos);
            syntax_error(p, "expected name");
            ADVANCE(p, TK_PERIOD, TK_SEMICOLON, TK_RBRACE);
        }
    }
    if (at(p, TK_PERIOD)) {
        next(p);
        Expr *s = new_expr(E_SELECTOR, x->pos);
        s->u.selector.x = x;
        s->u.selector.sel_pos = p->tok.pos;
        s->u.selector.sel = parse_name(p)->u.ident.name;
        x = s;
    }
    if (at(p, TK_LBRACK)) x = parse_type_instance(p, x);
    return x;
}

/* TypeList = arg { "," arg } [ "," ], arg an expression (or, strict, a type).
 * Returns whether a comma was seen: x[a,] is an instantiation, not an index. */
static bool parse_type_list(Parser *p, ExprList *out, bool strict) {
    p->xnest++;
    vec_push(out, strict ? parse_type(p) : parse_expr(p));
    bool comma = false;
    if (got(p, TK_COMMA)) {
        comma = true;
        Expr *t;
        while ((t = parse_type_or_null(p))) {
            vec_push(out, t);
            if (!got(p, TK_COMMA)) break;
        }
    }
    p->xnest--;
    return comma;
}

/* TypeArgs = "[" TypeList "]" . */
static Expr *parse_type_instance(Parser *p, Expr *x) {
    Expr *e = new_expr(E_INDEX, x->pos);
    e->u.index.x = x;
    e->u.index.lbrack = p->tok.pos;
    want(p, TK_LBRACK);
    if (at(p, TK_RBRACK)) {
        syntax_error(p, "expected type argument list");
        vec_push(&e->u.index.indices, bad_expr(p));
    } else {
        parse_type_list(p, &e->u.index.indices, true);
    }
    e->u.index.rbrack = p->tok.pos;
    want(p, TK_RBRACK);
    return e;
}

/* ArrayType = "[" ( ArrayLength | "..." ) "]" ElementType .
 * "[" is consumed (at lbrack); len, if given, is the parsed length. */
static Expr *parse_array_type(Parser *p, Pos lbrack, Expr *len) {
    if (!len) {
        if (at(p, TK_ELLIPSIS)) {
            len = new_expr(E_ELLIPSIS, p->tok.pos);
            next(p);
        } else {
            p->xnest++;
            len = parse_expr(p);
            p->xnest--;
        }
    }
    if (at(p, TK_COMMA)) {
        /* a trailing comma belongs in type parameter lists, not here */
        syntax_error(p, "unexpected comma; expected ]");
        next(p);
    }
    want(p, TK_RBRACK);
    Expr *t = new_expr(E_ARRAYTYPE, lbrack);
    t->u.arraytype.len = len;
    t->u.arraytype.elt = parse_type(p);
    return t;
}

/* SliceType = "[" "]" ElementType . Both brackets are consumed. */
static Expr *parse_slice_type(Parser *p, Pos lbrack) {
    Expr *t = new_expr(E_ARRAYTYPE, lbrack);
    t->u.arraytype.elt = parse_type(p);
    return t;
}

/* After "name": "[" either starts an array or slice type ("a [3]int",
 * "a []int") or type arguments ("List[int]"). The E_INDEX case comes back
 * with x unset for the caller to fill in. */
static Expr *parse_array_or_type_args(Parser *p) {
    Pos lbrack = p->tok.pos;
    want(p, TK_LBRACK);
    if (got(p, TK_RBRACK)) return parse_slice_type(p, lbrack);

    ExprList args = {0};
    bool comma = parse_type_list(p, &args, false);
    Pos rbrack = p->tok.pos;
    want(p, TK_RBRACK);
    if (!comma) {
        Expr *elt = parse_type_or_null(p);
        if (elt) {
            Expr *t = new_expr(E_ARRAYTYPE, lbrack);
            t->u.arraytype.len = args.items[0];
            t->u.arraytype.elt = elt;
            return t;
        }
    }
    Expr *e = new_expr(E_INDEX, lbrack);
    e->u.index.indices = args;
    e->u.index.lbrack = lbrack;
    e->u.index.rbrack = rbrack;
    return e;
}

static Expr *parse_chan_elem(Parser *p) {
    Expr *t = parse_type_or_null(p);
    if (!t) {
        t = bad_expr(p);
        syntax_error(p, "missing channel element type");
    }
    return t;
}

/* EmbeddedTerm = [ "~" ] Type . */
static Expr *parse_embedded_term(Parser *p) {
    if (at(p, TK_TILDE)) {
        Expr *u = new_expr(E_UNARY, p->tok.pos);
        u->u.unary.op = TK_TILDE;
        next(p);
        u->u.unary.x = parse_type(p);
        return u;
    }
    Expr *t = parse_type_or_null(p);
    if (!t) {
        t = bad_expr(p);
        syntax_error(p, "expected ~ term or type");
        ADVANCE(p, TK_OR, TK_SEMICOLON, TK_RPAREN, TK_RBRACK, TK_RBRACE);
    }
    return t;
}

/* EmbeddedElem = EmbeddedTerm { "|" EmbeddedTerm } . A union is a left-leaning
 * chain of E_BINARY "|"; x, if given, is the first term. */
static Expr *parse_embedded_elem(Parser *p, Expr *x) {
    if (!x) x = parse_embedded_term(p);
    while (at(p, TK_OR)) {
        Expr *b = new_expr(E_BINARY, x->pos);
        b->u.binary.op = TK_OR;
        b->u.binary.op_pos = p->tok.pos;
        next(p);
        b->u.binary.x = x;
        b->u.binary.y = parse_embedded_term(p);
        x = b;
    }
    return x;
}

/* Optional struct tag: the literal's source text. */
static const char *parse_opt_tag(Parser *p) {
    if (p->tok.kind < TK_INT || p->tok.kind > TK_STRING) return NULL;
    const char *tag = p->tok.text;
    next(p);
    return tag;
}

static void add_embedded(FieldList *fields, Pos pos, Expr *type, const char *tag) {
    Field *f = new_field(pos, NULL, type);
    f->embedded = true;
    f->tag = tag;
    vec_push(fields, f);
}

static Expr *new_star(Pos pos, Expr *x) {
    Expr *s = new_expr(E_STAR, pos);
    s->u.unary.op = TK_MUL;
    s->u.unary.x = x;
    return s;
}

/* FieldDecl      = ( IdentifierList Type | EmbeddedField ) [ Tag ] .
 * EmbeddedField  = [ "*" ] TypeName [ TypeArgs ] . */
static bool parse_field_decl(Parser *p, void *ctx) {
    FieldList *fields = ctx;
    Pos pos = p->tok.pos;
    switch (p->tok.kind) {
    case TK_IDENT: {
        Expr *name = parse_name(p);
        TokenKind k = p->tok.kind;
        if (k == TK_PERIOD || (k >= TK_INT && k <= TK_STRING) || k == TK_SEMICOLON || k == TK_RBRACE) {
            Expr *type = parse_qualified_name(p, name); /* embedded T or pkg.T */
            add_embedded(fields, pos, type, parse_opt_tag(p));
            break;
        }
        Field *f = NEW(Field);
        f->pos = pos;
        ExprList names = parse_name_list(p, name);
        SET_NAMES(f->names, names);
        if (f->names.len == 1 && at(p, TK_LBRACK)) {
            /* "T[P]" embeds an instantiated type; "a [3]int" declares a field. */
            Expr *t = parse_array_or_type_args(p);
            if (t->kind == E_INDEX) {
                t->u.index.x = name;
                t->pos = name->pos;
                add_embedded(fields, pos, t, parse_opt_tag(p));
                break;
            }
            f->type = t;
        } else {
            f->type = parse_type(p);
        }
        f->tag = parse_opt_tag(p);
        vec_push(fields, f);
        break;
    }
    case TK_MUL: {
        next(p);
        Expr *type;
        if (at(p, TK_LPAREN)) {
            syntax_error(p, "cannot parenthesize embedded type");
            next(p);
            type = parse_qualified_name(p, NULL);
            got(p, TK_RPAREN);
        } else {
            type = parse_qualified_name(p, NULL);
        }
        add_embedded(fields, pos, new_star(pos, type), parse_opt_tag(p));
        break;
    }
    case TK_LPAREN: {
        syntax_error(p, "cannot parenthesize embedded type");
        next(p);
        Expr *type;
        if (at(p, TK_MUL)) {
            Pos star = p->tok.pos;
            next(p);
            type = new_star(star, parse_qualified_name(p, NULL));
        } else {
            type = parse_qualified_name(p, NULL);
        }
        got(p, TK_RPAREN);
        add_embedded(fields, pos, type, parse_opt_tag(p));
        break;
    }
    default:
        syntax_error(p, "expected field name or embedded type");
        ADVANCE(p, TK_SEMICOLON, TK_RBRACE);
        break;
    }
    return false;
}

/* StructType = "struct" "{" { FieldDecl ";" } "}" . */
static Expr *parse_struct_type(Parser *p) {
    Expr *t = new_expr(E_STRUCTTYPE, p->tok.pos);
    want(p, TK_STRUCT);
    want(p, TK_LBRACE);
    parse_list(p, "struct type", TK_SEMICOLON, TK_RBRACE, parse_field_decl, &t->u.structtype.fields);
    return t;
}

/* MethodSpec = MethodName Signature | InterfaceTypeName .
 * Returns a field without names for an embedded (possibly instantiated) type. */
static Field *parse_method_spec(Parser *p) {
    Field *f = NEW(Field);
    f->pos = p->tok.pos;
    Expr *name = parse_name(p);
    const char *context = "interface method";

    switch (p->tok.kind) {
    case TK_LPAREN:
        vec_push(&f->names, name);
        f->type = parse_signature(p, context, p->tok.pos);
        break;
    case TK_LBRACK: {
        /* Either a generic method m[T any]() (accepted with an error) or an
         * embedded instantiated type T[A, B]. Parse a parameter list and see. */
        Pos lbrack = p->tok.pos;
        next(p);
        if (at(p, TK_RBRACK)) {
            Pos rbrack = p->tok.pos;
            next(p);
            if (at(p, TK_LPAREN)) {
                error_at(p, rbrack, "empty type parameter list");
                vec_push(&f->names, name);
                f->type = parse_signature(p, context, p->tok.pos);
            } else {
                error_at(p, rbrack, "empty type argument list");
                f->type = name;
            }
            break;
        }
        FieldList list = parse_param_list(p, NULL, NULL, TK_RBRACK, false);
        if (list.len == 0) {
            if (at(p, TK_LPAREN)) {
                vec_push(&f->names, name);
                f->type = parse_signature(p, context, p->tok.pos);
            } else {
                f->type = name;
            }
        } else if (list.items[0]->names.len > 0) {
            vec_push(&f->names, name);
            f->type = parse_signature(p, context, p->tok.pos);
            error_at(p, lbrack, "interface method must have no type parameters");
        } else {
            Expr *e = new_expr(E_INDEX, name->pos);
            e->u.index.x = name;
            e->u.index.lbrack = lbrack;
            for (int i = 0; i < list.len; i++) vec_push(&e->u.index.indices, list.items[i]->type);
            f->type = e;
        }
        break;
    }
    default:
        f->type = parse_qualified_name(p, name);
        break;
    }
    return f;
}

/* InterfaceElem = MethodElem | TypeElem . */
static bool parse_interface_elem(Parser *p, void *ctx) {
    FieldList *methods = ctx;
    Field *f = NULL;
    if (at(p, TK_IDENT)) f = parse_method_spec(p);
    if (!f) {
        f = NEW(Field);
        f->pos = p->tok.pos;
        f->type = parse_embedded_elem(p, NULL);
    } else if (f->names.len == 0) {
        f->type = parse_embedded_elem(p, f->type); /* T | U ... */
    }
    vec_push(methods, f);
    return false;
}

/* InterfaceType = "interface" "{" { InterfaceElem ";" } "}" . */
static Expr *parse_interface_type(Parser *p) {
    Expr *t = new_expr(E_INTERFACETYPE, p->tok.pos);
    want(p, TK_INTERFACE);
    want(p, TK_LBRACE);
    parse_list(p, "interface type", TK_SEMICOLON, TK_RBRACE, parse_interface_elem,
               &t->u.interfacetype.methods);
    return t;
}

/* Type     = TypeName [ TypeArgs ] | TypeLit | "(" Type ")" .
 * TypeLit  = ArrayType | StructType | PointerType | FunctionType |
 *            InterfaceType | SliceType | MapType | ChannelType .
 * Returns NULL when no type starts here. */
static Expr *parse_type_node(Parser *p) {
    Pos pos = p->tok.pos;
    switch (p->tok.kind) {
    case TK_MUL:
        next(p);
        return new_star(pos, parse_type(p));
    case TK_ARROW: { /* <-chan T */
        next(p);
        want(p, TK_CHAN);
        Expr *t = new_expr(E_CHANTYPE, pos);
        t->u.chantype.dir = CHAN_RECV;
        t->u.chantype.arrow = pos;
        t->u.chantype.value = parse_chan_elem(p);
        return t;
    }
    case TK_FUNC:
        next(p);
        return parse_signature(p, "function type", pos);
    case TK_LBRACK:
        next(p);
        if (got(p, TK_RBRACK)) return parse_slice_type(p, pos);
        return parse_array_type(p, pos, NULL);
    case TK_CHAN: { /* chan T, chan<- T */
        next(p);
        Expr *t = new_expr(E_CHANTYPE, pos);
        t->u.chantype.dir = CHAN_BOTH;
        if (at(p, TK_ARROW)) {
            t->u.chantype.dir = CHAN_SEND;
            t->u.chantype.arrow = p->tok.pos;
            next(p);
        }
        t->u.chantype.value = parse_chan_elem(p);
        return t;
    }
    case TK_MAP: {
        next(p);
        Expr *t = new_expr(E_MAPTYPE, pos);
        want(p, TK_LBRACK);
        t->u.maptype.key = parse_type(p);
        want(p, TK_RBRACK);
        t->u.maptype.value = parse_type(p);
        return t;
    }
    case TK_STRUCT: return parse_struct_type(p);
    case TK_INTERFACE: return parse_interface_type(p);
    case TK_IDENT: return parse_qualified_name(p, NULL);
    case TK_LPAREN: {
        next(p);
        Expr *t = new_expr(E_PAREN, pos);
        t->u.unary.x = parse_type(p);
        want(p, TK_RPAREN);
        return t;
    }
    default:
        return NULL;
    }
}

static Expr *parse_type_or_null(Parser *p) {
    if (too_deep(p)) return bad_expr(p);
    p->depth++;
    Expr *t = parse_type_node(p);
    p->depth--;
    return t;
}

static Expr *parse_type(Parser *p) {
    Expr *t = parse_type_or_null(p);
    if (!t) {
        t = bad_expr(p);
        syntax_error(p, "expected type");
        ADVANCE(p, TK_COMMA, TK_COLON, TK_SEMICOLON, TK_RPAREN, TK_RBRACK, TK_RBRACE);
    }
    return t;
}

/* ---------------------------------------------------------------- parameters */

/* One entry of a parameter list before names and types are sorted out:
 * "a" alone may be a parameter name or a type, decided by its neighbours. */
typedef struct ParamItem {
    Expr *name, *type;
    Pos pos;
    bool explicit_type; /* the type was written on this entry */
} ParamItem;

typedef struct ParamListCtx {
    Vec(ParamItem) items;
    Expr *first_name, *first_type; /* already parsed by the caller */
    TokenKind close;
} ParamListCtx;

/* ParameterDecl = [ IdentifierList ] [ "..." ] Type .  (one name at a time)
 * In type parameter lists (close is "]"), constraints may be unions and
 * ~terms: [T ~int | string]. */
static bool parse_param_decl(Parser *p, Expr *name, TokenKind close, ParamItem *out) {
    bool type_sets = close == TK_RBRACK;
    memset(out, 0, sizeof *out);
    out->pos = name ? name->pos : p->tok.pos;

    if (!name && type_sets && at(p, TK_TILDE)) {
        out->type = parse_embedded_elem(p, NULL);
        return true;
    }
    if (at(p, TK_IDENT) || name) {
        if (!name) name = parse_name(p);
        if (at(p, TK_LBRACK)) { /* name [n]E, name []E, or Type[Args] */
            Expr *t = parse_array_or_type_args(p);
            if (t->kind == E_INDEX) {
                t->u.index.x = name;
                t->pos = name->pos;
            } else {
                out->name = name;
            }
            out->type = t;
            if (type_sets && at(p, TK_OR)) out->type = parse_embedded_elem(p, out->type);
            return true;
        }
        if (at(p, TK_PERIOD)) { /* pkg.Type */
            out->type = parse_qualified_name(p, name);
            if (type_sets && at(p, TK_OR)) out->type = parse_embedded_elem(p, out->type);
            return true;
        }
        if (type_sets && at(p, TK_OR)) { /* Type | ... */
            out->type = parse_embedded_elem(p, name);
            return true;
        }
        out->name = name;
    }
    if (at(p, TK_ELLIPSIS)) { /* [name] ...T */
        Expr *e = new_expr(E_ELLIPSIS, p->tok.pos);
        next(p);
        e->u.ellipsis.elt = parse_type_or_null(p);
        if (!e->u.ellipsis.elt) {
            e->u.ellipsis.elt = bad_expr(p);
            syntax_error(p, "... is missing type");
        }
        out->type = e;
        return true;
    }
    if (type_sets && at(p, TK_TILDE)) {
        out->type = parse_embedded_elem(p, NULL);
        return true;
    }
    out->type = parse_type_or_null(p);
    if (type_sets && out->type && at(p, TK_OR)) out->type = parse_embedded_elem(p, out->type);
    if (out->name || out->type) return true;

    syntax_error(p, gc_sprintf("expected %s", tok_string(close)));
    ADVANCE(p, TK_COMMA, close);
    return false;
}

static bool parse_param_item(Parser *p, void *vctx) {
    ParamListCtx *c = vctx;
    ParamItem it;
    if (c->first_type) {
        it = (ParamItem){c->first_name, c->first_type, c->first_name->pos, false};
    } else if (!parse_param_decl(p, c->first_name, c->close, &it)) {
        c->first_name = NULL;
        return false;
    }
    c->first_name = c->first_type = NULL;
    it.explicit_type = it.type != NULL;
    vec_push(&c->items, it);
    return false;
}

/* Give every named entry a type: "a, b int, c string" has the types of b and
 * c written, a takes the type to its right. Reports lists that mix named and
 * unnamed entries. */
static void distribute_param_types(Parser *p, ParamItem *items, int n, int named, int typed, Pos end,
                                   bool require_names) {
    Pos err = {0};
    Expr *type = NULL;
    for (int i = n - 1; i >= 0; i--) {
        ParamItem *it = &items[i];
        if (it->type) {
            type = it->type;
            if (!it->name) {
                err = it->type->pos;
                it->name = new_ident(intern_cstr("_"), err);
            }
        } else if (type) {
            it->type = type;
        } else {
            err = it->name->pos;
            it->type = new_expr(E_BAD, err);
        }
    }
    if (!err.line) return;
    const char *msg;
    if (!require_names) {
        msg = "mixed named and unnamed parameters";
    } else if (named == typed) {
        err = end;
        msg = "missing type constraint";
    } else {
        msg = n == 1 ? "missing type parameter name or invalid array length" : "missing type parameter name";
    }
    syntax_error_at(p, err, msg);
}

/* Parameters    = "(" [ ParameterList [ "," ] ] ")" .
 * ParameterList = ParameterDecl { "," ParameterDecl } .
 * The opening bracket is consumed. name (and type) may be an already parsed
 * first entry. Names sharing a type become one Field: (a, b int). */
static FieldList parse_param_list(Parser *p, Expr *name, Expr *type, TokenKind close, bool require_names) {
    FieldList fields = {0};
    if (name && type && at(p, close)) { /* type T[P any] = ...: one complete entry */
        next(p);
        vec_push(&fields, new_field(name->pos, name, type));
        return fields;
    }

    ParamListCtx c = {.first_name = name, .first_type = type, .close = close};
    Pos end = parse_list(p, "parameter list", TK_COMMA, close, parse_param_item, &c);
    int n = c.items.len;
    if (n == 0) return fields;

    int named = 0, typed = 0;
    for (int i = 0; i < n; i++) {
        named += c.items.items[i].name && c.items.items[i].type;
        typed += c.items.items[i].type != NULL;
    }

    if (named == 0 && !require_names) {
        /* All types: the names seen are type names. */
        for (int i = 0; i < n; i++) {
            ParamItem *it = &c.items.items[i];
            vec_push(&fields, new_field(it->pos, NULL, it->type ? it->type : it->name));
        }
        return fields;
    }
    if (named != n) distribute_param_types(p, c.items.items, n, named, typed, end, require_names);

    Field *f = NULL;
    for (int i = 0; i < n; i++) {
        ParamItem *it = &c.items.items[i];
        if (!f) {
            f = NEW(Field);
            f->pos = it->pos;
        }
        vec_push(&f->names, it->name);
        if (it->explicit_type || i == n - 1) {
            f->type = it->type;
            vec_push(&fields, f);
            f = NULL;
        }
    }
    return fields;
}

/* Result = Parameters | Type . */
static void parse_results(Parser *p, FuncTypeNode *ft) {
    if (got(p, TK_LPAREN)) {
        ft->results = parse_param_list(p, NULL, NULL, TK_RPAREN, false);
        ft->has_results_parens = true;
        return;
    }
    Pos pos = p->tok.pos;
    Expr *t = parse_type_or_null(p);
    if (t) vec_push(&ft->results, new_field(pos, NULL, t));
}

/* Signature = [ TypeParameters ] Parameters [ Result ] .
 * "func" (at pos) and the name, if any, are consumed. context names the
 * construct when type parameters are not allowed ("function type"). */
static Expr *parse_signature(Parser *p, const char *context, Pos pos) {
    Expr *t = new_expr(E_FUNCTYPE, pos);
    FuncTypeNode *ft = &t->u.functype;
    ft->func_pos = pos;
    Pos sig_pos = p->tok.pos; /* gc reports misplaced type parameters here */
    if (got(p, TK_LBRACK)) {
        if (context) syntax_error_at(p, sig_pos, gc_sprintf("%s must have no type parameters", context));
        if (at(p, TK_RBRACK)) {
            syntax_error(p, "empty type parameter list");
            next(p);
        } else {
            ft->tparams = parse_param_list(p, NULL, NULL, TK_RBRACK, true);
        }
    }
    want(p, TK_LPAREN);
    ft->params = parse_param_list(p, NULL, NULL, TK_RPAREN, false);
    parse_results(p, ft);
    return t;
}

/* ---------------------------------------------------------------- expressions */

/* ExpressionList = Expression { "," Expression } . */
static ExprList parse_expr_list(Parser *p) {
    ExprList l = {0};
    vec_push(&l, parse_expr(p));
    while (got(p, TK_COMMA)) vec_push(&l, parse_expr(p));
    return l;
}

static Expr *parse_expr(Parser *p) { return parse_binary(p, NULL, 0); }

/* Expression = UnaryExpr | Expression binary_op Expression .
 * Precedence climbing: operators binding tighter than prec are taken here,
 * so equal precedence associates to the left. */
static Expr *parse_binary(Parser *p, Expr *x, int prec) {
    int depth = p->depth;
    if (!x) x = parse_unary(p);
    for (;;) {
        int tprec = token_precedence(p->tok.kind);
        if (tprec <= prec) break;
        Expr *b = new_expr(E_BINARY, x->pos);
        b->u.binary.op = p->tok.kind;
        b->u.binary.op_pos = p->tok.pos;
        next(p);
        b->u.binary.x = x;
        p->depth++; /* a link of the chain (the operand checks the depth) */
        b->u.binary.y = parse_binary(p, NULL, tprec);
        x = b;
    }
    p->depth = depth;
    return x;
}

/* An arrow before a channel type belongs to the type: "<-chan E" is a
 * receive-only channel. Parsed as an operand, "<-chan<- chan E" came out as
 * <-(chan<- (chan E)), but Go reads it as <-chan (<-chan E): walk down the
 * chain, moving each arrow one level in, so every send-only channel on the
 * way becomes a receive-only one. */
static void reassociate_arrow(Parser *p, Expr *x, Pos arrow) {
    ChanDir dir = CHAN_SEND;
    Expr *t = x;
    while (dir == CHAN_SEND && t->kind == E_CHANTYPE) {
        dir = t->u.chantype.dir;
        if (dir == CHAN_RECV) syntax_error(p, "unexpected <-, expected chan"); /* <-<-chan E */
        Pos inner = t->u.chantype.arrow;
        t->u.chantype.dir = CHAN_RECV;
        t->u.chantype.arrow = arrow;
        t->pos = arrow;
        arrow = inner;
        t = t->u.chantype.value;
    }
    if (dir == CHAN_SEND) /* <-chan<- E where E is not a channel */
        syntax_error(p, gc_sprintf("unexpected %s, expected chan", ast_expr_string(t)));
}

/* UnaryExpr = PrimaryExpr | unary_op UnaryExpr .
 * unary_op  = "+" | "-" | "!" | "^" | "*" | "&" | "<-" (and "~" in constraints). */
static Expr *parse_unary(Parser *p) {
    if (too_deep(p)) return bad_expr(p);
    Pos pos = p->tok.pos;
    TokenKind op = p->tok.kind;
    Expr *x;
    p->depth++;
    switch (op) {
    case TK_ADD: case TK_SUB: case TK_NOT: case TK_XOR: case TK_TILDE: case TK_AND:
        next(p);
        x = new_expr(E_UNARY, pos);
        x->u.unary.op = op;
        x->u.unary.x = parse_unary(p);
        break;
    case TK_MUL:
        next(p);
        x = new_star(pos, parse_unary(p));
        break;
    case TK_ARROW: {
        /* A receive (<-ch) or a receive-only channel type (<-chan int): only
         * the operand tells, and <-chan int(nil) is a receive. */
        next(p);
        Expr *y = parse_unary(p);
        if (y->kind == E_CHANTYPE) {
            reassociate_arrow(p, y, pos);
            x = y;
        } else {
            x = new_expr(E_UNARY, pos);
            x->u.unary.op = TK_ARROW;
            x->u.unary.x = y;
        }
        break;
    }
    default:
        x = parse_primary(p, NULL);
        break;
    }
    p->depth--;
    return x;
}

static bool parse_call_arg(Parser *p, void *ctx) {
    Expr *call = ctx;
    vec_push(&call->u.call.args, parse_expr(p));
    if (at(p, TK_ELLIPSIS)) {
        call->u.call.has_ellipsis = true;
        call->u.call.ellipsis = p->tok.pos;
        next(p);
    }
    return call->u.call.has_ellipsis;
}

/* Arguments = "(" [ ( ExpressionList | Type [ "," ExpressionList ] ) [ "..." ] [ "," ] ] ")" . */
static Expr *parse_call(Parser *p, Expr *fun) {
    Expr *c = new_expr(E_CALL, fun->pos);
    c->u.call.fun = fun;
    c->u.call.lparen = p->tok.pos;
    next(p);
    p->xnest++;
    c->u.call.rparen = parse_list(p, "argument list", TK_COMMA, TK_RPAREN, parse_call_arg, c);
    p->xnest--;
    return c;
}

static Expr *parse_complit(Parser *p, Expr *type);

/* Element = Expression | LiteralValue . */
static Expr *parse_element(Parser *p) {
    if (!at(p, TK_LBRACE)) return parse_expr(p);
    /* type elided: {1, 2} */
    if (too_deep(p)) return bad_expr(p);
    p->depth++;
    Expr *lit = parse_complit(p, NULL);
    p->depth--;
    return lit;
}

/* KeyedElement = [ Key ":" ] Element . */
static bool parse_keyed_element(Parser *p, void *ctx) {
    Expr *lit = ctx;
    Expr *e = parse_element(p);
    if (at(p, TK_COLON)) {
        Expr *kv = new_expr(E_KEYVALUE, e->pos);
        kv->u.binary.op = TK_COLON;
        kv->u.binary.op_pos = p->tok.pos;
        next(p);
        kv->u.binary.x = e;
        kv->u.binary.y = parse_element(p);
        e = kv;
    }
    vec_push(&lit->u.composite.elts, e);
    return false;
}

/* LiteralValue = "{" [ ElementList [ "," ] ] "}" . type is NULL when elided. */
static Expr *parse_complit(Parser *p, Expr *type) {
    Expr *lit = new_expr(E_COMPOSITELIT, type ? type->pos : p->tok.pos);
    lit->u.composite.type = type;
    lit->u.composite.lbrace = p->tok.pos;
    p->xnest++;
    want(p, TK_LBRACE);
    lit->u.composite.rbrace =
        parse_list(p, "composite literal", TK_COMMA, TK_RBRACE, parse_keyed_element, lit);
    p->xnest--;
    return lit;
}

/* Is x certainly a value, never a type? (x[i] of a value is no literal type.) */
static bool is_value(const Expr *x) {
    switch (x->kind) {
    case E_BASICLIT: case E_COMPOSITELIT: case E_FUNCLIT: case E_SLICE: case E_TYPEASSERT:
    case E_CALL: case E_UNARY: case E_BINARY:
        return true;
    case E_PAREN: return is_value(x->u.unary.x);
    case E_INDEX:
        if (is_value(x->u.index.x)) return true;
        for (int i = 0; i < x->u.index.indices.len; i++)
            if (is_value(x->u.index.indices.items[i])) return true;
        return false;
    default: return false;
    }
}

/* May "{" after x open a composite literal? Type literals always; a (qualified,
 * possibly instantiated) type name only outside control clause headers. */
static bool complit_ok(const Parser *p, Expr *x) {
    Expr *t = unparen(x);
    switch (t->kind) {
    case E_IDENT: case E_SELECTOR: return p->xnest >= 0;
    case E_INDEX: return p->xnest >= 0 && !is_value(t);
    case E_ARRAYTYPE: case E_STRUCTTYPE: case E_MAPTYPE: return true;
    default: return false;
    }
}

/* Index = "[" Expression "]" ; Slice = "[" [lo] ":" [hi] [ ":" max ] "]" ;
 * TypeArgs = "[" TypeList "]" . */
static Expr *parse_index_or_slice(Parser *p, Expr *x) {
    Pos lbrack = p->tok.pos;
    next(p);
    Expr *lo = NULL;
    if (!at(p, TK_COLON)) {
        ExprList list = {0};
        bool comma = false;
        if (at(p, TK_RBRACK)) {
            syntax_error(p, "expected operand");
            vec_push(&list, bad_expr(p));
        } else {
            comma = parse_type_list(p, &list, false);
        }
        if (comma || at(p, TK_RBRACK)) {
            Expr *e = new_expr(E_INDEX, x->pos);
            e->u.index.x = x;
            e->u.index.indices = list;
            e->u.index.lbrack = lbrack;
            e->u.index.rbrack = p->tok.pos;
            want(p, TK_RBRACK);
            return e;
        }
        lo = list.items[0];
    }

    if (!got(p, TK_COLON)) {
        syntax_error(p, "expected comma, : or ]");
        ADVANCE(p, TK_COMMA, TK_COLON, TK_RBRACK);
    }
    Expr *s = new_expr(E_SLICE, x->pos);
    s->u.slice.x = x;
    s->u.slice.lo = lo;
    s->u.slice.lbrack = lbrack;
    p->xnest++;
    if (!at(p, TK_COLON) && !at(p, TK_RBRACK)) s->u.slice.hi = parse_expr(p);
    if (at(p, TK_COLON)) {
        s->u.slice.slice3 = true;
        if (!s->u.slice.hi) {
            error_at(p, p->tok.pos, "middle index required in 3-index slice");
            s->u.slice.hi = bad_expr(p);
        }
        next(p);
        if (!at(p, TK_RBRACK)) {
            s->u.slice.max = parse_expr(p);
        } else {
            error_at(p, p->tok.pos, "final index required in 3-index slice");
            s->u.slice.max = bad_expr(p);
        }
    }
    p->xnest--;
    s->u.slice.rbrack = p->tok.pos;
    want(p, TK_RBRACK);
    return s;
}

/* Selector = "." identifier ; TypeAssertion = "." "(" Type ")" ; also x.(type). */
static Expr *parse_selector_or_assert(Parser *p, Expr *x) {
    next(p); /* "." */
    if (at(p, TK_IDENT)) {
        Expr *s = new_expr(E_SELECTOR, x->pos);
        s->u.selector.x = x;
        s->u.selector.sel = p->tok.text;
        s->u.selector.sel_pos = p->tok.pos;
        next(p);
        return s;
    }
    if (at(p, TK_LPAREN)) {
        Expr *a = new_expr(E_TYPEASSERT, x->pos);
        a->u.typeassert.x = x;
        a->u.typeassert.lparen = p->tok.pos;
        next(p);
        if (!got(p, TK_TYPE)) a->u.typeassert.type = parse_type(p);
        want(p, TK_RPAREN);
        return a;
    }
    syntax_error(p, "expected name or (");
    ADVANCE(p, TK_SEMICOLON, TK_RPAREN);
    return x;
}

/* Operand     = Literal | OperandName [ TypeArgs ] | "(" Expression ")" .
 * Literal     = BasicLit | CompositeLit | FunctionLit .
 * Types are operands too, for conversions and composite literals. */
static Expr *parse_operand(Parser *p) {
    Pos pos = p->tok.pos;
    switch (p->tok.kind) {
    case TK_IDENT: return parse_name(p);
    case TK_INT: case TK_FLOAT: case TK_IMAG: case TK_CHAR: case TK_STRING: {
        Expr *e = new_expr(E_BASICLIT, pos);
        e->u.lit.kind = p->tok.kind;
        e->u.lit.text = p->tok.text;
        e->u.lit.len = p->tok.len;
        next(p);
        return e;
    }
    case TK_LPAREN: {
        next(p);
        Expr *e = new_expr(E_PAREN, pos);
        p->xnest++;
        e->u.unary.x = parse_expr(p);
        p->xnest--;
        want(p, TK_RPAREN);
        return e;
    }
    case TK_FUNC: {
        next(p);
        Expr *type = parse_signature(p, "function type", pos);
        if (!at(p, TK_LBRACE)) return type;
        Expr *lit = new_expr(E_FUNCLIT, pos);
        lit->u.funclit.type = type;
        p->xnest++;
        lit->u.funclit.body = parse_func_body(p);
        p->xnest--;
        return lit;
    }
    case TK_LBRACK: case TK_CHAN: case TK_MAP: case TK_STRUCT: case TK_INTERFACE:
        return parse_type(p);
    default: {
        Expr *e = bad_expr(p);
        syntax_error(p, "expected expression");
        ADVANCE(p, TK_RPAREN, TK_RBRACK, TK_RBRACE);
        return e;
    }
    }
}

/* PrimaryExpr = Operand | Conversion | MethodExpr | PrimaryExpr Selector |
 *               PrimaryExpr Index | PrimaryExpr Slice | PrimaryExpr TypeAssertion |
 *               PrimaryExpr Arguments | CompositeLit .
 * x, if given, is the already parsed operand. */
static Expr *parse_primary(Parser *p, Expr *x) {
    int depth = p->depth;
    if (!x) x = parse_operand(p);
    for (;;) {
        TokenKind k = p->tok.kind;
        if (k != TK_PERIOD && k != TK_LBRACK && k != TK_LPAREN && k != TK_LBRACE) break;
        if (k == TK_LBRACE && !complit_ok(p, x)) break;
        if (too_deep(p)) break;
        p->depth++; /* a link of the chain x.f[i]() */
        switch (k) {
        case TK_PERIOD: x = parse_selector_or_assert(p, x); break;
        case TK_LBRACK: x = parse_index_or_slice(p, x); break;
        case TK_LPAREN: x = parse_call(p, x); break;
        default: {
            Expr *t = unparen(x);
            if (t != x) syntax_error(p, "cannot parenthesize type in composite literal");
            x = parse_complit(p, t);
            break;
        }
        }
    }
    p->depth = depth;
    return x;
}

/* ---------------------------------------------------------------- statements */

static Stmt *new_expr_stmt(Expr *x) {
    Stmt *s = new_stmt(S_EXPR, x->pos);
    s->u.expr.x = x;
    return s;
}

static bool is_op_assign(TokenKind k) { return k >= TK_ADD_ASSIGN && k <= TK_AND_NOT_ASSIGN; }

/* RangeClause = [ ExpressionList ( "=" | ":=" ) ] "range" Expression .
 * tok is TK_ILLEGAL for "for range x"; tok_pos is the position of tok (or of
 * "range" when there are no variables). */
static Stmt *parse_range_clause(Parser *p, ExprList *lhs, TokenKind tok, Pos tok_pos) {
    Stmt *s = new_stmt(S_RANGE, lhs ? lhs->items[0]->pos : p->tok.pos);
    s->u.range.tok = tok;
    s->u.range.tok_pos = lhs ? tok_pos : p->tok.pos;
    if (lhs) {
        s->u.range.key = lhs->items[0];
        if (lhs->len > 1) s->u.range.value = lhs->items[1];
        if (lhs->len > 2)
            error_at(p, lhs->items[2]->pos, "range clause permits at most two iteration variables");
    }
    next(p); /* "range" */
    s->u.range.x = parse_expr(p);
    return s;
}

/* SimpleStmt = EmptyStmt | ExpressionStmt | SendStmt | IncDecStmt |
 *              Assignment | ShortVarDecl .
 * lhs, if given, is the already parsed expression list. keyword is the
 * enclosing for/switch/if whose header this is (ranges are allowed after
 * "for"), or 0. */
static Stmt *parse_simple_stmt(Parser *p, ExprList *lhs_in, TokenKind keyword) {
    if (keyword == TK_FOR && at(p, TK_RANGE)) return parse_range_clause(p, NULL, TK_ILLEGAL, p->tok.pos);

    ExprList lhs = lhs_in ? *lhs_in : parse_expr_list(p);
    Pos pos = p->tok.pos;
    TokenKind k = p->tok.kind;

    if (lhs.len == 1 && k != TK_ASSIGN && k != TK_DEFINE) {
        Expr *x = lhs.items[0];
        if (is_op_assign(k)) { /* x op= y */
            Stmt *s = new_stmt(S_ASSIGN, x->pos);
            s->u.assign.lhs = lhs;
            s->u.assign.tok = k;
            s->u.assign.tok_pos = pos;
            next(p);
            vec_push(&s->u.assign.rhs, parse_expr(p));
            return s;
        }
        if (k == TK_INC || k == TK_DEC) {
            Stmt *s = new_stmt(S_INCDEC, x->pos);
            s->u.incdec.x = x;
            s->u.incdec.tok = k;
            s->u.incdec.tok_pos = pos;
            next(p);
            return s;
        }
        if (k == TK_ARROW) { /* ch <- v */
            Stmt *s = new_stmt(S_SEND, x->pos);
            s->u.send.chan = x;
            s->u.send.arrow = pos;
            next(p);
            s->u.send.value = parse_expr(p);
            return s;
        }
        return new_expr_stmt(x);
    }

    if (k == TK_ASSIGN || k == TK_DEFINE) {
        next(p);
        if (keyword == TK_FOR && at(p, TK_RANGE)) return parse_range_clause(p, &lhs, k, pos);
        Stmt *s = new_stmt(S_ASSIGN, lhs.items[0]->pos);
        s->u.assign.lhs = lhs;
        s->u.assign.tok = k;
        s->u.assign.tok_pos = pos;
        s->u.assign.rhs = parse_expr_list(p);
        return s;
    }

    syntax_error(p, "expected := or = or comma");
    ADVANCE(p, TK_SEMICOLON, TK_RBRACE);
    return new_expr_stmt(lhs.items[0]);
}

/* Where gc places a simple statement in messages: at its operator. */
static Pos simple_stmt_pos(const Stmt *s) {
    switch (s->kind) {
    case S_ASSIGN: return s->u.assign.tok_pos;
    case S_INCDEC: return s->u.incdec.tok_pos;
    case S_SEND: return s->u.send.arrow;
    case S_RANGE: return s->u.range.tok_pos;
    default: return s->pos;
    }
}

static char *list_string(const ExprList *l, bool emphasize) {
    StrBuf b;
    sb_init(&b);
    for (int i = 0; i < l->len; i++) {
        if (i) sb_puts(&b, ", ");
        sb_puts(&b, ast_expr_string(l->items[i]));
    }
    /* gc parenthesizes a lone binary expression around "=" so that
     * "if x == y = z" reads unambiguously in the message. */
    if (emphasize && l->len == 1 && l->items[0]->kind == E_BINARY) return gc_sprintf("(%s)", b.data);
    return b.data;
}

/* A simple statement in Go form, for "cannot use ... as value". */
static char *simple_stmt_string(const Stmt *s) {
    switch (s->kind) {
    case S_ASSIGN:
        if (s->u.assign.tok == TK_ASSIGN)
            return gc_sprintf("assignment %s = %s", list_string(&s->u.assign.lhs, true),
                              list_string(&s->u.assign.rhs, true));
        return gc_sprintf("%s %s %s", list_string(&s->u.assign.lhs, false),
                          token_spelling(s->u.assign.tok), list_string(&s->u.assign.rhs, false));
    case S_INCDEC:
        return gc_sprintf("%s%s", ast_expr_string(s->u.incdec.x), token_spelling(s->u.incdec.tok));
    case S_SEND:
        return gc_sprintf("%s <- %s", ast_expr_string(s->u.send.chan), ast_expr_string(s->u.send.value));
    case S_RANGE: return gc_sprintf("range %s", ast_expr_string(s->u.range.x));
    default: return gc_strdup("statement");
    }
}

/* The condition of an if or for header must be an expression. */
static Expr *header_cond(Parser *p, Stmt *s) {
    if (!s) return NULL;
    if (s->kind == S_EXPR) return s->u.expr.x;
    Pos pos = simple_stmt_pos(s);
    syntax_error_at(p, pos, gc_sprintf("cannot use %s as value", simple_stmt_string(s)));
    return new_expr(E_BAD, pos);
}

/* The header of if, for and switch:
 *   if     [ SimpleStmt ";" ] Expression
 *   switch [ SimpleStmt ";" ] [ Expression | TypeSwitchGuard ]
 *   for    [ Condition | ForClause | RangeClause ]
 * The keyword is consumed. *cond receives the condition as a statement, for
 * the caller to check (a type switch guard is a statement). */
static void parse_header(Parser *p, TokenKind keyword, Stmt **init, Stmt **cond, Stmt **post) {
    *init = *cond = NULL;
    if (post) *post = NULL;
    if (at(p, TK_LBRACE)) {
        if (keyword == TK_IF) {
            syntax_error(p, "missing condition in if statement");
            *cond = new_expr_stmt(bad_expr(p));
        }
        return;
    }

    int outer = p->xnest;
    p->xnest = -1; /* "T {" opens the body, not a composite literal */

    if (!at(p, TK_SEMICOLON)) {
        if (got(p, TK_VAR))
            syntax_error(p, gc_sprintf("var declaration not allowed in %s initializer", token_spelling(keyword)));
        *init = parse_simple_stmt(p, NULL, keyword);
        if ((*init)->kind == S_RANGE) {
            p->xnest = outer;
            return;
        }
    }

    Stmt *c = NULL;
    Token semi = {0};
    if (!at(p, TK_LBRACE)) {
        if (at(p, TK_SEMICOLON)) {
            semi = p->tok;
            next(p);
        } else {
            want(p, TK_LBRACE); /* "expected {" reads better than "expected ;" */
            if (!at(p, TK_LBRACE)) ADVANCE(p, TK_LBRACE, TK_RBRACE);
        }
        if (keyword == TK_FOR) {
            if (!at(p, TK_SEMICOLON)) {
                if (at(p, TK_LBRACE)) {
                    syntax_error(p, "expected for loop condition");
                    goto done;
                }
                c = parse_simple_stmt(p, NULL, 0);
            }
            want(p, TK_SEMICOLON);
            if (!at(p, TK_LBRACE)) {
                *post = parse_simple_stmt(p, NULL, 0);
                if ((*post)->kind == S_ASSIGN && (*post)->u.assign.tok == TK_DEFINE)
                    syntax_error_at(p, (*post)->u.assign.tok_pos, "cannot declare in post statement of for loop");
            }
        } else if (!at(p, TK_LBRACE)) {
            c = parse_simple_stmt(p, NULL, keyword);
        }
    } else {
        c = *init;
        *init = NULL;
    }

done:
    if (!c && keyword == TK_IF && semi.kind == TK_SEMICOLON) {
        const char *lit = describe_token(&semi);
        if (semi.implicit)
            syntax_error_at(p, semi.pos, gc_sprintf("unexpected %s, expected { after if clause", lit));
        else
            syntax_error_at(p, semi.pos, "missing condition in if statement");
        c = new_expr_stmt(new_expr(E_BAD, semi.pos));
    }
    *cond = c;
    p->xnest = outer;
}

/* Block = "{" StatementList "}" . context names the construct whose block
 * this is ("if clause"), for the message when the brace is missing. */
static StmtList parse_stmt_list(Parser *p);

static Stmt *parse_block(Parser *p, const char *context) {
    Stmt *b = new_stmt(S_BLOCK, p->tok.pos);
    b->u.block.lbrace = p->tok.pos;
    if (!got(p, TK_LBRACE)) {
        syntax_error(p, gc_sprintf("expected { after %s", context));
        ADVANCE(p, TK_IDENT, TK_RBRACE);
        b->u.block.rbrace = p->tok.pos;
        if (got(p, TK_RBRACE)) return b;
    }
    b->u.block.list = parse_stmt_list(p);
    b->u.block.rbrace = p->tok.pos;
    want(p, TK_RBRACE);
    return b;
}

static Stmt *parse_func_body(Parser *p) {
    p->fnest++;
    Stmt *body = parse_block(p, "function header");
    p->fnest--;
    return body;
}

/* IfStmt = "if" [ SimpleStmt ";" ] Expression Block [ "else" ( IfStmt | Block ) ] . */
static Stmt *parse_if(Parser *p) {
    Stmt *s = new_stmt(S_IF, p->tok.pos);
    next(p);
    Stmt *cond;
    parse_header(p, TK_IF, &s->u.if_.init, &cond, NULL);
    s->u.if_.cond = header_cond(p, cond);
    s->u.if_.body = parse_block(p, "if clause");
    if (got(p, TK_ELSE)) {
        if (at(p, TK_IF)) {
            if (too_deep(p)) return s;
            p->depth++;
            s->u.if_.else_ = parse_if(p);
            p->depth--;
        } else if (at(p, TK_LBRACE)) {
            s->u.if_.else_ = parse_block(p, "else");
        } else {
            syntax_error(p, "else must be followed by if or statement block");
            ADVANCE(p, TK_IDENT, TK_RBRACE);
        }
    }
    return s;
}

/* ForStmt = "for" [ Condition | ForClause | RangeClause ] Block . */
static Stmt *parse_for(Parser *p) {
    Pos pos = p->tok.pos;
    next(p);
    Stmt *init, *cond, *post;
    parse_header(p, TK_FOR, &init, &cond, &post);
    Stmt *body = parse_block(p, "for clause");
    if (init && init->kind == S_RANGE) {
        init->pos = pos;
        init->u.range.body = body;
        return init;
    }
    Stmt *s = new_stmt(S_FOR, pos);
    s->u.for_.init = init;
    s->u.for_.cond = header_cond(p, cond);
    s->u.for_.post = post;
    s->u.for_.body = body;
    return s;
}

/* ExprCaseClause = ( "case" ExpressionList | "default" ) ":" StatementList .
 * Type switch clauses have the same shape, with types in the list. */
static Stmt *parse_case_clause(Parser *p) {
    Stmt *c = new_stmt(S_CASECLAUSE, p->tok.pos);
    if (got(p, TK_CASE)) {
        c->u.caseclause.list = parse_expr_list(p);
    } else if (got(p, TK_DEFAULT)) {
        c->u.caseclause.is_default = true;
    } else {
        syntax_error(p, "expected case or default or }");
        ADVANCE(p, TK_COLON, TK_CASE, TK_DEFAULT, TK_RBRACE);
    }
    c->u.caseclause.colon = p->tok.pos;
    want(p, TK_COLON);
    c->u.caseclause.body = parse_stmt_list(p);
    return c;
}

/* CommClause = ( "case" ( SendStmt | RecvStmt ) | "default" ) ":" StatementList .
 * RecvStmt   = [ ExpressionList "=" | IdentifierList ":=" ] RecvExpr .
 * Any simple statement is accepted here; the checker rejects the others. */
static Stmt *parse_comm_clause(Parser *p) {
    Stmt *c = new_stmt(S_COMMCLAUSE, p->tok.pos);
    if (got(p, TK_CASE)) {
        c->u.commclause.comm = parse_simple_stmt(p, NULL, 0);
    } else if (!got(p, TK_DEFAULT)) {
        syntax_error(p, "expected case or default or }");
        ADVANCE(p, TK_COLON, TK_CASE, TK_DEFAULT, TK_RBRACE);
    }
    c->u.commclause.colon = p->tok.pos;
    want(p, TK_COLON);
    c->u.commclause.body = parse_stmt_list(p);
    return c;
}

/* The "{" clause... "}" body of switch and select statements. */
static Stmt *parse_clauses(Parser *p, const char *construct, Stmt *(*clause)(Parser *)) {
    Stmt *b = new_stmt(S_BLOCK, p->tok.pos);
    b->u.block.lbrace = p->tok.pos;
    if (!got(p, TK_LBRACE)) {
        syntax_error(p, gc_sprintf("missing { after %s clause", construct));
        ADVANCE(p, TK_CASE, TK_DEFAULT, TK_RBRACE);
    }
    while (!at(p, TK_EOF) && !at(p, TK_RBRACE)) vec_push(&b->u.block.list, clause(p));
    b->u.block.rbrace = p->tok.pos;
    want(p, TK_RBRACE);
    return b;
}

/* x.(type), or v := x.(type) */
static bool is_type_switch_guard(const Stmt *s) {
    const Expr *x;
    if (s->kind == S_EXPR) {
        x = s->u.expr.x;
    } else if (s->kind == S_ASSIGN && s->u.assign.tok == TK_DEFINE && s->u.assign.lhs.len == 1 &&
               s->u.assign.rhs.len == 1 && s->u.assign.lhs.items[0]->kind == E_IDENT) {
        x = s->u.assign.rhs.items[0];
    } else {
        return false;
    }
    return x->kind == E_TYPEASSERT && x->u.typeassert.type == NULL;
}

/* SwitchStmt = ExprSwitchStmt | TypeSwitchStmt . */
static Stmt *parse_switch(Parser *p) {
    Pos pos = p->tok.pos;
    next(p);
    Stmt *init, *tag;
    parse_header(p, TK_SWITCH, &init, &tag, NULL);
    Stmt *s;
    if (tag && is_type_switch_guard(tag)) {
        s = new_stmt(S_TYPESWITCH, pos);
        s->u.typeswitch.init = init;
        s->u.typeswitch.assign = tag;
        s->u.typeswitch.body = parse_clauses(p, "switch", parse_case_clause);
    } else {
        s = new_stmt(S_SWITCH, pos);
        s->u.switch_.init = init;
        s->u.switch_.tag = header_cond(p, tag);
        s->u.switch_.body = parse_clauses(p, "switch", parse_case_clause);
    }
    return s;
}

/* SelectStmt = "select" "{" { CommClause } "}" . */
static Stmt *parse_select(Parser *p) {
    Stmt *s = new_stmt(S_SELECT, p->tok.pos);
    next(p);
    s->u.select.body = parse_clauses(p, "select", parse_comm_clause);
    return s;
}

/* GoStmt = "go" Expression ; DeferStmt = "defer" Expression .
 * The expression must be a call, and not a parenthesized one. */
static Stmt *parse_call_stmt(Parser *p) {
    TokenKind kw = p->tok.kind;
    Stmt *s = new_stmt(kw == TK_GO ? S_GO : S_DEFER, p->tok.pos);
    next(p);
    Expr *x = parse_primary(p, NULL);
    if (x->kind == E_PAREN) {
        error_at(p, x->pos, gc_sprintf("expression in %s must not be parenthesized", token_spelling(kw)));
        x = unparen(x);
    }
    if (x->kind != E_CALL && x->kind != E_BAD)
        error_at(p, x->pos, gc_sprintf("expression in %s must be function call", token_spelling(kw)));
    s->u.call.call = x;
    return s;
}

/* LabeledStmt = Label ":" Statement . */
static Stmt *parse_labeled(Parser *p, Expr *label) {
    Stmt *s = new_stmt(S_LABELED, label->pos);
    s->u.labeled.label = label->u.ident.name;
    Pos colon = p->tok.pos;
    want(p, TK_COLON);
    if (at(p, TK_RBRACE)) { /* "L: }": the label marks an empty statement */
        s->u.labeled.stmt = new_stmt(S_EMPTY, p->tok.pos);
        return s;
    }
    s->u.labeled.stmt = parse_stmt_or_null(p);
    if (s->u.labeled.stmt) return s;
    syntax_error_at(p, colon, "missing statement after label");
    return NULL;
}

/* Declaration inside a function: const, type or var. */
static Decl *parse_gen_decl(Parser *p, DeclKind kind);

static Stmt *parse_decl_stmt(Parser *p, DeclKind kind) {
    Stmt *s = new_stmt(S_DECL, p->tok.pos);
    s->u.decl.decl = parse_gen_decl(p, kind);
    return s;
}

static Stmt *parse_branch(Parser *p) {
    Stmt *s = new_stmt(S_BRANCH, p->tok.pos);
    TokenKind k = p->tok.kind;
    s->u.branch.tok = k;
    next(p);
    if (k == TK_GOTO || ((k == TK_BREAK || k == TK_CONTINUE) && at(p, TK_IDENT))) {
        s->u.branch.label_pos = p->tok.pos;
        s->u.branch.label = parse_name(p)->u.ident.name;
    }
    return s;
}

/* Statement = Declaration | LabeledStmt | SimpleStmt | GoStmt | ReturnStmt |
 *             BreakStmt | ContinueStmt | GotoStmt | FallthroughStmt | Block |
 *             IfStmt | SwitchStmt | SelectStmt | ForStmt | DeferStmt .
 * Returns NULL when no statement starts at the current token. */
static Stmt *parse_stmt_or_null(Parser *p) {
    if (too_deep(p)) return NULL;
    Stmt *s = NULL;
    p->depth++;
    switch (p->tok.kind) {
    case TK_IDENT: { /* the common case: assignments and calls */
        ExprList lhs = parse_expr_list(p);
        if (lhs.len == 1 && lhs.items[0]->kind == E_IDENT && at(p, TK_COLON))
            s = parse_labeled(p, lhs.items[0]);
        else
            s = parse_simple_stmt(p, &lhs, 0);
        break;
    }
    case TK_VAR: s = parse_decl_stmt(p, D_VAR); break;
    case TK_CONST: s = parse_decl_stmt(p, D_CONST); break;
    case TK_TYPE: s = parse_decl_stmt(p, D_TYPE); break;
    case TK_LBRACE: s = parse_block(p, "block"); break;
    case TK_ADD: case TK_SUB: case TK_MUL: case TK_AND: case TK_XOR: case TK_NOT: /* unary */
    case TK_INT: case TK_FLOAT: case TK_IMAG: case TK_CHAR: case TK_STRING:    /* operands */
    case TK_FUNC: case TK_LPAREN: case TK_LBRACK: case TK_STRUCT: case TK_MAP:  /* types */
    case TK_CHAN: case TK_INTERFACE: case TK_ARROW:
        s = parse_simple_stmt(p, NULL, 0);
        break;
    case TK_FOR: s = parse_for(p); break;
    case TK_SWITCH: s = parse_switch(p); break;
    case TK_SELECT: s = parse_select(p); break;
    case TK_IF: s = parse_if(p); break;
    case TK_FALLTHROUGH: case TK_BREAK: case TK_CONTINUE: case TK_GOTO: s = parse_branch(p); break;
    case TK_GO: case TK_DEFER: s = parse_call_stmt(p); break;
    case TK_RETURN:
        s = new_stmt(S_RETURN, p->tok.pos);
        next(p);
        if (!at(p, TK_SEMICOLON) && !at(p, TK_RBRACE)) s->u.ret.results = parse_expr_list(p);
        break;
    case TK_SEMICOLON: s = new_stmt(S_EMPTY, p->tok.pos); break;
    default: break;
    }
    p->depth--;
    return s;
}

/* StatementList = { Statement ";" } . Empty statements are dropped. */
static StmtList parse_stmt_list(Parser *p) {
    StmtList list = {0};
    while (!at(p, TK_EOF) && !at(p, TK_RBRACE) && !at(p, TK_CASE) && !at(p, TK_DEFAULT)) {
        Stmt *s = parse_stmt_or_null(p);
        if (!s) break;
        if (s->kind != S_EMPTY) vec_push(&list, s);
        if (!got(p, TK_SEMICOLON) && !at(p, TK_RBRACE)) { /* ";" may be omitted before "}" */
            syntax_error(p, "at end of statement");
            ADVANCE(p, TK_SEMICOLON, TK_RBRACE, TK_CASE, TK_DEFAULT);
            got(p, TK_SEMICOLON);
        }
    }
    return list;
}

/* ---------------------------------------------------------------- declarations */

/* The text of the comment group [start, end) without comment markers, as cgo
 * reads a preamble: "//" lines lose the slashes and keep their newline,
 * block comments lose their delimiters. */
static void append_comment_text(StrBuf *b, const char *src, size_t start, size_t end) {
    size_t i = start;
    while (i < end) {
        if (src[i] == '/' && i + 1 < end && src[i + 1] == '/') {
            size_t j = i + 2;
            while (j < end && src[j] != '\n') j++;
            size_t k = j;
            if (k > i + 2 && src[k - 1] == '\r') k--;
            sb_putn(b, src + i + 2, k - (i + 2));
            sb_putc(b, '\n');
            i = j;
        } else if (src[i] == '/' && i + 1 < end && src[i + 1] == '*') {
            size_t j = i + 2;
            while (j + 1 < end && !(src[j] == '*' && src[j + 1] == '/')) j++;
            sb_putn(b, src + i + 2, j - (i + 2));
            i = j + 2;
        } else {
            i++; /* white space between the comments of a group */
        }
    }
}

typedef struct GenDeclCtx {
    Decl *decl;
    int index;                /* of the next spec in the group (iota) */
    bool decl_has_doc;        /* the comment group above the keyword */
    size_t doc_start, doc_end;
} GenDeclCtx;

/* Record the cgo preamble: the doc comment of import "C", or of its import
 * declaration when that holds this one spec only. */
static void note_cgo_preamble(Parser *p, GenDeclCtx *c, bool spec_has_doc, size_t start, size_t end) {
    if (!spec_has_doc && (c->decl->u.gen.grouped || !c->decl_has_doc)) return;
    if (!spec_has_doc) start = c->doc_start, end = c->doc_end;
    StrBuf b;
    sb_init(&b);
    if (p->file->cgo_preamble) sb_puts(&b, p->file->cgo_preamble);
    append_comment_text(&b, p->lx.src, start, end);
    p->file->cgo_preamble = b.data;
}

/* ImportSpec = [ "." | "_" | PackageName ] ImportPath . */
static Spec *parse_import_spec(Parser *p, GenDeclCtx *c) {
    Spec *s = NEW(Spec);
    s->kind = SPEC_IMPORT;
    s->pos = p->tok.pos;
    bool has_doc = p->has_lead && c->decl->u.gen.grouped;
    size_t doc_start = p->lead_start, doc_end = p->lead_end;

    if (at(p, TK_IDENT)) {
        s->u.import.name = parse_name(p);
    } else if (at(p, TK_PERIOD)) {
        s->u.import.name = new_ident(intern_cstr("."), p->tok.pos);
        next(p);
    }
    s->u.import.path_pos = p->tok.pos;
    if (p->tok.kind < TK_INT || p->tok.kind > TK_STRING) {
        syntax_error(p, "missing import path");
        ADVANCE(p, TK_SEMICOLON, TK_RPAREN);
        return s;
    }
    if (p->tok.kind != TK_STRING) syntax_error(p, "import path must be a string");
    s->u.import.path = p->tok.text;
    next(p);

    if (strcmp(s->u.import.path, "\"C\"") == 0 || strcmp(s->u.import.path, "`C`") == 0)
        note_cgo_preamble(p, c, has_doc, doc_start, doc_end);
    vec_push(&p->file->imports, s);
    return s;
}

/* ConstSpec = IdentifierList [ [ Type ] "=" ExpressionList ] . */
static Spec *parse_const_spec(Parser *p, GenDeclCtx *c);
/* VarSpec = IdentifierList ( Type [ "=" ExpressionList ] | "=" ExpressionList ) . */
static Spec *parse_var_spec(Parser *p, GenDeclCtx *c);
/* TypeSpec = identifier [ TypeParameters ] [ "=" ] Type . */
static Spec *parse_type_spec(Parser *p, GenDeclCtx *c);

/* "=", or ":=" by mistake (reported, then treated as "="). */
static bool got_assign(Parser *p) {
    if (at(p, TK_DEFINE)) {
        syntax_error(p, "expected =");
        next(p);
        return true;
    }
    return got(p, TK_ASSIGN);
}

static Spec *new_value_spec(Parser *p) {
    Spec *s = NEW(Spec);
    s->kind = SPEC_VALUE;
    s->pos = p->tok.pos;
    ExprList names = parse_name_list(p, parse_name(p));
    SET_NAMES(s->u.value.names, names);
    return s;
}

static Spec *parse_const_spec(Parser *p, GenDeclCtx *c) {
    Spec *s = new_value_spec(p);
    if (!at(p, TK_EOF) && !at(p, TK_SEMICOLON) && !at(p, TK_RPAREN)) {
        s->u.value.type = parse_type_or_null(p);
        if (got_assign(p)) s->u.value.values = parse_expr_list(p);
    }
    s->u.value.iota = c->index;
    /* "const ( A = iota; B )": B repeats the expressions (and type) of A. */
    s->u.value.implicit = c->index > 0 && s->u.value.values.len == 0 && !s->u.value.type;
    return s;
}

static Spec *parse_var_spec(Parser *p, GenDeclCtx *c) {
    (void)c;
    Spec *s = new_value_spec(p);
    if (got_assign(p)) {
        s->u.value.values = parse_expr_list(p);
    } else {
        s->u.value.type = parse_type(p);
        if (got_assign(p)) s->u.value.values = parse_expr_list(p);
    }
    return s;
}

static bool is_type_elem(const Expr *x) {
    switch (x->kind) {
    case E_ARRAYTYPE: case E_STRUCTTYPE: case E_FUNCTYPE: case E_INTERFACETYPE: case E_MAPTYPE:
    case E_CHANTYPE:
        return true;
    case E_BINARY: return is_type_elem(x->u.binary.x) || is_type_elem(x->u.binary.y);
    case E_UNARY: return x->u.unary.op == TK_TILDE || is_type_elem(x->u.unary.x);
    case E_STAR: case E_PAREN: return is_type_elem(x->u.unary.x);
    default: return false;
    }
}

/* Split "P C", parsed as an expression, into a type parameter name and its
 * constraint when the syntax allows it: P *C, P(C), P *C | D ... The split
 * happens when the constraint is clearly a type, or when force is set.
 * Returns the name (and *constraint, possibly NULL) or NULL. */
static Expr *extract_name(Expr *x, bool force, Expr **constraint) {
    *constraint = NULL;
    switch (x->kind) {
    case E_IDENT: return x;
    case E_BINARY:
        if (x->u.binary.op == TK_MUL && x->u.binary.x->kind == E_IDENT &&
            (force || is_type_elem(x->u.binary.y))) {
            *constraint = new_star(x->u.binary.op_pos, x->u.binary.y); /* P *C */
            return x->u.binary.x;
        }
        if (x->u.binary.op == TK_OR) {
            Expr *lhs;
            Expr *name = extract_name(x->u.binary.x, force || is_type_elem(x->u.binary.y), &lhs);
            if (name && lhs) { /* P C | D */
                Expr *u = new_expr(E_BINARY, lhs->pos);
                u->u.binary = x->u.binary;
                u->u.binary.x = lhs;
                *constraint = u;
                return name;
            }
        }
        return NULL;
    case E_CALL:
        if (x->u.call.fun->kind == E_IDENT && x->u.call.args.len == 1 && !x->u.call.has_ellipsis &&
            (force || is_type_elem(x->u.call.args.items[0]))) {
            *constraint = x->u.call.args.items[0]; /* P (C) */
            return x->u.call.fun;
        }
        return NULL;
    default: return NULL;
    }
}

static Spec *parse_type_spec(Parser *p, GenDeclCtx *c) {
    (void)c;
    Spec *s = NEW(Spec);
    s->kind = SPEC_TYPE;
    s->pos = p->tok.pos;
    s->u.type.name = parse_name(p);

    if (at(p, TK_LBRACK)) {
        /* "type T[" starts an array or slice type, or type parameters. */
        Pos lbrack = p->tok.pos;
        next(p);
        if (at(p, TK_IDENT)) {
            /* Parse what follows as an expression, then see whether it
             * splits into "name constraint": [N]int vs [T any] vs [P *C]. */
            Expr *x = parse_name(p);
            if (!at(p, TK_LBRACK)) {
                p->xnest++;
                x = parse_binary(p, parse_primary(p, x), 0);
                p->xnest--;
            }
            Expr *ptype;
            Expr *pname = extract_name(x, at(p, TK_COMMA), &ptype);
            if (pname && (ptype || !at(p, TK_RBRACK))) {
                s->u.type.tparams = parse_param_list(p, pname, ptype, TK_RBRACK, true);
                s->u.type.alias = got_assign(p);
                s->u.type.type = parse_type_or_null(p);
            } else {
                s->u.type.type = parse_array_type(p, lbrack, x);
            }
        } else if (got(p, TK_RBRACK)) {
            s->u.type.type = parse_slice_type(p, lbrack);
        } else {
            s->u.type.type = parse_array_type(p, lbrack, NULL);
        }
    } else {
        s->u.type.alias = got_assign(p);
        s->u.type.type = parse_type_or_null(p);
    }

    if (!s->u.type.type) {
        s->u.type.type = bad_expr(p);
        syntax_error(p, "in type declaration");
        ADVANCE(p, TK_SEMICOLON, TK_RPAREN);
    }
    return s;
}

static Spec *parse_spec(Parser *p, GenDeclCtx *c) {
    switch (c->decl->kind) {
    case D_IMPORT: return parse_import_spec(p, c);
    case D_CONST: return parse_const_spec(p, c);
    case D_VAR: return parse_var_spec(p, c);
    default: return parse_type_spec(p, c);
    }
}

static bool parse_group_item(Parser *p, void *vctx) {
    GenDeclCtx *c = vctx;
    vec_push(&c->decl->u.gen.specs, parse_spec(p, c));
    c->index++;
    return false;
}

/* GenDecl = keyword ( Spec | "(" { Spec ";" } ")" ) . The keyword is current. */
static Decl *parse_gen_decl(Parser *p, DeclKind kind) {
    Decl *d = NEW(Decl);
    d->kind = kind;
    d->pos = p->tok.pos;
    GenDeclCtx c = {.decl = d, .decl_has_doc = p->has_lead, .doc_start = p->lead_start, .doc_end = p->lead_end};
    next(p); /* the keyword */
    if (at(p, TK_LPAREN)) {
        d->u.gen.grouped = true;
        d->u.gen.lparen = p->tok.pos;
        next(p);
        d->u.gen.rparen = parse_list(p, "grouped declaration", TK_SEMICOLON, TK_RPAREN, parse_group_item, &c);
    } else {
        vec_push(&d->u.gen.specs, parse_spec(p, &c));
    }
    return d;
}

/* Count the receivers of a method: (a, b T) is two. */
static int count_params(const FieldList *l) {
    int n = 0;
    for (int i = 0; i < l->len; i++) n += l->items[i]->names.len > 0 ? l->items[i]->names.len : 1;
    return n;
}

/* FunctionDecl = "func" FunctionName [ TypeParameters ] Signature [ FunctionBody ] .
 * MethodDecl   = "func" Receiver MethodName Signature [ FunctionBody ] .
 * The body may be absent: goi's native functions are declared that way. */
static Decl *parse_func_decl(Parser *p) {
    Decl *d = NEW(Decl);
    d->kind = D_FUNC;
    d->pos = p->tok.pos;
    next(p); /* "func" */

    const char *context = NULL;
    if (got(p, TK_LPAREN)) {
        context = "method";
        FieldList recv = parse_param_list(p, NULL, NULL, TK_RPAREN, false);
        int n = count_params(&recv);
        if (n == 0) {
            error_at(p, p->tok.pos, "method has no receiver");
        } else {
            Field *r = recv.items[0];
            if (n > 1) {
                error_at(p, p->tok.pos, "method has multiple receivers");
                if (r->names.len > 1) r = new_field(r->pos, r->names.items[0], r->type);
            }
            d->u.func.recv = r;
        }
    }

    if (at(p, TK_IDENT)) {
        d->u.func.name = parse_name(p);
        d->u.func.type = parse_signature(p, context, d->pos);
    } else {
        d->u.func.name = new_ident(intern_cstr("_"), p->tok.pos);
        d->u.func.type = new_expr(E_FUNCTYPE, p->tok.pos);
        d->u.func.type->u.functype.func_pos = d->pos;
        syntax_error(p, context ? "expected name" : "expected name or (");
        ADVANCE(p, TK_LBRACE, TK_SEMICOLON);
    }
    if (at(p, TK_LBRACE)) {
        if (p->defer_bodies) skip_func_body(p, d);
        else d->u.func.body = parse_func_body(p);
    }
    return d;
}

/* Skip a function body by matching braces with the scanner, remembering
 * where it starts for parse_deferred_body. The scanner has just returned
 * the "{": it starts one byte before the scanner's offset. */
static void skip_func_body(Parser *p, Decl *d) {
    d->u.func.body_deferred = true;
    d->u.func.body_off = p->lx.off - 1;
    d->u.func.body_pos = p->tok.pos;
    Stmt *body = new_stmt(S_BLOCK, p->tok.pos);
    body->u.block.lbrace = p->tok.pos;
    d->u.func.body = body;
    int depth = 0;
    do {
        if (at(p, TK_LBRACE)) depth++;
        else if (at(p, TK_RBRACE)) depth--;
        else if (at(p, TK_EOF)) return;
        if (depth > 0) next(p);
    } while (depth > 0);
    body->u.block.rbrace = p->tok.pos;
    next(p); /* the closing "}" */
}

/* SourceFile = PackageClause ";" { ImportDecl ";" } { TopLevelDecl ";" } . */
static void parse_source_file(Parser *p) {
    File *f = p->file;
    if (!at(p, TK_PACKAGE)) {
        syntax_error(p, "package statement must be first");
        return;
    }
    next(p);
    f->package_pos = p->tok.pos;
    f->package = parse_name(p)->u.ident.name;
    want(p, TK_SEMICOLON);
    if (p->nerrors > 0) return; /* gc does not go on after a broken package clause */

    TokenKind prev = TK_IMPORT;
    while (!at(p, TK_EOF)) {
        TokenKind k = p->tok.kind;
        if (k == TK_IMPORT && prev != TK_IMPORT) syntax_error(p, "imports must appear before other declarations");
        prev = k;
        switch (k) {
        case TK_IMPORT: vec_push(&f->decls, parse_gen_decl(p, D_IMPORT)); break;
        case TK_CONST: vec_push(&f->decls, parse_gen_decl(p, D_CONST)); break;
        case TK_TYPE: vec_push(&f->decls, parse_gen_decl(p, D_TYPE)); break;
        case TK_VAR: vec_push(&f->decls, parse_gen_decl(p, D_VAR)); break;
        case TK_FUNC: vec_push(&f->decls, parse_func_decl(p)); break;
        default: {
            Decl *last = f->decls.len ? vec_last(&f->decls) : NULL;
            if (k == TK_LBRACE && last && last->kind == D_FUNC && !last->u.func.body)
                syntax_error(p, "unexpected semicolon or newline before {"); /* brace on the next line */
            else
                syntax_error(p, "non-declaration statement outside function body");
            ADVANCE(p, TK_IMPORT, TK_CONST, TK_TYPE, TK_VAR, TK_FUNC);
            continue;
        }
        }
        if (!at(p, TK_EOF) && !got(p, TK_SEMICOLON)) {
            syntax_error(p, "after top level declaration");
            ADVANCE(p, TK_IMPORT, TK_CONST, TK_TYPE, TK_VAR, TK_FUNC);
        }
    }
}

/* ---------------------------------------------------------------- entry points */

/* Could src contain import "C"? (A cheap, conservative test.) */
static bool may_import_c(const char *src, size_t len) {
    return memmem(src, len, "\"C\"", 3) != NULL || memmem(src, len, "`C`", 3) != NULL;
}

static void parser_init(Parser *p, ParseResult *res, const char *filename, const char *src, size_t len) {
    memset(p, 0, sizeof *p);
    memset(res, 0, sizeof *res);
    File *f = NEW(File);
    f->filename = gc_strdup(filename);
    f->src = src;
    f->srclen = len;
    res->file = f;
    p->res = res;
    p->file = f;
    lex_init(&p->lx, f->filename, src, len, on_lex_error, p);
    /* Comments matter only for the cgo preamble; next() steps over them.
     * Without an "import "C"" in sight, the scanner may skip them itself. */
    p->lx.keep_comments = may_import_c(src, len);
    next(p);
}

static int compare_errors(const void *a, const void *b) {
    const SyntaxError *x = a, *y = b;
    if (x->pos.line != y->pos.line) return x->pos.line < y->pos.line ? -1 : 1;
    if (x->pos.col != y->pos.col) return x->pos.col < y->pos.col ? -1 : 1;
    return 0;
}

static void parser_finish(Parser *p) {
    ParseResult *r = p->res;
    /* gc prints errors sorted by position. The scanner runs one token ahead,
     * so its errors may have been recorded out of order; an insertion sort
     * keeps equal positions in the order they were found. */
    for (int i = 1; i < r->errors.len; i++) {
        SyntaxError e = r->errors.items[i];
        int j = i - 1;
        for (; j >= 0 && compare_errors(&r->errors.items[j], &e) > 0; j--) r->errors.items[j + 1] = r->errors.items[j];
        r->errors.items[j + 1] = e;
    }
    r->incomplete = p->nerrors > 0 && !p->error_before_eof;
}

ParseResult parse_file(const char *filename, const char *src, size_t len) {
    ParseResult res;
    Parser p;
    parser_init(&p, &res, filename, src, len);
    parse_source_file(&p);
    parser_finish(&p);
    return res;
}

ParseResult parse_file_deferring_bodies(const char *filename, const char *src, size_t len) {
    ParseResult res;
    Parser p;
    parser_init(&p, &res, filename, src, len);
    p.defer_bodies = true;
    parse_source_file(&p);
    parser_finish(&p);
    return res;
}

Stmt *parse_deferred_body(File *f, Decl *d) {
    if (!d->u.func.body_deferred) return d->u.func.body;
    ParseResult res;
    Parser p;
    parser_init(&p, &res, f->filename, f->src, f->srclen);
    /* restart the scanner at the body's "{" */
    p.lx.off = d->u.func.body_off;
    p.lx.line = d->u.func.body_pos.line;
    p.lx.line_off = d->u.func.body_off - (size_t)(d->u.func.body_pos.col - 1);
    p.lx.insert_semi = false;
    p.lx.keep_comments = false;
    next(&p);
    Stmt *body = parse_func_body(&p);
    parser_finish(&p);
    d->u.func.body = body;
    d->u.func.body_deferred = false;
    return body;
}

/* In the REPL, "func" starts a declaration when a name follows, or a method
 * when "(...)" is followed by a name and "(" or "["; otherwise it starts a
 * function literal (func() { ... }()). Answered on a copy of the scanner. */
static bool repl_func_is_decl(Parser *p) {
    Lexer look = p->lx;
    look.on_error = NULL;
    look.keep_comments = false;
    Token t = lex_next(&look);
    if (t.kind == TK_IDENT) return true;
    if (t.kind != TK_LPAREN) return false;
    for (int depth = 1; depth > 0;) {
        t = lex_next(&look);
        if (t.kind == TK_EOF) return false;
        if (t.kind == TK_LPAREN) depth++;
        else if (t.kind == TK_RPAREN) depth--;
    }
    if (lex_next(&look).kind != TK_IDENT) return false;
    t = lex_next(&look);
    return t.kind == TK_LPAREN || t.kind == TK_LBRACK;
}

static Stmt *decl_stmt(Decl *d) {
    Stmt *s = new_stmt(S_DECL, d->pos);
    s->u.decl.decl = d;
    return s;
}

ParseResult parse_repl_input(const char *filename, const char *src, size_t len, StmtList *out) {
    ParseResult res;
    Parser p;
    parser_init(&p, &res, filename, src, len);
    p.fnest = 1; /* statements are parsed as if inside a function body */
    while (!at(&p, TK_EOF)) {
        Stmt *s;
        if (at(&p, TK_IMPORT)) s = decl_stmt(parse_gen_decl(&p, D_IMPORT));
        else if (at(&p, TK_FUNC) && repl_func_is_decl(&p)) s = decl_stmt(parse_func_decl(&p));
        else s = parse_stmt_or_null(&p);
        if (!s) {
            syntax_error(&p, "expected statement");
            skip_one(&p);
            continue;
        }
        if (s->kind != S_EMPTY) vec_push(out, s);
        if (!at(&p, TK_EOF) && !got(&p, TK_SEMICOLON)) {
            syntax_error(&p, "at end of statement");
            ADVANCE(&p, TK_SEMICOLON);
            got(&p, TK_SEMICOLON);
        }
    }
    parser_finish(&p);
    return res;
}

Expr *parse_expr_string(const char *filename, const char *src, ParseResult *res) {
    ParseResult local;
    if (!res) res = &local;
    Parser p;
    parser_init(&p, res, filename, src, strlen(src));
    p.fnest = 1;
    Expr *e = parse_expr(&p);
    if (at(&p, TK_SEMICOLON) && p.tok.implicit) next(&p);
    if (!at(&p, TK_EOF)) syntax_error(&p, "after expression");
    parser_finish(&p);
    return e;
}

void parse_report_errors(const ParseResult *res, int max) {
    const File *f = res->file;
    if (f && f->src) diag_set_source(f->filename, f->src, f->srclen);
    int n = res->errors.len < max ? res->errors.len : max;
    for (int i = 0; i < n; i++) {
        const SyntaxError *e = &res->errors.items[i];
        diag_print(e->pos.file ? e->pos.file : f->filename, e->pos.line, e->pos.col, e->msg);
    }
    /* gc stops at its tenth error with "too many errors". */
    if (n > 0 && (res->errors.len > max || (max >= 10 && res->errors.len == max))) {
        const SyntaxError *e = &res->errors.items[n - 1];
        fprintf(stderr, "%s:%d:%d: too many errors\n", e->pos.file ? e->pos.file : f->filename,
                e->pos.line, e->pos.col);
    }
}
