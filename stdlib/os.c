/* os.c - natives of package os (stdlib/go/os.go): thin system calls.
 *
 * Each native does one system call and reports the raw result: a count or
 * descriptor plus an errno (0 = success). The Go side builds the error
 * values (PathError, LinkError, SyscallError) with Go's messages, so the C
 * stays small. A []byte holds one slot per byte, so reads and writes stage
 * through a C buffer.
 *
 * Calls that may block (reads, writes to files and pipes, directory
 * listings) hand the processor to another thread for their duration with
 * rt_enter_blocking/rt_exit_blocking. Writes to descriptors 1 and 2 go
 * through the runtime's ordered writers (rt_write_stdout/rt_write_stderr), so
 * os.Stdout and fmt.Print interleave correctly; before a read from
 * descriptor 0, pending stdout is flushed so prompts appear.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "../runtime/runtime.h"
#include "natives.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

/* Defined by cmd/goi/main.c; weak so that binaries without it (the unit
 * tests) still link, and os.Args is then empty. */
extern int goi_argc __attribute__((weak));
extern char **goi_argv __attribute__((weak));
extern char **environ;

/* Go caps one read or write at 1 GiB (internal/poll maxRW). */
#define MAX_RW (1 << 30)

/* A path argument as a C string; NULL (errno EINVAL) if it holds a NUL
 * byte, which no system call can take (Go reports EINVAL too). */
static char *path_arg(const Value *a) {
    GoString s = arg_str(a);
    if (s.len && memchr(s.ptr, 0, (size_t)s.len)) return NULL;
    return str_to_cstr(s);
}

/* Results (v, errno) at a[0], a[1]. */
static int ret2(Value *a, int64_t v, int err) {
    a[0].i = v;
    a[1].i = err;
    return NATIVE_OK;
}

/* ------------------------------------------------------------ descriptors */

/* func sysOpen(name string, flag int, perm uint32) (fd int, errno int) */
static int n_open(G *g, Value *a) {
    char *path = path_arg(a);
    int flag = (int)a[2].i;
    mode_t perm = (mode_t)a[3].u;
    if (!path) return ret2(a, -1, EINVAL);
    int fd;
    rt_enter_blocking(g); /* opening a FIFO blocks until the other end opens */
    do fd = open(path, flag | O_CLOEXEC, perm);
    while (fd < 0 && errno == EINTR);
    int err = fd < 0 ? errno : 0;
    rt_exit_blocking(g);
    return ret2(a, fd, err);
}

/* func sysClose(fd int) (errno int). The standard descriptors stay open
 * at the OS level (a later open must not reuse 1 and have its output taken
 * for stdout's). */
static int n_close(G *g, Value *a) {
    int fd = (int)a[0].i;
    int err = 0;
    if (fd > 2 && close(fd) != 0 && errno != EINTR) err = errno;
    a[0].i = err;
    return NATIVE_OK;
}

/* Copy n bytes of buf into the slots of a []byte. */
static void store_bytes(Value *dst, const uint8_t *buf, int64_t n) {
    for (int64_t i = 0; i < n; i++) dst[i].u = buf[i];
}

static uint8_t *load_bytes(const Value *src, int64_t n, uint8_t *stackbuf, size_t stackcap) {
    uint8_t *buf = (size_t)n <= stackcap ? stackbuf : malloc((size_t)n);
    if (!buf) return NULL;
    for (int64_t i = 0; i < n; i++) buf[i] = (uint8_t)src[i].u;
    return buf;
}

/* read or pread into b; off < 0 means read. block: the descriptor may
 * block (not a regular file), so hand the processor over meanwhile. */
static int do_read(G *g, Value *a, int fd, GoSlice b, int64_t off, bool block) {
    int64_t want = b.len > MAX_RW ? MAX_RW : b.len;
    if (want == 0) return ret2(a, 0, 0);
    uint8_t stackbuf[8192];
    uint8_t *buf = (size_t)want <= sizeof stackbuf ? stackbuf : malloc((size_t)want);
    if (!buf) return ret2(a, 0, ENOMEM);
    if (fd == 0) rt_flush_stdout();
    ssize_t n;
    if (block) rt_enter_blocking(g);
    do n = off < 0 ? read(fd, buf, (size_t)want) : pread(fd, buf, (size_t)want, (off_t)off);
    while (n < 0 && errno == EINTR);
    int err = n < 0 ? errno : 0;
    if (block) rt_exit_blocking(g);
    if (n > 0) store_bytes(b.ptr, buf, n);
    if (buf != stackbuf) free(buf);
    return ret2(a, n < 0 ? 0 : n, err);
}

/* func sysRead(fd int, b []byte, block bool) (n int, errno int) */
static int n_read(G *g, Value *a) { return do_read(g, a, (int)a[0].i, slice_get(a + 1), -1, a[4].u != 0); }

/* func sysPread(fd int, b []byte, off int64, block bool) (n int, errno int) */
static int n_pread(G *g, Value *a) {
    return do_read(g, a, (int)a[0].i, slice_get(a + 1), a[4].i, a[5].u != 0);
}

/* Write all n bytes of buf to fd (at off when off >= 0), retrying short
 * writes like Go's poll.FD.Write. Returns bytes written; *err the errno. */
static int64_t write_all(G *g, int fd, const uint8_t *buf, int64_t n, int64_t off, bool block, int *err) {
    *err = 0;
    if (off < 0 && fd == 1) {
        rt_write_stdout(buf, (size_t)n);
        return n;
    }
    if (off < 0 && fd == 2) {
        rt_write_stderr(buf, (size_t)n);
        return n;
    }
    int64_t done = 0;
    /* Go ignores SIGPIPE for descriptors other than 1 and 2: a write to a
     * pipe without readers fails with EPIPE. The signal is directed at the
     * writing thread, so block it here and discard it if it came. */
    sigset_t pipe_set, old_mask;
    bool sigpipe_was_pending = false;
    if (block) {
        sigset_t pending;
        sigemptyset(&pipe_set);
        sigaddset(&pipe_set, SIGPIPE);
        if (sigpending(&pending) == 0) sigpipe_was_pending = sigismember(&pending, SIGPIPE) == 1;
        pthread_sigmask(SIG_BLOCK, &pipe_set, &old_mask);
        rt_enter_blocking(g);
    }
    while (done < n) {
        int64_t chunk = n - done > MAX_RW ? MAX_RW : n - done;
        ssize_t w = off < 0 ? write(fd, buf + done, (size_t)chunk)
                            : pwrite(fd, buf + done, (size_t)chunk, (off_t)(off + done));
        if (w < 0) {
            if (errno == EINTR) continue;
            *err = errno;
            break;
        }
        if (w == 0) {
            *err = EIO;
            break;
        }
        done += w;
    }
    if (block) {
        rt_exit_blocking(g);
        if (*err == EPIPE && !sigpipe_was_pending) {
            struct timespec zero = {0, 0};
            sigtimedwait(&pipe_set, NULL, &zero);
        }
        pthread_sigmask(SIG_SETMASK, &old_mask, NULL);
    }
    return done;
}

static int do_write(G *g, Value *a, int fd, GoSlice b, int64_t off, bool block) {
    if (b.len == 0) return ret2(a, 0, 0);
    uint8_t stackbuf[8192];
    uint8_t *buf = load_bytes(b.ptr, b.len, stackbuf, sizeof stackbuf);
    if (!buf) return ret2(a, 0, ENOMEM);
    int err;
    int64_t n = write_all(g, fd, buf, b.len, off, block, &err);
    if (buf != stackbuf) free(buf);
    return ret2(a, n, err);
}

/* func sysWrite(fd int, b []byte, block bool) (n int, errno int) */
static int n_write(G *g, Value *a) { return do_write(g, a, (int)a[0].i, slice_get(a + 1), -1, a[4].u != 0); }

/* func sysPwrite(fd int, b []byte, off int64, block bool) (n int, errno int) */
static int n_pwrite(G *g, Value *a) {
    return do_write(g, a, (int)a[0].i, slice_get(a + 1), a[4].i, a[5].u != 0);
}

/* func sysWriteString(fd int, s string, block bool) (n int, errno int) */
static int n_write_string(G *g, Value *a) {
    int fd = (int)a[0].i;
    GoString s = arg_str(a + 1);
    bool block = a[3].u != 0;
    if (s.len == 0) return ret2(a, 0, 0);
    int err;
    int64_t n = write_all(g, fd, s.ptr, s.len, -1, block, &err);
    return ret2(a, n, err);
}

/* func sysSeek(fd int, off int64, whence int) (int64, int) */
static int n_seek(G *g, Value *a) {
    off_t r = lseek((int)a[0].i, (off_t)a[1].i, (int)a[2].i);
    return ret2(a, r < 0 ? 0 : (int64_t)r, r < 0 ? errno : 0);
}

/* func sysMayBlock(fd int) bool: can I/O on fd wait indefinitely (pipes,
 * terminals, sockets, devices), unlike regular files and directories?
 * Handing the processor over costs a thread wake-up, so I/O on regular
 * files skips it, as Go's poller does for files it cannot poll. */
static int n_may_block(G *g, Value *a) {
    struct stat st;
    bool block = true;
    if (fstat((int)a[0].i, &st) == 0 && (S_ISREG(st.st_mode) || S_ISDIR(st.st_mode))) block = false;
    ret_bool(a, block);
    return NATIVE_OK;
}

/* func sysFsync(fd int) int */
static int n_fsync(G *g, Value *a) {
    int fd = (int)a[0].i;
    rt_enter_blocking(g);
    int r = fsync(fd);
    int err = r < 0 ? errno : 0;
    rt_exit_blocking(g);
    a[0].i = err;
    return NATIVE_OK;
}

/* func sysFtruncate(fd int, size int64) int */
static int n_ftruncate(G *g, Value *a) {
    int r;
    do r = ftruncate((int)a[0].i, (off_t)a[1].i);
    while (r < 0 && errno == EINTR);
    a[0].i = r < 0 ? errno : 0;
    return NATIVE_OK;
}

/* func sysFchmod(fd int, mode uint32) int */
static int n_fchmod(G *g, Value *a) {
    a[0].i = fchmod((int)a[0].i, (mode_t)a[1].u) < 0 ? errno : 0;
    return NATIVE_OK;
}

/* func sysFchdir(fd int) int */
static int n_fchdir(G *g, Value *a) {
    a[0].i = fchdir((int)a[0].i) < 0 ? errno : 0;
    return NATIVE_OK;
}

/* ------------------------------------------------------------------ stat */

/* Results of the stat natives:
 * (mode uint32, size int64, msec int64, mnsec int64, dev uint64, ino uint64, errno int) */
static int ret_stat(Value *a, const struct stat *st, int err) {
    if (err) {
        for (int i = 0; i < 6; i++) a[i].i = 0;
    } else {
        a[0].u = st->st_mode;
        a[1].i = st->st_size;
        a[2].i = st->st_mtim.tv_sec;
        a[3].i = st->st_mtim.tv_nsec;
        a[4].u = st->st_dev;
        a[5].u = st->st_ino;
    }
    a[6].i = err;
    return NATIVE_OK;
}

/* func sysStat(name string, follow bool) (mode uint32, size, msec, mnsec int64, dev, ino uint64, errno int) */
static int n_stat(G *g, Value *a) {
    char *path = path_arg(a);
    bool follow = a[2].u != 0;
    struct stat st;
    if (!path) return ret_stat(a, &st, EINVAL);
    int r;
    do r = follow ? stat(path, &st) : lstat(path, &st);
    while (r < 0 && errno == EINTR);
    return ret_stat(a, &st, r < 0 ? errno : 0);
}

/* func sysFstat(fd int) (mode uint32, size, msec, mnsec int64, dev, ino uint64, errno int) */
static int n_fstat(G *g, Value *a) {
    struct stat st;
    int r;
    do r = fstat((int)a[0].i, &st);
    while (r < 0 && errno == EINTR);
    return ret_stat(a, &st, r < 0 ? errno : 0);
}

/* ------------------------------------------------------------ directories */

typedef struct DirEnt {
    char *name;
    unsigned char type;
} DirEnt;

static int dirent_cmp(const void *x, const void *y) {
    return strcmp(((const DirEnt *)x)->name, ((const DirEnt *)y)->name);
}

/* func sysReadDir(fd int, sorted bool) (names []string, types string, errno int)
 * Every remaining entry of the directory open as fd (but "." and ".."),
 * with its d_type as one byte of types (DT_UNKNOWN when the file system
 * does not say). */
static int n_readdir(G *g, Value *a) {
    int fd = (int)a[0].i;
    bool sorted = a[1].u != 0;
    DirEnt *ents = NULL;
    size_t n = 0, cap = 0;
    int err = 0;
    rt_enter_blocking(g);
    int dfd = dup(fd);
    DIR *d = dfd < 0 ? NULL : fdopendir(dfd);
    if (!d) {
        err = errno;
        if (dfd >= 0) close(dfd);
    } else {
        for (;;) {
            errno = 0;
            struct dirent *e = readdir(d);
            if (!e) {
                err = errno;
                break;
            }
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
            if (n == cap) {
                cap = cap ? cap * 2 : 32;
                DirEnt *ne = realloc(ents, cap * sizeof *ents);
                if (!ne) {
                    err = ENOMEM;
                    break;
                }
                ents = ne;
            }
            ents[n].name = strdup(e->d_name);
            ents[n].type = e->d_type;
            n++;
        }
        /* The dup shares the file offset, which readdir left at the end:
         * a second listing of the same File finds nothing, as in Go. */
        closedir(d);
    }
    rt_exit_blocking(g);
    if (sorted && n > 1) qsort(ents, n, sizeof *ents, dirent_cmp);
    GoSlice names = new_string_slice((int64_t)n);
    char *types = gc_alloc_atomic(n + 1);
    for (size_t i = 0; i < n; i++) {
        str_set(names.ptr + 2 * i, str_from_cstr(ents[i].name));
        types[i] = (char)ents[i].type;
        free(ents[i].name);
    }
    free(ents);
    slice_set(a, names);
    ret_str(a + 3, n ? (GoString){(const uint8_t *)types, (int64_t)n} : (GoString){NULL, 0});
    a[5].i = err;
    return NATIVE_OK;
}

/* --------------------------------------------------------- path operations */

#define PATH_NATIVE1(fname, call)                                                                  \
    static int fname(G *g, Value *a) {                                                             \
        char *p = path_arg(a);                                                                     \
        int r;                                                                                     \
        if (!p) {                                                                                  \
            a[0].i = EINVAL;                                                                       \
            return NATIVE_OK;                                                                      \
        }                                                                                          \
        do r = call;                                                                               \
        while (r < 0 && errno == EINTR);                                                           \
        a[0].i = r < 0 ? errno : 0;                                                                \
        return NATIVE_OK;                                                                          \
    }

/* func sysUnlink(name string) int, sysRmdir, sysChdir */
PATH_NATIVE1(n_unlink, unlink(p))
PATH_NATIVE1(n_rmdir, rmdir(p))
PATH_NATIVE1(n_chdir, chdir(p))
/* func sysMkdir(name string, perm uint32) int */
PATH_NATIVE1(n_mkdir, mkdir(p, (mode_t)a[2].u))
/* func sysChmod(name string, mode uint32) int */
PATH_NATIVE1(n_chmod, chmod(p, (mode_t)a[2].u))
/* func sysTruncate(name string, size int64) int */
PATH_NATIVE1(n_truncate, truncate(p, (off_t)a[2].i))

#define PATH_NATIVE2(fname, call)                                                                  \
    static int fname(G *g, Value *a) {                                                             \
        char *p = path_arg(a), *q = path_arg(a + 2);                                               \
        int r;                                                                                     \
        if (!p || !q) {                                                                            \
            a[0].i = EINVAL;                                                                       \
            return NATIVE_OK;                                                                      \
        }                                                                                          \
        do r = call;                                                                               \
        while (r < 0 && errno == EINTR);                                                           \
        a[0].i = r < 0 ? errno : 0;                                                                \
        return NATIVE_OK;                                                                          \
    }

/* func sysRename(oldname, newname string) int, sysLink, sysSymlink */
PATH_NATIVE2(n_rename, rename(p, q))
PATH_NATIVE2(n_link, link(p, q))
PATH_NATIVE2(n_symlink, symlink(p, q))

/* func sysChown(name string, uid, gid int, follow bool) int */
static int n_chown(G *g, Value *a) {
    char *p = path_arg(a);
    int uid = (int)a[2].i, gid = (int)a[3].i;
    bool follow = a[4].u != 0;
    if (!p) {
        a[0].i = EINVAL;
        return NATIVE_OK;
    }
    int r = follow ? chown(p, (uid_t)uid, (gid_t)gid) : lchown(p, (uid_t)uid, (gid_t)gid);
    a[0].i = r < 0 ? errno : 0;
    return NATIVE_OK;
}

/* func sysFchown(fd, uid, gid int) int */
static int n_fchown(G *g, Value *a) {
    a[0].i = fchown((int)a[0].i, (uid_t)a[1].i, (gid_t)a[2].i) < 0 ? errno : 0;
    return NATIVE_OK;
}

/* func sysChtimes(name string, atime, mtime int64) int (Unix nanoseconds) */
static int n_chtimes(G *g, Value *a) {
    char *p = path_arg(a);
    int64_t at = a[2].i, mt = a[3].i;
    if (!p) {
        a[0].i = EINVAL;
        return NATIVE_OK;
    }
    struct timespec ts[2];
    /* floor division, as syscall.NsecToTimespec */
    ts[0].tv_sec = at / 1000000000, ts[0].tv_nsec = at % 1000000000;
    if (ts[0].tv_nsec < 0) ts[0].tv_nsec += 1000000000, ts[0].tv_sec--;
    ts[1].tv_sec = mt / 1000000000, ts[1].tv_nsec = mt % 1000000000;
    if (ts[1].tv_nsec < 0) ts[1].tv_nsec += 1000000000, ts[1].tv_sec--;
    a[0].i = utimensat(AT_FDCWD, p, ts, 0) < 0 ? errno : 0;
    return NATIVE_OK;
}

/* func sysPipe() (r, w int, errno int) */
static int n_pipe(G *g, Value *a) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0) {
        a[0].i = a[1].i = -1;
        a[2].i = errno;
    } else {
        a[0].i = fds[0];
        a[1].i = fds[1];
        a[2].i = 0;
    }
    return NATIVE_OK;
}

/* func sysReadlink(name string) (string, int) */
static int n_readlink(G *g, Value *a) {
    char *p = path_arg(a);
    if (!p) {
        ret_str(a, (GoString){NULL, 0});
        a[2].i = EINVAL;
        return NATIVE_OK;
    }
    size_t cap = 256;
    for (;;) {
        char *buf = gc_alloc_atomic(cap);
        ssize_t n = readlink(p, buf, cap);
        if (n < 0) {
            ret_str(a, (GoString){NULL, 0});
            a[2].i = errno;
            return NATIVE_OK;
        }
        if ((size_t)n < cap) {
            ret_str(a, (GoString){(const uint8_t *)buf, n});
            a[2].i = 0;
            return NATIVE_OK;
        }
        cap *= 2;
    }
}

/* func sysGetwd() (string, int) */
static int n_getwd(G *g, Value *a) {
    char buf[PATH_MAX + 1];
    if (!getcwd(buf, sizeof buf)) {
        ret_str(a, (GoString){NULL, 0});
        a[2].i = errno;
    } else {
        ret_str(a, str_from_cstr(buf));
        a[2].i = 0;
    }
    return NATIVE_OK;
}

/* ------------------------------------------------------------ environment */

/* C's environment is the store, as in Go (whose syscall package keeps a
 * copy but also mirrors every change into the C environment): glibc keeps
 * Go's order (replace in place, append new, unset removes), so Environ
 * lists variables as Go does. The lock makes getenv's result safe to copy
 * while another goroutine calls Setenv. */
static pthread_mutex_t env_lock = PTHREAD_MUTEX_INITIALIZER;

static bool has_nul(GoString s) { return s.len && memchr(s.ptr, 0, (size_t)s.len) != NULL; }

/* func sysGetenv(key string) (value string, found bool) */
static int n_getenv(G *g, Value *a) {
    GoString k = arg_str(a);
    GoString v = {NULL, 0};
    bool found = false;
    if (!has_nul(k)) {
        char *key = str_to_cstr(k);
        pthread_mutex_lock(&env_lock);
        const char *val = getenv(key);
        if (val) {
            found = true;
            v = str_from_cstr(val);
        }
        pthread_mutex_unlock(&env_lock);
    }
    ret_str(a, v);
    a[2].u = found;
    return NATIVE_OK;
}

/* func sysSetenv(key, value string) int: Go's syscall.Setenv checks. */
static int n_setenv(G *g, Value *a) {
    GoString k = arg_str(a), v = arg_str(a + 2);
    if (k.len == 0 || has_nul(k) || memchr(k.ptr, '=', (size_t)k.len) || has_nul(v)) {
        a[0].i = EINVAL;
        return NATIVE_OK;
    }
    char *key = str_to_cstr(k), *val = str_to_cstr(v);
    pthread_mutex_lock(&env_lock);
    int r = setenv(key, val, 1);
    int err = r < 0 ? errno : 0;
    pthread_mutex_unlock(&env_lock);
    a[0].i = err;
    return NATIVE_OK;
}

/* func sysUnsetenv(key string) */
static int n_unsetenv(G *g, Value *a) {
    GoString k = arg_str(a);
    if (k.len && !has_nul(k) && !memchr(k.ptr, '=', (size_t)k.len)) {
        char *key = str_to_cstr(k);
        pthread_mutex_lock(&env_lock);
        unsetenv(key);
        pthread_mutex_unlock(&env_lock);
    }
    return NATIVE_OK;
}

/* func sysClearenv() */
static int n_clearenv(G *g, Value *a) {
    pthread_mutex_lock(&env_lock);
    clearenv();
    pthread_mutex_unlock(&env_lock);
    return NATIVE_OK;
}

/* func sysEnviron() []string */
static int n_environ(G *g, Value *a) {
    pthread_mutex_lock(&env_lock);
    int64_t n = 0;
    for (char **e = environ; e && *e; e++) n++;
    GoSlice s = new_string_slice(n);
    for (int64_t i = 0; i < n; i++) str_set(s.ptr + 2 * i, str_from_cstr(environ[i]));
    pthread_mutex_unlock(&env_lock);
    slice_set(a, s);
    return NATIVE_OK;
}

/* ------------------------------------------------------------ the process */

/* func runtimeArgs() []string: the script path as given, then its arguments. */
static int n_args(G *g, Value *a) {
    int64_t n = &goi_argc && &goi_argv && goi_argc > 0 ? goi_argc : 0;
    GoSlice s = new_string_slice(n);
    for (int64_t i = 0; i < n; i++) str_set(s.ptr + 2 * i, str_from_cstr(goi_argv[i]));
    slice_set(a, s);
    return NATIVE_OK;
}

/* func Exit(code int): stdout is flushed; deferred calls do not run. */
static int n_exit(G *g, Value *a) { rt_exit((int)a[0].i); }

/* func sysErrnoString(e int) string: strerror, lowercased as Go's syscall
 * table is (mkerrors.sh lowers the first letter when the second is lower). */
static int n_errno_string(G *g, Value *a) {
    int e = (int)a[0].i;
    char buf[256];
    const char *s = NULL;
#if defined(__GLIBC__) && defined(_GNU_SOURCE)
    s = strerror_r(e, buf, sizeof buf);
#else
    if (strerror_r(e, buf, sizeof buf) == 0) s = buf;
#endif
    if (!s || strncmp(s, "Unknown error", 13) == 0) {
        snprintf(buf, sizeof buf, "errno %d", e);
        ret_str(a, str_from_cstr(buf));
        return NATIVE_OK;
    }
    size_t n = strlen(s);
    char *out = gc_alloc_atomic(n + 1);
    memcpy(out, s, n + 1);
    if (n >= 2 && out[0] >= 'A' && out[0] <= 'Z' && out[1] >= 'a' && out[1] <= 'z') out[0] += 'a' - 'A';
    ret_str(a, (GoString){(const uint8_t *)out, (int64_t)n});
    return NATIVE_OK;
}

/* func sysHostname() (string, int) */
static int n_hostname(G *g, Value *a) {
    char buf[256];
    if (gethostname(buf, sizeof buf) != 0) {
        ret_str(a, (GoString){NULL, 0});
        a[2].i = errno;
        return NATIVE_OK;
    }
    buf[sizeof buf - 1] = 0;
    ret_str(a, str_from_cstr(buf));
    a[2].i = 0;
    return NATIVE_OK;
}

/* func sysIds() (pid, ppid, uid, euid, gid, egid int) */
static int n_ids(G *g, Value *a) {
    a[0].i = getpid();
    a[1].i = getppid();
    a[2].i = getuid();
    a[3].i = geteuid();
    a[4].i = getgid();
    a[5].i = getegid();
    return NATIVE_OK;
}

/* func Getpagesize() int */
static int n_pagesize(G *g, Value *a) {
    a[0].i = sysconf(_SC_PAGESIZE);
    return NATIVE_OK;
}

/* func fastrand() uint32 (random names of MkdirTemp/CreateTemp) */
static int n_fastrand(G *g, Value *a) {
    a[0].u = rt_fastrand();
    return NATIVE_OK;
}

/* func sysUmask(mask int) int */
static int n_umask(G *g, Value *a) {
    a[0].i = umask((mode_t)a[0].i);
    return NATIVE_OK;
}

const NativeDef stdlib_natives_os[] = {
    NATIVE("sysOpen", n_open),
    NATIVE("sysClose", n_close),
    NATIVE("sysRead", n_read),
    NATIVE("sysPread", n_pread),
    NATIVE("sysWrite", n_write),
    NATIVE("sysPwrite", n_pwrite),
    NATIVE("sysWriteString", n_write_string),
    NATIVE("sysSeek", n_seek),
    NATIVE("sysMayBlock", n_may_block),
    NATIVE("sysFsync", n_fsync),
    NATIVE("sysFtruncate", n_ftruncate),
    NATIVE("sysFchmod", n_fchmod),
    NATIVE("sysFchdir", n_fchdir),
    NATIVE("sysStat", n_stat),
    NATIVE("sysFstat", n_fstat),
    NATIVE("sysReadDir", n_readdir),
    NATIVE("sysUnlink", n_unlink),
    NATIVE("sysRmdir", n_rmdir),
    NATIVE("sysChdir", n_chdir),
    NATIVE("sysMkdir", n_mkdir),
    NATIVE("sysChmod", n_chmod),
    NATIVE("sysTruncate", n_truncate),
    NATIVE("sysRename", n_rename),
    NATIVE("sysLink", n_link),
    NATIVE("sysSymlink", n_symlink),
    NATIVE("sysReadlink", n_readlink),
    NATIVE("sysChown", n_chown),
    NATIVE("sysFchown", n_fchown),
    NATIVE("sysChtimes", n_chtimes),
    NATIVE("sysPipe", n_pipe),
    NATIVE("sysGetwd", n_getwd),
    NATIVE("sysGetenv", n_getenv),
    NATIVE("sysSetenv", n_setenv),
    NATIVE("sysUnsetenv", n_unsetenv),
    NATIVE("sysClearenv", n_clearenv),
    NATIVE("sysEnviron", n_environ),
    NATIVE("runtimeArgs", n_args),
    NATIVE("Exit", n_exit),
    NATIVE("sysErrnoString", n_errno_string),
    NATIVE("sysHostname", n_hostname),
    NATIVE("sysIds", n_ids),
    NATIVE("Getpagesize", n_pagesize),
    NATIVE("fastrand", n_fastrand),
    NATIVE("sysUmask", n_umask),
    NATIVES_END,
};
