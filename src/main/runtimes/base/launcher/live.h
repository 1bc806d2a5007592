/*
 * Commands the service sends while a live step runs (see protocol.h): more of the program's stdin,
 * its end, a signal. The same commands arriving between steps (sent as a step ended) are read and
 * dropped, so the stream stays in step and nothing reaches a later step.
 */
#ifndef LIVE_H
#define LIVE_H

#include "feed.h"

/* Carries out 'i', 'e' or 'k' for the running step (feed NULL: no live step runs; it is dropped).
 * Returns 0 for any other command byte. */
int live_command(int command, struct feed *feed);
/* A new step: no signal waits. */
void live_start(void);
/* Sends a signal that found no process of the step yet, if it can now; true while one still waits. */
int live_retry(void);

#endif
