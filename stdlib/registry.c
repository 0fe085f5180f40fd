/* registry.c - the table of standard packages: import path, package name,
 * embedded Go source (the files in stdlib/go, see meson.build) and natives.
 *
 * To add a package: put its Go source in stdlib/go/ and list it in
 * stdlib_go in stdlib/meson.build (the key names the C symbol
 * stdlib_source_<key>), put its natives in stdlib/<pkg>.c as a NativeDef
 * table stdlib_natives_<key>, and add SOURCE, NATIVES and PACKAGE lines
 * below and the package to packages[]. */
#include "stdlib.h"

#include <string.h>

/* PACKAGE(key, path, name, natives): key names the embedded source
 * stdlib_source_<key>; natives is the package's NativeDef table or NULL. */
#define PACKAGE(key, path, name, natives) static const StdPackage pkg_##key = {path, name, stdlib_source_##key, natives};
#define SOURCE(key) extern const char stdlib_source_##key[];
#define NATIVES(sym) extern const NativeDef sym[];

SOURCE(atomic) SOURCE(bufio) SOURCE(bytes) SOURCE(container_heap) SOURCE(container_list) SOURCE(container_ring) SOURCE(context) SOURCE(encoding) SOURCE(errors) SOURCE(flag) SOURCE(fmt) SOURCE(io) SOURCE(io_fs) SOURCE(log) SOURCE(math) SOURCE(math_bits) SOURCE(math_rand) SOURCE(os) SOURCE(path) SOURCE(path_filepath) SOURCE(runtime) SOURCE(sort)
SOURCE(strconv) SOURCE(strings) SOURCE(sync) SOURCE(time) SOURCE(unicode) SOURCE(unicode_utf8)

NATIVES(stdlib_natives_atomic) NATIVES(stdlib_natives_bufio) NATIVES(stdlib_natives_os)
NATIVES(stdlib_natives_errors) NATIVES(stdlib_natives_fmt)
NATIVES(stdlib_natives_math) NATIVES(stdlib_natives_math_bits) NATIVES(stdlib_natives_math_rand) NATIVES(stdlib_natives_runtime) NATIVES(stdlib_natives_sort)
NATIVES(stdlib_natives_strconv) NATIVES(stdlib_natives_strings) NATIVES(stdlib_natives_sync)
NATIVES(stdlib_natives_time) NATIVES(stdlib_natives_unicode) NATIVES(stdlib_natives_unicode_utf8)

PACKAGE(bufio, "bufio", "bufio", stdlib_natives_bufio)
PACKAGE(bytes, "bytes", "bytes", NULL)
PACKAGE(container_heap, "container/heap", "heap", NULL)
PACKAGE(container_list, "container/list", "list", NULL)
PACKAGE(container_ring, "container/ring", "ring", NULL)
PACKAGE(context, "context", "context", NULL)
PACKAGE(encoding, "encoding", "encoding", NULL)
PACKAGE(errors, "errors", "errors", stdlib_natives_errors)
PACKAGE(flag, "flag", "flag", NULL)
PACKAGE(fmt, "fmt", "fmt", stdlib_natives_fmt)
PACKAGE(io, "io", "io", NULL)
PACKAGE(io_fs, "io/fs", "fs", NULL)
PACKAGE(log, "log", "log", NULL)
PACKAGE(math, "math", "math", stdlib_natives_math)
PACKAGE(math_bits, "math/bits", "bits", stdlib_natives_math_bits)
PACKAGE(math_rand, "math/rand", "rand", stdlib_natives_math_rand)
PACKAGE(os, "os", "os", stdlib_natives_os)
PACKAGE(path, "path", "path", NULL)
PACKAGE(path_filepath, "path/filepath", "filepath", NULL)
PACKAGE(runtime, "runtime", "runtime", stdlib_natives_runtime)
PACKAGE(sort, "sort", "sort", stdlib_natives_sort)
PACKAGE(strconv, "strconv", "strconv", stdlib_natives_strconv)
PACKAGE(strings, "strings", "strings", stdlib_natives_strings)
PACKAGE(sync, "sync", "sync", stdlib_natives_sync)
PACKAGE(atomic, "sync/atomic", "atomic", stdlib_natives_atomic)
PACKAGE(time, "time", "time", stdlib_natives_time)
PACKAGE(unicode, "unicode", "unicode", stdlib_natives_unicode)
PACKAGE(unicode_utf8, "unicode/utf8", "utf8", stdlib_natives_unicode_utf8)

/* Sorted by import path. */
static const StdPackage *const packages[] = {
    &pkg_bufio,
    &pkg_bytes,
    &pkg_container_heap,
    &pkg_container_list,
    &pkg_container_ring,
    &pkg_context,
    &pkg_encoding,
    &pkg_errors,
    &pkg_flag,
    &pkg_fmt,
    &pkg_io,
    &pkg_io_fs,
    &pkg_log,
    &pkg_math,
    &pkg_math_bits,
    &pkg_math_rand,
    &pkg_os,
    &pkg_path,
    &pkg_path_filepath,
    &pkg_runtime,
    &pkg_sort,
    &pkg_strconv,
    &pkg_strings,
    &pkg_sync,
    &pkg_atomic,
    &pkg_time,
    &pkg_unicode,
    &pkg_unicode_utf8,
};

const StdPackage *stdlib_lookup(const char *path) {
    for (size_t i = 0; i < sizeof packages / sizeof packages[0]; i++)
        if (strcmp(packages[i]->path, path) == 0) return packages[i];
    return NULL;
}

NativeFn stdlib_native(const StdPackage *pkg, const char *name) {
    if (!pkg->natives) return NULL;
    for (const NativeDef *d = pkg->natives; d->name; d++)
        if (strcmp(d->name, name) == 0) return d->fn;
    return NULL;
}

const StdPackage *const *stdlib_packages(int *n) {
    *n = (int)(sizeof packages / sizeof packages[0]);
    return packages;
}
