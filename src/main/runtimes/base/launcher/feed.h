/* The program's stdin during a step: the step's input, then (a live step) what the service sends
 * while it runs, until the service says the input has ended. */
#ifndef FEED_H
#define FEED_H

#include <stddef.h>

struct feed {
    char *data;      /* what is still to be written: data[fed..len) */
    size_t len, fed, cap;
    size_t total;    /* every byte taken, the step's input included */
    int more;        /* live: more may come (until 'e') */
};

/* A copy of the step's input; live: the stream stays open after it. */
void feed_start(struct feed *f, const char *input, size_t len, int live);
/* More input (live); refused (0) when the step's total would pass MAX_PAYLOAD or it has ended. */
int feed_add(struct feed *f, const char *data, size_t len);
/* Bytes waiting to be written. */
size_t feed_pending(const struct feed *f);
/* True when nothing waits and nothing more may come: the program's stdin can close. */
int feed_ended(const struct feed *f);
void feed_free(struct feed *f);

#endif
