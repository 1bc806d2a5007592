/* Files under the sandbox: writing the request's, removing what a step or a request left. */
#ifndef FILES_H
#define FILES_H

#include <sys/types.h>

#include <stddef.h>

/* Writes path (checked by path_problem) as the builder, creating parent directories; NULL or why not. */
const char *write_file(const char *path, int mode, const char *data, size_t size);
/* Marks uid's leftovers for removal before the next step. */
void dirty(uid_t uid);
/* Removes what the previous step's user left behind (scratch dirs, IPC, and a run's files). */
void clean_up(void);
/* Ends a request in a long-lived container: everything killed and removed; answers 'K'. */
void reset(void);

#endif
