/* test_vm.c - the code generator and the dispatch loop: compile small
 * functions and run them on a goroutine built by hand (no scheduler). */
#include <criterion/criterion.h>

#include "../../compiler/compiler.h"
#include "../../runtime/runtime.h"
#include "../../vm/opcodes.h"

static void setup(void) {
    GC_INIT();
    types_init();
}

TestSuite(vm, .init = setup);

static Program *compile(const char *src) {
    CompileOptions opts = {.max_errors = 10, .print_errors = true};
    Session *s = session_new("t.go", opts);
    Program *p = compile_program(s, src, strlen(src));
    cr_assert_not_null(p, "does not compile:\n%s", src);
    return p;
}

static Func *find(Program *p, const char *name) {
    for (uint32_t i = 0; i < p->nfuncs; i++)
        if (strcmp(p->funcs[i]->name, name) == 0) return p->funcs[i];
    cr_assert_fail("no function %s", name);
    return NULL;
}

/* Run fn(args) to completion on a fresh goroutine; results in the returned slots. */
static Value *run(Func *fn, const Value *args, uint32_t nargs) {
    G *g = gc_alloc(sizeof(G));
    g->id = 1;
    g->stack_size = 64;
    g->stack = gc_alloc(g->stack_size * sizeof(Value));
    g->frames_cap = 4;
    g->frames = gc_alloc(g->frames_cap * sizeof(Frame));
    vm_prepare_goroutine(g, closure_new(fn, 0), args, nargs);
    cr_assert_eq(vm_execute(g), VM_DONE);
    return g->stack;
}

static int64_t call_int(const char *src, const char *fname, int64_t a, int64_t b) {
    Program *p = compile(src);
    Value args[2] = {{.i = a}, {.i = b}};
    return run(find(p, fname), args, 2)[0].i;
}

#define SRC(body) "package main\n" body "\nfunc main() {}\n"

Test(vm, integer_arithmetic_wraps_at_each_width) {
    const char *src = SRC("func add8(a, b int) int { return int(int8(a) + int8(b)) }\n"
                          "func addu8(a, b int) int { return int(uint8(a) + uint8(b)) }\n"
                          "func mul32(a, b int) int { return int(int32(a) * int32(b)) }\n"
                          "func sub64(a, b int) int { return a - b }\n");
    cr_assert_eq(call_int(src, "main.add8", 127, 1), -128);
    cr_assert_eq(call_int(src, "main.addu8", 255, 1), 0);
    cr_assert_eq(call_int(src, "main.mul32", 65536, 65536), 0);
    cr_assert_eq(call_int(src, "main.sub64", INT64_MIN, 1), INT64_MAX);
}

Test(vm, division_and_shifts) {
    const char *src = SRC("func div(a, b int) int { return a / b }\n"
                          "func rem(a, b int) int { return a % b }\n"
                          "func shl(a, b int) int { return a << uint(b) }\n"
                          "func shr(a, b int) int { return a >> uint(b) }\n"
                          "func ushr(a, b int) int { return int(uint64(a) >> uint(b)) }\n");
    cr_assert_eq(call_int(src, "main.div", -7, 2), -3);
    cr_assert_eq(call_int(src, "main.rem", -7, 2), -1);
    cr_assert_eq(call_int(src, "main.div", INT64_MIN, -1), INT64_MIN); /* no trap, as in Go */
    cr_assert_eq(call_int(src, "main.shl", 1, 70), 0);
    cr_assert_eq(call_int(src, "main.shr", -8, 100), -1);
    cr_assert_eq(call_int(src, "main.ushr", -1, 63), 1);
}

Test(vm, control_flow_and_recursion) {
    const char *src = SRC("func fib(n, _ int) int { if n < 2 { return n }; return fib(n-1, 0) + fib(n-2, 0) }\n"
                          "func sum(n, _ int) int { s := 0; for i := 1; i <= n; i++ { if i%3 == 0 { continue }; s += i }; return s }\n"
                          "func sw(n, _ int) int { switch { case n < 0: return -1; case n == 0: return 0 }; return 1 }\n"
                          "func lbl(n, _ int) int { c := 0\nouter:\n for i := 0; i < n; i++ { for j := 0; j < n; j++ { if j == 2 { continue outer }; if i == 3 { break outer }; c++ } }; return c }\n");
    cr_assert_eq(call_int(src, "main.fib", 20, 0), 6765);
    cr_assert_eq(call_int(src, "main.sum", 10, 0), 1 + 2 + 4 + 5 + 7 + 8 + 10);
    cr_assert_eq(call_int(src, "main.sw", -5, 0), -1);
    cr_assert_eq(call_int(src, "main.sw", 0, 0), 0);
    cr_assert_eq(call_int(src, "main.lbl", 10, 0), 6);
}

Test(vm, closures_capture_by_reference_with_per_iteration_loop_variables) {
    const char *src = SRC("func counter(n, _ int) int { c := 0; inc := func() { c++ }; for i := 0; i < n; i++ { inc() }; return c }\n"
                          "func perIter(n, _ int) int { var fs []func() int; for i := 0; i < n; i++ { fs = append(fs, func() int { return i }) }; s := 0; for _, f := range fs { s = s*10 + f() }; return s }\n");
    cr_assert_eq(call_int(src, "main.counter", 7, 0), 7);
    cr_assert_eq(call_int(src, "main.perIter", 4, 0), 123); /* 0,1,2,3, not 4,4,4,4 */
}

Test(vm, slices_maps_and_strings) {
    const char *src = SRC("func sl(n, _ int) int { s := make([]int, 0, 2); for i := 0; i < n; i++ { s = append(s, i*i) }; t := s[2:4]; t[0] = 100; return s[2] + len(t) + cap(s[:1]) }\n"
                          "func mp(n, _ int) int { m := map[string]int{}; for i := 0; i < n; i++ { m[string(rune('a'+i%5))] += i }; v, ok := m[\"zz\"]; if ok { return -1 }; return len(m)*1000 + m[\"a\"] + v }\n"
                          "func st(n, _ int) int { s := \"héllo\"; c := 0; for _, r := range s { c += int(r) }; b := []byte(s); return len(s)*100000 + len(b) + c%1000 + len([]rune(s))*10 }\n");
    cr_assert_eq(call_int(src, "main.sl", 5, 0), 100 + 2 + 8);
    cr_assert_eq(call_int(src, "main.mp", 10, 0), 5 * 1000 + 0 + 5);
    int64_t c = ('h' + 0xe9 + 'l' + 'l' + 'o') % 1000;
    cr_assert_eq(call_int(src, "main.st", 0, 0), 6 * 100000 + 6 + c + 50);
}

Test(vm, structs_interfaces_and_methods) {
    const char *src = SRC("type Shape interface{ Area() int }\n"
                          "type R struct{ w, h int }\n"
                          "func (r R) Area() int { return r.w * r.h }\n"
                          "type Sq struct{ R; tag string }\n"
                          "func area(a, b int) int { var s Shape = Sq{R{a, b}, \"x\"}; return s.Area() }\n"
                          "func assert(a, _ int) int { var x any = a; if n, ok := x.(int); ok { return n * 2 }; return -1 }\n"
                          "func tsw(a, _ int) int { var x any = R{a, 1}; switch v := x.(type) { case int: return 0; case R: return v.w; default: return -1 } }\n");
    cr_assert_eq(call_int(src, "main.area", 6, 7), 42);
    cr_assert_eq(call_int(src, "main.assert", 21, 0), 42);
    cr_assert_eq(call_int(src, "main.tsw", 9, 0), 9);
}

Test(vm, defer_runs_last_in_first_out_and_can_change_results) {
    const char *src = SRC("func d(a, _ int) (r int) { defer func() { r = r*10 + 1 }(); defer func() { r = r*10 + 2 }(); return a }\n"
                          "func rec(a, _ int) (r int) { defer func() { if recover() != nil { r = -a } }(); s := []int{}; return s[a] }\n");
    cr_assert_eq(call_int(src, "main.d", 3, 0), 321);
    cr_assert_eq(call_int(src, "main.rec", 5, 0), -5);
}

Test(vm, deep_recursion_grows_the_stack) {
    const char *src = SRC("func depth(n, _ int) int { if n == 0 { return 0 }; return 1 + depth(n-1, 0) }\n");
    cr_assert_eq(call_int(src, "main.depth", 1000000, 0), 1000000);
}

Test(vm, opcode_table_is_consistent) {
    for (int i = 0; i < OP__COUNT; i++) {
        cr_assert_not_null(opcode_names[i]);
        cr_assert_not_null(opcode_formats[i]);
        cr_assert(strlen(opcode_docs[i]) > 0, "opcode %s has no description", opcode_names[i]);
    }
}
