/*
 * The one rule for every name under the sandbox, for the files the service sends and the files a
 * pack returns (the service checks the same rule before anything reaches the launcher):
 * relative; components separated by '/', none empty, "." or ".."; no NUL or other control
 * character; at most MAX_PATH_BYTES bytes, MAX_DEPTH components, MAX_COMPONENT bytes each.
 */
#ifndef PATHS_H
#define PATHS_H

#include <stddef.h>

#define MAX_PATH_BYTES 4096
#define MAX_DEPTH 64
#define MAX_COMPONENT 255

/* NULL when the path (len bytes, not NUL-terminated) follows the rule, else why not. */
const char *path_problem(const char *path, size_t len);

#endif
