/* fuzz_compile.c - libFuzzer target: the front end on arbitrary input.
 *
 * Each input is one source file, run through the lexer, the parser, the
 * type checker and the code generator exactly as `goi run` compiles it
 * (imported standard packages included), but nothing is executed. Whatever
 * the bytes, compile_program must return a program or report errors: a
 * crash, an abort ("goi: internal error"), a hang or a sanitizer report is
 * a bug. See README.md for how to build and run it.
 */
#include "../../compiler/compiler.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    GC_INIT();
    GC_allow_register_threads();
    types_init();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    /* The lexer reads a NUL-terminated copy, as cmd/goi's read_file makes. */
    char *src = GC_MALLOC_ATOMIC(size + 1);
    memcpy(src, data, size);
    src[size] = '\0';
    CompileOptions opts = {.max_errors = 10, .print_errors = false};
    Session *s = session_new("fuzz.go", opts);
    Program *p = compile_program(s, src, size);
    (void)p;
    return 0;
}
