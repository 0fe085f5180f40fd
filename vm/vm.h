/* vm.h - values, types, functions and the bytecode interpreter.
 *
 * VALUE LAYOUT. A Value is one 64-bit slot. Every Go type occupies a fixed
 * number of consecutive slots (Type.size), laid out as gc lays out memory,
 * one slot per scalar:
 *
 *   bool, intN, uintN, uintptr   1 slot, kept normalised: signed kinds are
 *                                sign-extended, unsigned kinds zero-extended
 *   float32, float64             1 slot (.f); float32 values are rounded to
 *                                float precision after every operation
 *   complex128, complex64        2 slots (re, im)
 *   string                       2 slots: [0].p bytes (not NUL-terminated), [1].i length
 *   slice                        3 slots: [0].p first element, [1].i len, [2].i cap
 *   interface (empty or not)     2 slots: [0].p dynamic Type* (NULL = nil interface),
 *                                [1] the data word: the value itself when the
 *                                dynamic type has size 1, a pointer to an
 *                                immutable boxed copy when it has size >= 2,
 *                                unused when size 0
 *   pointer, map, chan, func     1 slot (.p); a pointer points at the first slot of
 *                                the pointee, a func is a Closure*
 *   struct                       its fields in order, each at Field.offset
 *   array [N]T                   N * T.size slots
 *
 * Memory for slices, arrays and boxed variables uses the same layout, so a
 * struct copy is a slot copy and "&x.f" is a pointer into x's slots.
 *
 * STATIC TYPES PAY FOR SPEED. The checker knows every type, so instructions
 * are typed (ADD_INT, LT_FLOAT, EQ_STR ...) and the dispatch loop never tests
 * a tag. Type descriptors are needed at run time only for interfaces, maps,
 * fmt, and panics; the same Type objects serve the checker and the runtime.
 */
#ifndef GOI_VM_H
#define GOI_VM_H

#include "../common/common.h"

typedef union Value {
    int64_t i;
    uint64_t u;
    double f;
    void *p;
} Value;

typedef struct G G;       /* a goroutine: runtime/runtime.h */
typedef struct Chan Chan; /* runtime/runtime.h */
typedef struct Map Map;   /* vm/map.c */
typedef struct Type Type;
typedef struct Func Func;
typedef struct Closure Closure;

/* ------------------------------------------------------------------ types */

#define GOI_KINDS(X)                                                                               \
    X(KIND_INVALID, "invalid type")                                                                \
    X(KIND_BOOL, "bool")                                                                           \
    X(KIND_INT, "int")                                                                             \
    X(KIND_INT8, "int8")                                                                           \
    X(KIND_INT16, "int16")                                                                         \
    X(KIND_INT32, "int32")                                                                         \
    X(KIND_INT64, "int64")                                                                         \
    X(KIND_UINT, "uint")                                                                           \
    X(KIND_UINT8, "uint8")                                                                         \
    X(KIND_UINT16, "uint16")                                                                       \
    X(KIND_UINT32, "uint32")                                                                       \
    X(KIND_UINT64, "uint64")                                                                       \
    X(KIND_UINTPTR, "uintptr")                                                                     \
    X(KIND_FLOAT32, "float32")                                                                     \
    X(KIND_FLOAT64, "float64")                                                                     \
    X(KIND_COMPLEX64, "complex64")                                                                 \
    X(KIND_COMPLEX128, "complex128")                                                               \
    X(KIND_STRING, "string")                                                                       \
    X(KIND_UNSAFEPTR, "unsafe.Pointer")                                                            \
    X(KIND_ARRAY, "array")                                                                         \
    X(KIND_SLICE, "slice")                                                                         \
    X(KIND_STRUCT, "struct")                                                                       \
    X(KIND_POINTER, "pointer")                                                                     \
    X(KIND_FUNC, "func")                                                                           \
    X(KIND_INTERFACE, "interface")                                                                 \
    X(KIND_MAP, "map")                                                                             \
    X(KIND_CHAN, "chan")                                                                           \
    /* the checker's own kinds; never seen at run time */                                          \
    X(KIND_UNTYPED_BOOL, "untyped bool")                                                           \
    X(KIND_UNTYPED_INT, "untyped int")                                                             \
    X(KIND_UNTYPED_RUNE, "untyped rune")                                                           \
    X(KIND_UNTYPED_FLOAT, "untyped float")                                                         \
    X(KIND_UNTYPED_COMPLEX, "untyped complex")                                                     \
    X(KIND_UNTYPED_STRING, "untyped string")                                                       \
    X(KIND_UNTYPED_NIL, "untyped nil")                                                             \
    X(KIND_TUPLE, "tuple")

typedef enum {
#define GOI_KIND_ENUM(k, s) k,
    GOI_KINDS(GOI_KIND_ENUM)
#undef GOI_KIND_ENUM
        KIND__COUNT
} Kind;

const char *kind_name(Kind k);

typedef struct StructField {
    const char *name; /* interned; for an embedded field, the type's name */
    Type *type;
    uint32_t offset;  /* in slots from the start of the struct */
    bool embedded;
    bool exported;
    const char *tag;  /* raw tag text or NULL */
} StructField;

/* A method of an interface type (sorted by name). */
typedef struct IMethod {
    const char *name; /* interned */
    Type *sig;        /* KIND_FUNC without receiver */
} IMethod;

/* A method in the method set of a concrete type (sorted by name). fn takes
 * the receiver as its first parameter, laid out as the type the method set
 * belongs to: for T, size(T) slots; for *T, one pointer slot. The compiler
 * generates wrappers for promoted methods and for value methods called
 * through pointers, so fn always matches this table's receiver type. */
typedef struct Method {
    const char *name; /* interned */
    Type *sig;        /* KIND_FUNC without receiver */
    Func *fn;
    bool ptr_recv;    /* declared with a pointer receiver (only in *T's set) */
    /* A value method of a T of two or more slots: instead of calling fn (an
     * adapter that unboxes the receiver), CALLIFACE copies the unbox slots
     * from the data word's box and calls direct itself, saving a frame. */
    uint32_t unbox;
    Func *direct;
} Method;

enum {
    TF_NAMED = 1 << 0,      /* declared type (has name) */
    TF_COMPARABLE = 1 << 1, /* == is defined */
    TF_HASPTR = 1 << 2,     /* holds pointers: allocate scanned memory */
    TF_VARIADIC = 1 << 3,   /* func type: last parameter is ...T */
    TF_ERROR_IFACE = 1 << 4,/* the predeclared error interface */
    TF_COMPLETE = 1 << 5,   /* size/layout known (named types resolve late) */
};

struct Type {
    Kind kind;         /* kind of the underlying type */
    uint32_t flags;    /* TF_* */
    uint32_t size;     /* slots */
    uint32_t id;       /* unique per canonical type, stable within one run */
    uint32_t gosize;   /* size in bytes under gc's layout (for cap growth as Go computes it) */
    uint32_t goalign;
    const char *name;  /* named types: "Duration"; NULL otherwise */
    const char *pkg;   /* named types: package path ("main", "time"); NULL for predeclared */
    Type *under;       /* underlying type; the type itself when unnamed */
    Type *elem;        /* array/slice/pointer elem, map value, chan elem */
    Type *key;         /* map key */
    int64_t len;       /* array length */
    int chan_dir;      /* CHAN_SEND / CHAN_RECV / CHAN_BOTH (parser.h values) */
    int nfields;       /* struct */
    StructField *fields;
    int nparams, nresults; /* func, tuple (tuple uses results) */
    Type **params, **results;
    int nimethods;     /* interface, sorted by name, embedded interfaces flattened */
    IMethod *imethods;
    int nmethods;      /* method set of this concrete type, sorted by name */
    Method *methods;
    Type *ptr_to;      /* cached *T */
    const char *str;   /* cached type string, as %T prints it */
    void *checker;     /* compiler-private data (e.g. the declaring object) */
};

/* Predeclared types (initialised by types_init). */
extern Type *t_bool, *t_int, *t_int8, *t_int16, *t_int32, *t_int64, *t_uint, *t_uint8, *t_uint16,
    *t_uint32, *t_uint64, *t_uintptr, *t_float32, *t_float64, *t_complex64, *t_complex128,
    *t_string, *t_unsafeptr, *t_error, *t_any;
extern Type *t_untyped_bool, *t_untyped_int, *t_untyped_rune, *t_untyped_float,
    *t_untyped_complex, *t_untyped_string, *t_untyped_nil, *t_invalid;
/* Composite types used by the runtime itself. */
extern Type *t_byte_slice, *t_rune_slice, *t_string_slice, *t_any_slice;

void types_init(void);

/* Canonical constructors: structurally identical unnamed types are the same
 * pointer, so type identity is pointer equality. Thread-safe. */
Type *type_pointer(Type *elem);
Type *type_slice(Type *elem);
Type *type_array(Type *elem, int64_t len);
Type *type_map(Type *key, Type *value);
Type *type_chan(Type *elem, int dir);
Type *type_func(Type **params, int nparams, Type **results, int nresults, bool variadic);
Type *type_tuple(Type **elems, int n);
Type *type_struct(StructField *fields, int nfields);        /* offsets are computed */
Type *type_interface(IMethod *methods, int nmethods);       /* methods need not be sorted */
/* A new named type (distinct from every other); set its underlying later
 * with type_set_underlying (allows recursive types). */
Type *type_named(const char *pkg, const char *name);
void type_set_underlying(Type *named, Type *under);
/* Lay out t again once the named types it contains are complete. */
void type_layout_refresh(Type *t);
/* The method set of t (a named type, or a pointer to one, or a struct with
 * embedded fields): sorted, built by the compiler. */
void type_set_methods(Type *t, Method *methods, int n);
const Method *type_find_method(const Type *t, const char *name); /* interned name */

static inline bool type_is_integer(const Type *t) { return t->kind >= KIND_INT && t->kind <= KIND_UINTPTR; }
static inline bool type_is_unsigned(const Type *t) { return t->kind >= KIND_UINT && t->kind <= KIND_UINTPTR; }
static inline bool type_is_float(const Type *t) { return t->kind == KIND_FLOAT32 || t->kind == KIND_FLOAT64; }
static inline bool type_is_complex(const Type *t) { return t->kind == KIND_COMPLEX64 || t->kind == KIND_COMPLEX128; }
static inline bool type_is_untyped(const Type *t) { return t->kind >= KIND_UNTYPED_BOOL && t->kind <= KIND_UNTYPED_NIL; }
static inline bool type_is_interface(const Type *t) { return t->kind == KIND_INTERFACE; }
/* Bits of an integer kind (int/uint/uintptr are 64). */
int type_int_bits(const Type *t);

/* The type as Go spells it: "int", "[]string", "map[string]int", "main.Point",
 * "*main.Node", "func(int) string", "struct { X int }", "interface {}". */
const char *type_string(Type *t);

/* ----------------------------------------------------------- equality, hash */

/* a == b for values of type t (t comparable). Interfaces compare dynamic
 * types then values; comparing uncomparable dynamic types panics in Go, so
 * it reports that through *uncomparable (set to the offending type) instead. */
bool value_equal(const Type *t, const Value *a, const Value *b, Type **uncomparable);
/* Hash consistent with value_equal (+0 == -0; NaN hashes randomly). */
uint64_t value_hash(const Type *t, const Value *v, uint64_t seed, Type **unhashable);

/* -------------------------------------------------------------- strings */

/* Slots [0],[1] of a string. */
typedef struct GoString {
    const uint8_t *ptr;
    int64_t len;
} GoString;

static inline GoString str_get(const Value *v) { return (GoString){(const uint8_t *)v[0].p, v[1].i}; }
static inline void str_set(Value *v, GoString s) { v[0].p = (void *)s.ptr; v[1].i = s.len; }
GoString str_from(const char *s, size_t n); /* copies into collected memory */
GoString str_from_cstr(const char *s);
GoString str_concat(GoString a, GoString b);
int str_compare(GoString a, GoString b); /* <0, 0, >0 */
char *str_to_cstr(GoString s);          /* fresh NUL-terminated copy */

/* -------------------------------------------------------------- slices */

typedef struct GoSlice {
    Value *ptr;
    int64_t len, cap;
} GoSlice;

static inline GoSlice slice_get(const Value *v) { return (GoSlice){(Value *)v[0].p, v[1].i, v[2].i}; }
static inline void slice_set(Value *v, GoSlice s) { v[0].p = s.ptr; v[1].i = s.len; v[2].i = s.cap; }
/* New zeroed backing store for n elements of type elem. */
Value *alloc_elems(const Type *elem, int64_t n);
/* append's growth: returns a slice with room for len+extra elements. */
GoSlice slice_grow(const Type *elem, GoSlice s, int64_t extra);
/* Conversions between strings and byte/rune slices. */
GoSlice bytes_from_string(GoString s);
GoString string_from_bytes(GoSlice b);
GoSlice runes_from_string(GoString s);
GoString string_from_runes(GoSlice r);
GoString string_from_rune(int64_t r);

/* ---------------------------------------------------------- interfaces */

/* Build an interface value from a value of concrete type t at src
 * (boxes it when t->size >= 2). */
void iface_make(Value *dst, Type *t, const Value *src);
/* Pointer to the slots of the dynamic value of an interface (never NULL for
 * non-nil interfaces; points into the box or at iface[1]). */
static inline Value *iface_data(Value *iface) {
    Type *t = (Type *)iface[0].p;
    return t->size >= 2 ? (Value *)iface[1].p : &iface[1];
}
/* Does concrete or interface type t implement interface it? If not, *missing
 * receives the first missing method name (and *wrong_type whether a method
 * of that name exists with another signature or pointer receiver). */
bool type_implements(Type *t, Type *it, const char **missing, bool *ptr_recv_only);

/* ------------------------------------------------------------------ maps */

Map *map_new(Type *maptype, int64_t hint);
/* Lookup: pointer to the value slots of key, or NULL. *err set (type) when the key's
 * dynamic type is unhashable (interface keys). */
Value *map_find(Map *m, const Value *key, Type **unhashable);
/* Insert-or-find: pointer to the value slots (zeroed when new). */
Value *map_assign(Map *m, const Value *key, Type **unhashable);
void map_delete(Map *m, const Value *key, Type **unhashable);
int64_t map_len(const Map *m);
Type *map_type(const Map *m);

/* Iteration in Go's randomised order. An entry deleted before it is reached
 * is not produced; an entry added during iteration may or may not be. */
typedef struct MapIter {
    Map *m;
    void *state[6];
} MapIter;
void map_iter_init(MapIter *it, Map *m);
/* Next entry: true with pointers to the key and value slots, false at the end. */
bool map_iter_next(MapIter *it, Value **key, Value **val);

/* ------------------------------------------------------------- functions */

typedef struct Instr {
    uint16_t op, a, b, c;
} Instr;

/* Signed 32-bit operand formed by b and c (jump offsets, constant indexes). */
static inline int32_t instr_bx(Instr i) { return (int32_t)((uint32_t)i.b | ((uint32_t)i.c << 16)); }

/* Native function ABI. Arguments are laid out in args[] slot by slot as the
 * Go parameter list (receiver first for methods); the native writes its
 * results at args[0..] in the result list's layout (it may overwrite the
 * arguments). It returns one of: */
enum {
    NATIVE_OK = 0,
    NATIVE_PANIC,  /* a Go panic was raised with vm_panic_* */
    NATIVE_PARK,   /* the goroutine was parked by the runtime (g->unlockf set);
                      on wake-up the call instruction runs again with the same
                      arguments, and the native finds in g->park how it ended */
    NATIVE_EXIT,   /* the goroutine ends now (runtime.Goexit) */
    NATIVE_YIELD,  /* the call is done; let other goroutines run first (runtime.Gosched) */
};
typedef int (*NativeFn)(G *g, Value *args);

typedef struct LineEntry {
    uint32_t pc;   /* first instruction of the run */
    int32_t line;
} LineEntry;

struct Func {
    const char *name;        /* as tracebacks print it: "main.main", "main.(*T).M", "main.worker.func1" */
    const char *file;        /* source file */
    int line;                /* line of the declaration */
    Type *sig;               /* KIND_FUNC (receiver included as first param for methods) */
    uint32_t nargs;          /* slots of parameters (receiver included) */
    uint32_t nres;           /* slots of results */
    uint32_t frame_size;     /* slots the frame needs (registers) */
    Instr *code;
    uint32_t ncode;
    Value *consts;
    uint32_t nconsts;
    LineEntry *lines;        /* sorted by pc */
    uint32_t nlines;
    uint32_t epilogue_pc;    /* where a recovered panic resumes: runs defers, returns results */
    bool has_defer;
    bool wrapper;            /* adapts a receiver for a method (Go's wrappers: left out of tracebacks) */
    NativeFn native;         /* non-NULL: implemented in C */
    Closure *static_closure; /* the function as a value (no captures) */
    void *debug;             /* compiler: names of registers for the disassembler */
    void *lazy;              /* compiler: the body is compiled on first call (see below) */
};

/* Standard-library functions are compiled on first call, so a program pays
 * only for what it uses: such a Func has native == vm_lazy_native until
 * vm_compile_hook (set by the compiler) fills in its code. */
int vm_lazy_native(G *g, Value *args);
extern void (*vm_compile_hook)(Func *f);
/* f, compiled if it was lazy. */
static inline Func *func_ready(Func *f) {
    if (__builtin_expect(__atomic_load_n(&f->native, __ATOMIC_ACQUIRE) == vm_lazy_native, 0)) vm_compile_hook(f);
    return f;
}

/* A function value. Captured variables are heap boxes (pointers to the
 * variable's slots), so closures share them by reference. */
struct Closure {
    Func *fn;
    uint32_t nup;
    Value up[]; /* each .p points at a captured variable's slots */
};

Closure *closure_new(Func *fn, uint32_t nup);
/* Line of the instruction at pc in fn (pc is an index into fn->code). */
int func_line_at(const Func *fn, uint32_t pc);
/* The line frame f is at: of the instruction before its saved pc (the call
 * it made), or, with at_pc, of the saved pc itself. */
struct Frame;
int frame_line(const struct Frame *f, bool at_pc);

/* Print fn's bytecode for `goi dis`. */
void vm_disassemble(const Func *fn, FILE *out);

/* ------------------------------------------------------------ execution */

/* What vm_execute reports to the scheduler. The dispatch loop never blocks. */
typedef enum {
    VM_DONE,   /* the goroutine's first frame returned (or it called Goexit) */
    VM_PARKED, /* waiting: the scheduler runs g->unlockf, then forgets g until it is readied */
    VM_YIELD,  /* preempted (budget used up and others are runnable), or Gosched */
} VMStatus;

/* Run g from its saved state until it parks, yields or finishes. Unrecovered
 * panics print Go's report and end the process with exit status 2. */
VMStatus vm_execute(G *g);

/* Call a Go function value from native code on g's own stack (fmt calling a
 * String method, sort calling less). args/results use the slot layout of fn's
 * signature. If the callee blocks, the OS thread blocks with it (its
 * processor is handed to another thread meanwhile). Returns NATIVE_OK or
 * NATIVE_PANIC (the panic stays pending in g and continues unwinding when
 * the native returns NATIVE_PANIC). */
int vm_call(G *g, Closure *fn, const Value *args, uint32_t nargs, Value *results, uint32_t nres);

/* The C stack ran out where the goroutine's own stack would grow in Go
 * (values nested through interfaces millions deep, natives calling back
 * into Go recursively): Go's "stack overflow" report, exit status 2. */
_Noreturn void vm_fatal_stack_overflow(void);

/* After vm_call returned NATIVE_PANIC: take the pending panic off g and
 * store its value (an interface) in val; the native then carries on. */
bool vm_take_panic(G *g, Value *val);

/* Call method name (interned) on an interface value, same contract. */
int vm_call_method(G *g, Value *iface, const char *name, const Value *args, uint32_t nargs,
                   Value *results, uint32_t nres);

/* Set up g to start fn with arguments (the `go` statement, and main). */
void vm_prepare_goroutine(G *g, Closure *fn, const Value *args, uint32_t nargs);

/* Raise a Go panic in g. The caller then returns NATIVE_PANIC (natives) or
 * RT_PANIC (runtime operations). */
/* A runtime.Error with this text: "runtime error: index out of range [5] with length 3",
 * "close of closed channel" (Go's plain runtime errors carry no prefix; pass the text as Go prints it). */
void vm_panic_runtime(G *g, const char *msg);
/* panic(v) with an arbitrary interface value (2 slots). */
void vm_panic_value(G *g, const Value *iface);
/* panic(errors.New(msg))-like: an error value with this text (used by natives for Go's
 * non-runtime panics such as "sync: negative WaitGroup counter"). */
void vm_panic_string(G *g, const char *msg);

/* Print g's stack, Go style, for tracebacks and deadlock reports:
 *   main.worker(...)
 *   \t/path/file.go:12 +0x0
 * (the "+0x0" offsets are kept for familiarity; arguments are elided as "...") */
void vm_print_stack(G *g, FILE *out);
/* The function and line g is blocked in (deepest frame), for summaries. */
const char *vm_current_function(G *g, int *line, const char **file);

/* The program's entry: set by the compiler, run by cmd/goi. */
typedef struct Program {
    Func *init;    /* package initialisation (globals, init functions); may be NULL */
    Func *main;    /* main.main */
    Func **funcs;  /* every function, for the disassembler */
    uint32_t nfuncs;
    Value *globals; /* one slot per package variable, pointing at its storage */
    uint32_t nglobals;
    const char *filename;
} Program;

/* Format a panic value the way Go's printpanicval does ("42", "boom",
 * "main.T{...}" forms, errors via Error(), Stringers via String()). */
char *vm_format_panic_value(G *g, Value *iface);

#endif
