/* Files under the sandbox: writing the request's, removing what a step or a request left. */
#ifndef FILES_H
#define FILES_H

#include <sys/types.h>

#include <stddef.h>

/* Writes path (checked by path_problem) as the builder, creating parent directories; NULL or why not. */
const char *write_file(const char *path, int mode, const char *data, size_t size);
/* Removes what uid owns under dir, in a child that becomes uid (nothing in the harness mode). */
void remove_tree_as(uid_t uid, const char *dir);
/* Removes what both users own in the sandbox, /tmp, /dev/shm, /dev/mqueue and System V IPC, and the
 * step directories left there; 1 when those places are empty afterwards. Kill everything first. */
int remove_leftovers(void);

#endif
