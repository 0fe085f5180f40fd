/* disasm.c - the instruction tables and `goi dis` output.
 *
 * The listing is for students: each instruction with its source line, its
 * operands, what its constants are (a type, a function, a string, a
 * number...) and the one-line description from opcodes.h. Constants carry no
 * tags at run time, so what a constant is comes from the instruction that
 * uses it. */
#include "vm_internal.h"

#include <math.h>
#include <stdio.h>

#define GOI_OPCODE_NAME(name, fmt, doc) #name,
#define GOI_OPCODE_FMT(name, fmt, doc) fmt,
#define GOI_OPCODE_DOC(name, fmt, doc) doc,
const char *const opcode_names[OP__COUNT] = {GOI_OPCODES(GOI_OPCODE_NAME)};
const char *const opcode_formats[OP__COUNT] = {GOI_OPCODES(GOI_OPCODE_FMT)};
const char *const opcode_docs[OP__COUNT] = {GOI_OPCODES(GOI_OPCODE_DOC)};

typedef enum { KV_INT, KV_FLOAT, KV_NUMBER, KV_STRING, KV_TYPE, KV_FUNC, KV_NAME, KV_GLOBAL, KV_SELECT } KView;

static bool valid_k(const Func *f, long k) { return k >= 0 && (uint64_t)k < f->nconsts; }

static void print_quoted(FILE *out, const uint8_t *s, int64_t n) {
    fputc('"', out);
    int64_t shown = n > 40 ? 40 : n;
    for (int64_t i = 0; i < shown; i++) {
        uint8_t c = s[i];
        if (c == '"' || c == '\\') fprintf(out, "\\%c", c);
        else if (c == '\n') fputs("\\n", out);
        else if (c == '\t') fputs("\\t", out);
        else if (c < 0x20 || c == 0x7f) fprintf(out, "\\x%02x", c);
        else fputc(c, out);
    }
    fputs(n > shown ? "\"..." : "\"", out);
}

/* One constant, viewed as the instruction uses it. */
static void print_k(FILE *out, const Func *f, long k, KView view) {
    if (!valid_k(f, k)) return;
    Value v = f->consts[k];
    fputs("  ; ", out);
    switch (view) {
    case KV_INT: fprintf(out, "%lld", (long long)v.i); break;
    case KV_FLOAT: fprintf(out, "%g", v.f); break;
    case KV_NUMBER:
        /* LOADK holds an integer, a float, or a function value (a closure
         * in the collected heap); small magnitudes read as integers */
        if (v.p && GC_base(v.p) == v.p && GC_size(v.p) >= sizeof(Closure)) {
            const Closure *c = v.p;
            if (c->fn && GC_base((void *)c->fn) == (void *)c->fn && c->fn->name) {
                fprintf(out, "func %s", c->fn->name);
                break;
            }
        }
        if (v.i > -(1ll << 40) && v.i < (1ll << 40)) fprintf(out, "%lld", (long long)v.i);
        else if (isfinite(v.f)) fprintf(out, "%g", v.f);
        else fprintf(out, "%lld", (long long)v.i);
        break;
    case KV_STRING:
        if (valid_k(f, k + 1) && f->consts[k + 1].i >= 0 && f->consts[k + 1].i < (1 << 30) &&
            (f->consts[k].p || f->consts[k + 1].i == 0))
            print_quoted(out, f->consts[k].p, f->consts[k + 1].i);
        else if (valid_k(f, k + 1))
            fprintf(out, "(%g%+gi)", f->consts[k].f, f->consts[k + 1].f);
        break;
    case KV_TYPE: fputs(v.p ? type_string(v.p) : "nil", out); break;
    case KV_FUNC: {
        const Func *fn = v.p;
        fputs(fn && fn->name ? fn->name : "?", out);
        break;
    }
    case KV_NAME: fputs(v.p ? (const char *)v.p : "?", out); break;
    case KV_GLOBAL: fputs("package variable", out); break;
    case KV_SELECT: {
        const SelectTable *t = v.p;
        fprintf(out, "%d case%s", t ? t->n : 0, t && t->n == 1 ? "" : "s");
        break;
    }
    }
}

/* What the constant operands of instruction i (followed by x, its EXTRA
 * word if it has one) are. */
static void annotate(FILE *out, const Func *f, Instr i, Instr x, uint32_t pc) {
    switch (i.op) {
    case OP_LOADK: print_k(out, f, instr_bx(i), KV_NUMBER); break;
    case OP_LOADK2: print_k(out, f, instr_bx(i), KV_STRING); break;
    case OP_CALL: print_k(out, f, instr_bx(i), KV_FUNC); break;
    case OP_CLOSURE: print_k(out, f, instr_bx(i), KV_FUNC); break;
    case OP_GETG: case OP_SETG: print_k(out, f, i.b, KV_GLOBAL); break;
    case OP_MKIFACE: case OP_ASSERT: case OP_TYPEIS: case OP_IMPLEMENTS: print_k(out, f, i.c, KV_TYPE); break;
    case OP_MKMAP: case OP_MKCHAN: case OP_PRINT: print_k(out, f, i.b, KV_TYPE); break;
    case OP_MKSLICE: case OP_SLICELIT: case OP_APPEND: case OP_APPENDSL: case OP_EQVAL: print_k(out, f, x.a, KV_TYPE); break;
    case OP_CALLIFACE: print_k(out, f, i.c, KV_NAME); break;
    case OP_SELECT: print_k(out, f, i.b, KV_SELECT); break;
    case OP_PANICMSG: print_k(out, f, instr_bx(i), KV_NAME); break;
    case OP_JEQK: case OP_JNEK: case OP_JLTK: case OP_JLEK: case OP_JGTK: case OP_JGEK:
        print_k(out, f, i.b, KV_INT);
        break;
    case OP_MULK: case OP_DIVK: case OP_DIVUK: case OP_REMK: case OP_REMUK: case OP_ANDK: case OP_ORK:
    case OP_XORK: case OP_SHLK: case OP_SHRK: case OP_SHRUK:
        print_k(out, f, i.c, KV_INT);
        break;
    case OP_FADDK: case OP_FSUBK: case OP_FMULK: case OP_FDIVK: print_k(out, f, i.c, KV_FLOAT); break;
    default: break;
    }
    (void)pc;
}

/* Jump targets, as instruction indexes. */
static int jump_target(Instr i, uint32_t pc) {
    switch (i.op) {
    case OP_JMP: case OP_JT: case OP_JF: return (int)pc + 1 + instr_bx(i);
    case OP_JEQ: case OP_JNE: case OP_JLT: case OP_JLE: case OP_JLTU: case OP_JLEU: case OP_JEQK: case OP_JNEK:
    case OP_JLTK: case OP_JLEK: case OP_JGTK: case OP_JGEK: case OP_MAPNEXT:
        return (int)pc + 1 + (int16_t)i.c;
    default: return -1;
    }
}

static void print_operands(FILE *out, Instr i) {
    const char *fmt = opcode_formats[i.op];
    char buf[48] = "";
    if (!strcmp(fmt, "A Bx") || !strcmp(fmt, "A sBx")) snprintf(buf, sizeof buf, "%u %d", i.a, instr_bx(i));
    else if (!strcmp(fmt, "sBx") || !strcmp(fmt, "Bx")) snprintf(buf, sizeof buf, "%d", instr_bx(i));
    else if (strstr(fmt, "sC")) snprintf(buf, sizeof buf, "%u %u %d", i.a, i.b, (int16_t)i.c);
    else if (!strncmp(fmt, "A B C", 5) || !strncmp(fmt, "A B Cx", 6)) snprintf(buf, sizeof buf, "%u %u %u", i.a, i.b, i.c);
    else if (!strncmp(fmt, "A B", 3)) snprintf(buf, sizeof buf, "%u %u", i.a, i.b);
    else if (!strcmp(fmt, "A") || !strncmp(fmt, "A +X", 4)) snprintf(buf, sizeof buf, "%u", i.a);
    fprintf(out, " %-14s", buf);
}

void vm_disassemble(const Func *f, FILE *out) {
    fprintf(out, "func %s  (%s:%d)\n", f->name, f->file, f->line);
    if (f->native == vm_lazy_native) {
        fprintf(out, "    (standard library: compiled on first call)\n");
        return;
    }
    if (f->native) {
        fprintf(out, "    native (implemented in C)\n");
        return;
    }
    fprintf(out, "    %u argument slot%s, %u result slot%s, %u registers, %u constants\n", f->nargs,
            f->nargs == 1 ? "" : "s", f->nres, f->nres == 1 ? "" : "s", f->frame_size, f->nconsts);
    fprintf(out, "    line   pc  instruction\n");
    int last_line = -1;
    for (uint32_t pc = 0; pc < f->ncode; pc++) {
        Instr i = f->code[pc];
        if (i.op == OP_EXTRA) continue; /* shown as part of the instruction before it */
        int line = func_line_at(f, pc);
        char lbuf[16] = "";
        if (line != last_line) snprintf(lbuf, sizeof lbuf, "%d", line);
        last_line = line;
        if (i.op >= OP__COUNT) {
            fprintf(out, "  %5s %4u  ? (opcode %u)\n", lbuf, pc, i.op);
            continue;
        }
        Instr x = pc + 1 < f->ncode && f->code[pc + 1].op == OP_EXTRA ? f->code[pc + 1] : (Instr){0};
        fprintf(out, "  %5s %4u  %-10s", lbuf, pc, opcode_names[i.op]);
        print_operands(out, i);
        int target = jump_target(i, pc);
        if (target >= 0) fprintf(out, "  ; to %d", target);
        annotate(out, f, i, x, pc);
        fprintf(out, "    # %s\n", opcode_docs[i.op]);
    }
}
