/* parser.h - the Go abstract syntax tree and the parser interface.
 *
 * The tree follows go/ast closely, so anyone who knows Go's own tooling can
 * find their way. Nodes are allocated from the collector and never freed by
 * hand. The parser accepts the full Go syntax of a file (generics included:
 * the checker, not the parser, says what goi does not support).
 *
 * Fields marked "checker" are filled in by compiler/ after parsing; the
 * parser leaves them zero.
 */
#ifndef GOI_PARSER_H
#define GOI_PARSER_H

#include "../common/common.h"
#include "../lexer/lexer.h"

typedef struct Expr Expr;
typedef struct Stmt Stmt;
typedef struct Decl Decl;
typedef struct Field Field;
typedef struct Spec Spec;
typedef struct Type Type;     /* compiler: a Go type */
typedef struct Object Object; /* compiler: what an identifier denotes */
typedef struct ConstVal ConstVal;

typedef Vec(Expr *) ExprList;
typedef Vec(Stmt *) StmtList;
typedef Vec(Field *) FieldList;
typedef Vec(Spec *) SpecList;
typedef Vec(Decl *) DeclList;

/* ---------------------------------------------------------------- expressions */

typedef enum {
    E_BAD,
    E_IDENT,         /* name */
    E_BASICLIT,      /* lit: 42, 1.5, 'a', "s", 2i */
    E_COMPOSITELIT,  /* composite: T{elts} */
    E_FUNCLIT,       /* funclit: func(...) {...} */
    E_PAREN,         /* unary.x: (x) */
    E_SELECTOR,      /* selector: x.sel */
    E_INDEX,         /* index: x[i]; x[i, j] for generic instantiation */
    E_SLICE,         /* slice: x[lo:hi] and x[lo:hi:max] */
    E_TYPEASSERT,    /* typeassert: x.(T); x.(type) when type is NULL */
    E_CALL,          /* call: f(args), f(args...) */
    E_STAR,          /* unary.x: *x (dereference or pointer type) */
    E_UNARY,         /* unary: op x  (+ - ! ^ & <-) */
    E_BINARY,        /* binary: x op y */
    E_KEYVALUE,      /* binary.x/y: key: value, inside composite literals */
    /* types */
    E_ARRAYTYPE,     /* arraytype: [len]elt, []elt (len NULL), [...]elt (len is E_ELLIPSIS) */
    E_STRUCTTYPE,    /* structtype */
    E_FUNCTYPE,      /* functype */
    E_INTERFACETYPE, /* interfacetype */
    E_MAPTYPE,       /* maptype */
    E_CHANTYPE,      /* chantype */
    E_ELLIPSIS,      /* ellipsis: ...elt in a parameter list; elt NULL in [...]T */
} ExprKind;

typedef enum { CHAN_BOTH = 3, CHAN_SEND = 1, CHAN_RECV = 2 } ChanDir;

/* A parameter, result, struct field or interface method.
 * names empty: an anonymous parameter, an embedded field, or an embedded
 * interface. For interface methods, type is an E_FUNCTYPE. */
struct Field {
    Pos pos;
    Vec(Expr *) names; /* E_IDENT nodes */
    Expr *type;
    const char *tag;   /* struct tag source text or NULL */
    bool embedded;     /* struct field without a name */
};

typedef struct FuncTypeNode {
    Pos func_pos;       /* position of "func" or of the parameter list */
    FieldList tparams;  /* type parameters (unsupported by goi, but parsed) */
    FieldList params;
    FieldList results;
    bool has_results_parens;
} FuncTypeNode;

/* Classification by the checker of what an expression denotes. */
typedef enum {
    MODE_INVALID = 0,
    MODE_NOVALUE,  /* call of a function without results */
    MODE_BUILTIN,  /* a built-in function name (len, append, ...) */
    MODE_TYPE,     /* a type */
    MODE_CONST,    /* a constant: cv holds its value */
    MODE_VAR,      /* an addressable variable */
    MODE_MAPINDEX, /* m[k]: assignable, not addressable, comma-ok capable */
    MODE_VALUE,    /* any other value */
    MODE_COMMAOK,  /* value that may be used in a comma-ok assignment (x.(T), <-ch) */
    MODE_PACKAGE,  /* an imported package name */
} ExprMode;

struct Expr {
    ExprKind kind;
    Pos pos; /* position of the first token (for E_BINARY: the start of the left operand;
              * binary.op_pos is the operator, where gc reports operand errors) */
    /* checker annotations */
    ExprMode mode;
    Type *type;       /* the expression's type (after conversion of untyped constants) */
    ConstVal *cv;     /* constant value when mode == MODE_CONST */
    Object *obj;      /* for E_IDENT / package-qualified E_SELECTOR: the denoted object */
    void *aux;        /* checker scratch (e.g. the resolved selection of an E_SELECTOR) */
    union {
        struct { const char *name; } ident; /* interned */
        struct { TokenKind kind; const char *text; size_t len; } lit;
        struct {
            Expr *type; /* NULL when elided inside another composite literal */
            ExprList elts;
            Pos lbrace, rbrace;
        } composite;
        struct { Expr *type; /* E_FUNCTYPE */ Stmt *body; } funclit;
        struct { Expr *x; const char *sel; Pos sel_pos; } selector;
        struct { Expr *x; ExprList indices; Pos lbrack, rbrack; } index;
        struct { Expr *x; Expr *lo, *hi, *max; bool slice3; Pos lbrack, rbrack; } slice;
        struct { Expr *x; Expr *type; Pos lparen; } typeassert;
        struct { Expr *fun; ExprList args; bool has_ellipsis; Pos lparen, ellipsis, rparen; } call;
        struct { TokenKind op; Expr *x; } unary; /* E_UNARY, E_STAR, E_PAREN */
        struct { TokenKind op; Expr *x, *y; Pos op_pos; } binary; /* E_BINARY, E_KEYVALUE */
        struct { Expr *len; Expr *elt; } arraytype;
        struct { FieldList fields; } structtype;
        FuncTypeNode functype;
        struct { FieldList methods; } interfacetype; /* also embedded types and type unions (as type exprs) */
        struct { Expr *key, *value; } maptype;
        struct { ChanDir dir; Expr *value; Pos arrow; } chantype;
        struct { Expr *elt; } ellipsis;
    } u;
};

/* ---------------------------------------------------------------- statements */

typedef enum {
    S_BAD,
    S_DECL,       /* decl: const/var/type inside a function */
    S_EMPTY,
    S_LABELED,    /* labeled */
    S_EXPR,       /* expr */
    S_SEND,       /* send: ch <- v */
    S_INCDEC,     /* incdec: x++ x-- */
    S_ASSIGN,     /* assign: = := op= */
    S_GO,         /* call: go f() */
    S_DEFER,      /* call: defer f() */
    S_RETURN,     /* ret */
    S_BRANCH,     /* branch: break continue goto fallthrough */
    S_BLOCK,      /* block */
    S_IF,         /* if_ */
    S_CASECLAUSE, /* caseclause: in switch and type switch bodies */
    S_SWITCH,     /* switch_ */
    S_TYPESWITCH, /* typeswitch */
    S_COMMCLAUSE, /* commclause: in select bodies */
    S_SELECT,     /* select */
    S_FOR,        /* for_ */
    S_RANGE,      /* range */
} StmtKind;

struct Stmt {
    StmtKind kind;
    Pos pos;
    union {
        struct { Decl *decl; } decl;
        struct { const char *label; Stmt *stmt; } labeled;
        struct { Expr *x; } expr;
        struct { Expr *chan, *value; Pos arrow; } send;
        struct { Expr *x; TokenKind tok; Pos tok_pos; } incdec;
        struct { ExprList lhs; TokenKind tok; ExprList rhs; Pos tok_pos; } assign;
        struct { Expr *call; } call;
        struct { ExprList results; } ret;
        struct { TokenKind tok; const char *label; Pos label_pos; } branch;
        struct { StmtList list; Pos lbrace, rbrace; } block;
        struct { Stmt *init; Expr *cond; Stmt *body; Stmt *else_; } if_;
        struct {
            ExprList list; /* empty for default */
            bool is_default;
            StmtList body;
            Pos colon;
        } caseclause;
        struct { Stmt *init; Expr *tag; Stmt *body; /* S_BLOCK of S_CASECLAUSE */ } switch_;
        struct {
            Stmt *init;
            Stmt *assign; /* S_ASSIGN (x := y.(type)) or S_EXPR (y.(type)) */
            Stmt *body;
        } typeswitch;
        struct {
            Stmt *comm; /* S_SEND, S_EXPR (<-ch), S_ASSIGN (v[, ok] = / := <-ch); NULL for default */
            StmtList body;
            Pos colon;
        } commclause;
        struct { Stmt *body; /* S_BLOCK of S_COMMCLAUSE */ } select;
        struct { Stmt *init; Expr *cond; Stmt *post; Stmt *body; } for_;
        struct {
            Expr *key, *value; /* either may be NULL */
            TokenKind tok;     /* TK_DEFINE, TK_ASSIGN, or TK_ILLEGAL when no variables */
            Expr *x;
            Stmt *body;
            Pos tok_pos;
        } range;
    } u;
    void *aux; /* checker scratch (e.g. the scope of a block, the target of a branch) */
};

/* ---------------------------------------------------------------- declarations */

typedef enum { SPEC_IMPORT, SPEC_VALUE, SPEC_TYPE } SpecKind;

struct Spec {
    SpecKind kind;
    Pos pos;
    union {
        struct { Expr *name; /* NULL, or E_IDENT ("." and "_" too) */ const char *path; Pos path_pos; bool used; } import;
        struct {
            Vec(Expr *) names; /* E_IDENT */
            Expr *type;        /* may be NULL */
            ExprList values;   /* may be empty */
            int iota;          /* index of the spec in its const group */
            bool implicit;     /* const spec repeating the previous expression list */
        } value;
        struct {
            Expr *name;        /* E_IDENT */
            FieldList tparams; /* type parameters, unsupported */
            bool alias;        /* type A = B */
            Expr *type;
        } type;
    } u;
};

typedef enum { D_BAD, D_IMPORT, D_CONST, D_VAR, D_TYPE, D_FUNC } DeclKind;

struct Decl {
    DeclKind kind;
    Pos pos;
    union {
        struct { SpecList specs; bool grouped; Pos lparen, rparen; } gen; /* import/const/var/type */
        struct {
            Field *recv;   /* NULL for functions */
            Expr *name;    /* E_IDENT */
            Expr *type;    /* E_FUNCTYPE */
            Stmt *body;    /* S_BLOCK, NULL for a body-less declaration */
            Object *obj;   /* checker */
            /* parse_file_deferring_bodies: the body is an empty S_BLOCK
             * until parse_deferred_body parses it from here */
            bool body_deferred;
            size_t body_off;
            Pos body_pos;
        } func;
    } u;
};

typedef struct File {
    const char *filename;
    const char *src;
    size_t srclen;
    const char *package; /* interned */
    Pos package_pos;
    SpecList imports;    /* every import spec, in order (also found in decls) */
    DeclList decls;
    const char *cgo_preamble; /* comment text immediately above import "C", or NULL */
} File;

/* ---------------------------------------------------------------- parser API */

/* One syntax error. Messages follow gc's wording:
 *   "syntax error: unexpected newline, expected comma or )" */
typedef struct SyntaxError {
    Pos pos;
    const char *msg;
} SyntaxError;

typedef struct ParseResult {
    File *file;          /* never NULL; may be partial when errors exist */
    Vec(SyntaxError) errors;
    /* The input ended in the middle of a construct (open brace, parenthesis,
     * raw string, trailing operator...). The REPL uses this to ask for more
     * input instead of reporting an error. */
    bool incomplete;
} ParseResult;

/* Parse a whole source file. */
ParseResult parse_file(const char *filename, const char *src, size_t len);

/* The same, but function bodies are only skipped (brace-matched by the
 * scanner) and parsed later, when needed, by parse_deferred_body: the
 * standard packages are parsed this way, so a program pays for the bodies
 * it calls. src must stay alive. */
ParseResult parse_file_deferring_bodies(const char *filename, const char *src, size_t len);
/* Parse the deferred body of d (from a file parsed as above) into d->u.func.body. */
Stmt *parse_deferred_body(File *f, Decl *d);

/* REPL entry: parse a sequence of top-level declarations and/or statements
 * (no package clause needed). Each element of *out is either a Decl (stored
 * in a S_DECL statement whose decl may also be a D_FUNC or D_IMPORT) or a
 * statement. */
ParseResult parse_repl_input(const char *filename, const char *src, size_t len, StmtList *out);

/* Parse a single expression (tests, `:type EXPR`). */
Expr *parse_expr_string(const char *filename, const char *src, ParseResult *res);

/* Print errors "file:line:col: msg" with a caret, up to max (gc prints 10). */
void parse_report_errors(const ParseResult *res, int max);

/* Debug/test aid: an S-expression rendering of a tree, e.g.
 *   (binary + (ident a) (binary * (ident b) (lit 2))) */
char *ast_dump_expr(const Expr *e);
char *ast_dump_stmt(const Stmt *s);
char *ast_dump_file(const File *f);

/* The Go source form of an expression, as gc prints it in messages:
 * "x + y", "[]int", "T{…}", "func(x int) {…}". */
char *ast_expr_string(const Expr *e);

/* Constructors used by the parser and by the compiler's desugaring. */
Expr *ast_new_expr(ExprKind k, Pos pos);
Stmt *ast_new_stmt(StmtKind k, Pos pos);
Expr *ast_ident(const char *name, Pos pos);

#endif
