/* mempolicy.h - how the player asks glibc's malloc to behave. */
#ifndef BANGTIN_MEMPOLICY_H
#define BANGTIN_MEMPOLICY_H

/* Sets the process-wide malloc policy. Call first thing in main, before
 * any picture is allocated or any thread started; programs that run the
 * video module alone (tests, benchmarks) call it too. */
void mempolicy_apply(void);

#endif
