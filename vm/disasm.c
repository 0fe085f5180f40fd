/* disasm.c - the instruction tables and `goi dis` output. */
#include "vm_internal.h"

#include <stdio.h>

#define GOI_OPCODE_NAME(name, fmt, doc) #name,
#define GOI_OPCODE_FMT(name, fmt, doc) fmt,
#define GOI_OPCODE_DOC(name, fmt, doc) doc,
const char *const opcode_names[OP__COUNT] = {GOI_OPCODES(GOI_OPCODE_NAME)};
const char *const opcode_formats[OP__COUNT] = {GOI_OPCODES(GOI_OPCODE_FMT)};
const char *const opcode_docs[OP__COUNT] = {GOI_OPCODES(GOI_OPCODE_DOC)};

/* A constant as a student would recognise it. */
static void print_const(FILE *out, const Func *f, int k) {
    if (k < 0 || (uint32_t)k >= f->nconsts) {
        fprintf(out, "K%d", k);
        return;
    }
    fprintf(out, "K%d", k);
}

void vm_disassemble(const Func *f, FILE *out) {
    fprintf(out, "func %s  (%s:%d)\n", f->name, f->file, f->line);
    if (f->native) {
        fprintf(out, "    native\n");
        return;
    }
    fprintf(out, "    %u arg slots, %u result slots, %u registers, %u constants\n", f->nargs, f->nres, f->frame_size,
            f->nconsts);
    int last_line = -1;
    for (uint32_t pc = 0; pc < f->ncode; pc++) {
        Instr i = f->code[pc];
        int line = func_line_at(f, pc);
        char lbuf[16] = "";
        if (line != last_line) snprintf(lbuf, sizeof lbuf, "%d", line);
        last_line = line;
        const char *fmt = i.op < OP__COUNT ? opcode_formats[i.op] : "";
        fprintf(out, "  %5s %4u  %-10s", lbuf, pc, i.op < OP__COUNT ? opcode_names[i.op] : "?");
        if (strcmp(fmt, "A Bx") == 0 || strcmp(fmt, "A sBx") == 0) {
            fprintf(out, " %u %d", i.a, instr_bx(i));
            if (i.op == OP_LOADK || i.op == OP_CALL || i.op == OP_CLOSURE) {
                fputs("    ; ", out);
                if (i.op == OP_CALL || i.op == OP_CLOSURE) {
                    Func *callee = f->consts[instr_bx(i)].p;
                    fputs(callee ? callee->name : "?", out);
                } else {
                    print_const(out, f, instr_bx(i));
                }
            }
            if (i.op == OP_JT || i.op == OP_JF) fprintf(out, "    ; to %d", (int)pc + 1 + instr_bx(i));
        } else if (strcmp(fmt, "sBx") == 0 || strcmp(fmt, "Bx") == 0) {
            fprintf(out, " %d", instr_bx(i));
            if (i.op == OP_JMP) fprintf(out, "    ; to %d", (int)pc + 1 + instr_bx(i));
        } else if (strstr(fmt, "sC") && i.op != OP_ADDI) {
            fprintf(out, " %u %u %d    ; to %d", i.a, i.b, (int16_t)i.c, (int)pc + 1 + (int16_t)i.c);
        } else if (fmt[0]) {
            fprintf(out, " %u %u %u", i.a, i.b, i.c);
        }
        if (i.op < OP__COUNT && opcode_docs[i.op][0] && i.op != OP_EXTRA) fprintf(out, "    # %s", opcode_docs[i.op]);
        fputc('\n', out);
    }
}
