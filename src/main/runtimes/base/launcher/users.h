/* Acting as a user: a child that becomes one, a pipe that belongs to one. */
#ifndef USERS_H
#define USERS_H

#include <sys/types.h>

/* setgroups + setresgid + setresuid to uid (its group has the same number), or _exit(125). */
void become(uid_t uid);
/* A pipe whose inodes belong to uid (a program may reopen it through /proc/self/fd). */
int user_pipe(int fds[2], uid_t uid);

#endif
