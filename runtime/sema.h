/* sema.h - the semaphore layer shared by sema.c and sync.c. */
#ifndef GOI_RUNTIME_SEMA_H
#define GOI_RUNTIME_SEMA_H

#include "rt_internal.h"

/* Take a token from *addr or park g (reason, obj for reports) until a
 * release hands one over. lifo queues g ahead of the other waiters for
 * addr (a waiter that was woken and lost the race again). The caller
 * handles the second execution (park.state == PARK_DONE means g owns a
 * token). */
int sema_acquire(G *g, _Atomic uint32_t *addr, bool lifo, WaitReason reason, void *obj);
/* Add a token and hand it to the first waiter, if any. */
void sema_release(_Atomic uint32_t *addr);

#endif
