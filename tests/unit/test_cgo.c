/* test_cgo.c - import "C": the preamble's declaration parser, the C -> Go
 * type mapping, value conversions at the boundary, the Go source of
 * package C, and error positions in the Go file. */
#include <criterion/criterion.h>
#include <limits.h>

#include "stdlib/cgo_internal.h"

static void setup(void) { GC_INIT(); }

TestSuite(cgo, .init = setup);

/* ---------------------------------------------------------------- helpers */

static CPreamble *parse(const char *text) {
    CPreamble *p = NEW(CPreamble);
    cgo_parse_preamble(text, p);
    return p;
}

/* The errors of a preamble, "line:col: msg" per line. */
static char *errors(const char *text) {
    CPreamble *p = parse(text);
    StrBuf b;
    sb_init(&b);
    for (int i = 0; i < p->errors.len; i++)
        sb_printf(&b, "%d:%d: %s\n", p->errors.items[i].line, p->errors.items[i].col, p->errors.items[i].msg);
    return b.data ? b.data : "";
}

/* The Go type of a preamble's only function. */
static const char *func_go_type(const char *text) {
    CPreamble *p = parse(text);
    cr_assert_eq(p->errors.len, 0, "%s: %s", text, p->errors.len ? p->errors.items[0].msg : "");
    cr_assert_eq(p->funcs.len, 1, "%s", text);
    return cgo_go_type(p->funcs.items[0].type);
}

#define expect_func(text, want) cr_expect_str_eq(func_go_type(text), want, "preamble: %s", text)
#define expect_errors(text, want) cr_expect_str_eq(errors(text), want, "preamble: %s", text)

/* ------------------------------------------------------------ prototypes */

Test(cgo, prototypes_of_the_brief) {
    expect_func("double cos(double);", "func(_C_double) _C_double");
    expect_func("size_t strlen(const char *);", "func(*_C_char) _C_size_t");
    expect_func("int getpid(void);", "func() _C_int");
    expect_func("void *malloc(size_t);", "func(_C_size_t) unsafe.Pointer");
    expect_func("void free(void *);", "func(unsafe.Pointer)");
    expect_func("int printf(const char *, ...);", "func(*_C_char, ...any) _C_int");
}

Test(cgo, every_basic_type) {
    expect_func("char f(signed char, unsigned char, short, unsigned short);",
                "func(_C_schar, _C_uchar, _C_short, _C_ushort) _C_char");
    expect_func("int f(unsigned, unsigned int, long, unsigned long, long int);",
                "func(_C_uint, _C_uint, _C_long, _C_ulong, _C_long) _C_int");
    expect_func("long long f(unsigned long long, long long int, float, double);",
                "func(_C_ulonglong, _C_longlong, _C_float, _C_double) _C_longlong");
    expect_func("_Bool f(bool, short int, unsigned short int, signed);",
                "func(_C_bool, _C_short, _C_ushort, _C_int) bool");
    expect_func("ssize_t f(int8_t, uint8_t, int16_t, uint16_t, int32_t, uint32_t, int64_t, uint64_t);",
                "func(_C_int8_t, _C_uint8_t, _C_int16_t, _C_uint16_t, _C_int32_t, _C_uint32_t, _C_int64_t, "
                "_C_uint64_t) _C_ssize_t");
}

Test(cgo, pointers_and_qualifiers) {
    expect_func("char *strcpy(char *restrict, const char *restrict);", "func(*_C_char, *_C_char) *_C_char");
    expect_func("int f(const char *const *argv, int **pp, void **out);", "func(**_C_char, **_C_int, *unsafe.Pointer) _C_int");
    expect_func("double modf(double x, double *iptr);", "func(_C_double, *_C_double) _C_double");
    expect_func("int main2(int argc, char *argv[]);", "func(_C_int, **_C_char) _C_int");
    expect_func("FILE *fopen(const char *, const char *);", "func(*_C_char, *_C_char) *_C_FILE");
    expect_func("extern __attribute__((nonnull(1))) int f(volatile int *p) __attribute__((pure));", "func(*_C_int) _C_int");
}

Test(cgo, function_pointers) {
    expect_func("void qsort(void *base, size_t nmemb, size_t size, int (*compar)(const void *, const void *));",
                "func(unsafe.Pointer, _C_size_t, _C_size_t, func(unsafe.Pointer, unsafe.Pointer) _C_int)");
    expect_func("void each(void (*)(int));", "func(func(_C_int))");
    expect_func("void each(void f(double));", "func(func(_C_double))");
}

Test(cgo, typedefs) {
    CPreamble *p = parse("typedef unsigned long uLong;\n"
                         "typedef uLong uLongf;\n"
                         "typedef unsigned char Bytef;\n"
                         "typedef int (*cmp_t)(const void *, const void *);\n"
                         "typedef struct z_stream_s *z_streamp;\n"
                         "uLong crc32(uLong crc, const Bytef *buf, unsigned int len);\n"
                         "void sort(cmp_t, uLongf);\n"
                         "int inflateEnd(z_streamp);\n");
    cr_assert_eq(p->errors.len, 0, "%s", p->errors.len ? p->errors.items[0].msg : "");
    cr_assert_eq(p->typedefs.len, 5);
    cr_expect_str_eq(cgo_go_type(p->typedefs.items[0].type), "_C_ulong");
    cr_expect_str_eq(cgo_go_type(p->typedefs.items[1].type), "_C_uLong");
    cr_expect_str_eq(cgo_go_type(p->typedefs.items[3].type), "func(unsafe.Pointer, unsafe.Pointer) _C_int");
    cr_expect_str_eq(cgo_go_type(p->typedefs.items[4].type), "*_C_struct_z_stream_s");
    cr_expect_str_eq(cgo_go_type(p->funcs.items[0].type), "func(_C_uLong, *_C_Bytef, _C_uint) _C_uLong");
    cr_expect_str_eq(cgo_go_type(p->funcs.items[1].type), "func(_C_cmp_t, _C_uLongf)");
    cr_expect_str_eq(cgo_go_type(p->funcs.items[2].type), "func(_C_z_streamp) _C_int");
    /* the same declarations again are fine, as in C */
    cr_expect_str_eq(errors("typedef unsigned long size_t; typedef unsigned long size_t; size_t f(void); size_t f(void);"), "");
}

Test(cgo, structs_unions_enums) {
    CPreamble *p = parse("struct stat;\nint fstat(int, struct stat *);\nunion u *make(enum color c);\n");
    cr_assert_eq(p->errors.len, 0);
    cr_expect_str_eq(cgo_go_type(p->funcs.items[0].type), "func(_C_int, *_C_struct_stat) _C_int");
    cr_expect_str_eq(cgo_go_type(p->funcs.items[1].type), "func(_C_enum_color) *_C_union_u");
    cr_assert_eq(p->tags.len, 3);
    cr_expect_str_eq(p->tags.items[0]->goname, "struct_stat");
    cr_expect_str_eq(p->tags.items[1]->goname, "union_u");
    cr_expect_str_eq(p->tags.items[2]->goname, "enum_color");
}

Test(cgo, several_declarators_and_comments) {
    CPreamble *p = parse("/* math */ double sin(double), cos(double); // trig\nint abs(int) /* ! */ ;");
    cr_assert_eq(p->errors.len, 0);
    cr_assert_eq(p->funcs.len, 3);
    cr_expect_str_eq(p->funcs.items[1].name, "cos");
    cr_expect_eq(p->funcs.items[2].line, 2);
    cr_expect_eq(p->funcs.items[2].col, 5);
}

/* ------------------------------------------------------------- directives */

Test(cgo, ldflags) {
    CPreamble *p = parse(" #cgo LDFLAGS: -lm -lz -L/opt/lib -l ssl -Wl,--as-needed -pthread\n"
                         "#cgo linux,amd64 LDFLAGS: -lboth\n"
                         "#cgo !linux LDFLAGS: -lnotlinux\n"
                         "#cgo windows linux LDFLAGS: -leither\n"
                         "#cgo CFLAGS: -O2 -DX=1\n"
                         "#cgo LDFLAGS: -l:libz.so.1 /usr/lib/libfoo.so\n");
    cr_assert_eq(p->errors.len, 0, "%s", p->errors.len ? p->errors.items[0].msg : "");
    const char *want[] = {"m", "z", "ssl",
#if defined(__x86_64__)
                          "both",
#endif
                          "either", ":libz.so.1", ":/usr/lib/libfoo.so"};
    cr_assert_eq(p->libs.len, (int)countof(want));
    for (int i = 0; i < p->libs.len; i++) cr_expect_str_eq(p->libs.items[i].name, want[i]);
    cr_expect_eq(p->libs.items[0].line, 1);
    cr_assert_eq(p->libdirs.len, 1);
    cr_expect_str_eq(p->libdirs.items[0], "/opt/lib");
}

Test(cgo, includes_and_defines) {
    CPreamble *p = parse("#include <stdio.h>\n#include \"x.h\"\n#pragma once\n"
                         "#define A 10\n#define B (-0x10UL)\n#define C 1.5f\n#define D 'a'\n"
                         "#define E(x) (x)\n#define F \"str\"\n#define G 017\n#define H \\\n  42\n"
                         "#define I .5e3\n#define J '\\n'\n#define K SOMETHING_ELSE\n");
    cr_assert_eq(p->errors.len, 0, "%s", p->errors.len ? p->errors.items[0].msg : "");
    const char *want[][2] = {{"A", "10"}, {"B", "-0x10"}, {"C", "1.5"}, {"D", "97"}, {"G", "0o17"},
                             {"H", "42"}, {"I", "0.5e3"}, {"J", "10"}};
    cr_assert_eq(p->macros.len, (int)countof(want));
    for (int i = 0; i < p->macros.len; i++) {
        cr_expect_str_eq(p->macros.items[i].name, want[i][0]);
        cr_expect_str_eq(p->macros.items[i].value, want[i][1], "%s", want[i][0]);
    }
}

/* ----------------------------------------------------------------- errors */

Test(cgo, preamble_errors) {
    expect_errors("uLong crc32(uLong);",
                  "1:1: unknown type name 'uLong' (goi reads no headers: declare it in the preamble with a typedef)\n");
    expect_errors("static int add(int a, int b) { return a + b; }\nint ok(void);",
                  "1:12: goi does not compile C: the preamble can declare library functions, not define them (add has a body)\n");
    expect_errors("long double f(void);", "1:1: C type long double is not supported by goi\n");
    expect_errors("extern int errno;", "1:12: goi does not support C variables (errno): declare functions, typedefs or #define constants\n");
    expect_errors("int f(int)\nint g(int);", "2:1: expected ';' after the declaration of f, found 'int'\n");
    expect_errors("#ifdef X\n#endif", "1:1: goi does not run the C preprocessor: #ifdef is not supported in the preamble\n"
                                      "2:1: goi does not run the C preprocessor: #endif is not supported in the preamble\n");
    expect_errors("int float f(void);", "1:5: two or more data types in declaration specifiers\n");
    expect_errors("struct s { int x; };", "1:1: goi does not support struct definitions in the preamble: struct s is "
                                          "opaque (declare it as struct s; and pass pointers)\n");
    expect_errors("#cgo pkg-config: zlib", "1:1: #cgo pkg-config is not supported by goi: name the libraries with #cgo LDFLAGS: -lname\n");
    expect_errors("int f(int); double f(double);", "1:20: conflicting types for 'f'\n");
    expect_errors("_Complex double z(void);", "1:1: C type _Complex is not supported by goi\n");
    /* parsing goes on after an error */
    CPreamble *p = parse("bad thing(void); int good(void);");
    cr_expect_eq(p->errors.len, 1);
    cr_expect_eq(p->funcs.len, 1);
}

Test(cgo, function_type_checks) {
    CPreamble *p = parse("struct s;\nint byval(struct s);\nvoid (*signal(int, void (*)(int)))(int);\n"
                         "void f(int (*)(int, ...));\nvoid g(void (*)(void (*)(void)));\nint ok(struct s *);\n");
    cr_assert_eq(p->errors.len, 0, "%s", p->errors.len ? p->errors.items[0].msg : "");
    cr_assert_eq(p->funcs.len, 5);
    cr_expect_str_eq(cgo_check_func_type(p->funcs.items[0].type, "C.byval"),
                     "C.byval: goi passes C structs by pointer only, not struct s by value");
    cr_expect_str_eq(cgo_check_func_type(p->funcs.items[1].type, "C.signal"),
                     "C.signal: C functions returning function pointers are not supported by goi");
    cr_expect_str_eq(cgo_check_func_type(p->funcs.items[2].type, "C.f"), "C.f: variadic callbacks are not supported by goi");
    cr_expect_str_eq(cgo_check_func_type(p->funcs.items[3].type, "C.g"),
                     "C.g: a callback cannot take or return function pointers");
    cr_expect_null(cgo_check_func_type(p->funcs.items[4].type, "C.ok"));
}

/* ------------------------------------------------------- values, scalars */

Test(cgo, scalars) {
    CPreamble *p = parse("char a(void); long b(void); unsigned short c(void); float d(void); void *e(void); _Bool f(void);");
    cr_assert_eq(p->errors.len, 0);
    cr_expect_eq(cgo_scalar_of(p->funcs.items[0].type->ret), CHAR_MIN < 0 ? SC_S8 : SC_U8);
    cr_expect_eq(cgo_scalar_of(p->funcs.items[1].type->ret), SC_S64);
    cr_expect_eq(cgo_scalar_of(p->funcs.items[2].type->ret), SC_U16);
    cr_expect_eq(cgo_scalar_of(p->funcs.items[3].type->ret), SC_F32);
    cr_expect_eq(cgo_scalar_of(p->funcs.items[4].type->ret), SC_PTR);
    cr_expect_eq(cgo_scalar_of(p->funcs.items[5].type->ret), SC_BOOL);
    cr_expect_eq(cgo_scalar_of_kind(KIND_INT), SC_S64);
    cr_expect_eq(cgo_scalar_of_kind(KIND_UINTPTR), SC_U64);
    cr_expect_eq(cgo_scalar_of_kind(KIND_UNSAFEPTR), SC_PTR);
    cr_expect_eq(cgo_scalar_of_kind(KIND_STRING), SC_VOID);
    cr_expect_eq(cgo_ffi_type(SC_S32), &ffi_type_sint32);
    cr_expect_eq(cgo_scalar_size(SC_U16), 2);
}

Test(cgo, slot_conversions) {
    Value v = {.i = -1}, back;
    CValue c;
    cgo_to_c(SC_S8, &v, &c);
    cr_expect_eq(c.s8, -1);
    cgo_from_c(SC_U8, &c, &back); /* the same byte read as unsigned: zero-extended */
    cr_expect_eq(back.u, 255);
    cgo_from_c(SC_S8, &c, &back);
    cr_expect_eq(back.i, -1);
    v.f = 0.1;
    cgo_to_c(SC_F32, &v, &c);
    cr_expect_eq(c.f32, 0.1f);
    cgo_from_c(SC_F32, &c, &back);
    cr_expect_eq(back.f, (double)0.1f);
    v.u = 7;
    cgo_to_c(SC_BOOL, &v, &c);
    cr_expect_eq(c.u8, 1);
    /* results come widened to ffi_arg and are narrowed again */
    CValue r = {.ret = 0xFFFFFFFFu};
    cgo_from_ret(SC_S32, &r, &back);
    cr_expect_eq(back.i, -1);
    cgo_from_ret(SC_U32, &r, &back);
    cr_expect_eq(back.u, 0xFFFFFFFFu);
    ffi_arg out;
    v.i = -2;
    cgo_to_ret(SC_S16, &v, &out);
    cr_expect_eq((ffi_sarg)out, -2);
}

Test(cgo, goi_memory_views) {
    Value *slots = gc_alloc(4 * sizeof(Value));
    slots[0].i = 'h', slots[1].i = 'i', slots[2].i = 0, slots[3].i = -1;
    CgoView v;
    cr_assert(cgo_is_goi_memory(&slots[1]));
    cr_assert(cgo_view_open(&v, &slots[0], SC_S8));
    cr_expect_geq(v.n, 4);
    cr_expect_str_eq((char *)v.buf, "hi");
    ((char *)v.buf)[1] = 'o'; /* C writes one element */
    cgo_view_close(&v);
    cr_expect_eq(slots[1].i, 'o');
    cr_expect_eq(slots[3].i, -1);
    /* not a slot boundary, not goi memory, unknown element type */
    cr_expect_not(cgo_view_open(&v, (char *)slots + 3, SC_S8));
    int c_int = 0;
    cr_expect_not(cgo_view_open(&v, &c_int, SC_S32));
    cr_expect_not(cgo_is_goi_memory(&c_int));
    cr_expect_not(cgo_view_open(&v, slots, SC_VOID));
}

/* ---------------------------------------------------------- Go source */

Test(cgo, go_source) {
    CPreamble *p = parse("#define N 3\ntypedef unsigned int uInt;\nstruct s;\nvoid free(void *);\n"
                         "int use(struct s *, uInt, ...);\n");
    cr_assert_eq(p->errors.len, 0);
    const char *src = cgo_go_source(p);
    const char *want[] = {"package C\n",
                          "import \"unsafe\"\n",
                          "\ntype _C_int int32\n",
                          "\ntype _C_size_t = _C_ulong\n",
                          "\ntype _C_struct_s struct{}\n",
                          "\ntype _C_uInt = _C_uint\n",
                          "\nconst _C_N = 3\n",
                          "\nfunc _C_CString(s string) *_C_char\n",
                          "\nfunc _C_free(p0 unsafe.Pointer)\n",
                          "\nfunc _C_malloc(n _C_size_t) unsafe.Pointer\n",
                          "\nfunc _C_use(p0 *_C_struct_s, p1 _C_uInt, p2 ...any) _C_int\n"};
    for (size_t i = 0; i < countof(want); i++) cr_expect(strstr(src, want[i]), "missing %s in\n%s", want[i], src);
    /* the preamble's own free replaces cgo's */
    cr_expect_null(strstr(src, "func _C_free(p unsafe.Pointer)"));
}

/* ---------------------------------------------------------- the package */

static File *go_file(const char *src, const char *preamble) {
    File *f = NEW(File);
    f->filename = "t.go";
    f->src = src;
    f->srclen = strlen(src);
    f->cgo_preamble = preamble;
    return f;
}

Test(cgo, package_and_error_positions) {
    const char *src = "package main\n"
                      "\n"
                      "// size_t strlen(const char *);\n"
                      "// int no_such_function_goi_test(void);\n"
                      "//   uLong f(void);\n"
                      "import \"C\"\n";
    File *f = go_file(src, " size_t strlen(const char *);\n int no_such_function_goi_test(void);\n   uLong f(void);\n");
    CgoErrors errs = {0};
    const StdPackage *pkg = cgo_package(f, (Pos){"t.go", 6, 8}, &errs);
    cr_assert_not_null(pkg); /* a stand-in with cgo's helpers */
    cr_assert_eq(errs.len, 1);
    cr_expect_eq(errs.items[0].pos.line, 5);
    cr_expect_eq(errs.items[0].pos.col, 6);
    cr_expect(strstr(errs.items[0].msg, "unknown type name 'uLong'"));

    errs.len = 0;
    src = "package main\n\n/*\n size_t strlen(const char *);\n int no_such_function_goi_test(void);\n*/\nimport \"C\"\n";
    f = go_file(src, "\n size_t strlen(const char *);\n int no_such_function_goi_test(void);\n");
    pkg = cgo_package(f, (Pos){"t.go", 7, 8}, &errs);
    cr_assert_eq(errs.len, 1);
    cr_expect_eq(errs.items[0].pos.line, 5);
    cr_expect_eq(errs.items[0].pos.col, 6);
    cr_expect(strstr(errs.items[0].msg, "cannot find C function no_such_function_goi_test: "));
    cr_expect(strstr(errs.items[0].msg, "undefined symbol"));
}

Test(cgo, package_natives) {
    File *f = go_file("package main\n// size_t strlen(const char *);\nimport \"C\"\n", " size_t strlen(const char *);\n");
    CgoErrors errs = {0};
    const StdPackage *pkg = cgo_package(f, (Pos){"t.go", 3, 8}, &errs);
    cr_assert_eq(errs.len, 0);
    cr_expect_str_eq(pkg->path, "C");
    cr_expect_not_null(stdlib_native(pkg, "_C_strlen"));
    cr_expect_not_null(stdlib_native(pkg, "_C_CString"));
    cr_expect_not_null(stdlib_native(pkg, "_C_free"));
}

Test(cgo, library_errors) {
    File *f = go_file("package main\n// #cgo LDFLAGS: -lgoi_no_such_lib\nimport \"C\"\n", " #cgo LDFLAGS: -lgoi_no_such_lib\n");
    CgoErrors errs = {0};
    cgo_package(f, (Pos){"t.go", 3, 8}, &errs);
    cr_assert_eq(errs.len, 1);
    cr_expect_eq(errs.items[0].pos.line, 2);
    cr_expect_str_eq(errs.items[0].msg, "cannot load library -lgoi_no_such_lib: libgoi_no_such_lib.so: cannot open "
                                        "shared object file: No such file or directory");
}

Test(cgo, undeclared_message) {
    cr_expect_str_eq(cgo_undeclared_message("foo"), "could not determine kind of name for C.foo (declare it in the "
                                                    "comment above import \"C\", e.g. int foo(int);)");
    cr_expect(strstr(cgo_undeclared_message("struct_x"), "e.g. struct x;"));
}
