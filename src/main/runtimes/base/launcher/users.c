#define _GNU_SOURCE
#include "users.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <string.h>
#include <sys/fsuid.h>
#include <unistd.h>

void become(uid_t uid) {
    if (uid == getuid() && uid != 0) return; /* the harness as an ordinary user: nobody to become */
    gid_t gid = (gid_t) uid;
    if (setgroups(0, NULL) != 0 || setresgid(gid, gid, gid) != 0 || setresuid(uid, uid, uid) != 0
            || getuid() != uid || geteuid() != uid) {
        dprintf(2, "launcher: cannot become uid %d: %s\n", (int) uid, strerror(errno));
        _exit(125);
    }
}

int user_pipe(int fds[2], uid_t uid) {
    setfsgid((gid_t) uid);
    setfsuid(uid);
    int r = pipe2(fds, O_CLOEXEC);
    setfsuid(0);
    setfsgid(0);
    return r;
}
