/* cgo_types.c - C types at the boundary: their Go spelling in package C,
 * how values travel (CScalar), libffi types, and conversions between goi
 * slots (VALUE LAYOUT in vm.h) and C storage.
 *
 * The mapping is cgo's on LP64 Linux:
 *
 *   char -> C.char (int8, uint8 where char is unsigned)  signed char -> C.schar (int8)
 *   unsigned char -> C.uchar (uint8)   short -> C.short (int16)   unsigned short -> C.ushort
 *   int -> C.int (int32)   unsigned -> C.uint   long -> C.long (int64)   unsigned long -> C.ulong
 *   long long -> C.longlong   unsigned long long -> C.ulonglong   float -> C.float (float32)
 *   double -> C.double (float64)   _Bool -> bool   size_t -> C.size_t (= C.ulong) ...
 *   void * -> unsafe.Pointer   T * -> *C.T   struct X * -> *C.struct_X (opaque)
 *   R (*)(P...) -> func(P...) R  (callbacks, see cgo_callback.c)
 */
#include "cgo_internal.h"

#include <limits.h>
#include <stdlib.h>

static const char *const kind_gonames[] = {
    [CT_CHAR] = "char",   [CT_SCHAR] = "schar",       [CT_UCHAR] = "uchar",         [CT_SHORT] = "short",
    [CT_USHORT] = "ushort", [CT_INT] = "int",         [CT_UINT] = "uint",           [CT_LONG] = "long",
    [CT_ULONG] = "ulong", [CT_LONGLONG] = "longlong", [CT_ULONGLONG] = "ulonglong", [CT_FLOAT] = "float",
    [CT_DOUBLE] = "double",
};

const char *cgo_kind_goname(CTypeKind k) {
    return k < countof(kind_gonames) && kind_gonames[k] ? kind_gonames[k] : NULL;
}

static void write_go_type(StrBuf *b, const CType *t);

static void write_go_func(StrBuf *b, const CType *fn) {
    sb_puts(b, "func(");
    for (int i = 0; i < fn->nparams; i++) {
        if (i) sb_puts(b, ", ");
        write_go_type(b, fn->params[i]);
    }
    if (fn->variadic) sb_puts(b, fn->nparams ? ", ...any" : "...any");
    sb_putc(b, ')');
    if (fn->ret && fn->ret->kind != CT_VOID) {
        sb_putc(b, ' ');
        write_go_type(b, fn->ret);
    }
}

static void write_go_type(StrBuf *b, const CType *t) {
    if (t->goname && t->kind != CT_VOID) {
        sb_printf(b, CGO_PREFIX "%s", t->goname);
        return;
    }
    switch (t->kind) {
    case CT_VOID: break;
    case CT_BOOL: sb_puts(b, "bool"); break;
    case CT_POINTER:
    case CT_ARRAY:
        if (t->elem->kind == CT_VOID) sb_puts(b, "unsafe.Pointer");
        else if (t->elem->kind == CT_FUNC) write_go_type(b, t->elem);
        else {
            sb_putc(b, '*');
            write_go_type(b, t->elem);
        }
        break;
    case CT_FUNC: write_go_func(b, t); break;
    case CT_STRUCT: sb_puts(b, CGO_PREFIX "struct_?"); break; /* structs always have a goname */
    default: sb_printf(b, CGO_PREFIX "%s", cgo_kind_goname(t->kind)); break;
    }
}

const char *cgo_go_type(const CType *t) {
    StrBuf b;
    sb_init(&b);
    write_go_type(&b, t);
    return b.data;
}

/* ------------------------------------------------------------- C spelling */

static const char *const kind_cnames[] = {
    [CT_VOID] = "void",   [CT_BOOL] = "_Bool",        [CT_CHAR] = "char",
    [CT_SCHAR] = "signed char",  [CT_UCHAR] = "unsigned char",  [CT_SHORT] = "short",
    [CT_USHORT] = "unsigned short", [CT_INT] = "int",  [CT_UINT] = "unsigned int",
    [CT_LONG] = "long",   [CT_ULONG] = "unsigned long", [CT_LONGLONG] = "long long",
    [CT_ULONGLONG] = "unsigned long long", [CT_FLOAT] = "float", [CT_DOUBLE] = "double",
};

static void write_c_type(StrBuf *b, const CType *t) {
    if (t->goname) {
        const char *us = strchr(t->goname, '_');
        bool tagged = (t->kind == CT_STRUCT || strncmp(t->goname, "enum_", 5) == 0) && us;
        if (tagged) sb_printf(b, "%.*s %s", (int)(us - t->goname), t->goname, us + 1);
        else sb_puts(b, t->goname);
        return;
    }
    switch (t->kind) {
    case CT_POINTER:
    case CT_ARRAY:
        if (t->elem->kind == CT_FUNC) {
            write_c_type(b, t->elem->ret);
            sb_puts(b, " (*)(");
            for (int i = 0; i < t->elem->nparams; i++) {
                if (i) sb_puts(b, ", ");
                write_c_type(b, t->elem->params[i]);
            }
            sb_puts(b, t->elem->variadic ? ", ...)" : ")");
        } else {
            write_c_type(b, t->elem);
            sb_puts(b, " *");
        }
        break;
    case CT_FUNC: sb_puts(b, "function"); break;
    case CT_STRUCT: sb_puts(b, "struct"); break;
    default: sb_puts(b, kind_cnames[t->kind]); break;
    }
}

const char *cgo_c_type(const CType *t) {
    StrBuf b;
    sb_init(&b);
    write_c_type(&b, t);
    return b.data;
}

/* ------------------------------------------------------------- checking */

static const char *check_value_type(const CType *t, const char *what, bool in_callback) {
    switch (t->kind) {
    case CT_STRUCT:
        return gc_sprintf("%s: goi passes C structs by pointer only, not %s by value", what, cgo_c_type(t));
    case CT_FUNC: return gc_sprintf("%s: a function is not a value (use a function pointer)", what);
    case CT_POINTER:
    case CT_ARRAY: {
        const CType *e = t->elem;
        if (e->kind == CT_FUNC) {
            if (in_callback)
                return gc_sprintf("%s: a callback cannot take or return function pointers", what);
            return NULL;
        }
        if (e->kind == CT_POINTER && e->elem->kind == CT_FUNC)
            return gc_sprintf("%s: pointers to function pointers are not supported by goi", what);
        return NULL;
    }
    default: return NULL;
    }
}

const char *cgo_check_func_type(const CType *fn, const char *what) {
    const char *err;
    for (int i = 0; i < fn->nparams; i++) {
        const CType *pt = fn->params[i];
        if ((err = check_value_type(pt, what, false))) return err;
        if ((pt->kind == CT_POINTER) && pt->elem->kind == CT_FUNC) {
            const CType *cb = pt->elem;
            if (cb->variadic) return gc_sprintf("%s: variadic callbacks are not supported by goi", what);
            for (int j = 0; j < cb->nparams; j++)
                if ((err = check_value_type(cb->params[j], what, true))) return err;
            if ((err = check_value_type(cb->ret, what, true))) return err;
        }
    }
    const CType *r = fn->ret;
    if (r->kind == CT_POINTER && r->elem->kind == CT_FUNC)
        return gc_sprintf("%s: C functions returning function pointers are not supported by goi", what);
    return check_value_type(r, what, false);
}

/* ------------------------------------------------------------- scalars */

CScalar cgo_scalar_of(const CType *t) {
    switch (t->kind) {
    case CT_VOID: return SC_VOID;
    case CT_BOOL: return SC_BOOL;
    case CT_CHAR: return CHAR_MIN < 0 ? SC_S8 : SC_U8;
    case CT_SCHAR: return SC_S8;
    case CT_UCHAR: return SC_U8;
    case CT_SHORT: return SC_S16;
    case CT_USHORT: return SC_U16;
    case CT_INT: return SC_S32;
    case CT_UINT: return SC_U32;
    case CT_LONG: return sizeof(long) == 8 ? SC_S64 : SC_S32;
    case CT_ULONG: return sizeof(long) == 8 ? SC_U64 : SC_U32;
    case CT_LONGLONG: return SC_S64;
    case CT_ULONGLONG: return SC_U64;
    case CT_FLOAT: return SC_F32;
    case CT_DOUBLE: return SC_F64;
    case CT_POINTER: case CT_ARRAY: return SC_PTR;
    case CT_STRUCT: case CT_FUNC: return SC_VOID;
    }
    return SC_VOID;
}

CScalar cgo_scalar_of_kind(Kind k) {
    switch (k) {
    case KIND_BOOL: return SC_BOOL;
    case KIND_INT8: return SC_S8;
    case KIND_INT16: return SC_S16;
    case KIND_INT32: return SC_S32;
    case KIND_INT: case KIND_INT64: return SC_S64;
    case KIND_UINT8: return SC_U8;
    case KIND_UINT16: return SC_U16;
    case KIND_UINT32: return SC_U32;
    case KIND_UINT: case KIND_UINT64: case KIND_UINTPTR: return SC_U64;
    case KIND_FLOAT32: return SC_F32;
    case KIND_FLOAT64: return SC_F64;
    case KIND_POINTER: case KIND_UNSAFEPTR: return SC_PTR;
    default: return SC_VOID;
    }
}

ffi_type *cgo_ffi_type(CScalar s) {
    switch (s) {
    case SC_VOID: return &ffi_type_void;
    case SC_BOOL: return &ffi_type_uint8;
    case SC_S8: return &ffi_type_sint8;
    case SC_U8: return &ffi_type_uint8;
    case SC_S16: return &ffi_type_sint16;
    case SC_U16: return &ffi_type_uint16;
    case SC_S32: return &ffi_type_sint32;
    case SC_U32: return &ffi_type_uint32;
    case SC_S64: return &ffi_type_sint64;
    case SC_U64: return &ffi_type_uint64;
    case SC_F32: return &ffi_type_float;
    case SC_F64: return &ffi_type_double;
    case SC_PTR: return &ffi_type_pointer;
    }
    return &ffi_type_void;
}

size_t cgo_scalar_size(CScalar s) {
    switch (s) {
    case SC_VOID: return 0;
    case SC_BOOL: case SC_S8: case SC_U8: return 1;
    case SC_S16: case SC_U16: return 2;
    case SC_S32: case SC_U32: case SC_F32: return 4;
    case SC_S64: case SC_U64: case SC_F64: return 8;
    case SC_PTR: return sizeof(void *);
    }
    return 0;
}

void cgo_to_c(CScalar s, const Value *slot, CValue *d) {
    switch (s) {
    case SC_VOID: break;
    case SC_BOOL: d->u8 = slot->u != 0; break;
    case SC_S8: d->s8 = (int8_t)slot->i; break;
    case SC_U8: d->u8 = (uint8_t)slot->u; break;
    case SC_S16: d->s16 = (int16_t)slot->i; break;
    case SC_U16: d->u16 = (uint16_t)slot->u; break;
    case SC_S32: d->s32 = (int32_t)slot->i; break;
    case SC_U32: d->u32 = (uint32_t)slot->u; break;
    case SC_S64: d->s64 = slot->i; break;
    case SC_U64: d->u64 = slot->u; break;
    case SC_F32: d->f32 = (float)slot->f; break;
    case SC_F64: d->f64 = slot->f; break;
    case SC_PTR: d->ptr = slot->p; break;
    }
}

void cgo_from_c(CScalar s, const void *src, Value *slot) {
    CValue v;
    memcpy(&v, src, cgo_scalar_size(s));
    switch (s) {
    case SC_VOID: break;
    case SC_BOOL: slot->u = v.u8 != 0; break;
    case SC_S8: slot->i = v.s8; break;
    case SC_U8: slot->u = v.u8; break;
    case SC_S16: slot->i = v.s16; break;
    case SC_U16: slot->u = v.u16; break;
    case SC_S32: slot->i = v.s32; break;
    case SC_U32: slot->u = v.u32; break;
    case SC_S64: slot->i = v.s64; break;
    case SC_U64: slot->u = v.u64; break;
    case SC_F32: slot->f = v.f32; break;
    case SC_F64: slot->f = v.f64; break;
    case SC_PTR: slot->p = v.ptr; break;
    }
}

void cgo_from_ret(CScalar s, const CValue *r, Value *slot) {
    switch (s) {
    case SC_VOID: break;
    case SC_BOOL: slot->u = (uint8_t)r->ret != 0; break;
    case SC_S8: slot->i = (int8_t)r->sret; break;
    case SC_U8: slot->u = (uint8_t)r->ret; break;
    case SC_S16: slot->i = (int16_t)r->sret; break;
    case SC_U16: slot->u = (uint16_t)r->ret; break;
    case SC_S32: slot->i = (int32_t)r->sret; break;
    case SC_U32: slot->u = (uint32_t)r->ret; break;
    case SC_S64: slot->i = r->s64; break;
    case SC_U64: slot->u = r->u64; break;
    case SC_F32: slot->f = r->f32; break;
    case SC_F64: slot->f = r->f64; break;
    case SC_PTR: slot->p = r->ptr; break;
    }
}

void cgo_to_ret(CScalar s, const Value *slot, void *ret) {
    switch (s) {
    case SC_VOID: break;
    case SC_BOOL: *(ffi_arg *)ret = slot->u != 0; break;
    case SC_S8: *(ffi_sarg *)ret = (int8_t)slot->i; break;
    case SC_U8: *(ffi_arg *)ret = (uint8_t)slot->u; break;
    case SC_S16: *(ffi_sarg *)ret = (int16_t)slot->i; break;
    case SC_U16: *(ffi_arg *)ret = (uint16_t)slot->u; break;
    case SC_S32: *(ffi_sarg *)ret = (int32_t)slot->i; break;
    case SC_U32: *(ffi_arg *)ret = (uint32_t)slot->u; break;
    case SC_S64: *(int64_t *)ret = slot->i; break;
    case SC_U64: *(uint64_t *)ret = slot->u; break;
    case SC_F32: *(float *)ret = (float)slot->f; break;
    case SC_F64: *(double *)ret = slot->f; break;
    case SC_PTR: *(void **)ret = slot->p; break;
    }
}

const char *cgo_param_of(const CType *t, CgoParam *out) {
    memset(out, 0, sizeof *out);
    out->sc = cgo_scalar_of(t);
    if (t->kind == CT_POINTER || t->kind == CT_ARRAY) {
        const CType *e = t->elem;
        if (e->kind == CT_FUNC) {
            const char *err = NULL;
            out->cb = cgo_callback_new(e, &err);
            return err;
        }
        out->elem = cgo_scalar_of(e); /* SC_VOID for void and opaque structs */
    }
    return NULL;
}
