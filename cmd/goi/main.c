/* main.c - the goi command line: run, dis, version, help (and the REPL). */
#include "../../compiler/compiler.h"
#include "../../runtime/runtime.h"
#include "repl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* os.Args for the program being run (read by stdlib/os). */
int goi_argc;
char **goi_argv;

static const char *usage_text =
    "goi runs Go programs without compiling them first, and shows what goroutines do.\n"
    "\n"
    "Usage:\n"
    "\n"
    "\tgoi                           start the REPL (Go a line at a time; :help)\n"
    "\tgoi run FILE.go [arguments]   run a program\n"
    "\tgoi FILE.go [arguments]       the same\n"
    "\tgoi dis FILE.go               print the bytecode of each function\n"
    "\tgoi version                   print the version\n"
    "\tgoi help                      print this help\n"
    "\n"
    "A script may start with the line #!/usr/bin/env goi.\n"
    "Environment: GOMAXPROCS sets how many threads run goroutines at once.\n";

static void usage(FILE *out) { fputs(usage_text, out); }

static Program *compile_file(const char *path) {
    size_t len;
    char *src = read_whole_file(path, &len);
    if (!src) {
        fprintf(stderr, "goi: cannot read %s: %s\n", path, strerror(errno));
        exit(1);
    }
    CompileOptions opts = {.max_errors = 10, .print_errors = true};
    Session *s = session_new(path, opts);
    Program *p = compile_program(s, src, len);
    if (!p) exit(1);
    return p;
}

static int cmd_run(int argc, char **argv) {
    if (argc < 1) {
        fputs("goi run: no go file listed\n", stderr);
        return 2;
    }
    const char *path = argv[0];
    size_t n = strlen(path);
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "goi: cannot read %s: %s\n", path, strerror(errno));
        return 1;
    }
    if (S_ISDIR(st.st_mode)) {
        fprintf(stderr, "goi: %s is a directory; goi runs single .go files\n", path);
        return 1;
    }
    (void)n;
    goi_argc = argc;
    goi_argv = argv;
    Program *p = compile_file(path);
    rt_init();
    rt_register_globals(p->globals, p->nglobals);
    Closure *init = p->init ? closure_new(p->init, 0) : NULL;
    rt_run_main(init, closure_new(p->main, 0));
}

static int cmd_dis(int argc, char **argv) {
    if (argc < 1) {
        fputs("goi dis: no go file listed\n", stderr);
        return 2;
    }
    Program *p = compile_file(argv[0]);
    program_disassemble(p, stdout);
    return 0;
}

int main(int argc, char **argv) {
    GC_INIT();
    /* The collector's warnings ("Repeated allocation of very large block")
     * are advice to goi's developers, not output of the Go program. */
    GC_set_warn_proc(GC_ignore_warn_proc);
    GC_allow_register_threads();
    /* Compiling the program and the packages it imports allocates a few
     * megabytes at once: start with room for it instead of collecting
     * repeatedly while the heap grows from nothing. */
    GC_expand_hp(24 << 20);
    types_init();
    if (argc < 2) return repl_main(); /* on a terminal, or statements piped in */
    const char *cmd = argv[1];
    if (strcmp(cmd, "repl") == 0) return repl_main();
    if (strcmp(cmd, "run") == 0) return cmd_run(argc - 2, argv + 2);
    if (strcmp(cmd, "dis") == 0) return cmd_dis(argc - 2, argv + 2);
    if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0) {
        printf("goi version %s\n", GOI_VERSION);
        return 0;
    }
    if (strcmp(cmd, "help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0) {
        usage(stdout);
        return 0;
    }
    size_t n = strlen(cmd);
    if (n > 3 && strcmp(cmd + n - 3, ".go") == 0) return cmd_run(argc - 1, argv + 1);
    if (access(cmd, R_OK) == 0) return cmd_run(argc - 1, argv + 1); /* #! scripts */
    fprintf(stderr, "goi %s: unknown command\nRun 'goi help' for usage.\n", cmd);
    return 2;
}
