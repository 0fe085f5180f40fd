/* cgo_internal.h - what the parts of import "C" share (see cgo.h).
 *
 *   cgo_parse.c     the preamble: #cgo/#define lines and C declarations -> CPreamble
 *   cgo_types.c     C types: Go spelling, scalars, libffi types, slot <-> C conversions
 *   cgo_gosrc.c     the Go source of package C
 *   cgo_load.c      dlopen of the #cgo LDFLAGS libraries, dlsym
 *   cgo_call.c      calling a C function from a native (fixed and variadic arity)
 *   cgo_callback.c  goi functions passed to C as function pointers
 *   cgo_memory.c    goi memory seen from C (copy in / copy out), C.CString & co.
 *   cgo.c           cgo_package: puts the parts together
 */
#ifndef GOI_CGO_INTERNAL_H
#define GOI_CGO_INTERNAL_H

#include <ffi.h>

#include "cgo.h"

/* ------------------------------------------------------------ C types */

typedef enum {
    CT_VOID,
    CT_BOOL, /* _Bool */
    CT_CHAR,
    CT_SCHAR,
    CT_UCHAR,
    CT_SHORT,
    CT_USHORT,
    CT_INT,
    CT_UINT,
    CT_LONG,
    CT_ULONG,
    CT_LONGLONG,
    CT_ULONGLONG,
    CT_FLOAT,
    CT_DOUBLE,
    CT_POINTER,
    CT_STRUCT, /* also unions: opaque, used through pointers only */
    CT_FUNC,
    CT_ARRAY,  /* only in parameter declarators, where it means a pointer */
} CTypeKind;

typedef struct CType CType;
struct CType {
    CTypeKind kind;
    /* The Go name of the type in package C without the prefix, when it is
     * not the kind's own: a typedef name ("size_t", "uLong"), a struct
     * ("struct_stat"), a union ("union_u"), an enum ("enum_color"). */
    const char *goname;
    CType *elem;      /* CT_POINTER, CT_ARRAY: the element */
    CType *ret;       /* CT_FUNC */
    CType **params;   /* CT_FUNC */
    int nparams;
    bool variadic;    /* CT_FUNC: ends with ... */
};

/* A function prototype. Positions are 1-based, in the preamble text. */
typedef struct CDecl {
    const char *name;
    const char *symbol; /* the symbol to look up: name, or an asm label's */
    CType *type;        /* CT_FUNC */
    int line, col;
} CDecl;

typedef struct CTypedef {
    const char *name;
    CType *type;
    int line, col;
} CTypedef;

/* #define NAME literal: value is the Go spelling of the literal. */
typedef struct CMacro {
    const char *name;
    const char *value;
    int line, col;
} CMacro;

/* -lNAME (or -l:FILE) from #cgo LDFLAGS. */
typedef struct CLib {
    const char *name;
    int line, col;
} CLib;

/* An error at a position of the preamble. */
typedef struct CPreambleError {
    int line, col;
    const char *msg;
} CPreambleError;

typedef struct CPreamble {
    Vec(CDecl) funcs;
    Vec(CTypedef) typedefs;    /* the preamble's own, in order */
    Vec(const CType *) tags;   /* struct, union and enum types used (by goname) */
    Vec(CMacro) macros;
    Vec(CLib) libs;
    Vec(const char *) libdirs; /* -L directories */
    Vec(CPreambleError) errors;
} CPreamble;

/* Parse a preamble (NULL is an empty one). Errors go to p->errors. */
void cgo_parse_preamble(const char *text, CPreamble *p);

/* Typedef names every preamble knows (size_t, int32_t, FILE, ...). */
typedef struct CPredefined {
    const char *name;
    CTypeKind kind;
    const char *tag; /* CT_STRUCT: the struct's Go name */
} CPredefined;
extern const CPredefined cgo_predefined_typedefs[];
extern const int cgo_npredefined_typedefs;

/* The Go spelling of t inside package C: "_C_int", "*_C_char",
 * "unsafe.Pointer", "func(unsafe.Pointer) _C_int", "bool". */
const char *cgo_go_type(const CType *t);
/* The Go name (without prefix) of a basic kind: "int", "ulong", "double". */
const char *cgo_kind_goname(CTypeKind k);
/* Why a function type cannot be called through goi, or NULL if it can.
 * what names the function for the message. */
const char *cgo_check_func_type(const CType *fn, const char *what);
/* The C spelling of t, for messages. */
const char *cgo_c_type(const CType *t);

/* ------------------------------------------------- values at the boundary */

/* How one value travels between a goi slot and C. */
typedef enum {
    SC_VOID,
    SC_BOOL,
    SC_S8,
    SC_U8,
    SC_S16,
    SC_U16,
    SC_S32,
    SC_U32,
    SC_S64,
    SC_U64,
    SC_F32,
    SC_F64,
    SC_PTR,
} CScalar;

/* A C scalar's storage. */
typedef union CValue {
    int8_t s8;
    uint8_t u8;
    int16_t s16;
    uint16_t u16;
    int32_t s32;
    uint32_t u32;
    int64_t s64;
    uint64_t u64;
    float f32;
    double f64;
    void *ptr;
    ffi_arg ret; /* integer results come back widened to ffi_arg */
    ffi_sarg sret;
} CValue;

CScalar cgo_scalar_of(const CType *t); /* t must be a value type (not struct/func) */
/* The scalar of a Go type of kind k, or SC_VOID if it has none (strings,
 * slices, structs ...). */
CScalar cgo_scalar_of_kind(Kind k);
ffi_type *cgo_ffi_type(CScalar s);
size_t cgo_scalar_size(CScalar s);
/* Slot -> C storage; C storage -> normalised slot (VALUE LAYOUT in vm.h). */
void cgo_to_c(CScalar s, const Value *slot, CValue *dst);
void cgo_from_c(CScalar s, const void *src, Value *slot);
/* ffi_call result (integers widened to ffi_arg) -> slot, and the reverse
 * for closures returning to C. */
void cgo_from_ret(CScalar s, const CValue *ret, Value *slot);
void cgo_to_ret(CScalar s, const Value *slot, void *ret);

/* One parameter or result of a C function, ready for calls. */
typedef struct CgoCallback CgoCallback;
typedef struct CgoParam {
    CScalar sc;       /* how it travels */
    CScalar elem;     /* sc == SC_PTR: the pointee's scalar, SC_VOID when
                         unknown (void *, opaque structs) */
    CgoCallback *cb;  /* a function pointer: its signature */
} CgoParam;

/* Build the CgoParam for t (malloc'd parts). Returns an error or NULL. */
const char *cgo_param_of(const CType *t, CgoParam *out);

/* --------------------------------------------------------- functions */

typedef struct CgoFunc {
    char *name;        /* C name, for messages */
    void *sym;
    int nparams;       /* fixed parameters */
    CgoParam *params;
    CgoParam ret;      /* sc == SC_VOID: no result */
    bool variadic;     /* the Go side passes the rest as ...any */
    ffi_type **atypes;
    ffi_cif cif;       /* fixed arity (variadic calls prepare their own) */
} CgoFunc;

/* A descriptor for fn (a CT_FUNC) at address sym; NULL with *err. */
CgoFunc *cgo_func_new(const char *name, const CType *fn, void *sym, const char **err);
/* A NativeFn that calls f (a libffi closure; lives forever). */
NativeFn cgo_func_native(CgoFunc *f);

/* --------------------------------------------------------- callbacks */

struct CgoCallback {
    int nparams;
    CgoParam *params;
    CgoParam ret;
    ffi_type **atypes;
    ffi_cif cif;
};

/* The callbacks made for one C call: created while converting arguments,
 * released after the call. */
typedef struct CgoCallbackSet {
    Vec(struct CgoCbCall *) calls;
    bool panicked; /* a callback panicked: the C call then reports the panic */
} CgoCallbackSet;

CgoCallback *cgo_callback_new(const CType *fn, const char **err);
/* A C function pointer that calls fn on g for the duration of the current
 * C call (NULL for a nil func). */
void *cgo_callback_make(CgoCallbackSet *set, const CgoCallback *cb, Closure *fn, G *g);
void cgo_callback_release(CgoCallbackSet *set);

/* ------------------------------------------------------ goi memory */

/* A pointer argument that points into goi memory (slots) is passed as a C
 * copy of the slots from the pointer to the end of their object, converted
 * to elem; after the call, elements C changed are written back. */
typedef struct CgoView {
    Value *slots;
    int64_t n;
    CScalar elem;
    void *buf;
    void *orig; /* the C copy before the call, to find what C changed */
} CgoView;

/* Is p inside memory the collector manages (goi values)? */
bool cgo_is_goi_memory(const void *p);
/* Make v for p; false if p is not a slot of a goi object. */
bool cgo_view_open(CgoView *v, void *p, CScalar elem);
void cgo_view_close(CgoView *v);

/* Natives of C.CString, C.CBytes, C.GoString, C.GoStringN, C.GoBytes,
 * C.free and C.malloc, under their Go names in package C. */
extern const NativeDef cgo_helper_natives[];
/* The Go declarations of those helpers; free/malloc only when the
 * preamble does not declare them. */
void cgo_helper_decls(StrBuf *b, bool want_free, bool want_malloc);

/* ------------------------------------------------------- libraries */

/* dlopen every library the preamble names; errors go to p->errors. */
void cgo_load_libraries(CPreamble *p);
/* The address of C function name, or NULL with *err (dlerror()'s text). */
void *cgo_lookup(const char *name, const char **err);

/* The Go source of package C. */
char *cgo_go_source(const CPreamble *p);

#endif
