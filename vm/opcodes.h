/* opcodes.h - the instruction set, defined once.
 *
 * X(NAME, operands, description) is expanded by the code generator (enum),
 * the dispatch loop (label table) and the disassembler (names, operand
 * formats, descriptions for `goi dis`).
 *
 * An instruction is four 16-bit fields: op, A, B, C (vm.h). R[x] is
 * register x of the current frame, K[x] constant x, Bx the signed 32-bit
 * number made of B and C, sC the signed 16-bit C. Operand formats:
 *   "A B C"  three fields      "A Bx"  A and a 32-bit operand
 *   "A sBx"  A and a jump      "sBx"   a jump (offsets are relative to the
 *                                      next instruction)
 *   "A B sC" jump in C         ""      no operands
 * An instruction described with "+X" is followed by an EXTRA instruction
 * carrying more operands (X.a, X.b, X.c).
 *
 * Integers live in 64-bit slots; the generator follows arithmetic on sized
 * integer types with SEXT/ZEXT so every slot stays normalised (vm.h).
 */
#ifndef GOI_OPCODES_H
#define GOI_OPCODES_H

#include <stdint.h>

#define GOI_OPCODES(X)                                                                             \
    X(NOP, "", "do nothing")                                                                       \
    X(EXTRA, "A B C", "operands of the previous instruction (never executed)")                     \
    /* moves and constants */                                                                      \
    X(MOVE, "A B", "R[A] = R[B]")                                                                  \
    X(MOVE2, "A B", "R[A..A+1] = R[B..B+1]")                                                       \
    X(MOVE3, "A B", "R[A..A+2] = R[B..B+2]")                                                       \
    X(MOVEN, "A B C", "R[A..A+C) = R[B..B+C)")                                                     \
    X(LOADK, "A Bx", "R[A] = K[Bx]")                                                               \
    X(LOADK2, "A Bx", "R[A..A+1] = K[Bx..Bx+1] (a string or complex constant)")                    \
    X(LOADI, "A sBx", "R[A] = sBx")                                                                \
    X(ZERO, "A B", "R[A..A+B) = zero")                                                             \
    /* variables outside registers */                                                              \
    X(GETG, "A B C", "R[A..A+C) = global *K[B]")                                                   \
    X(SETG, "A B C", "global *K[B] = R[A..A+C)")                                                   \
    X(NEWBOX, "A B C", "R[A] = new zeroed variable of B | (C >> 1) << 16 slots (C & 1: it holds pointers)") \
    X(LOAD, "A B C", "R[A..A+C) = *R[B] (a variable's box: never nil)")                            \
    X(STORE, "A B C", "*R[A] = R[B..B+C) (a variable's box)")                                      \
    X(LOADP, "A B C", "R[A..A+C) = *R[B], panicking on nil")                                       \
    X(STOREP, "A B C", "*R[A] = R[B..B+C), panicking on nil")                                      \
    X(MEMCOPY, "A B +X", "*R[A] = *R[B]: X.a|X.b<<16 slots, memory to memory (large values; nil panics)") \
    X(LOADF, "A B C +X", "R[A..A+X.a) = R[B]->slots[C..] (field through a pointer; nil panics)")   \
    X(STOREF, "A B C +X", "R[A]->slots[B..B+X.a) = R[C..] (nil panics)")                           \
    X(LOADF1, "A B C", "R[A] = R[B]->slots[C] (one-slot field through a pointer; nil panics)")       \
    X(STOREF1, "A B C", "R[A]->slots[B] = R[C] (one-slot field through a pointer; nil panics)")      \
    X(ADDROFF, "A B C", "R[A] = &R[B]->slots[C] (nil panics)")                                     \
    X(GETUP, "A B", "R[A] = the box of captured variable B")                                       \
    X(CLOSURE, "A Bx", "R[A] = closure of function K[Bx]; captures follow as CAPLOCAL/CAPUP")      \
    X(CAPLOCAL, "A", "capture the box in R[A] (follows CLOSURE)")                                  \
    X(CAPUP, "A", "capture upvalue A of the enclosing closure (follows CLOSURE)")                  \
    /* integer arithmetic, wrapping at 64 bits */                                                  \
    X(ADD, "A B C", "R[A] = R[B] + R[C]")                                                          \
    X(SUB, "A B C", "R[A] = R[B] - R[C]")                                                          \
    X(MUL, "A B C", "R[A] = R[B] * R[C]")                                                          \
    X(DIV, "A B C", "R[A] = R[B] / R[C] (signed; panics on zero)")                                 \
    X(DIVU, "A B C", "R[A] = R[B] / R[C] (unsigned; panics on zero)")                              \
    X(REM, "A B C", "R[A] = R[B] % R[C] (signed; panics on zero)")                                \
    X(REMU, "A B C", "R[A] = R[B] % R[C] (unsigned; panics on zero)")                              \
    X(AND, "A B C", "R[A] = R[B] & R[C]")                                                          \
    X(OR, "A B C", "R[A] = R[B] | R[C]")                                                           \
    X(XOR, "A B C", "R[A] = R[B] ^ R[C]")                                                          \
    X(ANDNOT, "A B C", "R[A] = R[B] &^ R[C]")                                                      \
    X(SHL, "A B C", "R[A] = R[B] << R[C] (count taken as unsigned)")                               \
    X(SHR, "A B C", "R[A] = R[B] >> R[C] (arithmetic)")                                            \
    X(SHRU, "A B C", "R[A] = R[B] >> R[C] (logical)")                                              \
    X(CHKSHIFT, "A", "panic if the signed shift count R[A] is negative")                           \
    X(ADDI, "A B sC", "R[A] = R[B] + sC")                                                          \
    X(MULK, "A B C", "R[A] = R[B] * K[C]")                                                         \
    X(DIVK, "A B C", "R[A] = R[B] / K[C] (signed; K[C] is not zero)")                              \
    X(DIVUK, "A B C", "R[A] = R[B] / K[C] (unsigned; K[C] is not zero)")                           \
    X(REMK, "A B C", "R[A] = R[B] % K[C] (signed; K[C] is not zero)")                              \
    X(REMUK, "A B C", "R[A] = R[B] % K[C] (unsigned; K[C] is not zero)")                           \
    X(ANDK, "A B C", "R[A] = R[B] & K[C]")                                                         \
    X(ORK, "A B C", "R[A] = R[B] | K[C]")                                                          \
    X(XORK, "A B C", "R[A] = R[B] ^ K[C]")                                                         \
    X(SHLK, "A B C", "R[A] = R[B] << K[C]")                                                        \
    X(SHRK, "A B C", "R[A] = R[B] >> K[C] (arithmetic)")                                           \
    X(SHRUK, "A B C", "R[A] = R[B] >> K[C] (logical)")                                             \
    X(FADDK, "A B C", "R[A] = R[B] + K[C] (float)")                                                \
    X(FSUBK, "A B C", "R[A] = R[B] - K[C] (float)")                                                \
    X(FMULK, "A B C", "R[A] = R[B] * K[C] (float)")                                                \
    X(FDIVK, "A B C", "R[A] = R[B] / K[C] (float)")                                                \
    X(NEG, "A B", "R[A] = -R[B]")                                                                  \
    X(BNOT, "A B", "R[A] = ^R[B]")                                                                 \
    X(NOT, "A B", "R[A] = !R[B]")                                                                  \
    X(SEXT, "A B C", "R[A] = R[B] sign-extended from C bits")                                      \
    X(ZEXT, "A B C", "R[A] = R[B] zero-extended from C bits")                                      \
    /* floating point */                                                                           \
    X(FADD, "A B C", "R[A] = R[B] + R[C] (float)")                                                 \
    X(FSUB, "A B C", "R[A] = R[B] - R[C] (float)")                                                 \
    X(FMUL, "A B C", "R[A] = R[B] * R[C] (float)")                                                 \
    X(FDIV, "A B C", "R[A] = R[B] / R[C] (float)")                                                 \
    X(FNEG, "A B", "R[A] = -R[B] (float)")                                                         \
    X(F32, "A B", "R[A] = R[B] rounded to float32 precision")                                      \
    X(FMATH, "A B C", "R[A] = math function C of R[B] (Sqrt, Abs, Floor, Ceil, Trunc: MATH_*)")     \
    X(FMIN, "A B C", "R[A] = min(R[B], R[C]) (float; NaN if either is, -0 below +0)")                \
    X(FMAX, "A B C", "R[A] = max(R[B], R[C]) (float; NaN if either is, +0 above -0)")                \
    X(CADD, "A B C", "R[A..A+1] = R[B..] + R[C..] (complex)")                                      \
    X(CSUB, "A B C", "R[A..A+1] = R[B..] - R[C..] (complex)")                                      \
    X(CMUL, "A B C", "R[A..A+1] = R[B..] * R[C..] (complex)")                                      \
    X(CDIV, "A B C", "R[A..A+1] = R[B..] / R[C..] (complex)")                                      \
    X(CEQ, "A B C", "R[A] = R[B..] == R[C..] (complex)")                                           \
    /* comparisons producing a bool */                                                             \
    X(EQ, "A B C", "R[A] = R[B] == R[C] (one slot: ints, bools, pointers)")                        \
    X(NE, "A B C", "R[A] = R[B] != R[C]")                                                          \
    X(LT, "A B C", "R[A] = R[B] < R[C] (signed)")                                                  \
    X(LE, "A B C", "R[A] = R[B] <= R[C] (signed)")                                                 \
    X(LTU, "A B C", "R[A] = R[B] < R[C] (unsigned)")                                               \
    X(LEU, "A B C", "R[A] = R[B] <= R[C] (unsigned)")                                              \
    X(FEQ, "A B C", "R[A] = R[B] == R[C] (float)")                                                 \
    X(FNE, "A B C", "R[A] = R[B] != R[C] (float)")                                                 \
    X(FLT, "A B C", "R[A] = R[B] < R[C] (float)")                                                  \
    X(FLE, "A B C", "R[A] = R[B] <= R[C] (float)")                                                 \
    X(SEQ, "A B C", "R[A] = R[B..] == R[C..] (strings)")                                           \
    X(SNE, "A B C", "R[A] = R[B..] != R[C..] (strings)")                                           \
    X(SLT, "A B C", "R[A] = R[B..] < R[C..] (strings)")                                            \
    X(SLE, "A B C", "R[A] = R[B..] <= R[C..] (strings)")                                           \
    X(EQVAL, "A B C +X", "R[A] = R[B..] == R[C..] for values of type K[X.a] (structs, arrays)")    \
    X(IEQ, "A B C", "R[A] = R[B..B+1] == R[C..C+1] (interfaces; panics on uncomparable types)")    \
    /* jumps */                                                                                    \
    X(JMP, "sBx", "jump")                                                                          \
    X(JT, "A sBx", "jump if R[A]")                                                                 \
    X(JF, "A sBx", "jump if !R[A]")                                                                \
    X(JEQ, "A B sC", "jump if R[A] == R[B]")                                                       \
    X(JNE, "A B sC", "jump if R[A] != R[B]")                                                       \
    X(JLT, "A B sC", "jump if R[A] < R[B] (signed)")                                               \
    X(JLE, "A B sC", "jump if R[A] <= R[B] (signed)")                                              \
    X(JLTU, "A B sC", "jump if R[A] < R[B] (unsigned)")                                            \
    X(JLEU, "A B sC", "jump if R[A] <= R[B] (unsigned)")                                           \
    X(JEQK, "A B sC", "jump if R[A] == K[B]")                                                      \
    X(JNEK, "A B sC", "jump if R[A] != K[B]")                                                      \
    X(JLTK, "A B sC", "jump if R[A] < K[B] (signed)")                                              \
    X(JLEK, "A B sC", "jump if R[A] <= K[B] (signed)")                                             \
    X(JGTK, "A B sC", "jump if R[A] > K[B] (signed)")                                              \
    X(JGEK, "A B sC", "jump if R[A] >= K[B] (signed)")                                             \
    /* strings */                                                                                  \
    X(CONCAT, "A B C", "R[A..A+1] = R[B..B+1] + R[C..C+1]")                                        \
    X(SINDEX, "A B C", "R[A] = byte R[C] of string R[B..B+1]")                                     \
    X(SLEN, "A B", "R[A] = len(string R[B..B+1])")                                                 \
    X(STR2BYTES, "A B", "R[A..A+2] = []byte(R[B..B+1])")                                           \
    X(BYTES2STR, "A B", "R[A..A+1] = string(R[B..B+2])")                                           \
    X(STR2RUNES, "A B", "R[A..A+2] = []rune(R[B..B+1])")                                           \
    X(RUNES2STR, "A B", "R[A..A+1] = string(R[B..B+2])")                                           \
    X(RUNE2STR, "A B", "R[A..A+1] = string(rune R[B])")                                            \
    X(STRNEXT, "A B C", "decode the rune of string R[B..] at index R[C]: R[A] = rune, R[A+1] = next index") \
    /* conversions */                                                                              \
    X(I2F, "A B", "R[A] = float64(signed R[B])")                                                   \
    X(U2F, "A B", "R[A] = float64(unsigned R[B])")                                                 \
    X(F2I, "A B", "R[A] = int64(R[B]) (truncating)")                                               \
    X(F2U, "A B", "R[A] = uint64(R[B]) (truncating)")                                              \
    X(SLICE2ARRP, "A B C", "R[A] = (*[K[C]]T)(slice R[B..]) (panics when the slice is shorter)")   \
    /* slices, arrays */                                                                           \
    X(MKSLICE, "A B C +X", "R[A..A+2] = make([]K[X.a], len R[B], cap R[C] (C = B: cap = len))")    \
    X(SLICELIT, "A B C +X", "R[A..A+2] = new slice of the C values at R[B..] (elem type K[X.a])")  \
    X(INDEX, "A B C +X", "R[A..A+X.a) = element R[C] of slice R[B..B+2] (bounds-checked)")         \
    X(SETINDEX, "A B C +X", "element R[B] of slice R[A..A+2] = R[C..C+X.a)")                       \
    X(INDEXADDR, "A B C +X", "R[A] = &element R[C] of slice R[B..] (X.a: elem size)")              \
    X(ARRAYADDR, "A B C +X", "R[A] = &element R[C] of array *R[B] (X.a: elem size, X.b|X.c<<16: length)") \
    X(SLICE, "A B C +X", "R[A..] = R[B..][lo:hi:max] with the bounds at R[C..] (X: kind, flags, elem size)") \
    X(APPEND, "A B C +X", "R[A..A+2] = append(R[A..A+2], the C values at R[B..]) (elem type K[X.a])") \
    X(APPENDSL, "A B C +X", "R[A..A+2] = append(R[A..A+2], R[B..B+2]...) (C: 1 when R[B] is a string)") \
    X(SLICECLEAR, "A +X", "zero the elements of slice R[A..A+2] (X.a: elem size)")                 \
    X(COPY, "A B C +X", "R[A] = copy(R[B..B+2], R[C..]) (X.a: elem size, X.b: 1 when the source is a string)") \
    /* maps */                                                                                     \
    X(MKMAP, "A B C", "R[A] = make(map type K[B], hint R[C]) (C = 0xffff: no hint)")               \
    X(MAPGET, "A B C +X", "R[A..] = map R[B][R[C..]] (zero if absent); X.a: register of ok or 0xffff") \
    X(MAPSET, "A B C", "map R[A][R[B..]] = R[C..]")                                                \
    X(MAPDEL, "A B", "delete(map R[A], R[B..])")                                                   \
    X(MAPITER, "A B", "R[A] = new iterator over map R[B]")                                         \
    X(MAPNEXT, "A B sC +X", "next entry of iterator R[A] into R[B..] (key) and R[X.a..] (value, X.a = 0xffff: none); jump when done") \
    X(MAPCLEAR, "A", "delete every entry of map R[A]")                                             \
    X(MAPLEN, "A B", "R[A] = len(map R[B])")                                                       \
    /* channels */                                                                                 \
    X(MKCHAN, "A B C", "R[A] = make(chan type K[B], R[C]) (C = 0xffff: unbuffered)")               \
    X(SEND, "A B", "R[A] <- R[B..]")                                                               \
    X(RECV, "A B C", "R[A..] = <-R[B]; R[C] = ok (C = 0xffff: no ok)")                             \
    X(CLOSE, "A", "close(R[A])")                                                                   \
    X(CHANLEN, "A B", "R[A] = len(chan R[B])")                                                     \
    X(CHANCAP, "A B", "R[A] = cap(chan R[B])")                                                     \
    X(SELECT, "A B C", "R[A] = index of the completed case of select table K[B] (C: 1 with default)") \
    /* calls */                                                                                    \
    X(CALL, "A Bx", "call function K[Bx] with arguments at R[A..]; results at R[A..]")             \
    X(CALLCL, "A B", "call closure R[B] with arguments at R[A..]; results at R[A..]")              \
    X(CALLIFACE, "A B C", "call method K[C] of interface R[B..B+1]; R[A] gets its data word, arguments follow") \
    X(RET, "", "return (results are at R[0..])")                                                   \
    X(RUNDEFERS, "", "run this frame's deferred calls, most recent first")                         \
    X(DEFER, "A B", "defer closure R[A] with the B slots of arguments at R[A+1..]")                \
    X(GO, "A B", "start a goroutine running closure R[A] with the B slots of arguments at R[A+1..]") \
    X(PANIC, "A", "panic(R[A..A+1])")                                                              \
    X(RECOVER, "A", "R[A..A+1] = recover()")                                                       \
    X(PANICMSG, "Bx", "panic with the runtime error K[Bx] (a string)")                             \
    /* interfaces */                                                                               \
    X(MKIFACE, "A B Cx", "R[A..A+1] = interface holding R[B..] of type K[C]")                      \
    X(ASSERT, "A B C +X", "R[A..] = R[B..B+1].(K[C]); X.a: register of ok or 0xffff (no ok: panic)") \
    X(TYPEIS, "A B C", "R[A] = dynamic type of R[B..B+1] is K[C] (a type, or 0 for nil)")          \
    X(IMPLEMENTS, "A B C", "R[A] = R[B..B+1] is non-nil and implements interface K[C]")            \
    /* built-ins */                                                                                \
    X(PRINT, "A B C", "print R[A..] of type K[B] to stderr (C: 1 space before, 2 newline after)")

typedef enum {
#define GOI_OPCODE_ENUM(name, fmt, doc) OP_##name,
    GOI_OPCODES(GOI_OPCODE_ENUM)
#undef GOI_OPCODE_ENUM
        OP__COUNT
} OpCode;

extern const char *const opcode_names[OP__COUNT];
extern const char *const opcode_formats[OP__COUNT];
extern const char *const opcode_docs[OP__COUNT];

/* Select tables (K[B] of SELECT): one entry per case, in source order. */
typedef struct SelectEntry {
    uint16_t chan;    /* register of the channel */
    uint16_t val;     /* send: register of the value; receive: destination (0xffff: discard) */
    uint16_t ok;      /* receive: register of ok (0xffff: none) */
    uint16_t is_send;
    uint32_t elem_size;
} SelectEntry;

typedef struct SelectTable {
    int n;
    SelectEntry entries[];
} SelectTable;

/* SLICE's X operand: X.a = kind | flags, X.b = elem size, X.c = array length (arrays). */
enum {
    SLICE_OF_SLICE = 0,
    SLICE_OF_STRING = 1,
    SLICE_OF_ARRAY = 2, /* R[B] is a pointer to the array */
    SLICE_HAS_LO = 4,
    SLICE_HAS_HI = 8,
    SLICE_HAS_MAX = 16,
};

#define NO_REG 0xffff

/* FMATH's C operand: math functions the generator inlines, since a call
 * costs more than the computation. */
enum { MATH_SQRT, MATH_ABS, MATH_FLOOR, MATH_CEIL, MATH_TRUNC };

#endif
