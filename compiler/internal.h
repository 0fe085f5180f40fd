/* internal.h - what the checker and the code generator share.
 *
 * The checker (check_*.c) walks the AST, resolves every identifier to an
 * Object, gives every expression its type and mode (parser.h annotations),
 * and records facts the code generator needs: which variables escape into
 * heap boxes, which outer variables a function literal captures, how a
 * selector reaches its field or method. The generator (gen_*.c) then emits
 * bytecode from the annotated tree without re-deriving any of it.
 */
#ifndef GOI_COMPILER_INTERNAL_H
#define GOI_COMPILER_INTERNAL_H

#include "../stdlib/stdlib.h"
#include "compiler.h"
#include "constant.h"

typedef struct Scope Scope;
typedef struct Package Package;
typedef struct FuncCtx FuncCtx;
typedef Vec(Object *) ObjList;

typedef enum {
    OBJ_BAD,
    OBJ_VAR,
    OBJ_CONST,
    OBJ_TYPE,
    OBJ_FUNC,
    OBJ_PKG,
    OBJ_BUILTIN,
    OBJ_NIL,
    OBJ_LABEL,
} ObjKind;

typedef enum {
    BI_APPEND, BI_CAP, BI_CLEAR, BI_CLOSE, BI_COMPLEX, BI_COPY, BI_DELETE, BI_IMAG, BI_LEN,
    BI_MAKE, BI_MAX, BI_MIN, BI_NEW, BI_PANIC, BI_PRINT, BI_PRINTLN, BI_REAL, BI_RECOVER,
    /* unsafe */
    BI_SIZEOF,
    BI__COUNT
} BuiltinId;

struct Object {
    ObjKind kind;
    const char *name; /* interned */
    Type *type;
    Pos pos;
    Package *pkg;

    /* package-level objects are resolved lazily, in dependency order */
    uint8_t color;    /* 0 unresolved, 1 resolving (cycle check), 2 done */
    Decl *decl;       /* D_FUNC, or the D_CONST/D_VAR/D_TYPE declaration */
    Spec *spec;
    int index;        /* position of the name within its spec */

    /* variables */
    bool used;
    bool is_global;
    bool is_param;
    bool is_result;
    bool addressed;   /* &x, or an implicit address (pointer method call, slicing an array) */
    bool captured;    /* used by a nested function literal */
    bool big;         /* too large for registers */
    FuncCtx *owner;   /* function declaring a local */
    const char *spelled; /* the type as written when it names byte or rune ("[]byte"), else NULL */
    int reg;          /* code generator: first register of a local (-1 none) */
    Value *storage;   /* globals: their slots */
    ObjList deps; /* package-level: objects its initializer/body refers to */

    /* constants */
    ConstVal *cv;
    int iota;

    /* functions and methods */
    Func *fn;
    FuncCtx *fctx;
    Type *recv_base;  /* methods: the named receiver type T */
    bool ptr_recv;    /* methods: declared on *T */
    const NativeDef *native;

    /* imported packages */
    Package *imported;
    Spec *import_spec;

    BuiltinId builtin;
    Stmt *label;      /* OBJ_LABEL: the labeled statement */
    bool alias;       /* OBJ_TYPE: declared with `type A = B` */
};

static inline bool obj_boxed(const Object *o) {
    return o->kind == OBJ_VAR && !o->is_global && (o->addressed || o->captured || o->big);
}

/* ----------------------------------------------------------------- scopes */

struct Scope {
    Scope *parent;
    Vec(Object *) objs;
    bool is_func;   /* the outermost scope of a function (parameters) */
    bool is_pkg;
    bool is_universe;
    /* A scope of many names also has a hash index of them (check.c), so
     * that thousands of declarations do not take quadratic time. */
    int *index;     /* open addressing: position in objs + 1, 0 for empty */
    int index_cap;  /* a power of two, or 0 */
    int nindexed;   /* objs[0..nindexed) are in the index */
};

Scope *scope_new(Scope *parent);
Object *scope_lookup_local(Scope *s, const char *name);
Object *scope_lookup(Scope *s, const char *name); /* walks parents */
/* Insert; returns the previous object of that name in s, or NULL. */
Object *scope_insert(Scope *s, Object *o);
/* Remove the object named name from s (REPL redefinitions); returns it or NULL. */
Object *scope_remove(Scope *s, const char *name);
/* Remove every object of s (to put back a REPL snapshot with scope_insert). */
void scope_clear(Scope *s);

/* Duplicates (map literal keys, switch cases, array literal indices) are
 * found in linear time with a hash set: the caller gives each item's hash
 * and, unless equal hashes mean equal items, an equality. */
typedef struct DupSet {
    uint64_t *hashes;
    void **items;
    int len, cap;
} DupSet;
/* Add item unless an equal one is there: returns that one, or NULL after adding. */
void *dupset_add(DupSet *s, uint64_t hash, void *item, bool (*equal)(void *a, void *b));
/* The item equal to item, or NULL. */
void *dupset_find(const DupSet *s, uint64_t hash, void *item, bool (*equal)(void *a, void *b));
/* A hash of a constant: equal values of the same kind hash alike. */
uint64_t const_hash(const ConstVal *v);
/* Constant expressions a and b (Expr *) have the same type and value. */
bool same_constant(void *a, void *b);

/* --------------------------------------------------------------- packages */

struct Package {
    const char *path;
    const char *name;
    Scope *scope;
    File *file;
    const StdPackage *std;
    bool cgo;                 /* package C (import "C"): every name exported, C.x is _C_x */
    bool cgo_failed;          /* package C of a preamble with errors: members are silently invalid */
    bool is_main;
    bool checked;
    bool generated;
    ObjList objs;             /* package-level objects, declaration order */
    ObjList funcs;            /* functions and methods with bodies or natives */
    ObjList inits;            /* init() functions, in order */
    ObjList var_order;        /* global variables in initialization order */
    Vec(Type *) named;        /* named types declared here (for method tables) */
    Vec(Spec *) imports;
};

/* What the checker keeps about a named type (Type.checker). */
typedef struct NamedInfo {
    Object *obj;              /* the declaring type object */
    ObjList methods;          /* declared methods, value and pointer receivers */
    bool tables_done;         /* run-time method tables built */
    Vec(Type *) waiters;      /* named types declared as this one, waiting for its underlying type */
    int indirections;         /* Session.type_indirections when its resolution started */
} NamedInfo;

/* How a selector x.f reaches its target. */
typedef enum {
    SEL_FIELD,        /* struct field (maybe through embedded fields) */
    SEL_METHOD,       /* concrete method (static call or method value) */
    SEL_IFACE_METHOD, /* method of an interface value */
    SEL_QUALIFIED,    /* pkg.Name: the Expr's obj says what */
    SEL_METHOD_EXPR,  /* T.M or (*T).M: a function taking the receiver first */
} SelKind;

typedef struct SelStep {
    int field;      /* index into the struct's fields */
    bool deref;     /* the value before this step is a pointer: dereference it */
} SelStep;

typedef struct Selection {
    SelKind kind;
    Type *base;       /* type of x */
    int nsteps;       /* embedded steps (and, for SEL_FIELD, the final field) */
    SelStep *steps;
    Object *method;   /* SEL_METHOD / SEL_METHOD_EXPR: the declared method */
    Type *recv;       /* type the method's receiver needs after the steps (T or *T) */
    bool addr_recv;   /* take the address of the (addressable) receiver */
    bool deref_recv;  /* dereference a pointer receiver to call a value method */
    int imethod;      /* SEL_IFACE_METHOD: index in the interface's sorted methods */
    Type *iface;      /* SEL_IFACE_METHOD: the interface type */
} Selection;

/* --------------------------------------------------------------- functions */

/* A variable captured by a function literal: where its box pointer comes
 * from in the enclosing function. */
typedef struct Upval {
    Object *obj;
    bool from_local; /* enclosing function's register (else its upvalue #index) */
    int index;
} Upval;

struct FuncCtx {
    FuncCtx *parent;        /* enclosing function (literals) */
    Object *obj;            /* declared function or method; NULL for literals */
    Expr *lit;              /* E_FUNCLIT */
    Type *sig;              /* receiver included as first parameter for methods */
    Field *recv;
    FuncTypeNode *ftype;
    Stmt *body;
    const char *name;       /* traceback name: main.f, main.(*T).M, main.f.func1 */
    int nlits;              /* function literals named so far */
    ObjList params;         /* receiver first */
    ObjList results;        /* named or synthesized result variables */
    bool named_results;
    Vec(Upval) upvals;
    bool has_defer;
    bool has_recover;
    Scope *label_scope;
    Func *fn;               /* generated code */
    Package *pkg;
    Scope *scope;           /* parameters and results */
    Session *lazy_session;  /* set while the body waits to be checked on first call */
    ObjList locals;         /* every local variable, for "declared and not used" */
    ObjList labels;
};

/* --------------------------------------------------------------- session */

typedef struct CompileError {
    Pos pos;
    const char *msg;
    bool soft; /* "declared and not used" style (reported like the others, as gc does) */
} CompileError;

struct Session {
    CompileOptions opts;
    const char *main_file;
    Scope *universe;
    Vec(Package *) packages;
    Vec(Package *) init_order; /* packages as they finished checking (imports first) */
    Package *main;
    Vec(CompileError) errors;
    DupSet error_lines;     /* the errors by line and message (session_add_error) */
    Vec(Func *) funcs;      /* every generated function */
    Object *builtin_objs[BI__COUNT];
    Object *obj_nil, *obj_true, *obj_false, *obj_iota;
    Type *t_runtime_error;  /* runtime.Error */
    bool reported_too_deep; /* nested_too_deeply reported it */
    Vec(Object *) resolving; /* package-level objects being resolved, outermost first (alias cycles) */
    int type_indirections;   /* pointer, slice, map, chan and func types being checked (type cycles) */
};

/* The checker's working state for one package. */
typedef struct Checker {
    Session *s;
    Package *pkg;
    Scope *scope;           /* current scope */
    FuncCtx *fn;            /* current function (NULL at package level) */
    Object *decl_obj;       /* package-level object being resolved (dependency recording) */
    int iota;               /* current iota or -1 */
    ConstVal *iota_cv;
    StmtList breakables;    /* enclosing for/switch/select (for break/continue checks) */
    int in_defer_or_go;
    Scope *repl_scope;      /* REPL: declarations in this scope become package-level (persist) */
    Expr *op_assign;        /* x op= y, being checked as the binary expression x op y (messages show op=) */
    Type *waits_for;        /* a type declaration needs this named type's underlying type (declare_underlying) */
} Checker;

/* ---- errors ---- */
void errorf(Checker *c, Pos pos, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void soft_errorf(Checker *c, Pos pos, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void session_add_error(Session *s, Pos pos, const char *msg, bool soft);
/* Is the C stack nearly used up (stack_exhausted)? Then report, once, that
 * the program at pos nests too deeply, and the caller gives up there. */
bool nested_too_deeply(Checker *c, Pos pos);

/* ---- packages (check.c) ---- */
Package *new_package(Session *s, const char *path, File *file);
void collect_import(Checker *c, Spec *sp);
void collect_decl(Checker *c, Decl *d);
void declare_method(Checker *c, Object *m);
bool can_wait_for(Checker *c, Type *t);
void note_dot_import_use(Checker *c, Object *o);
/* "(missing method M)", "(method M has pointer receiver)", "(wrong type for method M)..." */
const char *missing_method_cause(Checker *c, Type *t, Type *iface, const char *name, bool ptr, bool wrong);
void assign_global_storage(Package *pkg);
Func *generate_packages(Session *s, Package *skip);
int session_report_errors(Session *s);
Package *load_package(Session *s, const char *path, Pos pos, Checker *importer);
/* pkg.name seen from another package (po is the package's OBJ_PKG), or NULL after an error. */
Object *package_member(Checker *c, Object *po, const char *name, Pos pos);
/* A pointer to C memory (a type of package C behind pointers): never dereferenced. */
bool is_cgo_pointer(const Type *t);
void check_package(Session *s, Package *pkg);
void resolve_object(Checker *c, Object *o);
Object *new_object(ObjKind kind, const char *name, Type *type, Pos pos);
void declare(Checker *c, Scope *s, Object *o);
void record_use(Checker *c, Object *o);

/* ---- types (check_type.c) ---- */
Type *check_type_expr(Checker *c, Expr *e);
Type *check_func_type(Checker *c, FuncTypeNode *ft, Field *recv, FuncCtx *fc, Scope *scope);
bool identical(Type *a, Type *b);
bool assignable(Checker *c, Type *v, Type *t, const char **reason);
bool convertible(Type *v, Type *t);
Type *default_type(Type *t);
bool is_named(const Type *t);
/* Find field or method name in type t (with embedding). */
typedef enum { LOOKUP_NONE, LOOKUP_FIELD, LOOKUP_METHOD, LOOKUP_AMBIGUOUS } LookupKind;
LookupKind lookup_field_or_method(Type *t, const char *name, Selection *sel, StructField **field,
                                  Object **method, bool *indirect);
/* Method sets: all declared methods of named type t (value and pointer receivers). */
ObjList *methods_of(Type *named);
void add_method(Type *named, Object *m);
bool implements(Checker *c, Type *t, Type *iface, const char **missing, bool *ptr_recv, bool *wrong_sig);
const char *type_str(Type *t); /* for messages: like type_string, but "untyped int" etc. */
/* How type expression te (of type t) spells t in messages, when it uses the
 * names byte or rune (gc keeps those apart from uint8 and int32); else NULL. */
const char *alias_spelling(Expr *te, Type *t);
/* The type of operand e as gc prints it: byte for a string's element, the
 * declared spelling of a variable's type, else type_str. */
const char *operand_type_str(Expr *e);
void complete_method_tables(Session *s, Package *pkg);

/* ---- expressions (check_expr.c, check_call.c) ---- */
void check_expr(Checker *c, Expr *e, Type *hint);
void check_expr_or_type(Checker *c, Expr *e);
void check_multi(Checker *c, Expr *e); /* allows tuple results */
void check_expr_or_tuple(Checker *c, Expr *e, Type *hint); /* check_multi with a type hint */
void check_call(Checker *c, Expr *e, Type *hint);
const char *types_summary(Expr **args, int n); /* "(int, number)" for have/want notes */
/* Convert an (untyped) expression to type t for assignment; reports
 * "cannot use x (...) as T value in <context>". Returns false on error. */
bool assign_to(Checker *c, Expr *e, Type *t, const char *context);
bool assign_to_spelled(Checker *c, Expr *e, Type *t, const char *spelled, const char *context);
void convert_untyped(Checker *c, Expr *e, Type *target);
void use_default_type(Checker *c, Expr *e);
/* The same where the value is assigned (context: "assignment", "variable
 * declaration", ...), which words errors as assign_to does. */
bool use_default_type_in(Checker *c, Expr *e, const char *context);
/* Is e a value (not a type, package, built-in or no-value call)? Reports if not. */
bool check_value(Checker *c, Expr *e);
const char *expr_str(Expr *e);         /* source-like rendering for messages */
const char *operand_str(Checker *c, Expr *e); /* "x (variable of type int)" */
bool is_addressable(Expr *e);
void mark_addressed(Checker *c, Expr *e);
Selection *expr_selection(Expr *e);

/* ---- statements (check_stmt.c) ---- */
void check_func_body(Checker *c, FuncCtx *fc);
void check_stmt(Checker *c, Stmt *s);
bool is_terminating(Stmt *s, const char *label);
void assignment_mismatch(Checker *c, int nvars, ExprList *rhs);
void check_single_value(Checker *c, Expr *e, Type *hint, ExprList *rhs);

/* ---- code generation (gen_*.c) ---- */
Func *gen_function(Session *s, FuncCtx *fc);
Func *gen_package_init(Session *s, Package *pkg);
Func *package_init_func(Session *s, Package *pkg, int i);
/* Build the run-time method tables (iface-entry wrappers) of named type t. */
void gen_method_tables(Session *s, Type *t);
Func *new_func(Session *s, const char *name, const char *file, int line);

/* runtime.Error's type, used by panics raised by instructions. */
Type *runtime_error_type(Session *s);

#endif
