/* test_checker.c - the type checker's rules and Go's error messages. */
#include <criterion/criterion.h>

#include "../../compiler/compiler.h"
#include "../../stdlib/stdlib.h"

static void setup(void) {
    GC_INIT();
    types_init();
}

TestSuite(checker, .init = setup);

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

#define PROG(body) "package main\n" body
#define EXPECT_ERROR(src, want)                                                                    \
    do {                                                                                           \
        const char *got = errors_of(src);                                                          \
        cr_assert(strstr(got, want), "want error containing \"%s\", got:\n%s", want, got);        \
    } while (0)
#define EXPECT_OK(src)                                                                             \
    do {                                                                                           \
        const char *got = errors_of(src);                                                          \
        cr_assert_str_eq(got, "", "unexpected errors:\n%s", got);                                  \
    } while (0)

Test(checker, accepts_valid_programs) {
    EXPECT_OK(PROG("func main() { x := 1; _ = x }\n"));
    EXPECT_OK(PROG("type T struct{ a int }\nfunc (t *T) M() int { return t.a }\nfunc main() { t := T{1}; _ = t.M() }\n"));
    EXPECT_OK(PROG("const big = 1 << 100\nfunc main() { var f float64 = big; _ = f }\n"));
    EXPECT_OK(PROG("func f() (int, error) { return 0, nil }\nfunc main() { a, b := f(); _, _ = a, b }\n"));
}

Test(checker, undefined_names) {
    EXPECT_ERROR(PROG("func main() { x = 1 }\n"), "2:15: undefined: x");
    EXPECT_ERROR(PROG("func main() { foo() }\n"), "undefined: foo");
}

Test(checker, declared_and_not_used) {
    EXPECT_ERROR(PROG("func main() { x := 1 }\n"), "2:15: declared and not used: x");
    /* an assignment is not a use, x++ is */
    EXPECT_ERROR(PROG("func main() { x := 1; x = 2 }\n"), "declared and not used: x");
    EXPECT_OK(PROG("func main() { x := 1; x++ }\n"));
    /* soft errors are reported along with hard ones, as gc does */
    EXPECT_ERROR(PROG("func main() { x := 1; var s string = 1 }\n"), "declared and not used: x");
    /* but not for a variable whose initialization failed (s above), or a redeclared one */
    const char *e = errors_of(PROG("func main() { x := 1; var s string = 1 }\n"));
    cr_assert(!strstr(e, "not used: s"), "%s", e);
    e = errors_of(PROG("func main() { x := 1; var x int; _ = x }\n"));
    cr_assert(strstr(e, "x redeclared in this block") && !strstr(e, "not used"), "%s", e);
}

Test(checker, imported_and_not_used) {
    EXPECT_ERROR("package main\nimport \"strings\"\nfunc main() {}\n", "imported and not used: \"strings\"");
    EXPECT_ERROR("package main\nimport \"net/http\"\nfunc main() {}\n", "package net/http is not supported by goi");
}

Test(checker, assignability) {
    EXPECT_ERROR(PROG("func main() { var n int; n = \"s\"; _ = n }\n"),
                 "cannot use \"s\" (untyped string constant) as int value in assignment");
    EXPECT_ERROR(PROG("func main() { var b byte = 256; _ = b }\n"),
                 "cannot use 256 (untyped int constant) as byte value in variable declaration (overflows)");
    EXPECT_ERROR(PROG("func main() { var i int = 2.5; _ = i }\n"), "(truncated)");
    EXPECT_ERROR(PROG("func main() { s := \"a\"; var n int = s; _ = n }\n"),
                 "cannot use s (variable of type string) as int value in variable declaration");
}

Test(checker, interfaces) {
    const char *src = PROG("type S interface{ A(); B() }\ntype T struct{}\nfunc (T) A() {}\n"
                           "func main() { var s S = T{}; _ = s }\n");
    EXPECT_ERROR(src, "T does not implement S (missing method B)");
    EXPECT_ERROR(PROG("type S interface{ M() }\ntype T struct{}\nfunc (*T) M() {}\n"
                      "func main() { var s S = T{}; _ = s }\n"),
                 "method M has pointer receiver");
}

Test(checker, calls_and_returns) {
    EXPECT_ERROR(PROG("func f(a, b int) int { return a }\nfunc main() { f(1) }\n"), "not enough arguments in call to f");
    EXPECT_ERROR(PROG("func f(a int) int { return a }\nfunc main() { f(1, 2) }\n"), "too many arguments in call to f");
    EXPECT_ERROR(PROG("func f() (int, int) { return 1 }\nfunc main() { f() }\n"), "not enough return values");
    EXPECT_ERROR(PROG("func f() int { if true { return 1 } }\nfunc main() { f() }\n"), "missing return");
    EXPECT_OK(PROG("func f() int { for {} }\nfunc main() { f() }\n"));
    EXPECT_OK(PROG("func f(x int) int { switch { case x > 0: return 1; default: return 0 } }\nfunc main() { f(1) }\n"));
}

Test(checker, conditions_and_operators) {
    EXPECT_ERROR(PROG("func main() { if 1 {} }\n"), "non-boolean condition in if statement");
    EXPECT_ERROR(PROG("func main() { x := 1 + \"a\"; _ = x }\n"),
                 "invalid operation: 1 + \"a\" (mismatched types untyped int and untyped string)");
    EXPECT_ERROR(PROG("func main() { x := 1 / 0; _ = x }\n"), "division by zero");
}

Test(checker, constants_and_assignment_targets) {
    EXPECT_ERROR(PROG("const c = 10\nfunc main() { c = 3 }\n"), "cannot assign to c");
    EXPECT_ERROR(PROG("func main() { var x int8 = 1 << 8; _ = x }\n"), "overflows");
    EXPECT_OK(PROG("const (a = iota; b; c)\nfunc main() { var x [c]int; _ = x }\n"));
}

Test(checker, branches_and_labels) {
    EXPECT_ERROR(PROG("func main() { break }\n"), "break is not in a loop, switch, or select");
    EXPECT_ERROR(PROG("func main() { goto L }\n"), "label L not defined");
    EXPECT_ERROR(PROG("func main() { L: for {} }\n"), "label L defined and not used");
    EXPECT_ERROR(PROG("func main() { switch 1 { case 1: fallthrough } }\n"), "cannot fallthrough final case in switch");
}

Test(checker, channels) {
    EXPECT_ERROR(PROG("func f(c <-chan int) { c <- 1 }\nfunc main() {}\n"),
                 "invalid operation: cannot send to receive-only channel c");
    EXPECT_ERROR(PROG("func f(c chan<- int) { <-c }\nfunc main() {}\n"), "cannot receive from send-only channel");
}

Test(checker, types) {
    EXPECT_ERROR(PROG("type T struct{ t T }\nfunc main() {}\n"), "invalid recursive type");
    EXPECT_ERROR(PROG("func main() { var x map[[]int]bool; _ = x }\n"), "invalid map key type []int");
    EXPECT_ERROR(PROG("func main() { var x nothing; _ = x }\n"), "undefined: nothing");
    EXPECT_ERROR(PROG("func f[T any](x T) {}\nfunc main() {}\n"), "not supported by goi");
}

/* Generics are unsupported: one error per generic declaration or
 * instantiation, and none cascading from their type parameters or uses. */
Test(checker, generics_reported_once) {
    const char *e = errors_of(PROG("type Stack[T any] struct{ items []T }\n"
                                   "func (s *Stack[T]) Push(x T) { s.items = append(s.items, x) }\n"
                                   "func Sum[T int | float64](xs ...T) T { var t T; return t }\n"
                                   "func main() { var s Stack[int]; s.Push(1); println(Sum(1, 2), Sum[int](3)) }\n"));
    cr_assert_str_eq(e, "2:6: generic type Stack is not supported by goi\n"
                        "3:10: generic receiver types are not supported by goi\n"
                        "4:6: generic function Sum is not supported by goi\n"
                        "5:21: generic type instantiation is not supported by goi\n");
    /* the program's other errors are still reported */
    e = errors_of(PROG("func Map[T any](x T) T { return x }\nfunc main() { _ = Map(1); undefinedThing() }\n"));
    cr_assert_str_eq(e, "2:6: generic function Map is not supported by goi\n"
                        "3:27: undefined: undefinedThing\n");
}

Test(checker, switch_cases) {
    EXPECT_ERROR(PROG("func main() { x := 1; switch x { case 1, 1: } }\n"), "duplicate case 1");
}

Test(checker, errors_sorted_and_limited) {
    StrBuf src;
    sb_init(&src);
    sb_puts(&src, "package main\nfunc main() {\n");
    for (int i = 0; i < 15; i++) sb_printf(&src, "\tu%d()\n", i);
    sb_puts(&src, "}\n");
    CompileOptions opts = {.max_errors = 10, .print_errors = false};
    Session *s = session_new("t.go", opts);
    cr_assert_null(compile_program(s, src.data, src.len));
    cr_assert_eq(session_error_count(s), 15);
    cr_assert(strstr(session_error(s, 0), "3:2: undefined: u0"));
    cr_assert(strstr(session_error(s, 14), "17:2: undefined: u14"));
}

/* Standard-library bodies are checked lazily when a program runs; check
 * them all here so a mistake in a package source fails a test, not a user. */
Test(checker, every_standard_package_checks) {
    int n;
    const StdPackage *const *all = stdlib_packages(&n);
    StrBuf src;
    sb_init(&src);
    sb_puts(&src, "package main\nimport (\n");
    for (int i = 0; i < n; i++) sb_printf(&src, "\t_ \"%s\"\n", all[i]->path);
    sb_puts(&src, ")\nfunc main() {}\n");
    CompileOptions opts = {.max_errors = 10, .print_errors = false, .eager_std = true};
    Session *s = session_new("t.go", opts);
    Program *p = compile_program(s, src.data, src.len);
    StrBuf errs;
    sb_init(&errs);
    for (int i = 0; i < session_error_count(s); i++) sb_printf(&errs, "%s\n", session_error(s, i));
    cr_assert_not_null(p, "standard packages do not check:\n%s", errs.data);
}
