/* exit.c - ending the process: normal exit, fatal errors.
 *
 * Exactly one thread ends the process. The first to claim the exit
 * (rt_exit, rt_fatal, the deadlock report, SIGQUIT, or the VM's panic
 * report through rt_exit_claim) prints what it has to print and calls
 * _exit; any later claimer blocks forever, so two reports never interleave
 * and no thread runs atexit handlers while goroutines still run.
 */
#include "rt_internal.h"

#include <unistd.h>

_Atomic int rt_exiting;
static _Thread_local bool exit_owner;

void exit_claim(void) {
    if (exit_owner) return;
    int zero = 0;
    if (atomic_compare_exchange_strong(&rt_exiting, &zero, 1)) {
        exit_owner = true;
        repl_before_exit(); /* the REPL restores the terminal first */
        return;
    }
    for (;;) pause(); /* another thread is ending the process */
}

void rt_exit_claim(void) { exit_claim(); }

_Noreturn void rt_exit(int code) {
    exit_claim();
    rt_flush_stdout();
    _exit(code);
}

_Noreturn void rt_fatal(const char *msg, bool dump_all) {
    exit_claim();
    rt_flush_stdout();
    fprintf(stderr, "fatal error: %s\n", msg);
    G *g = rt_current_g();
    if (dump_all) {
        fputc('\n', stderr);
        rt_dump_goroutines(stderr, g);
    } else if (g) {
        fputc('\n', stderr);
        rt_dump_goroutine(stderr, g);
    }
    fflush(stderr);
    _exit(2);
}
