/* repl.h - goi's interactive REPL (repl.c). */
#ifndef GOI_CMD_REPL_H
#define GOI_CMD_REPL_H

/* Run the REPL on standard input until :quit or end of input; returns the
 * exit status. On a terminal it is interactive (prompts, line editing,
 * history, completion); otherwise it reads the same statements silently. */
int repl_main(void);

#endif
