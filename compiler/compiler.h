/* compiler.h - the type checker and bytecode compiler.
 *
 * compile_program checks a whole `package main` file (and, on import, the
 * standard packages it uses) and generates bytecode. Every compile error is
 * reported before anything runs, Go style: "file:line:col: message", sorted
 * by position, at most 10, with the source line and a caret.
 *
 * A Session keeps the universe, the loaded packages and the main package's
 * scope alive between compilations, so the REPL can compile one declaration
 * or statement at a time into a persistent scope.
 */
#ifndef GOI_COMPILER_H
#define GOI_COMPILER_H

#include "../parser/parser.h"
#include "../vm/vm.h"

typedef struct Session Session;

typedef struct CompileOptions {
    bool repl;            /* top-level "declared and not used" does not apply */
    int max_errors;       /* default 10 */
    bool print_errors;    /* print to stderr (default true) */
    bool eager_std;       /* check and compile every standard-library function up front (tests) */
} CompileOptions;

Session *session_new(const char *main_filename, CompileOptions opts);

/* Compile a whole source file. Returns NULL after printing errors. */
Program *compile_program(Session *s, const char *src, size_t len);

/* Errors of the last compilation (for tests): "line:col: message" strings. */
int session_error_count(const Session *s);
const char *session_error(const Session *s, int i);

/* REPL: compile an input (parsed with parse_repl_input) into the session.
 * Declarations join the session's main package (replacing earlier ones of
 * the same name); the statements become a function. out->init, if not NULL,
 * must run first: it initialises the packages the input imported and the
 * variables it declared. out->run runs the statements (NULL if none); when
 * the input ends with an expression, its value is run's result and
 * out->echo its type (a tuple type for several values). Returns false
 * after printing errors; the session then stays as it was. Safe while
 * goroutines run. */
typedef struct ReplCode {
    Func *init;
    Func *run;
    Type *echo;
} ReplCode;
bool session_compile_repl(Session *s, StmtList *input, ReplCode *out);

/* The type of an expression in the session's scope (`:type EXPR`). */
Type *session_type_of(Session *s, Expr *e);

/* Names visible in the session's scope and package members, for completion. */
int session_complete(Session *s, const char *prefix, const char ***out);

/* The session's function called name (`:dis NAME`; "T.M" for a method), or NULL. */
Func *session_func(Session *s, const char *name);

/* Disassemble every function of a program (`goi dis`). */
void program_disassemble(const Program *p, FILE *out);

#endif
