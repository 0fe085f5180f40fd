/* test_robustness.c - the front end on inputs too big or too deep to keep
 * as files: every one is rejected with a clear error (or compiles), never a
 * crash, a C stack overflow or a quadratic wait. The programs are built
 * here; tests/programs/robustness has the small cases, tests/fuzz the
 * fuzzer. */
#include <criterion/criterion.h>

#include "../../compiler/compiler.h"
#include "../../stdlib/stdlib.h"

static void setup(void) {
    GC_INIT();
    types_init();
}

TestSuite(robustness, .init = setup, .timeout = 60);

/* Compile src; return the errors joined by newlines ("" when it compiles). */
static const char *errors_of(const char *src) {
    CompileOptions opts = {.max_errors = 10, .print_errors = false};
    Session *s = session_new("t.go", opts);
    Program *p = compile_program(s, src, strlen(src));
    if (p) return "";
    StrBuf b;
    sb_init(&b);
    for (int i = 0; i < session_error_count(s); i++) {
        sb_puts(&b, session_error(s, i));
        sb_putc(&b, '\n');
    }
    return b.data;
}

static int count(const char *haystack, const char *needle) {
    int n = 0;
    for (const char *p = haystack; (p = strstr(p, needle)); p++) n++;
    return n;
}

#define EXPECT_ERROR(src, want)                                                                    \
    do {                                                                                           \
        const char *got = errors_of(src);                                                          \
        cr_assert(strstr(got, want), "want error containing \"%s\", got:\n%.2000s", want, got);   \
    } while (0)
#define EXPECT_OK(src)                                                                             \
    do {                                                                                           \
        const char *got = errors_of(src);                                                          \
        cr_assert_str_eq(got, "", "unexpected errors:\n%.2000s", got);                             \
    } while (0)

/* "package main\n" + head + n times item(i) + tail */
static const char *program(const char *head, const char *item, int n, const char *tail) {
    StrBuf b;
    sb_init(&b);
    sb_puts(&b, "package main\n");
    sb_puts(&b, head);
    for (int i = 0; i < n; i++) sb_printf(&b, item, i, i + 1);
    sb_puts(&b, tail);
    return b.data;
}

static const char *repeat(const char *s, int n) {
    StrBuf b;
    sb_init(&b);
    for (int i = 0; i < n; i++) sb_puts(&b, s);
    return b.data;
}

Test(robustness, deep_syntax_is_rejected_by_the_parser) {
    const char *deep = "syntax error: nesting too deep";
    EXPECT_ERROR(program("func main() { x := ", "(", 10000, "1"), deep);
    EXPECT_ERROR(program("func main() { x := 1", "+%d", 100000, "; println(x) }\n"), deep);
    EXPECT_ERROR(program("func main() { x := true", " && x", 100000, "; println(x) }\n"), deep);
    EXPECT_ERROR(program("func main() { s := \"abc\"; _ = s", "[1:]", 100000, "\n}\n"), deep);
    EXPECT_ERROR(program("type T struct{ t *T }\nfunc main() { var x T; _ = x", ".t", 100000, "\n}\n"), deep);
    EXPECT_ERROR(program("func f() func() { return nil }\nfunc main() { f", "()", 100000, "\n}\n"), deep);
    EXPECT_ERROR(program("func main() { f := ", "func() {", 5000, repeat("}", 5000)), deep);
    EXPECT_ERROR(program("func main() { x := 1\nif x == 0 {}", " else if x == %d {}", 50000, "\n}\n"), deep);
    EXPECT_ERROR(program("var x ", "[]", 100000, "int\nfunc main() {}\n"), deep);
    EXPECT_ERROR(program("var x ", "*", 100000, "int\nfunc main() {}\n"), deep);
    EXPECT_ERROR(program("var x ", "struct{ a ", 10000, "int"), deep);
    EXPECT_ERROR(program("var x = []any{", "{", 100000, "}"), deep);
    EXPECT_ERROR(program("func main() {\n", "L%d:\n", 5000, "}\n"), deep);
    /* within the limit, the later stages cope */
    EXPECT_OK(program("func main() { x := 1; y := x", " + x", 900, "; println(y) }\n"));
    EXPECT_OK(program("func main() { x := 0\n", "func() {\n", 400, gc_sprintf("x++\n%sprintln(x) }\n", repeat("}()\n", 400))));
}

Test(robustness, declaration_chains) {
    /* each declaration needs the next one first: the checker recurses */
    const char *deep = "nested too deeply";
    EXPECT_ERROR(program("", "const c%d = c%d + 1\n", 50000, "const c50000 = 0\nfunc main() { println(c0) }\n"), deep);
    EXPECT_ERROR(program("", "var v%d = v%d + 1\n", 50000, "var v50000 = 0\nfunc main() { println(v0) }\n"), deep);
    EXPECT_ERROR(program("", "type T%d T%d\n", 50000, "type T50000 int\nfunc main() { var x T0; println(x) }\n"), deep);
    EXPECT_ERROR(program("", "type T%d [1]T%d\n", 50000, "type T50000 int\nfunc main() { var x T0; _ = x }\n"), deep);
    /* shorter chains compile, and the initialization order is linear */
    EXPECT_OK(program("", "var v%d = v%d + 1\n", 2000, "var v2000 = 0\nfunc main() { println(v0) }\n"));
    EXPECT_OK(program("", "func f%d() int { return f%d() }\n", 20000,
                      "func f20000() int { return 0 }\nvar x = f0()\nfunc main() { println(x) }\n"));
    EXPECT_ERROR(program("", "var v%d = v%d + 1\n", 2000, "var v2000 = v0\nfunc main() { println(v0) }\n"),
                 "initialization cycle for v0");
}

Test(robustness, big_but_flat_programs_compile) {
    StrBuf b;
    sb_init(&b);
    sb_puts(&b, "package main\nvar a = []int{");
    for (int i = 0; i < 100000; i++) sb_printf(&b, "%d,", i);
    sb_puts(&b, "}\nvar m = map[int]bool{");
    for (int i = 0; i < 100000; i++) sb_printf(&b, "%d: true,", i);
    sb_puts(&b, "}\nfunc main() {\nswitch len(a) {\n");
    for (int i = 0; i < 20000; i++) sb_printf(&b, "case %d:\n", i);
    sb_puts(&b, "}\n}\n");
    EXPECT_OK(b.data);
    /* 100,000 package-level names and 50,000 functions */
    EXPECT_OK(program("const (\n_ = iota\n", "a%d\n", 100000, ")\nfunc main() { println(a99999) }\n"));
    EXPECT_OK(program("", "func f%d() int { return %d }\n", 50000, "func main() { println(f49999()) }\n"));
    /* duplicates are still found */
    EXPECT_ERROR(program("var m = map[int]int{", "%d: 0, ", 50000, "7: 1}\nfunc main() { _ = m }\n"),
                 "duplicate key 7 in map literal");
    EXPECT_ERROR(program("func main() { x := 1\nswitch x {\n", "case %d:\n", 50000, "case 49999:\n}\n}\n"),
                 "duplicate case 49999");
    EXPECT_ERROR(program("func main() {\n", "a%d, ", 50000, "a7 := 0\n}\n"), "a7 repeated on left side of :=");
}

Test(robustness, functions_beyond_the_instruction_format) {
    /* 70,000 locals need more than 65,535 registers: one error, not corrupt code */
    const char *e = errors_of(program("func main() {\n", "var v%1$d int; _ = v%1$d\n", 70000, "}\n"));
    cr_assert(strstr(e, "function too large for goi"), "%.2000s", e);
    cr_assert_eq(count(e, "too large"), 1, "%.2000s", e);
    /* as many distinct constants */
    EXPECT_ERROR(program("var s = []string{", "\"s%d\",", 70000, "}\nfunc main() { _ = s }\n"), "function too large for goi");
    /* a jump across more than 32767 instructions */
    EXPECT_ERROR(program("func main() { x := 0\nif x == 1 {\n", "x++\n", 70000, "}\n}\n"), "function too large for goi");
}

Test(robustness, many_errors) {
    /* 200,000 errors: reported (the first 10), in linear time */
    const char *e = errors_of(program("func main() {\n", "u%d()\n", 200000, "}\n"));
    cr_assert(strstr(e, "undefined: u0"), "%.2000s", e);
    /* syntax errors are counted too */
    e = errors_of("package main\nfunc main() { x := }\n");
    cr_assert(strstr(e, "syntax error"), "%s", e);
}
