/* fmt_natives.c - natives of package fmt (stdlib/go/fmt.go): the Sprint
 * and Print families over the engine in fmt.c. Output to stdout goes
 * through the runtime's buffered writer. */
#include "natives.h"
#include "fmt_internal.h"
#include "../runtime/runtime.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

/* A String or Error method run by the engine goes through the VM, which
 * may grow g's stack and move the argument window. Natives write their
 * results to the window they were given; the VM copies them over when the
 * stack moved (vm.c, do_call). These helpers are kept as the single place
 * that would change if that contract did. */
static inline ptrdiff_t window_offset(G *g, Value *a) { return 0; }
static inline Value *window_again(G *g, Value *a, ptrdiff_t off) { return a; }

/* Most results are short: format on the stack, then copy once. */
#define WITH_BUF(b)                                                                                \
    char store_[256];                                                                              \
    StrBuf b = {store_, 0, sizeof store_};                                                         \
    store_[0] = 0

static int n_sprint(G *g, Value *a) {
    WITH_BUF(b);
    ptrdiff_t off = window_offset(g, a);
    int rc = fmt_sprint(g, &b, slice_get(a));
    if (rc != NATIVE_OK) return rc;
    a = window_again(g, a, off);
    ret_str(a, str_from(b.data, b.len));
    return NATIVE_OK;
}

static int n_sprintln(G *g, Value *a) {
    WITH_BUF(b);
    ptrdiff_t off = window_offset(g, a);
    int rc = fmt_sprintln(g, &b, slice_get(a));
    if (rc != NATIVE_OK) return rc;
    a = window_again(g, a, off);
    ret_str(a, str_from(b.data, b.len));
    return NATIVE_OK;
}

static int n_sprintf(G *g, Value *a) {
    WITH_BUF(b);
    ptrdiff_t off = window_offset(g, a);
    int rc = fmt_sprintf(g, &b, arg_str(a), slice_get(a + 2));
    if (rc != NATIVE_OK) return rc;
    a = window_again(g, a, off);
    ret_str(a, str_from(b.data, b.len));
    return NATIVE_OK;
}

/* func ldexp(frac float64, exp int) float64 */
static int n_ldexp(G *g, Value *a) {
    (void)g;
    int64_t e = a[1].i;
    if (e > 100000) e = 100000;
    if (e < -100000) e = -100000;
    a[0].f = ldexp(a[0].f, (int)e);
    return NATIVE_OK;
}

/* func errorf(format string, a []any) (string, int) */
static int n_errorf(G *g, Value *a) {
    WITH_BUF(b);
    ptrdiff_t off = window_offset(g, a);
    int wrapped = -1;
    int rc = fmt_errorf(g, &b, arg_str(a), slice_get(a + 2), &wrapped);
    if (rc != NATIVE_OK) return rc;
    a = window_again(g, a, off);
    ret_str(a, str_from(b.data, b.len));
    a[2].i = wrapped;
    return NATIVE_OK;
}

/* Print's results: (n int, err error). */
static int write_out(Value *a, const StrBuf *b) {
    rt_write_stdout(b->data, b->len);
    a[0].i = (int64_t)b->len;
    ret_nil_iface(a + 1);
    return NATIVE_OK;
}

static int n_print(G *g, Value *a) {
    WITH_BUF(b);
    ptrdiff_t off = window_offset(g, a);
    int rc = fmt_sprint(g, &b, slice_get(a));
    if (rc != NATIVE_OK) return rc;
    a = window_again(g, a, off);
    return write_out(a, &b);
}

static int n_println(G *g, Value *a) {
    WITH_BUF(b);
    ptrdiff_t off = window_offset(g, a);
    int rc = fmt_sprintln(g, &b, slice_get(a));
    if (rc != NATIVE_OK) return rc;
    a = window_again(g, a, off);
    return write_out(a, &b);
}

static int n_printf(G *g, Value *a) {
    WITH_BUF(b);
    ptrdiff_t off = window_offset(g, a);
    int rc = fmt_sprintf(g, &b, arg_str(a), slice_get(a + 2));
    if (rc != NATIVE_OK) return rc;
    a = window_again(g, a, off);
    return write_out(a, &b);
}

/* func registerState(s any) bool: the engine's State type is s's dynamic type. */
static int n_register_state(G *g, Value *a) {
    Type *t = a[0].p;
    if (t && t->under->kind == KIND_POINTER) fmt_set_state_type(t);
    ret_bool(a, t != NULL);
    return NATIVE_OK;
}

/* func readStdin(p []byte) (n int, failed bool): Scan's reads of standard
 * input (the runtime's stdout is flushed first so prompts appear; the
 * processor goes to another thread while the read blocks). */
static int n_read_stdin(G *g, Value *a) {
    GoSlice p = slice_get(a);
    uint8_t buf[512];
    size_t want = p.len < (int64_t)sizeof buf ? (size_t)p.len : sizeof buf;
    ssize_t n = 0;
    if (want > 0) {
        rt_flush_stdout();
        if (g) rt_enter_blocking(g);
        do n = read(0, buf, want);
        while (n < 0 && errno == EINTR);
        if (g) rt_exit_blocking(g);
    }
    for (ssize_t i = 0; i < n; i++) p.ptr[i].u = buf[i];
    a[0].i = n < 0 ? 0 : n;
    ret_bool(a + 1, n < 0);
    return NATIVE_OK;
}

/* func scanKind(arg any) string: for a pointer to a value of a named type
 * whose underlying type is basic (or a byte slice), the kind Scan treats
 * it as ("int8", "string", "[]byte", ...; reflect's Elem().Kind()); ""
 * otherwise. */
static int n_scan_kind(G *g, Value *a) {
    Type *t = a[0].p;
    const char *k = "";
    if (t && t->under->kind == KIND_POINTER && a[1].p) {
        Type *e = t->under->elem->under;
        if ((e->kind >= KIND_BOOL && e->kind <= KIND_STRING))
            k = kind_name(e->kind);
        else if (e->kind == KIND_SLICE && e->elem->under->kind == KIND_UINT8)
            k = "[]byte";
    }
    ret_str(a, (GoString){(const uint8_t *)k, (int64_t)strlen(k)});
    return NATIVE_OK;
}

/* func scanSet(arg, v any): *arg = v, where v holds a value of the
 * predeclared type with the same underlying type as *arg (scanKind told
 * which). */
static int n_scan_set(G *g, Value *a) {
    Type *pt = a[0].p, *vt = a[2].p;
    Value *dst = a[1].p;
    const Value *src = iface_data(a + 2);
    for (uint32_t i = 0; i < vt->size && i < pt->under->elem->size; i++) dst[i] = src[i];
    return NATIVE_OK;
}

const NativeDef stdlib_natives_fmt[] = {
    NATIVE("Print", n_print),
    NATIVE("Printf", n_printf),
    NATIVE("Println", n_println),
    NATIVE("Sprint", n_sprint),
    NATIVE("Sprintf", n_sprintf),
    NATIVE("Sprintln", n_sprintln),
    NATIVE("errorf", n_errorf),
    NATIVE("ldexp", n_ldexp),
    NATIVE("readStdin", n_read_stdin),
    NATIVE("registerState", n_register_state),
    NATIVE("scanKind", n_scan_kind),
    NATIVE("scanSet", n_scan_set),
    NATIVES_END,
};
