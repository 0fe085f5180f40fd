/* repl.c - goi's interactive REPL: `goi` with no arguments, or `goi repl`.
 *
 * A student types Go a line at a time. Each complete input (the parser
 * says when an open brace, parenthesis, raw string or trailing operator
 * needs more lines) is compiled into one persistent session
 * (compiler/repl.c) and run; a final expression's value is printed.
 *
 * THREADS. This file runs on the process's main thread, which reads and
 * compiles but never runs Go code: every statement runs as a goroutine on
 * the scheduler's threads while this thread waits (runtime/repl.c), and
 * goroutines started with `go` keep running while the next line is typed.
 * Printing a value runs as a goroutine too, since String and Error methods
 * are Go code.
 *
 * INPUT. On a terminal with readline: readline's callback interface in a
 * poll loop over standard input and a wake-up pipe, so that while a line
 * is being edited this thread can also print what goroutines write (the
 * runtime hands it over through rt_set_output_hook; it appears above the
 * prompt, the line being typed is redrawn below it) and notice Ctrl-C.
 * History lives in ~/.goi_history. Without a terminal (`goi < script`,
 * `echo ... | goi`) lines are read unbuffered - a statement such as
 * fmt.Scan can read the lines after it - with no prompt, no colour and no
 * readline; errors are still reported, and the exit status is 1 if any
 * input failed (compile error, panic, deadlock), else 0.
 *
 * OUTPUT. Values and the REPL's own messages go through the runtime's
 * writers, so they stay in order with what the program printed.
 */
#include "repl.h"

#include "../../compiler/compiler.h"
#include "../../runtime/runtime.h"
#include "../../stdlib/stdlib.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#ifdef GOI_HAVE_READLINE
#include <readline/history.h>
#include <readline/readline.h>
#endif

#define HISTORY_MAX 1000
#define PENDING_OUTPUT_MAX (1 << 20) /* goroutine output held while a line is edited */

typedef struct Repl {
    Session *s;
    bool tty;                   /* interactive: prompts, colours, Ctrl-C */
    bool readline;              /* ... and line editing */
    bool color;
    int ninputs;                /* inputs compiled so far; in[N] names the Nth */
    Vec(const char *) inputs;   /* their text, for :history */
    StrBuf pending;             /* lines of an input that is not complete yet */
    bool any_failed;            /* piped: decides the exit status */
    char *history_path;
    int wake[2];                /* self-pipe: signals and goroutine output wake the input loop */
    struct termios saved_tty;
    bool have_saved_tty;
} Repl;

static Repl R;

/* -------------------------------------------------------------- messages */

static void write_all(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return;
        p += w;
        n -= (size_t)w;
    }
}

static const char *col(const char *code) { return R.color ? code : ""; }
#define C_DIM "\033[2m"
#define C_NOTE "\033[33m"
#define C_OFF "\033[0m"

/* The REPL's own messages ("interrupted", command output): through the
 * runtime's writers, in order with the program's output. */
static void say(int fd, const char *color, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void say(int fd, const char *color, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *msg = gc_vsprintf(fmt, ap);
    va_end(ap);
    const char *text = color ? gc_sprintf("%s%s%s", col(color), msg, col(C_OFF)) : msg;
    if (fd == 1) rt_write_stdout(text, strlen(text));
    else rt_write_stderr(text, strlen(text));
}

/* ------------------------------------------------------ printing values */

/* A value has its own text when its type has String() string or
 * Error() string: fmt's %v uses it. */
static bool has_text_method(Type *t) {
    static const char *names[2];
    if (!names[0]) {
        names[0] = intern_cstr("Error");
        names[1] = intern_cstr("String");
    }
    for (int i = 0; i < 2; i++) {
        const Method *m = type_find_method(t, names[i]);
        if (m && m->sig->nparams == 0 && m->sig->nresults == 1 && m->sig->results[0] == t_string) return true;
    }
    return false;
}

static bool is_scalar(Type *t) { return t->under->kind >= KIND_BOOL && t->under->kind <= KIND_COMPLEX128; }

/* Types a printed value is assumed to have: no need to say so. */
static bool is_default_type(Type *t) {
    return t == t_int || t == t_float64 || t == t_string || t == t_bool || t == t_complex128;
}

typedef struct EchoJob {
    Type *type;           /* the expression's type (a tuple for several values) */
    Value *vals;
    StrBuf text;          /* out: the values */
    const char *comment;  /* out: the type, when the text does not show it */
} EchoJob;

/* One value, as the REPL prints it. Go's %#v shows Go syntax - quoted
 * strings, composite literals with their types ([]int{1, 2},
 * main.P{X:1}) - which is what a student typed to make it. Numbers and
 * booleans print plainly (%#v would print a byte as 0x61), and a value
 * whose type describes itself (String, Error) prints that description, as
 * fmt.Println would. The type is added as a comment when the text does
 * not show it: `97 // uint8`, `1s // time.Duration`. */
static int echo_one(G *g, EchoJob *job, Type *t, Value *v, bool annotate) {
    Type *dt = t;
    Value *dv = v;
    if (t->under->kind == KIND_INTERFACE) {
        dt = v[0].p;
        if (!dt) {
            sb_puts(&job->text, "<nil>");
            if (annotate && t != t_any) job->comment = type_string(t);
            return NATIVE_OK;
        }
        dv = iface_data(v);
    }
    bool plain = has_text_method(dt) || is_scalar(dt);
    int r = fmt_value(g, &job->text, dt, dv, 'v', false, !plain);
    bool shows_type = !plain && dt->under->kind != KIND_STRING;
    if (annotate && !shows_type && !is_default_type(dt)) job->comment = type_string(dt);
    return r;
}

/* A native run as a goroutine: formats job's values (several values are
 * separated by spaces, as fmt.Println separates them). */
static int native_echo(G *g, Value *args) {
    EchoJob *job = args[0].p;
    Type *t = job->type;
    if (t->kind != KIND_TUPLE) return echo_one(g, job, t, job->vals, true);
    uint32_t off = 0;
    for (int i = 0; i < t->nresults; i++) {
        if (i) sb_putc(&job->text, ' ');
        int r = echo_one(g, job, t->results[i], job->vals + off, false);
        if (r != NATIVE_OK) return r;
        off += t->results[i]->size;
    }
    return NATIVE_OK;
}

static Closure *echo_closure(void) {
    static Closure *c;
    if (!c) {
        Func *f = NEW(Func);
        f->name = "repl.echo";
        f->file = "<repl>";
        f->native = native_echo;
        f->nargs = 1;
        f->frame_size = 1;
        f->sig = type_func(NULL, 0, NULL, 0, false);
        c = closure_new(f, 0);
    }
    return c;
}

/* ------------------------------------------------------------- running */

/* Run f as a goroutine and wait; false (after saying why) unless it
 * returned. */
static bool run_func(Func *f, const Value *args, uint32_t nargs, Value *results) {
    ReplRun r = {.results = results, .nres = results ? f->nres : 0};
    rt_repl_run(closure_new(f, 0), args, nargs, &r);
    switch (r.outcome) {
    case RT_REPL_FINISHED: return true;
    case RT_REPL_GOEXIT: say(2, C_NOTE, "runtime.Goexit ended the statement\n"); return false;
    case RT_REPL_PANICKED: return false; /* Go's report is printed */
    case RT_REPL_DEADLOCKED:
        say(2, C_NOTE, "goroutine %lld stays blocked; the session goes on\n", (long long)r.goid);
        return false;
    case RT_REPL_INTERRUPTED: say(2, C_NOTE, "%sinterrupted\n", R.tty ? "\n" : ""); return false;
    case RT_REPL_ABANDONED:
        say(2, C_NOTE, "%sinterrupted: goroutine %lld is left behind [%s]; it stops when it runs again\n",
            R.tty ? "\n" : "", (long long)r.goid, r.left_status);
        return false;
    }
    return false;
}

static void echo(Type *type, Value *vals) {
    EchoJob *job = NEW(EchoJob);
    job->type = type;
    job->vals = vals;
    sb_init(&job->text);
    Value arg = {.p = job};
    if (!run_func(echo_closure()->fn, &arg, 1, NULL)) return;
    if (job->comment) sb_printf(&job->text, " %s// %s%s", col(C_DIM), job->comment, col(C_OFF));
    sb_putc(&job->text, '\n');
    rt_write_stdout(job->text.data, job->text.len);
}

/* Run compiled input: its initialisation, its statements, the echo. */
static bool run_code(ReplCode *code) {
    if (code->init && !run_func(code->init, NULL, 0, NULL)) return false;
    if (!code->run) return true;
    Value *res = gc_alloc((code->run->nres + 1) * sizeof(Value));
    if (!run_func(code->run, NULL, 0, res)) return false;
    if (code->echo) echo(code->echo, res);
    return true;
}

static bool compile_and_run(StmtList *stmts) {
    ReplCode code;
    rt_flush_stdout(); /* the compiler prints errors straight to stderr */
    if (!session_compile_repl(R.s, stmts, &code)) return false;
    return run_code(&code);
}

/* ----------------------------------------------------------------- input */

static const char *input_name(int n) { return gc_sprintf("in[%d]", n); }

typedef enum { INPUT_DONE, INPUT_FAILED, INPUT_INCOMPLETE } InputStatus;

/* Parse, compile and run one input. With at_eof, an incomplete input is an
 * error (there is no more). */
static InputStatus eval_input(const char *src, bool at_eof) {
    const char *file = input_name(R.ninputs + 1);
    size_t len = strlen(src);
    StmtList stmts = {0};
    ParseResult pr = parse_repl_input(file, src, len, &stmts);
    if (pr.incomplete && !at_eof) return INPUT_INCOMPLETE;
    if (stmts.len == 0 && pr.errors.len == 0) return INPUT_DONE; /* only comments */
    R.ninputs++;
    vec_push(&R.inputs, src);
    diag_set_source(file, src, len); /* for the caret under compile errors */
    if (pr.errors.len) {
        rt_flush_stdout();
        parse_report_errors(&pr, 10);
        return INPUT_FAILED;
    }
    return compile_and_run(&stmts) ? INPUT_DONE : INPUT_FAILED;
}

/* --------------------------------------------------------------- commands */

static Session *new_session(void) {
    CompileOptions opts = {.repl = true, .max_errors = 10, .print_errors = true};
    return session_new("<repl>", opts);
}

static const char *skip_space(const char *p) {
    while (*p == ' ' || *p == '\t') p++;
    return p;
}

static char *trim(const char *p) {
    p = skip_space(p);
    size_t n = strlen(p);
    while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\n' || p[n - 1] == '\r')) n--;
    return gc_strndup(p, n);
}

static const char help_text[] =
    "Type Go: statements, expressions, declarations (func, type, var, const,\n"
    "methods), imports. A final expression's value is printed. Everything you\n"
    "declare stays defined; declaring a name again replaces it. Standard\n"
    "packages are imported when first used. Unfinished input ({, (, a raw\n"
    "string...) continues on the next line.\n"
    "\n"
    "  :help              this help\n"
    "  :quit              leave (also Ctrl-D)\n"
    "  :reset             forget everything declared\n"
    "  :load FILE         run a file's declarations (package clause allowed)\n"
    "  :type EXPR         the type of an expression\n"
    "  :dis NAME          the bytecode of a function (T.M for a method)\n"
    "  :goroutines        the goroutines that are alive, what they wait for\n"
    "  :history           the inputs of this session, numbered as in errors\n"
    "\n"
    "Goroutines run in the background while you type; their output appears\n"
    "above the prompt. Ctrl-C stops a running statement.\n";

static void cmd_type(const char *arg) {
    if (!*arg) {
        say(2, NULL, ":type needs an expression\n");
        return;
    }
    ParseResult pr;
    const char *file = ":type";
    diag_set_source(file, arg, strlen(arg));
    Expr *e = parse_expr_string(file, arg, &pr);
    if (pr.errors.len) {
        rt_flush_stdout();
        parse_report_errors(&pr, 10);
        return;
    }
    rt_flush_stdout();
    Type *t = session_type_of(R.s, e);
    if (!t) return;
    if (e->mode == MODE_TYPE)
        say(1, NULL, "%s is a type: %s\n", type_string(t), type_string(t->under));
    else
        say(1, NULL, "%s\n", type_string(t));
}

static void cmd_dis(const char *name) {
    Func *f = *name ? session_func(R.s, name) : NULL;
    if (!f) {
        say(2, NULL, *name ? "no function %s in this session\n" : ":dis needs a function name\n", name);
        return;
    }
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    if (!out) return;
    vm_disassemble(f, out);
    fclose(out);
    rt_write_stdout(text, len);
    free(text);
}

typedef struct GList {
    StrBuf b;
    int n;
} GList;

/* One line per goroutine. The stack of a goroutine running on another
 * thread changes under us, so only stopped ones show where they are. */
static void list_g(G *g, void *arg) {
    GList *l = arg;
    int st = atomic_load(&g->status);
    const char *state = st == G_RUNNING    ? "running"
                        : st == G_RUNNABLE ? "runnable"
                        : st == G_SYSCALL  ? "syscall"
                                           : wait_reason_string(g->wait_reason);
    sb_printf(&l->b, "goroutine %lld [%s]", (long long)g->id, *state ? state : "waiting");
    if (st != G_RUNNING) {
        int line = 0;
        const char *file = NULL;
        const char *fn = vm_current_function(g, &line, &file);
        if (fn) sb_printf(&l->b, " %s at %s:%d", fn, file ? file : "?", line);
    }
    if (g->created_by) sb_printf(&l->b, ", created by %s", g->created_by);
    sb_putc(&l->b, '\n');
    l->n++;
}

static void cmd_goroutines(void) {
    GList l = {.n = 0};
    sb_init(&l.b);
    rt_for_each_g(list_g, &l);
    if (l.n == 0) sb_puts(&l.b, "no goroutines\n");
    rt_write_stdout(l.b.data, l.b.len);
}

static void cmd_history(void) {
    StrBuf b;
    sb_init(&b);
    for (int i = 0; i < R.inputs.len; i++) {
        const char *s = R.inputs.items[i];
        sb_printf(&b, "%s%5s%s  ", col(C_DIM), input_name(i + 1), col(C_OFF));
        for (const char *p = s; *p; p++) {
            sb_putc(&b, *p);
            if (*p == '\n' && p[1]) sb_puts(&b, "        ");
        }
        if (!*s || s[strlen(s) - 1] != '\n') sb_putc(&b, '\n');
    }
    rt_write_stdout(b.data ? b.data : "", b.len);
}

/* Does the source begin (after comments) with a package clause? */
static bool has_package_clause(const char *p) {
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
        if (p[0] == '/' && p[1] == '/') {
            while (*p && *p != '\n') p++;
        } else if (p[0] == '/' && p[1] == '*') {
            const char *e = strstr(p + 2, "*/");
            if (!e) return false;
            p = e + 2;
        } else {
            return strncmp(p, "package", 7) == 0 && (p[7] == ' ' || p[7] == '\t');
        }
    }
}

/* :load FILE - a Go file's declarations join the session (any package
 * clause is accepted and ignored); a file without one may also contain
 * statements, which run. main is not called: the student calls it. */
static bool cmd_load(const char *path) {
    if (!*path) {
        say(2, NULL, ":load needs a file name\n");
        return false;
    }
    size_t len;
    char *src = read_whole_file(path, &len);
    if (!src) {
        say(2, NULL, "cannot read %s: %s\n", path, strerror(errno));
        return false;
    }
    const char *file = gc_strdup(path);
    StmtList stmts = {0};
    ParseResult pr;
    if (has_package_clause(src)) {
        pr = parse_file(file, src, len);
        for (int i = 0; i < pr.file->decls.len; i++) {
            Decl *d = pr.file->decls.items[i];
            Stmt *st = ast_new_stmt(S_DECL, d->pos);
            st->u.decl.decl = d;
            vec_push(&stmts, st);
        }
    } else {
        pr = parse_repl_input(file, src, len, &stmts);
    }
    diag_set_source(file, src, len);
    if (pr.errors.len) {
        rt_flush_stdout();
        parse_report_errors(&pr, 10);
        return false;
    }
    if (!compile_and_run(&stmts)) return false;
    Func *m = session_func(R.s, "main");
    say(1, C_DIM, "loaded %s%s\n", path, m ? " (call main() to run it)" : "");
    return true;
}

static bool quit_requested;

/* A line starting with ':' (no Go statement starts with one). Returns
 * false if the command failed. */
static bool run_command(const char *line) {
    const char *p = line + 1;
    const char *e = p;
    while (*e && *e != ' ' && *e != '\t' && *e != '\n') e++;
    char *name = gc_strndup(p, (size_t)(e - p));
    char *arg = trim(e);
    if (!strcmp(name, "help") || !strcmp(name, "h") || !strcmp(name, "?")) {
        say(1, NULL, "%s", help_text);
    } else if (!strcmp(name, "quit") || !strcmp(name, "q") || !strcmp(name, "exit")) {
        quit_requested = true;
    } else if (!strcmp(name, "reset")) {
        R.s = new_session();
        int64_t n = rt_num_goroutine();
        say(1, C_DIM, "session reset%s\n",
            n > 0 ? gc_sprintf(" (%lld goroutine%s still running)", (long long)n, n == 1 ? "" : "s") : "");
    } else if (!strcmp(name, "load")) {
        return cmd_load(arg);
    } else if (!strcmp(name, "type") || !strcmp(name, "t")) {
        cmd_type(arg);
    } else if (!strcmp(name, "dis")) {
        cmd_dis(arg);
    } else if (!strcmp(name, "goroutines") || !strcmp(name, "g")) {
        cmd_goroutines();
    } else if (!strcmp(name, "history")) {
        cmd_history();
    } else {
        say(2, NULL, "unknown command :%s (:help lists them)\n", name);
        return false;
    }
    return true;
}

/* One line of input. Lines accumulate until they form a complete input. */
static void feed_line(const char *line) {
    if (R.pending.len == 0) {
        const char *p = skip_space(line);
        if (*p == '\n' || *p == 0) return;
        if (*p == ':') {
            if (!run_command(trim(p))) R.any_failed = true;
            return;
        }
    }
    sb_puts(&R.pending, line);
    if (R.pending.data[R.pending.len - 1] != '\n') sb_putc(&R.pending, '\n');
    char *src = gc_strndup(R.pending.data, R.pending.len);
    InputStatus st = eval_input(src, false);
    if (st == INPUT_INCOMPLETE) return;
    R.pending.len = 0;
    if (st == INPUT_FAILED) R.any_failed = true;
}

/* End of input with an unfinished input pending: it is an error now. */
static void feed_eof(void) {
    if (R.pending.len == 0) return;
    char *src = gc_strndup(R.pending.data, R.pending.len);
    R.pending.len = 0;
    if (eval_input(src, true) == INPUT_FAILED) R.any_failed = true;
}

static void cancel_pending(void) { R.pending.len = 0; }

/* --------------------------------------------- goroutine output at the prompt */

/* While readline edits a line, what goroutines write is queued here (by
 * the runtime's output hook, on their threads) and printed by this thread
 * above the prompt. Records are [fd byte][length][bytes]. (Without
 * readline the terminal echoes what is typed itself, so output goes
 * straight through.) */
static struct {
    pthread_mutex_t mu;
    pthread_cond_t drained;
    bool active;   /* at the prompt: queue; otherwise write straight through */
    bool exiting;  /* the process is ending: write straight through */
    char *data;    /* malloc'd: holds no pointers */
    size_t len, cap;
} aq = {.mu = PTHREAD_MUTEX_INITIALIZER, .drained = PTHREAD_COND_INITIALIZER};

static void wake_input_loop(char why) {
    ssize_t r = write(R.wake[1], &why, 1); /* non-blocking: a full pipe wakes anyway */
    (void)r;
}

/* mu held: write the queue out; returns the last byte written to fd 1 or
 * 2 (0 if none). */
static char aq_flush_locked(void) {
    char last = 0;
    size_t i = 0;
    while (i < aq.len) {
        int fd = aq.data[i++];
        size_t n;
        memcpy(&n, aq.data + i, sizeof n);
        i += sizeof n;
        write_all(fd, aq.data + i, n);
        if (n) last = aq.data[i + n - 1];
        i += n;
    }
    aq.len = 0;
    pthread_cond_broadcast(&aq.drained);
    return last;
}

/* The process ends (os.Exit in a goroutine, a fatal error) on some thread:
 * print what is queued and give the terminal back in the state it was. */
static void before_exit(void) {
    pthread_mutex_lock(&aq.mu);
    if (aq.active) write_all(1, "\r\033[K", 4);
    aq_flush_locked();
    aq.exiting = true;
    pthread_cond_broadcast(&aq.drained);
    pthread_mutex_unlock(&aq.mu);
    if (R.have_saved_tty) tcsetattr(0, TCSADRAIN, &R.saved_tty);
}

/* ------------------------------------------------------- signals, wake-ups */

static volatile sig_atomic_t resized;

static void on_sigint(int sig) {
    (void)sig;
    rt_repl_interrupt();
    wake_input_loop('i');
}

static void on_sigwinch(int sig) {
    (void)sig;
    resized = 1;
    wake_input_loop('w');
}

static void install_signals(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sa.sa_handler = on_sigint;
    sigaction(SIGINT, &sa, NULL);
    sa.sa_handler = on_sigwinch;
    sigaction(SIGWINCH, &sa, NULL);
}

static void drain_wake_pipe(void) {
    char buf[256];
    while (read(R.wake[0], buf, sizeof buf) > 0) {}
}

/* Wait until standard input is readable; false if Ctrl-C came first. */
static bool wait_for_input(void) {
    for (;;) {
        struct pollfd fds[2] = {{.fd = 0, .events = POLLIN}, {.fd = R.wake[0], .events = POLLIN}};
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            return true;
        }
        if (fds[1].revents) {
            drain_wake_pipe();
            if (rt_repl_take_interrupt()) return false;
        }
        if (fds[0].revents) return true;
    }
}

/* ------------------------------------------------- plain line input */

/* A line from standard input, read a byte at a time so that nothing
 * beyond the line is consumed (the program may read the rest). NULL at
 * end of input; *cancelled on Ctrl-C (terminal only). */
static char *read_line_plain(const char *prompt, bool *cancelled) {
    if (R.tty) {
        say(1, NULL, "%s", prompt);
        rt_flush_stdout();
        if (!wait_for_input()) {
            *cancelled = true;
            say(1, NULL, "\n");
            return NULL;
        }
    }
    StrBuf b;
    sb_init(&b);
    for (;;) {
        char c;
        ssize_t r = read(0, &c, 1);
        if (r < 0 && errno == EINTR) {
            if (R.tty && rt_repl_take_interrupt()) {
                *cancelled = true;
                say(1, NULL, "\n");
                return NULL;
            }
            continue;
        }
        if (r <= 0) return b.len ? gc_strndup(b.data, b.len) : NULL;
        sb_putc(&b, c);
        if (c == '\n') return gc_strndup(b.data, b.len);
    }
}

/* ------------------------------------------------------------- readline */

#ifdef GOI_HAVE_READLINE

static char *rl_got;
static bool rl_got_line;

static void on_readline_line(char *line) {
    rl_got = line;
    rl_got_line = true;
    /* Removed here, in the handler: otherwise readline draws a fresh prompt
     * as soon as this returns, and the statement's output would land on it. */
    rl_callback_handler_remove();
}

/* mu held. */
static void aq_append(int fd, const void *p, size_t n) {
    size_t need = aq.len + 1 + sizeof(size_t) + n;
    if (need > aq.cap) {
        size_t cap = aq.cap ? aq.cap * 2 : 4096;
        while (cap < need) cap *= 2;
        char *d = realloc(aq.data, cap);
        if (!d) return; /* drop it rather than die */
        aq.data = d;
        aq.cap = cap;
    }
    aq.data[aq.len++] = (char)fd;
    memcpy(aq.data + aq.len, &n, sizeof n);
    aq.len += sizeof n;
    memcpy(aq.data + aq.len, p, n);
    aq.len += n;
}

/* The runtime's output hook: runs on any thread, under the runtime's
 * output lock, so writes stay in order. */
static void queue_output(int fd, const void *p, size_t n) {
    pthread_mutex_lock(&aq.mu);
    while (aq.active && !aq.exiting && aq.len > PENDING_OUTPUT_MAX) pthread_cond_wait(&aq.drained, &aq.mu);
    if (aq.active && !aq.exiting) {
        aq_append(fd, p, n);
        wake_input_loop('o');
    } else {
        write_all(fd, p, n);
    }
    pthread_mutex_unlock(&aq.mu);
}

static void output_to_prompt(bool on) {
    if (on) {
        pthread_mutex_lock(&aq.mu);
        aq.active = true;
        pthread_mutex_unlock(&aq.mu);
        rt_set_output_hook(queue_output);
    } else {
        /* Stop queueing before removing the hook: a writer waiting for room
         * holds the runtime's output lock, which removing the hook needs. */
        pthread_mutex_lock(&aq.mu);
        aq_flush_locked();
        aq.active = false;
        pthread_cond_broadcast(&aq.drained);
        pthread_mutex_unlock(&aq.mu);
        rt_set_output_hook(NULL);
    }
}

/* Goroutine output arrived while a line is edited: clear the prompt line,
 * print it, then draw the prompt and the line again below. */
static void show_queued_output(void) {
    pthread_mutex_lock(&aq.mu);
    if (aq.len == 0) {
        pthread_mutex_unlock(&aq.mu);
        return;
    }
    rl_clear_visible_line();
    fflush(rl_outstream); /* readline writes through stdio; the output goes straight to the descriptors */
    char last = aq_flush_locked();
    if (last != '\n') write_all(1, "\n", 1); /* the prompt starts a line */
    pthread_mutex_unlock(&aq.mu);
    rl_on_new_line();
    rl_redisplay();
}

static void cancel_readline_line(void) {
    rl_replace_line("", 0);
    rl_point = rl_end = 0;
    rl_callback_sigcleanup();
    rl_crlf();
}

static char *read_line_readline(const char *prompt, bool *cancelled) {
    rl_got = NULL;
    rl_got_line = false;
    rl_callback_handler_install(prompt, on_readline_line);
    output_to_prompt(true);
    show_queued_output();
    while (!rl_got_line) {
        struct pollfd fds[2] = {{.fd = 0, .events = POLLIN}, {.fd = R.wake[0], .events = POLLIN}};
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        if (fds[1].revents) {
            drain_wake_pipe();
            if (rt_repl_take_interrupt()) {
                cancel_readline_line();
                *cancelled = true;
                break;
            }
            if (resized) {
                resized = 0;
                rl_resize_terminal();
            }
            show_queued_output();
        }
        if (fds[0].revents) rl_callback_read_char();
    }
    if (!rl_got_line) rl_callback_handler_remove(); /* cancelled */
    output_to_prompt(false);
    if (rl_got_line && !rl_got) write_all(1, "\n", 1); /* Ctrl-D: leave the shell a fresh line */
    if (!rl_got) return NULL;
    char *line = gc_sprintf("%s\n", rl_got);
    free(rl_got);
    return line;
}

/* History: each line as typed, kept across sessions in ~/.goi_history. */
static void history_start(void) {
    using_history();
    stifle_history(HISTORY_MAX);
    const char *home = getenv("HOME");
    if (!home || !*home) return;
    R.history_path = gc_sprintf("%s/.goi_history", home);
    int fd = open(R.history_path, O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (fd >= 0) close(fd);
    read_history(R.history_path);
}

static void history_add(const char *line) {
    char *l = trim(line);
    if (!*l) return;
    HIST_ENTRY *last = history_length > 0 ? history_get(history_base + history_length - 1) : NULL;
    if (last && strcmp(last->line, l) == 0) return;
    add_history(l);
    if (R.history_path) {
        /* Written at once: os.Exit or a fatal error ends the process
         * without running any clean-up. */
        append_history(1, R.history_path);
        history_truncate_file(R.history_path, HISTORY_MAX);
    }
}

/* Tab completion: commands, names in scope, keywords, package names, and
 * package members after the dot (strings.To<TAB>). */
static const char *const commands[] = {":dis", ":goroutines", ":help", ":history", ":load", ":quit",
                                       ":reset", ":type"};
static const char **matches;
static int nmatches;

static char *next_match(const char *text, int state) {
    static int i;
    if (state == 0) i = 0;
    return i < nmatches ? strdup(matches[i++]) : NULL;
}

static char **complete(const char *text, int start, int end) {
    (void)end;
    rl_attempted_completion_over = 1; /* no file names unless :load */
    rl_completion_append_character = '\0';
    const char *line = rl_line_buffer;
    if (line[0] == ':') {
        if (start == 0) {
            static const char *cmd_matches[countof(commands)];
            nmatches = 0;
            for (size_t i = 0; i < countof(commands); i++)
                if (strncmp(commands[i], text, strlen(text)) == 0) cmd_matches[nmatches++] = commands[i];
            matches = cmd_matches;
            rl_completion_append_character = ' ';
            return rl_completion_matches(text, next_match);
        }
        if (strncmp(line, ":load", 5) == 0) {
            rl_attempted_completion_over = 0;
            return NULL;
        }
    }
    nmatches = session_complete(R.s, text, &matches);
    return rl_completion_matches(text, next_match);
}

static void readline_start(void) {
    rl_readline_name = "goi";
    rl_catch_signals = 0; /* SIGINT and SIGWINCH are ours (install_signals) */
    rl_catch_sigwinch = 0;
    rl_attempted_completion_function = complete;
    /* '.' and ':' are not word breaks: strings.To and :he complete whole */
    rl_completer_word_break_characters = " \t\n\"'`@$><=;|&{(+-*/%^!,[]~";
    history_start();
}

#endif /* GOI_HAVE_READLINE */

/* ---------------------------------------------------------------- main */

static const char *prompt(void) {
    if (!R.tty) return "";
    const char *p = R.pending.len ? "...  " : "goi> ";
    if (!R.color) return p;
#ifdef GOI_HAVE_READLINE
    if (R.readline) /* readline must know which bytes take no room */
        return R.pending.len ? "\001\033[2m\002...\001\033[0m\002  " : "\001\033[1;36m\002goi>\001\033[0m\002 ";
#endif
    return R.pending.len ? "\033[2m...\033[0m  " : "\033[1;36mgoi>\033[0m ";
}

static char *read_line(bool *cancelled) {
#ifdef GOI_HAVE_READLINE
    if (R.readline) return read_line_readline(prompt(), cancelled);
#endif
    return read_line_plain(prompt(), cancelled);
}

static void remember_line(const char *line) {
#ifdef GOI_HAVE_READLINE
    if (R.readline) history_add(line);
#else
    (void)line;
#endif
}

static void repl_init(void) {
    R.tty = isatty(0) && isatty(1);
    const char *term = getenv("TERM");
    R.color = R.tty && !getenv("NO_COLOR") && !(term && strcmp(term, "dumb") == 0);
#ifdef GOI_HAVE_READLINE
    R.readline = R.tty;
#endif
    sb_init(&R.pending);
    R.s = new_session();
    rt_repl_start();
    if (!R.tty) return;
    if (tcgetattr(0, &R.saved_tty) == 0) R.have_saved_tty = true;
    if (pipe2(R.wake, O_CLOEXEC | O_NONBLOCK) != 0) goi_panic_internal("repl: pipe: %s", strerror(errno));
    rt_repl_set_exit_hook(before_exit);
    install_signals();
#ifdef GOI_HAVE_READLINE
    if (R.readline) readline_start();
#endif
}

int repl_main(void) {
    repl_init();
    if (R.tty)
        say(1, C_DIM, "goi %s - Go, one line at a time. :help for help, Ctrl-D to leave.\n", GOI_VERSION);
    while (!quit_requested) {
        bool cancelled = false;
        char *line = read_line(&cancelled);
        if (cancelled) {
            cancel_pending();
            continue;
        }
        if (!line) break;
        remember_line(line);
        feed_line(line);
    }
    feed_eof();
    /* Like main returning: the process ends, goroutines with it. */
    rt_exit(!R.tty && R.any_failed ? 1 : 0);
}
