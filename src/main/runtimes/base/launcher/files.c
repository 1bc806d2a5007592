#define _GNU_SOURCE
#include "files.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/fsuid.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "launcher.h"
#include "places.h"
#include "protocol.h"
#include "users.h"

static const char *SCRATCH[] = {"/tmp", "/dev/shm", "/dev/mqueue"};

/* As the builder (fsuid only: signals and the rest stay root's), so the file is the builder's.
 * Walks the path one component at a time from the sandbox (no symbolic link is followed). */
const char *write_file(const char *path, int mode, const char *data, size_t size) {
    static char why[320];
    const char *failed = NULL;
    setfsgid((gid_t) builder_uid);
    setfsuid(builder_uid);
    char *name = strdup(path);
    int dir = name == NULL ? -1 : open(sandbox_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0) failed = "open sandbox";
    char *part = name;
    for (char *slash; failed == NULL && (slash = strchr(part, '/')) != NULL; part = slash + 1) {
        *slash = '\0';
        if (mkdirat(dir, part, 0755) != 0 && errno != EEXIST) failed = "mkdir";
        int next = failed ? -1 : openat(dir, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (next < 0 && failed == NULL) failed = "open directory";
        close(dir);
        dir = next;
    }
    int fd = -1;
    if (failed == NULL) {
        fd = openat(dir, part, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, (mode_t) (mode & 0755));
        if (fd < 0) failed = "open";
    }
    for (size_t off = 0; failed == NULL && off < size;) {
        ssize_t w = write(fd, data + off, size - off);
        if (w < 0 && errno == EINTR) continue;
        if (w < 0) failed = "write";
        else off += (size_t) w;
    }
    if (failed == NULL && fchmod(fd, (mode_t) (mode & 0755)) != 0) failed = "chmod";
    int saved = errno;
    if (fd >= 0 && close(fd) != 0 && failed == NULL) {
        failed = "close";
        saved = errno;
    }
    if (dir >= 0) close(dir);
    free(name);
    setfsuid(0);
    setfsgid(0);
    if (failed == NULL) return NULL;
    snprintf(why, sizeof why, "%s: %s", failed, strerror(saved));
    return why;
}

/* Deeper than this, removal stops (what is left only costs space: no later step sees it). */
#define MAX_REMOVE_DEPTH 256

/* Removes everything under the open directory that the calling user owns (depth first; by file
 * descriptor, so no path is ever built and no length limit applies). */
static void remove_owned_at(int dir, uid_t uid, int depth) {
    int fd = dup(dir);
    DIR *d = fd < 0 ? NULL : fdopendir(fd);
    if (d == NULL) {
        if (fd >= 0) close(fd);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        struct stat st;
        if (fstatat(dir, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
        if (S_ISDIR(st.st_mode)) {
            if (st.st_uid == uid) fchmodat(dir, e->d_name, 0700, 0);
            int sub = depth < MAX_REMOVE_DEPTH ? openat(dir, e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) : -1;
            if (sub >= 0) {
                remove_owned_at(sub, uid, depth + 1);
                close(sub);
            }
            if (st.st_uid == uid) unlinkat(dir, e->d_name, AT_REMOVEDIR);
        } else if (st.st_uid == uid) {
            unlinkat(dir, e->d_name, 0);
        }
    }
    closedir(d);
}

static void remove_owned(const char *path, uid_t uid) {
    int dir = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (dir < 0) return;
    remove_owned_at(dir, uid, 0);
    close(dir);
}

/* Removes the System V IPC objects the calling user owns (they outlive processes). */
static void remove_ipc(uid_t uid) {
    const char *tables[] = {"/proc/sysvipc/shm", "/proc/sysvipc/sem", "/proc/sysvipc/msg"};
    for (int t = 0; t < 3; t++) {
        FILE *f = fopen(tables[t], "r");
        if (f == NULL) continue;
        char line[512];
        if (fgets(line, sizeof line, f) == NULL) { fclose(f); continue; }
        while (fgets(line, sizeof line, f) != NULL) {
            /* shm: key shmid perms size cpid lpid nattch uid ...; sem: key semid perms nsems uid ...;
             * msg: key msqid perms cbytes qnum lspid lrpid uid ... */
            long v[8] = {0};
            int n = sscanf(line, "%ld %ld %ld %ld %ld %ld %ld %ld", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7]);
            long owner = t == 0 ? v[7] : t == 1 ? v[4] : v[7];
            if (n < 5 || owner != (long) uid) continue;
            if (t == 0) shmctl((int) v[1], IPC_RMID, NULL);
            else if (t == 1) semctl((int) v[1], 0, IPC_RMID);
            else msgctl((int) v[1], IPC_RMID, NULL);
        }
        fclose(f);
    }
}

/* Runs what(uid, dir) in a child that becomes uid (the launcher itself stays root). */
static void as_user(uid_t uid, const char *dir, void (*what)(const char *, uid_t)) {
    if (harness) return; /* the host's /tmp and IPC are not ours to empty */
    pid_t pid = fork();
    if (pid < 0) die("fork: %s", strerror(errno));
    if (pid == 0) {
        become(uid);
        what(dir, uid);
        _exit(0);
    }
    while (waitpid(pid, NULL, 0) < 0 && errno == EINTR) {
    }
}

void remove_tree_as(uid_t uid, const char *dir) {
    as_user(uid, dir, remove_owned);
}

static void remove_everything_owned(const char *unused, uid_t uid) {
    (void) unused;
    for (size_t i = 0; i < sizeof SCRATCH / sizeof SCRATCH[0]; i++) remove_owned(SCRATCH[i], uid);
    remove_owned(sandbox_dir, uid);
    remove_ipc(uid);
}

int remove_leftovers(void) {
    as_user(runner_uid, NULL, remove_everything_owned);
    as_user(builder_uid, NULL, remove_everything_owned);
    /* the (now empty) scratch directories of steps whose removal did not finish are root's */
    const char *scratch[] = {"/tmp", "/dev/shm"};
    for (int i = 0; i < 2; i++) {
        int dir = open(scratch[i], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        DIR *d = dir < 0 ? NULL : fdopendir(dir);
        for (struct dirent *e; d != NULL && (e = readdir(d)) != NULL;) {
            if (strncmp(e->d_name, STEP_PREFIX, strlen(STEP_PREFIX)) == 0) unlinkat(dir, e->d_name, AT_REMOVEDIR);
        }
        if (d != NULL) closedir(d);
    }
    int clean = 1;
    const char *dirs[] = {sandbox_dir, "/tmp", "/dev/shm", "/dev/mqueue"};
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        DIR *d = opendir(dirs[i]);
        if (d == NULL) continue;
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) clean = 0;
        }
        closedir(d);
    }
    return clean;
}
