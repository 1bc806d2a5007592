/* Fresh places for every step: its own /tmp, /dev/shm and, for a run, its own copy of /sandbox. */
#ifndef PLACES_H
#define PLACES_H

#include <sys/types.h>

/* Names of the step directories (mode 1777, which no file of a request gets). */
#define STEP_PREFIX ".code-exec-step-"

/* Where a step's /tmp, /dev/shm and /sandbox come from; an empty work means /sandbox itself. */
struct places {
    char tmp[64], shm[64], work[64];
};

/*
 * Makes a step's places: an empty directory in the container's /tmp and in /dev/shm (so the
 * container's size and inode caps still hold), and for a run a fresh directory in /sandbox that
 * holds what the builder left there (sources and compiler output: hard links to files nobody else
 * can write, copies of the rest, directories made anew) and nothing any earlier run made. The step
 * sees them (bubblewrap binds them) as /tmp, /dev/shm and /sandbox, so nothing an earlier step
 * made in those places can be seen by it, however deep or oddly named. NULL or why not.
 */
const char *make_places(int run, struct places *p);

/* Removes a step's places (what is left only costs space: no later step can see it). */
void remove_places(struct places *p);

/* Removes a run's places but its copy of /sandbox, kept for the outputs command ('o') that follows;
 * an earlier kept copy goes now. */
void keep_work(struct places *p);
/* The kept copy of the last run's /sandbox, or NULL. */
const char *kept_work(void);
/* Removes the kept copy, if any. */
void drop_kept_work(void);

#endif
