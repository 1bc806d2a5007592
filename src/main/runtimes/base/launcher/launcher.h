/* Shared by every unit of the launcher: who is who, and where the sandbox is. */
#ifndef LAUNCHER_H
#define LAUNCHER_H

#include <sys/types.h>

#define CHUNK 65536

/* The working directory of every step: "/sandbox", or the --dir of the harness mode. */
extern const char *sandbox_dir;
/* The builder (10001) writes sources and runs compilers; the sandbox user (10000) runs programs. */
extern uid_t builder_uid, runner_uid;
/* --namespaces: every step in bubblewrap. */
extern int namespaces;
/*
 * --dir DIR, refused when the launcher is PID 1 (as it always is in a container): the Docker-free
 * test harness on a host. Steps run as nobody (or the calling user when it is not root), nothing
 * in the host's /tmp or IPC is cleaned, and "every process" means the launcher's descendants.
 */
extern int harness;

#endif
