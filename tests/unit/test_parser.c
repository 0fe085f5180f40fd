/* test_parser.c - the parser: trees, positions, syntax errors, REPL input.
 *
 * Trees are compared through their S-expression dump (see parser/ast.c).
 * Expected syntax errors were checked against gc: the positions and texts are
 * gc's, in the wording of Go 1.20+ ("expected", "name x", "keyword func"). */
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>

#include "parser/parser.h"

static void setup(void) {
    GC_INIT();
    diag_show_caret = false;
}

TestSuite(parser, .init = setup);

/* ---------------------------------------------------------------- helpers */

static char *error_text(const ParseResult *r) {
    StrBuf b;
    sb_init(&b);
    for (int i = 0; i < r->errors.len; i++)
        sb_printf(&b, "%d:%d: %s\n", r->errors.items[i].pos.line, r->errors.items[i].pos.col,
                  r->errors.items[i].msg);
    return b.data;
}

static ParseResult parse(const char *src) { return parse_file("t.go", src, strlen(src)); }

/* The errors of a whole file, "line:col: msg" per line. */
static char *errors(const char *src) {
    ParseResult r = parse(src);
    return error_text(&r);
}

#define expect_errors(src, want) cr_expect_str_eq(errors(src), want, "source:\n%s", src)

static File *parse_ok(const char *src) {
    ParseResult r = parse(src);
    cr_assert_eq(r.errors.len, 0, "errors in:\n%s\n%s", src, error_text(&r));
    cr_expect_not(r.incomplete);
    return r.file;
}

static const char *expr(const char *src) {
    ParseResult r;
    Expr *e = parse_expr_string("t.go", src, &r);
    cr_assert_eq(r.errors.len, 0, "errors in %s:\n%s", src, error_text(&r));
    return ast_dump_expr(e);
}

#define expect_expr(src, want) cr_expect_str_eq(expr(src), want, "expression: %s", src)

/* The statements of src placed in a function body, dumped one after another. */
static const char *stmts(const char *src) {
    char *file = gc_sprintf("package p\nfunc _() {\n%s\n}\n", src);
    File *f = parse_ok(file);
    Stmt *body = f->decls.items[0]->u.func.body;
    StrBuf b;
    sb_init(&b);
    for (int i = 0; i < body->u.block.list.len; i++) {
        if (i) sb_putc(&b, ' ');
        sb_puts(&b, ast_dump_stmt(body->u.block.list.items[i]));
    }
    return b.data;
}

#define expect_stmts(src, want) cr_expect_str_eq(stmts(src), want, "statements: %s", src)

/* The declarations of src after a package clause (the "(file p " prefix and
 * the closing parenthesis removed). */
static const char *decls(const char *src) {
    File *f = parse_ok(gc_sprintf("package p\n%s\n", src));
    char *d = ast_dump_file(f);
    size_t n = strlen(d);
    cr_assert(n > 9 && strncmp(d, "(file p ", 8) == 0, "%s", d);
    d[n - 1] = 0;
    return d + 8;
}

#define expect_decls(src, want) cr_expect_str_eq(decls(src), want, "declarations: %s", src)

/* The type T in "var _ T". */
static const char *type(const char *src) {
    File *f = parse_ok(gc_sprintf("package p\nvar _ %s\n", src));
    return ast_dump_expr(f->decls.items[0]->u.gen.specs.items[0]->u.value.type);
}

#define expect_type(src, want) cr_expect_str_eq(type(src), want, "type: %s", src)

/* ---------------------------------------------------------------- expressions */

Test(parser, precedence_levels) {
    expect_expr("a + b*2", "(binary + (ident a) (binary * (ident b) (lit 2)))");
    expect_expr("a*b + c", "(binary + (binary * (ident a) (ident b)) (ident c))");
    expect_expr("a || b && c == d + e*f",
                "(binary || (ident a) (binary && (ident b) (binary == (ident c) (binary + (ident d) "
                "(binary * (ident e) (ident f))))))");
    expect_expr("x<<1 | y&3 &^ z",
                "(binary | (binary << (ident x) (lit 1)) (binary &^ (binary & (ident y) (lit 3)) (ident z)))");
    expect_expr("a < b == c", "(binary == (binary < (ident a) (ident b)) (ident c))");
    expect_expr("a % b / c >> d", "(binary >> (binary / (binary % (ident a) (ident b)) (ident c)) (ident d))");
    expect_expr("a ^ b - c | d", "(binary | (binary - (binary ^ (ident a) (ident b)) (ident c)) (ident d))");
}

Test(parser, left_associativity) {
    expect_expr("a - b - c", "(binary - (binary - (ident a) (ident b)) (ident c))");
    expect_expr("a / b * c", "(binary * (binary / (ident a) (ident b)) (ident c))");
    expect_expr("a || b || c", "(binary || (binary || (ident a) (ident b)) (ident c))");
    expect_expr("a == b != c", "(binary != (binary == (ident a) (ident b)) (ident c))");
}

Test(parser, unary_operators) {
    expect_expr("-a * b", "(binary * (unary - (ident a)) (ident b))");
    expect_expr("!a && b", "(binary && (unary ! (ident a)) (ident b))");
    expect_expr("^x + +y", "(binary + (unary ^ (ident x)) (unary + (ident y)))");
    expect_expr("*p + 1", "(binary + (star (ident p)) (lit 1))");
    expect_expr("&x", "(unary & (ident x))");
    expect_expr("**pp", "(star (star (ident pp)))");
    expect_expr("<-ch + 1", "(binary + (unary <- (ident ch)) (lit 1))");
    expect_expr("<-<-ch", "(unary <- (unary <- (ident ch)))");
    expect_expr("a - -b", "(binary - (ident a) (unary - (ident b)))");
    expect_expr("-f(x).y[2]", "(unary - (index (selector (call (ident f) (ident x)) y) (lit 2)))");
}

Test(parser, parentheses) {
    expect_expr("(a + b) * c", "(binary * (paren (binary + (ident a) (ident b))) (ident c))");
    expect_expr("((x))", "(paren (paren (ident x)))");
}

Test(parser, literals) {
    expect_expr("42", "(lit 42)");
    expect_expr("0x1F", "(lit 0x1F)");
    expect_expr("1.5e3", "(lit 1.5e3)");
    expect_expr("2i", "(lit 2i)");
    expect_expr("'\\n'", "(lit '\\n')");
    expect_expr("\"hi\"", "(lit \"hi\")");
    expect_expr("`raw`", "(lit `raw`)");
    Expr *e = parse_expr_string("t.go", "'x'", NULL);
    cr_expect_eq(e->u.lit.kind, TK_CHAR);
}

Test(parser, calls_and_conversions) {
    expect_expr("f()", "(call (ident f))");
    expect_expr("f(a, b)", "(call (ident f) (ident a) (ident b))");
    expect_expr("f(a, b,)", "(call (ident f) (ident a) (ident b))");
    expect_expr("append(xs, ys...)", "(call (ident append) (ident xs) (ident ys) ...)");
    expect_expr("f(a)(b)", "(call (call (ident f) (ident a)) (ident b))");
    expect_expr("[]byte(s)", "(call (slicetype (ident byte)) (ident s))");
    expect_expr("(*T)(p)", "(call (paren (star (ident T))) (ident p))");
    expect_expr("map[string]int(m)", "(call (map (ident string) (ident int)) (ident m))");
    expect_expr("make(chan int, 3)", "(call (ident make) (chan (ident int)) (lit 3))");
    expect_expr("new(struct{})", "(call (ident new) (struct))");
    expect_expr("(func())(f)", "(call (paren (functype (params))) (ident f))");
    expect_expr("interface{}(x)", "(call (interface) (ident x))");
}

Test(parser, selectors_and_method_expressions) {
    expect_expr("a.b.c", "(selector (selector (ident a) b) c)");
    expect_expr("fmt.Println", "(selector (ident fmt) Println)");
    expect_expr("(*T).M", "(selector (paren (star (ident T))) M)");
    expect_expr("T.M", "(selector (ident T) M)");
    expect_expr("x.(T)", "(typeassert (ident x) (ident T))");
    expect_expr("x.(*pkg.T)", "(typeassert (ident x) (star (selector (ident pkg) T)))");
    expect_expr("x.(interface{ M() })", "(typeassert (ident x) (interface (field (M) (functype (params)))))");
    expect_expr("x.(type)", "(typeassert (ident x) type)");
}

Test(parser, index_slice_and_instantiation) {
    expect_expr("a[i]", "(index (ident a) (ident i))");
    expect_expr("m[k][j]", "(index (index (ident m) (ident k)) (ident j))");
    expect_expr("s[:]", "(slice (ident s) nil nil)");
    expect_expr("s[1:]", "(slice (ident s) (lit 1) nil)");
    expect_expr("s[:2]", "(slice (ident s) nil (lit 2))");
    expect_expr("s[i+1 : j]", "(slice (ident s) (binary + (ident i) (lit 1)) (ident j))");
    expect_expr("s[1:2:3]", "(slice3 (ident s) (lit 1) (lit 2) (lit 3))");
    expect_expr("s[:2:3]", "(slice3 (ident s) nil (lit 2) (lit 3))");
    expect_expr("f[int]", "(index (ident f) (ident int))");
    expect_expr("f[int, string](x)", "(call (index (ident f) (ident int) (ident string)) (ident x))");
    expect_expr("Pair[K, []V]", "(index (ident Pair) (ident K) (slicetype (ident V)))");
    expect_expr("pkg.Map[int]{}", "(composite (index (selector (ident pkg) Map) (ident int)))");
}

Test(parser, composite_literals) {
    expect_expr("T{}", "(composite (ident T))");
    expect_expr("T{1, 2,}", "(composite (ident T) (lit 1) (lit 2))");
    expect_expr("T{a: 1, b: 2}",
                "(composite (ident T) (keyvalue (ident a) (lit 1)) (keyvalue (ident b) (lit 2)))");
    expect_expr("[]int{1, 2}", "(composite (slicetype (ident int)) (lit 1) (lit 2))");
    expect_expr("[...]string{\"a\"}", "(composite (array (ellipsis) (ident string)) (lit \"a\"))");
    expect_expr("[2][2]int{{1, 2}, {3}}",
                "(composite (array (lit 2) (array (lit 2) (ident int))) (composite nil (lit 1) (lit 2)) "
                "(composite nil (lit 3)))");
    expect_expr("map[string][]int{\"a\": {1}, \"b\": nil}",
                "(composite (map (ident string) (slicetype (ident int))) (keyvalue (lit \"a\") (composite nil "
                "(lit 1))) (keyvalue (lit \"b\") (ident nil)))");
    expect_expr("map[Point]string{{1, 2}: \"a\"}",
                "(composite (map (ident Point) (ident string)) (keyvalue (composite nil (lit 1) (lit 2)) (lit \"a\")))");
    expect_expr("&T{x: 1}", "(unary & (composite (ident T) (keyvalue (ident x) (lit 1))))");
    expect_expr("[]*T{{}, &T{}}", "(composite (slicetype (star (ident T))) (composite nil) (unary & (composite (ident T))))");
    expect_expr("pkg.T{}", "(composite (selector (ident pkg) T))");
    expect_expr("struct{ x int }{1}", "(composite (struct (field (x) (ident int))) (lit 1))");
    expect_expr("T{}.f", "(selector (composite (ident T)) f)");
}

Test(parser, function_literals) {
    expect_expr("func(x int) int { return x }",
                "(funclit (functype (params (field (x) (ident int))) (results (field (ident int)))) (block "
                "(return (ident x))))");
    expect_expr("func() {}()", "(call (funclit (functype (params)) (block)))");
    expect_expr("func(a, b int) (s string, err error) {}",
                "(funclit (functype (params (field (a b) (ident int))) (results (field (s) (ident string)) "
                "(field (err) (ident error)))) (block))");
}

Test(parser, receive_versus_channel_type) {
    expect_expr("<-chan int(nil)", "(unary <- (call (chan (ident int)) (ident nil)))");
    expect_expr("(<-chan int)(nil)", "(call (paren (<-chan (ident int))) (ident nil))");
    expect_expr("<-chan int", "(<-chan (ident int))");
    expect_expr("<-chan<- chan int", "(<-chan (<-chan (ident int)))");
    expect_expr("<-ch", "(unary <- (ident ch))");
}

/* ---------------------------------------------------------------- types */

Test(parser, array_slice_map_pointer_types) {
    expect_type("[3]int", "(array (lit 3) (ident int))");
    expect_type("[N*2][]string", "(array (binary * (ident N) (lit 2)) (slicetype (ident string)))");
    expect_type("[]*T", "(slicetype (star (ident T)))");
    expect_type("map[string]map[int]bool", "(map (ident string) (map (ident int) (ident bool)))");
    expect_type("*pkg.T", "(star (selector (ident pkg) T))");
    expect_type("List[int]", "(index (ident List) (ident int))");
    expect_type("(int)", "(paren (ident int))");
}

Test(parser, channel_directions) {
    expect_type("chan int", "(chan (ident int))");
    expect_type("chan<- int", "(chan<- (ident int))");
    expect_type("<-chan int", "(<-chan (ident int))");
    expect_type("chan<- chan int", "(chan<- (chan (ident int)))");
    expect_type("chan<- <-chan int", "(chan<- (<-chan (ident int)))");
    expect_type("<-chan <-chan int", "(<-chan (<-chan (ident int)))");
    expect_type("chan (<-chan int)", "(chan (paren (<-chan (ident int))))");
    expect_type("chan chan<- struct{}", "(chan (chan<- (struct)))");
}

Test(parser, function_types) {
    expect_type("func()", "(functype (params))");
    expect_type("func(int, string) error",
                "(functype (params (field (ident int)) (field (ident string))) (results (field (ident error))))");
    expect_type("func(a, b int, c ...string) (x int, err error)",
                "(functype (params (field (a b) (ident int)) (field (c) (ellipsis (ident string)))) (results "
                "(field (x) (ident int)) (field (err) (ident error))))");
    expect_type("func(x, y)", "(functype (params (field (ident x)) (field (ident y))))");
    expect_type("func(...interface{})", "(functype (params (field (ellipsis (interface)))))");
    expect_type("func(p.T, []int) (int)", "(functype (params (field (selector (ident p) T)) (field (slicetype "
                                         "(ident int)))) (results (field (ident int))))");
    expect_type("func(f func(int) bool) func() int",
                "(functype (params (field (f) (functype (params (field (ident int))) (results (field (ident "
                "bool)))))) (results (field (functype (params) (results (field (ident int)))))))");
}

Test(parser, struct_types) {
    expect_type("struct{}", "(struct)");
    expect_type("struct { a, b int; c string `json:\"c\"`; T; *U; pkg.V \"tag\"; W[int] }",
                "(struct (field (a b) (ident int)) (field (c) (ident string) (tag `json:\"c\"`)) (embed (ident "
                "T)) (embed (star (ident U))) (embed (selector (ident pkg) V) (tag \"tag\")) (embed (index (ident "
                "W) (ident int))))");
    expect_type("struct { a [3]int; b []int; c map[K]V }",
                "(struct (field (a) (array (lit 3) (ident int))) (field (b) (slicetype (ident int))) (field "
                "(c) (map (ident K) (ident V))))");
    File *f = parse_ok("package p\ntype S struct { T; x int }\n");
    Expr *st = f->decls.items[0]->u.gen.specs.items[0]->u.type.type;
    cr_expect(st->u.structtype.fields.items[0]->embedded);
    cr_expect_not(st->u.structtype.fields.items[1]->embedded);
}

Test(parser, interface_types) {
    expect_type("interface{}", "(interface)");
    expect_type("interface { M(int) string; fmt.Stringer; E }",
                "(interface (field (M) (functype (params (field (ident int))) (results (field (ident "
                "string))))) (field (selector (ident fmt) Stringer)) (field (ident E)))");
    expect_type("interface { ~int | ~string | float64 }",
                "(interface (field (binary | (binary | (unary ~ (ident int)) (unary ~ (ident string))) (ident "
                "float64))))");
    expect_type("interface { comparable; String() string }",
                "(interface (field (ident comparable)) (field (String) (functype (params) (results (field "
                "(ident string))))))");
    expect_type("interface { Container[int] }", "(interface (field (index (ident Container) (ident int))))");
}

/* ---------------------------------------------------------------- statements */

Test(parser, simple_statements) {
    expect_stmts("x := 1", "(assign (ident x) := (lit 1))");
    expect_stmts("a, b = b, a", "(assign (ident a) (ident b) = (ident b) (ident a))");
    expect_stmts("x += 2; x <<= 1; x &^= m",
                 "(assign (ident x) += (lit 2)) (assign (ident x) <<= (lit 1)) (assign (ident x) &^= (ident m))");
    expect_stmts("x++\ny--", "(incdec ++ (ident x)) (incdec -- (ident y))");
    expect_stmts("ch <- v", "(send (ident ch) (ident v))");
    expect_stmts("f(x)", "(expr (call (ident f) (ident x)))");
    expect_stmts("<-ch", "(expr (unary <- (ident ch)))");
    expect_stmts("*p = 1", "(assign (star (ident p)) = (lit 1))");
    expect_stmts("a[i], m[k] = 1, 2", "(assign (index (ident a) (ident i)) (index (ident m) (ident k)) = (lit 1) (lit 2))");
    expect_stmts("v, ok := m[k]", "(assign (ident v) (ident ok) := (index (ident m) (ident k)))");
    expect_stmts(";;", "");
}

Test(parser, go_defer_return) {
    expect_stmts("go f(1)", "(go (call (ident f) (lit 1)))");
    expect_stmts("defer mu.Unlock()", "(defer (call (selector (ident mu) Unlock)))");
    expect_stmts("defer func() { recover() }()",
                 "(defer (call (funclit (functype (params)) (block (expr (call (ident recover)))))))");
    expect_stmts("return", "(return)");
    expect_stmts("return 1, err", "(return (lit 1) (ident err))");
}

Test(parser, declarations_in_functions) {
    expect_stmts("var x int", "(var (varspec (x) (ident int)))");
    expect_stmts("var x, y = 1, 2", "(var (varspec (x y) nil (lit 1) (lit 2)))");
    expect_stmts("const c = 1", "(const (constspec 0 (c) nil (lit 1)))");
    expect_stmts("type T struct{}", "(type (typespec T (struct)))");
    expect_stmts("var (\n\ta int\n\tb = 2\n)", "(var (varspec (a) (ident int)) (varspec (b) nil (lit 2)))");
}

Test(parser, blocks_and_if) {
    expect_stmts("{ x := 1 }", "(block (assign (ident x) := (lit 1)))");
    expect_stmts("if x {}", "(if nil (ident x) (block) nil)");
    expect_stmts("if x := f(); x > 0 {\n} else if y {\n} else {\n\tz()\n}",
                 "(if (assign (ident x) := (call (ident f))) (binary > (ident x) (lit 0)) (block) (if nil (ident "
                 "y) (block) (block (expr (call (ident z))))))");
}

Test(parser, for_forms) {
    expect_stmts("for {}", "(for nil nil nil (block))");
    expect_stmts("for x < 10 {}", "(for nil (binary < (ident x) (lit 10)) nil (block))");
    expect_stmts("for i := 0; i < 10; i++ {}",
                 "(for (assign (ident i) := (lit 0)) (binary < (ident i) (lit 10)) (incdec ++ (ident i)) (block))");
    expect_stmts("for ;; {}", "(for nil nil nil (block))");
    expect_stmts("for ; x; {}", "(for nil (ident x) nil (block))");
    expect_stmts("for i := 0; i < n; {}",
                 "(for (assign (ident i) := (lit 0)) (binary < (ident i) (ident n)) nil (block))");
}

Test(parser, range_forms) {
    expect_stmts("for range ch {}", "(range nil nil nil (ident ch) (block))");
    expect_stmts("for k := range m {}", "(range (ident k) nil := (ident m) (block))");
    expect_stmts("for k, v := range m {}", "(range (ident k) (ident v) := (ident m) (block))");
    expect_stmts("for _, v = range xs {}", "(range (ident _) (ident v) = (ident xs) (block))");
    expect_stmts("for i := range []int{1, 2} {}",
                 "(range (ident i) nil := (composite (slicetype (ident int)) (lit 1) (lit 2)) (block))");
    File *f = parse_ok("package p\nfunc _() {\n\tfor k := range m {\n\t}\n}\n");
    Stmt *r = f->decls.items[0]->u.func.body->u.block.list.items[0];
    cr_expect_eq(r->kind, S_RANGE);
    cr_expect_eq(r->pos.line, 3);
    cr_expect_eq(r->pos.col, 2, "a range statement starts at \"for\"");
    cr_expect_eq(r->u.range.tok_pos.col, 8);
}

Test(parser, expression_switches) {
    expect_stmts("switch {}", "(switch nil nil (block))");
    expect_stmts("switch x {\ncase 1, 2:\n\tf()\n\tfallthrough\ncase 3:\ndefault:\n\tg()\n}",
                 "(switch nil (ident x) (block (case ((lit 1) (lit 2)) (expr (call (ident f))) (fallthrough)) "
                 "(case ((lit 3))) (default (expr (call (ident g))))))");
    expect_stmts("switch x := f(); x {}", "(switch (assign (ident x) := (call (ident f))) (ident x) (block))");
    expect_stmts("switch f(); {}", "(switch (expr (call (ident f))) nil (block))");
}

Test(parser, type_switches) {
    expect_stmts("switch x.(type) {}", "(typeswitch nil (expr (typeassert (ident x) type)) (block))");
    expect_stmts("switch v := x.(type) {\ncase int, string:\ncase nil:\ndefault:\n}",
                 "(typeswitch nil (assign (ident v) := (typeassert (ident x) type)) (block (case ((ident int) "
                 "(ident string))) (case ((ident nil))) (default)))");
    expect_stmts("switch y := f(); v := y.(type) {}",
                 "(typeswitch (assign (ident y) := (call (ident f))) (assign (ident v) := (typeassert (ident y) "
                 "type)) (block))");
    expect_stmts("switch x.(type) {\ncase []int, map[string]int, *T, func(), chan int, interface{ M() }:\n}",
                 "(typeswitch nil (expr (typeassert (ident x) type)) (block (case ((slicetype (ident int)) (map "
                 "(ident string) (ident int)) (star (ident T)) (functype (params)) (chan (ident int)) (interface "
                 "(field (M) (functype (params))))))))");
}

Test(parser, select_clauses) {
    expect_stmts("select {\ncase v := <-ch:\ncase v, ok := <-ch:\n\tuse(v, ok)\ncase out <- 1:\ncase <-done:\n"
                 "case x = <-c:\ndefault:\n}",
                 "(select (block (comm (assign (ident v) := (unary <- (ident ch)))) (comm (assign (ident v) (ident "
                 "ok) := (unary <- (ident ch))) (expr (call (ident use) (ident v) (ident ok)))) (comm (send (ident "
                 "out) (lit 1))) (comm (expr (unary <- (ident done)))) (comm (assign (ident x) = (unary <- (ident "
                 "c)))) (comm default)))");
    expect_stmts("select {}", "(select (block))");
}

Test(parser, labels_and_branches) {
    expect_stmts("L:\n\tfor {\n\t\tbreak L\n\t\tcontinue L\n\t}",
                 "(labeled L (for nil nil nil (block (break L) (continue L))))");
    expect_stmts("goto L\nL:", "(goto L) (labeled L (empty))");
    expect_stmts("for {\n\tbreak\n\tcontinue\n}", "(for nil nil nil (block (break) (continue)))");
    expect_stmts("L: x := 1", "(labeled L (assign (ident x) := (lit 1)))");
    expect_stmts("A: B: f()", "(labeled A (labeled B (expr (call (ident f)))))");
}

Test(parser, composite_literal_ambiguity) {
    /* In a header, "T {" opens the body. */
    expect_stmts("if x {}", "(if nil (ident x) (block) nil)");
    expect_stmts("for x := range s {}", "(range (ident x) nil := (ident s) (block))");
    expect_stmts("switch t {}", "(switch nil (ident t) (block))");
    expect_stmts("if a[i] {}", "(if nil (index (ident a) (ident i)) (block) nil)");
    expect_stmts("if p.ok {}", "(if nil (selector (ident p) ok) (block) nil)");
    /* Parentheses, brackets and type literals make composite literals possible again. */
    expect_stmts("if v == (T{}) {}",
                 "(if nil (binary == (ident v) (paren (composite (ident T)))) (block) nil)");
    expect_stmts("if f(T{}) {}", "(if nil (call (ident f) (composite (ident T))) (block) nil)");
    expect_stmts("for _, v := range []T{{1}} {}",
                 "(range (ident _) (ident v) := (composite (slicetype (ident T)) (composite nil (lit 1))) (block))");
    expect_stmts("if m[T{}] {}", "(if nil (index (ident m) (composite (ident T))) (block) nil)");
    expect_stmts("if x := (T{a: 1}); x.a > 0 {}",
                 "(if (assign (ident x) := (paren (composite (ident T) (keyvalue (ident a) (lit 1))))) (binary > "
                 "(selector (ident x) a) (lit 0)) (block) nil)");
    expect_stmts("if f := func() T { return T{} }; f().ok {}",
                 "(if (assign (ident f) := (funclit (functype (params) (results (field (ident T)))) (block (return "
                 "(composite (ident T)))))) (selector (call (ident f)) ok) (block) nil)");
    expect_stmts("for _, p := range map[string]int{\"a\": 1} {}",
                 "(range (ident _) (ident p) := (composite (map (ident string) (ident int)) (keyvalue (lit \"a\") "
                 "(lit 1))) (block))");
    /* ...and outside headers a bare type name takes its literal. */
    expect_stmts("x := T{}", "(assign (ident x) := (composite (ident T)))");
    /* gc: the literal's brace would end the condition. */
    expect_errors("package p\nfunc _() {\n\tif T{}.ok {\n\t}\n}\n",
                  "3:8: syntax error: unexpected . at end of statement\n"
                  "5:1: syntax error: non-declaration statement outside function body\n");
}

/* ---------------------------------------------------------------- declarations */

Test(parser, imports) {
    expect_decls("import \"fmt\"", "(import (importspec \"fmt\"))");
    expect_decls("import (\n\t\"os\"\n\tf \"fmt\"\n\t. \"math\"\n\t_ \"embed\"\n\t`raw/path`\n)",
                 "(import (importspec \"os\") (importspec f \"fmt\") (importspec . \"math\") (importspec _ "
                 "\"embed\") (importspec `raw/path`))");
    File *f = parse_ok("package p\nimport \"a\"\nimport (\n\t\"b\"\n\tc \"c\"\n)\n");
    cr_expect_eq(f->imports.len, 3);
    cr_expect_str_eq(f->imports.items[2]->u.import.path, "\"c\"");
    cr_expect_str_eq(f->imports.items[2]->u.import.name->u.ident.name, "c");
    cr_expect_eq(f->imports.items[2]->u.import.path_pos.col, 4);
    cr_expect(f->decls.items[1]->u.gen.grouped);
    cr_expect_not(f->decls.items[0]->u.gen.grouped);
}

Test(parser, constants_and_iota) {
    expect_decls("const (\n\tA = iota\n\tB\n\tC\n\tD = 10\n\tE\n)",
                 "(const (constspec 0 (A) nil (ident iota)) (constspec 1 implicit (B) nil) (constspec 2 implicit "
                 "(C) nil) (constspec 3 (D) nil (lit 10)) (constspec 4 implicit (E) nil))");
    expect_decls("const X, Y int = 1, 2", "(const (constspec 0 (X Y) (ident int) (lit 1) (lit 2)))");
    expect_decls("const (\n\tKB uint64 = 1 << (10 * (iota + 1))\n\tMB\n)",
                 "(const (constspec 0 (KB) (ident uint64) (binary << (lit 1) (paren (binary * (lit 10) (paren "
                 "(binary + (ident iota) (lit 1))))))) (constspec 1 implicit (MB) nil))");
    expect_decls("const (\n\ta, b = iota, iota * 2\n\tc, d\n)",
                 "(const (constspec 0 (a b) nil (ident iota) (binary * (ident iota) (lit 2))) (constspec 1 "
                 "implicit (c d) nil))");
}

Test(parser, variables) {
    expect_decls("var (\n\ta int\n\tb = 2\n\tc, d float64 = 1, 2\n)",
                 "(var (varspec (a) (ident int)) (varspec (b) nil (lit 2)) (varspec (c d) (ident float64) (lit 1) "
                 "(lit 2)))");
    expect_decls("var x, y, z = f()", "(var (varspec (x y z) nil (call (ident f))))");
}

Test(parser, type_declarations) {
    expect_decls("type A int", "(type (typespec A (ident int)))");
    expect_decls("type B = A", "(type (typespec B alias (ident A)))");
    expect_decls("type E [N]int", "(type (typespec E (array (ident N) (ident int))))");
    expect_decls("type E [N * 2]int", "(type (typespec E (array (binary * (ident N) (lit 2)) (ident int))))");
    expect_decls("type S []T", "(type (typespec S (slicetype (ident T))))");
    expect_decls("type D[T any] []T", "(type (typespec D (tparams (field (T) (ident any))) (slicetype (ident T))))");
    expect_decls("type F[K comparable, V any] map[K]V",
                 "(type (typespec F (tparams (field (K) (ident comparable)) (field (V) (ident any))) (map (ident "
                 "K) (ident V))))");
    expect_decls("type G[P *Q | R,] int",
                 "(type (typespec G (tparams (field (P) (binary | (star (ident Q)) (ident R)))) (ident int)))");
    expect_decls("type H[S ~[]E, E any] struct{ s S }",
                 "(type (typespec H (tparams (field (S) (unary ~ (slicetype (ident E)))) (field (E) (ident "
                 "any))) (struct (field (s) (ident S)))))");
    expect_decls("type I[A, B interface{ ~int }] int",
                 "(type (typespec I (tparams (field (A B) (interface (field (unary ~ (ident int)))))) (ident int)))");
    expect_decls("type Number interface {\n\t~int | ~float64\n}",
                 "(type (typespec Number (interface (field (binary | (unary ~ (ident int)) (unary ~ (ident "
                 "float64)))))))");
    expect_decls("type (\n\tX int\n\tY = X\n)", "(type (typespec X (ident int)) (typespec Y alias (ident X)))");
}

Test(parser, functions_and_methods) {
    expect_decls("func f() {}", "(func f (functype (params)) (block))");
    expect_decls("func (r *T) M(x int) (int, error) { return 0, nil }",
                 "(func M (recv (field (r) (star (ident T)))) (functype (params (field (x) (ident int))) (results "
                 "(field (ident int)) (field (ident error)))) (block (return (lit 0) (ident nil))))");
    expect_decls("func (T) M() {}", "(func M (recv (field (ident T))) (functype (params)) (block))");
    expect_decls("func F[T any, U comparable](x T) U { var u U; return u }",
                 "(func F (functype (tparams (field (T) (ident any)) (field (U) (ident comparable))) (params "
                 "(field (x) (ident T))) (results (field (ident U)))) (block (var (varspec (u) (ident U))) "
                 "(return (ident u))))");
    expect_decls("func (l *List[T]) Push(v T) {}",
                 "(func Push (recv (field (l) (star (index (ident List) (ident T))))) (functype (params (field (v) "
                 "(ident T)))) (block))");
    expect_decls("func g(int, string)", "(func g (functype (params (field (ident int)) (field (ident string)))) nil)");
    expect_decls("func h(a, b int, c ...string)",
                 "(func h (functype (params (field (a b) (ident int)) (field (c) (ellipsis (ident string))))) nil)");
}

Test(parser, functions_without_body) {
    File *f = parse_ok("package strings\n\nfunc Index(s, substr string) int\nfunc Count(s, sep string) int\n");
    cr_assert_eq(f->decls.len, 2);
    cr_expect_null(f->decls.items[0]->u.func.body);
    cr_expect_null(f->decls.items[1]->u.func.body);
    cr_expect_str_eq(f->package, "strings");
}

Test(parser, file_structure) {
    File *f = parse_ok("#!/usr/bin/env goi\npackage main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hi\")\n}\n");
    cr_expect_str_eq(f->package, "main");
    cr_expect_eq(f->package, intern_cstr("main"), "interned");
    cr_expect_eq(f->package_pos.line, 2);
    cr_expect_eq(f->package_pos.col, 9);
    cr_expect_str_eq(f->filename, "t.go");
    cr_expect_str_eq(ast_dump_file(f),
                     "(file main (import (importspec \"fmt\")) (func main (functype (params)) (block (expr (call "
                     "(selector (ident fmt) Println) (lit \"hi\"))))))");
}

/* ---------------------------------------------------------------- positions */

Test(parser, expression_positions) {
    Expr *e = parse_expr_string("t.go", "a.b + f(x)[i]", NULL);
    cr_expect_eq(e->kind, E_BINARY);
    cr_expect_eq(e->pos.col, 1, "a binary expression starts at its left operand");
    cr_expect_eq(e->u.binary.op_pos.col, 5);
    Expr *sel = e->u.binary.x;
    cr_expect_eq(sel->pos.col, 1);
    cr_expect_eq(sel->u.selector.sel_pos.col, 3);
    Expr *idx = e->u.binary.y;
    cr_expect_eq(idx->kind, E_INDEX);
    cr_expect_eq(idx->pos.col, 7);
    cr_expect_eq(idx->u.index.lbrack.col, 11);
    cr_expect_eq(idx->u.index.rbrack.col, 13);
    Expr *call = idx->u.index.x;
    cr_expect_eq(call->u.call.lparen.col, 8);
    cr_expect_eq(call->u.call.rparen.col, 10);
    cr_expect_str_eq(e->pos.file, "t.go");

    e = parse_expr_string("t.go", "T{1,\n2}", NULL);
    cr_expect_eq(e->u.composite.lbrace.col, 2);
    cr_expect_eq(e->u.composite.rbrace.line, 2);
    cr_expect_eq(e->u.composite.rbrace.col, 2);
}

Test(parser, statement_positions) {
    File *f = parse_ok("package p\nfunc f() {\n\tx, y := 1, 2\n\tx++\n\tch <- x\n}\n");
    Decl *d = f->decls.items[0];
    cr_expect_eq(d->pos.line, 2);
    cr_expect_eq(d->u.func.name->pos.col, 6);
    StmtList *l = &d->u.func.body->u.block.list;
    cr_expect_eq(l->items[0]->pos.col, 2);
    cr_expect_eq(l->items[0]->u.assign.tok_pos.col, 7);
    cr_expect_eq(l->items[1]->u.incdec.tok_pos.col, 3);
    cr_expect_eq(l->items[2]->u.send.arrow.col, 5);
    cr_expect_eq(d->u.func.body->u.block.rbrace.line, 6);
}

/* ---------------------------------------------------------------- Go source form */

Test(parser, expression_strings) {
    const char *cases[][2] = {
        {"a+b*c", "a + b * c"},
        {"f(x, y...)", "f(x, y...)"},
        {"[]int{1, 2}", "[]int{…}"},
        {"T{}", "T{}"},
        {"func(x int) string { return \"\" }", "func(x int) string {…}"},
        {"map[string]int", "map[string]int"},
        {"<-chan int", "<-chan int"},
        {"x.(type)", "x.(type)"},
        {"s[1:2:3]", "s[1:2:3]"},
        {"s[:]", "s[:]"},
        {"struct{a int; b string}", "struct{a int; b string}"},
        {"interface{M(); N() int}", "interface{M(); N() int}"},
        {"*p.x", "*p.x"},
        {"-(a+b)", "-(a + b)"},
        {"func(a, b int) (int, error)", "func(a, b int) (int, error)"},
        {"[...]T{}", "[...]T{}"},
    };
    for (size_t i = 0; i < countof(cases); i++) {
        Expr *e = parse_expr_string("t.go", cases[i][0], NULL);
        cr_expect_str_eq(ast_expr_string(e), cases[i][1]);
    }
}

/* ---------------------------------------------------------------- syntax errors */

Test(parser, conformance_brace_case) {
    expect_errors("package main\n\nfunc main() {\n\tfor i := 0; i < 3; i++ {\n\t\tif i%2 == 0 {\n\t\t}\n"
                  "\tfmt.Println(\"done\")\n}\n",
                  "9:1: syntax error: unexpected EOF, expected }\n");
}

Test(parser, errors_in_lists) {
    expect_errors("package main\n\nfunc main() {\n\tf(1, 2\n\tg()\n}\n",
                  "4:8: syntax error: unexpected newline in argument list; possibly missing comma or )\n");
    expect_errors("package main\n\nfunc main() {\n\ta := [3]int{1, 2, 3\n\t}\n}\n",
                  "4:21: syntax error: unexpected newline in composite literal; possibly missing comma or }\n");
    expect_errors("package main\n\ntype T struct {\n\ta int\n\tb string,\n\t(c)\n}\n",
                  "5:10: syntax error: unexpected comma in struct type; possibly missing semicolon or newline or }\n"
                  "6:4: syntax error: unexpected ) after top level declaration\n");
    expect_errors("package main\nfunc f(a int\n", "2:13: syntax error: unexpected newline in parameter list; "
                                                   "possibly missing comma or )\n");
}

Test(parser, errors_at_statement_level) {
    expect_errors("package main\n\nx := 1\n", "3:1: syntax error: non-declaration statement outside function body\n");
    expect_errors("package main\n\nfunc main() {\n\tx := \n}\n", "5:1: syntax error: unexpected }, expected expression\n");
    expect_errors("package main\n\nfunc main() {\n\tvar x int = y z\n\tx := range y\n}\n",
                  "4:16: syntax error: unexpected name z at end of statement\n"
                  "5:7: syntax error: unexpected keyword range, expected expression\n");
    expect_errors("package main\n\nfunc main() {\n\tx := 1 @ 2\n}\n",
                  "4:9: invalid character U+0040 '@'\n"
                  "4:11: syntax error: unexpected literal 2 at end of statement\n");
    expect_errors("func main() {}\n", "1:1: syntax error: package statement must be first\n");
    expect_errors("package main\n\nfunc main() {\n\tL: )\n}\n",
                  "4:3: syntax error: missing statement after label\n"
                  "5:1: syntax error: non-declaration statement outside function body\n");
    expect_errors("package main\n\nfunc main() {\n\tswitch x {\n\tcase 1\n\t}\n\tselect {\n\tfoo:\n\t}\n}\n",
                  "5:8: syntax error: unexpected newline, expected :\n"
                  "8:2: syntax error: unexpected name foo, expected case or default or }\n");
    expect_errors("package main\n\nfunc main() {\n\tvar a [3]int\n\t_ = a[]\n\tx.y.\n}\n",
                  "5:8: syntax error: unexpected ], expected operand\n"
                  "7:1: syntax error: unexpected }, expected name or (\n");
}

Test(parser, errors_in_headers) {
    expect_errors("package main\n\nfunc main() {\n\tif x := 1; x > 0 \n\t{\n\t}\n}\n",
                  "4:19: syntax error: unexpected newline, expected { after if clause\n");
    expect_errors("package main\n\nfunc main() {\n\tfor i := 0; i < 10; i++ \n\t{\n\t}\n}\n",
                  "4:26: syntax error: unexpected newline, expected { after for clause\n");
    expect_errors("package main\n\nfunc main() {\n\tx := 1\n\tif x = 5 {\n\t}\n\tif x++ {\n\t}\n\tdefer x\n"
                  "\tgo (f())\n\tfor i := 0; i < 3; i := 1 {\n\t}\n\tfor var i = 0; i < 3; i++ {\n\t}\n}\n",
                  "5:7: syntax error: cannot use assignment x = 5 as value\n"
                  "7:6: syntax error: cannot use x++ as value\n"
                  "9:8: expression in defer must be function call\n"
                  "10:5: expression in go must not be parenthesized\n"
                  "11:23: syntax error: cannot declare in post statement of for loop\n"
                  "13:10: syntax error: var declaration not allowed in for initializer\n");
    expect_errors("package main\nfunc main() {\n\tif {\n\t}\n}\n", "3:5: syntax error: missing condition in if statement\n");
    expect_errors("package main\nfunc main() {\n\tif x {\n\t} else for {\n\t}\n}\n",
                  "4:9: syntax error: else must be followed by if or statement block\n");
    expect_errors("package main\n\nfunc main() {\n\tfor x := range {\n\t}\n\tx.\n}\n",
                  "4:17: syntax error: unexpected {, expected expression\n"
                  "5:2: syntax error: unexpected }, expected { after for clause\n"
                  "7:1: syntax error: unexpected }, expected name or (\n");
}

Test(parser, errors_in_declarations) {
    expect_errors("package main\n\nfunc main()\n{\n}\n",
                  "4:1: syntax error: unexpected semicolon or newline before {\n");
    expect_errors("package main\n\nfunc (a, b T) f() {}\nfunc () g() {}\n",
                  "3:15: method has multiple receivers\n4:9: method has no receiver\n");
    expect_errors("package main\n\nfunc f(a int, string) {}\nfunc g[T any, U](x T) {}\nfunc h[T](x T) {}\n",
                  "3:15: syntax error: mixed named and unnamed parameters\n"
                  "4:16: syntax error: missing type constraint\n"
                  "5:9: syntax error: missing type constraint\n");
    expect_errors("package main\n\nimport \"fmt\"\nvar x = 1\nimport \"os\"\n",
                  "5:1: syntax error: imports must appear before other declarations\n");
    expect_errors("package main\n\nfunc f[T any]() {}\nvar x = func[T any]() {}\ntype I interface { M[T any]() }\n",
                  "4:13: syntax error: function type must have no type parameters\n"
                  "5:21: interface method must have no type parameters\n");
    expect_errors("package main\n\ntype _ <-chan<- int\n", "3:17: syntax error: unexpected name int, expected keyword chan\n");
    expect_errors("package main\nimport 42\n", "2:8: syntax error: import path must be a string\n");
    expect_errors("package main\nimport ;\n", "2:8: syntax error: missing import path\n");
    expect_errors("package main\nimport\n", "3:1: syntax error: missing import path\n");
    expect_errors("package main\n\nfunc main() {\n\tx := [3]int{1, 2, 3}\n\ty := x[1:2:]\n\tz := x[::3]\n}\n",
                  "5:13: final index required in 3-index slice\n6:10: middle index required in 3-index slice\n");
}

Test(parser, one_syntax_error_per_line) {
    /* After the first error of a line, gc stays quiet until the next line. */
    expect_errors("package main\nfunc main() {\n\tx := 1 1 1 ) ] }\n}\n",
                  "3:9: syntax error: unexpected literal 1 at end of statement\n"
                  "4:1: syntax error: non-declaration statement outside function body\n");
}

Test(parser, many_errors_and_report) {
    StrBuf src;
    sb_init(&src);
    sb_puts(&src, "package main\n\nfunc main() {\n\ta := 1\n");
    for (int i = 2; i <= 13; i++) sb_printf(&src, "\t%c := %d %d\n", 'a' + i - 1, i, i + 1);
    sb_puts(&src, "}\n");
    ParseResult r = parse(src.data);
    cr_expect_eq(r.errors.len, 12, "every line's error is kept");
    cr_expect_str_eq(r.errors.items[0].msg, "syntax error: unexpected literal 3 at end of statement");
    cr_expect_eq(r.errors.items[9].pos.line, 14);
    cr_expect_eq(r.errors.items[9].pos.col, 10);

    /* The report stops at ten, like gc. */
    fflush(stderr);
    cr_redirect_stderr();
    parse_report_errors(&r, 10);
    fflush(stderr);
    cr_expect_stderr_eq_str("t.go:5:9: syntax error: unexpected literal 3 at end of statement\n"
                            "t.go:6:9: syntax error: unexpected literal 4 at end of statement\n"
                            "t.go:7:9: syntax error: unexpected literal 5 at end of statement\n"
                            "t.go:8:9: syntax error: unexpected literal 6 at end of statement\n"
                            "t.go:9:9: syntax error: unexpected literal 7 at end of statement\n"
                            "t.go:10:9: syntax error: unexpected literal 8 at end of statement\n"
                            "t.go:11:9: syntax error: unexpected literal 9 at end of statement\n"
                            "t.go:12:9: syntax error: unexpected literal 10 at end of statement\n"
                            "t.go:13:10: syntax error: unexpected literal 11 at end of statement\n"
                            "t.go:14:10: syntax error: unexpected literal 12 at end of statement\n"
                            "t.go:14:10: too many errors\n");
}

Test(parser, recovery_keeps_the_rest_of_the_file) {
    ParseResult r = parse("package main\nfunc a() { x := }\nfunc b() { y := 1 }\n");
    cr_expect_eq(r.errors.len, 1);
    cr_assert_eq(r.file->decls.len, 2);
    cr_expect_str_eq(r.file->decls.items[1]->u.func.name->u.ident.name, "b");
    cr_expect_str_eq(ast_dump_stmt(r.file->decls.items[1]->u.func.body), "(block (assign (ident y) := (lit 1)))");
}

Test(parser, nesting_limit) {
    StrBuf src;
    sb_init(&src);
    sb_puts(&src, "package p\nvar x = ");
    for (int i = 0; i < 100000; i++) sb_putc(&src, '(');
    sb_puts(&src, "1\n");
    ParseResult r = parse(src.data);
    cr_assert(r.errors.len >= 1);
    cr_expect_str_eq(r.errors.items[0].msg, "syntax error: nesting too deep");
}

/* ---------------------------------------------------------------- incomplete input */

static bool incomplete_repl(const char *src) {
    StmtList out = {0};
    ParseResult r = parse_repl_input("repl", src, strlen(src), &out);
    if (r.incomplete) cr_expect_gt(r.errors.len, 0, "incomplete input is an error too: %s", src);
    return r.incomplete;
}

Test(parser, incomplete_input) {
    const char *more[] = {"func main() {", "x := 1 +", "f(1,", "s := `abc", "/* abc", "x := []int{1, 2,",
                          "if x {", "for i := 0; i < 3; i++ {\n\tx++\n", "type T struct {", "x := ", "fmt.",
                          "switch x {\ncase 1:", "m := map[string]int{", "var (", "f(g(h(", "a, b :=",
                          "if x {\n} else"};
    for (size_t i = 0; i < countof(more); i++) cr_expect(incomplete_repl(more[i]), "should be incomplete: %s", more[i]);
    const char *wrong[] = {"x := )", "f(1\n", "s := \"abc", "}", "x := 1 @ 2 +", "f(1\n, 2)", "x := 1 1",
                           "func main() {\n\tx := 1 @\n"};
    for (size_t i = 0; i < countof(wrong); i++) cr_expect_not(incomplete_repl(wrong[i]), "not incomplete: %s", wrong[i]);
    const char *fine[] = {"x := 1", "", "// just a comment", "f()\n", "func f() {}"};
    for (size_t i = 0; i < countof(fine); i++) {
        StmtList out = {0};
        ParseResult r = parse_repl_input("repl", fine[i], strlen(fine[i]), &out);
        cr_expect_eq(r.errors.len, 0, "%s", fine[i]);
        cr_expect_not(r.incomplete, "%s", fine[i]);
    }
    ParseResult r = parse("package main\nfunc main() {\n");
    cr_expect(r.incomplete, "also for whole files");
}

/* ---------------------------------------------------------------- REPL input */

static const char *repl(const char *src) {
    StmtList out = {0};
    ParseResult r = parse_repl_input("repl", src, strlen(src), &out);
    cr_assert_eq(r.errors.len, 0, "errors in %s:\n%s", src, error_text(&r));
    cr_assert_not_null(r.file);
    StrBuf b;
    sb_init(&b);
    for (int i = 0; i < out.len; i++) {
        if (i) sb_putc(&b, ' ');
        sb_puts(&b, ast_dump_stmt(out.items[i]));
    }
    return b.data;
}

Test(parser, repl_statements_and_declarations) {
    cr_expect_str_eq(repl("x := 1\nfmt.Println(x)"),
                     "(assign (ident x) := (lit 1)) (expr (call (selector (ident fmt) Println) (ident x)))");
    cr_expect_str_eq(repl("x := 1; y := 2;"), "(assign (ident x) := (lit 1)) (assign (ident y) := (lit 2))");
    cr_expect_str_eq(repl("func f(a int) int { return a }"),
                     "(func f (functype (params (field (a) (ident int))) (results (field (ident int)))) (block "
                     "(return (ident a))))");
    cr_expect_str_eq(repl("func (t T) M() {}"), "(func M (recv (field (t) (ident T))) (functype (params)) (block))");
    cr_expect_str_eq(repl("func (t *T) M() {}\n"), "(func M (recv (field (t) (star (ident T)))) (functype (params)) (block))");
    cr_expect_str_eq(repl("func() { println(1) }()"),
                     "(expr (call (funclit (functype (params)) (block (expr (call (ident println) (lit 1)))))))");
    cr_expect_str_eq(repl("func(x int) {}(1)"),
                     "(expr (call (funclit (functype (params (field (x) (ident int)))) (block)) (lit 1)))");
    cr_expect_str_eq(repl("import \"os\"\ntype T struct{}\nvar y = 2\nconst c = 3"),
                     "(import (importspec \"os\")) (type (typespec T (struct))) (var (varspec (y) nil (lit 2))) "
                     "(const (constspec 0 (c) nil (lit 3)))");
    cr_expect_str_eq(repl("for i := range xs {\n\tsum += i\n}"),
                     "(range (ident i) nil := (ident xs) (block (assign (ident sum) += (ident i))))");
    cr_expect_str_eq(repl(""), "");
    cr_expect_str_eq(repl("// nothing\n\n"), "");
}

Test(parser, repl_declarations_are_decl_statements) {
    StmtList out = {0};
    const char *src = "import \"strings\"\nfunc f() {}";
    ParseResult r = parse_repl_input("repl", src, strlen(src), &out);
    cr_assert_eq(out.len, 2);
    cr_expect_eq(out.items[0]->kind, S_DECL);
    cr_expect_eq(out.items[0]->u.decl.decl->kind, D_IMPORT);
    cr_expect_eq(out.items[1]->kind, S_DECL);
    cr_expect_eq(out.items[1]->u.decl.decl->kind, D_FUNC);
    cr_expect_eq(r.file->imports.len, 1);
    cr_expect_null(r.file->package);
}

Test(parser, repl_errors) {
    StmtList out = {0};
    ParseResult r = parse_repl_input("repl", "x := 1 2\ny := )", 15, &out);
    cr_expect_str_eq(error_text(&r), "1:8: syntax error: unexpected literal 2 at end of statement\n"
                                     "2:6: syntax error: unexpected ), expected expression\n");
    cr_expect_not(r.incomplete);
}

Test(parser, expression_entry_point) {
    ParseResult r;
    Expr *e = parse_expr_string("expr", "1 + 2", &r);
    cr_expect_eq(r.errors.len, 0);
    cr_expect_str_eq(ast_dump_expr(e), "(binary + (lit 1) (lit 2))");
    parse_expr_string("expr", "1 + 2 3", &r);
    cr_expect_str_eq(error_text(&r), "1:7: syntax error: unexpected literal 3 after expression\n");
    parse_expr_string("expr", "f(", &r);
    cr_expect(r.incomplete);
}

/* ---------------------------------------------------------------- cgo */

Test(parser, cgo_preamble) {
    File *f = parse_ok("package main\n\n// #include <stdio.h>\n// #include <stdlib.h>\nimport \"C\"\n");
    cr_expect_str_eq(f->cgo_preamble, " #include <stdio.h>\n #include <stdlib.h>\n");
    f = parse_ok("package main\n\n/*\n#include <math.h>\nstatic int two(void) { return 2; }\n*/\nimport \"C\"\n"
                 "import \"fmt\"\n");
    cr_expect_str_eq(f->cgo_preamble, "\n#include <math.h>\nstatic int two(void) { return 2; }\n");
    f = parse_ok("package main\n\nimport (\n\t\"fmt\"\n\t// #define N 3\n\t\"C\"\n)\n");
    cr_expect_str_eq(f->cgo_preamble, " #define N 3\n");
}

Test(parser, no_cgo_preamble) {
    cr_expect_null(parse_ok("package main\n\n// #include <stdio.h>\n\nimport \"C\"\n")->cgo_preamble,
                   "a blank line separates the comment from the import");
    cr_expect_null(parse_ok("package main\n\n// not a preamble\nimport \"fmt\"\n")->cgo_preamble);
    cr_expect_null(parse_ok("package main\nimport \"C\"\n")->cgo_preamble);
    cr_expect_null(parse_ok("package main\n// doc\nimport (\n\t\"C\"\n)\n")->cgo_preamble,
                   "a grouped spec takes its own comment only");
}

/* ---------------------------------------------------------------- the conformance corpus */

Test(parser, conformance_corpus) {
    const char *dir = "/work/shared/conformance/cases";
    DIR *d = opendir(dir);
    if (!d) cr_skip_test("no conformance corpus at %s", dir);
    int parsed = 0;
    struct dirent *ent;
    while ((ent = readdir(d))) {
        size_t n = strlen(ent->d_name);
        if (n < 4 || strcmp(ent->d_name + n - 3, ".go") != 0) continue;
        char *path = gc_sprintf("%s/%s", dir, ent->d_name);
        FILE *fp = fopen(path, "rb");
        cr_assert_not_null(fp, "%s", path);
        StrBuf src;
        sb_init(&src);
        char buf[4096];
        size_t k;
        while ((k = fread(buf, 1, sizeof buf, fp)) > 0) sb_putn(&src, buf, k);
        fclose(fp);
        ParseResult r = parse_file(path, src.data, src.len);
        if (strcmp(ent->d_name, "compile_err_syntax_brace.go") == 0) {
            cr_expect_str_eq(error_text(&r), "22:1: syntax error: unexpected EOF, expected }\n");
        } else {
            cr_expect_eq(r.errors.len, 0, "%s:\n%s", ent->d_name, error_text(&r));
            cr_expect_str_eq(r.file->package, "main", "%s", ent->d_name);
        }
        parsed++;
    }
    closedir(d);
    cr_expect_gt(parsed, 0);
}
