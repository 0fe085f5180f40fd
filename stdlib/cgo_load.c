/* cgo_load.c - the libraries of #cgo LDFLAGS, and symbol lookup.
 *
 * -lX loads libX.so. Without the development package that file is absent
 * (or, for glibc's libm.so, a linker script dlopen cannot read), so goi
 * then tries the run-time names libX.so.N, highest N first, through
 * dlopen's own search (LD_LIBRARY_PATH, the ld.so cache, the system
 * directories). Directories given with -L are tried first. -l:FILE and
 * library paths load that file. Libraries are opened RTLD_NOW|RTLD_GLOBAL.
 *
 * Symbols are looked up in the libraries in the order given, then in the
 * process itself (libc, libm and everything goi links).
 */
#include "cgo_internal.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>

/* The handles loaded so far (process-wide; loading twice is harmless). */
static pthread_mutex_t libs_lock = PTHREAD_MUTEX_INITIALIZER;
static void **handles;
static int nhandles;

#define MAX_SOVERSION 99

static void *open_lib(const char *file) { return dlopen(file, RTLD_NOW | RTLD_GLOBAL); }

/* Load -lname; NULL with *err (the first dlerror() text) on failure. */
static void *load_one(const CPreamble *p, const char *name, const char **err) {
    void *h;
    const char *first_err = NULL;
#define TRY(file)                                                                                  \
    do {                                                                                           \
        if ((h = open_lib(file))) return h;                                                        \
        if (!first_err) first_err = gc_strdup(dlerror());                                          \
    } while (0)
    if (name[0] == ':') { /* -l:FILE or a path */
        const char *file = name + 1;
        if (!strchr(file, '/'))
            for (int i = 0; i < p->libdirs.len; i++) TRY(gc_sprintf("%s/%s", p->libdirs.items[i], file));
        TRY(file);
        *err = first_err;
        return NULL;
    }
    for (int i = 0; i < p->libdirs.len; i++) TRY(gc_sprintf("%s/lib%s.so", p->libdirs.items[i], name));
    TRY(gc_sprintf("lib%s.so", name));
    for (int i = 0; i < p->libdirs.len; i++)
        for (int n = MAX_SOVERSION; n >= 0; n--)
            if ((h = open_lib(gc_sprintf("%s/lib%s.so.%d", p->libdirs.items[i], name, n)))) return h;
    for (int n = MAX_SOVERSION; n >= 0; n--)
        if ((h = open_lib(gc_sprintf("lib%s.so.%d", name, n)))) return h;
    (void)dlerror();
    *err = first_err;
    return NULL;
#undef TRY
}

void cgo_load_libraries(CPreamble *p) {
    for (int i = 0; i < p->libs.len; i++) {
        const CLib *l = &p->libs.items[i];
        const char *err = NULL;
        void *h = load_one(p, l->name, &err);
        if (!h) {
            const char *what = l->name[0] == ':' ? gc_sprintf("library %s", l->name + 1)
                                                 : gc_sprintf("library -l%s", l->name);
            vec_push(&p->errors, ((CPreambleError){l->line, l->col,
                                                   gc_sprintf("cannot load %s: %s", what, err ? err : "not found")}));
            continue;
        }
        pthread_mutex_lock(&libs_lock);
        void **nh = realloc(handles, (size_t)(nhandles + 1) * sizeof *nh);
        if (nh) {
            handles = nh;
            handles[nhandles++] = h;
        }
        pthread_mutex_unlock(&libs_lock);
    }
}

void *cgo_lookup(const char *name, const char **err) {
    pthread_mutex_lock(&libs_lock);
    void *sym = NULL;
    for (int i = 0; i < nhandles && !sym; i++) sym = dlsym(handles[i], name);
    pthread_mutex_unlock(&libs_lock);
    if (sym) return sym;
    (void)dlerror();
    sym = dlsym(RTLD_DEFAULT, name);
    if (!sym) {
        const char *e = dlerror();
        *err = gc_strdup(e ? e : "undefined symbol");
    }
    return sym;
}
