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
#include "process.h"
#include "protocol.h"

static const char *SCRATCH[] = {"/tmp", "/dev/shm", "/dev/mqueue"};
static uid_t dirty_uid = 0; /* uid whose leftovers the next step must remove (0: none) */

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

/* Removes everything under dir owned by the calling user (depth first). */
static void remove_owned(const char *dir, uid_t uid) {
    DIR *d = opendir(dir);
    if (d == NULL) return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        char path[PATH_MAX];
        if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int) sizeof path) continue;
        struct stat st;
        if (lstat(path, &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) {
            if (st.st_uid == uid) chmod(path, 0700);
            remove_owned(path, uid);
            if (st.st_uid == uid) rmdir(path);
        } else if (st.st_uid == uid) {
            unlink(path);
        }
    }
    closedir(d);
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

/* Removes what uid owns in the scratch dirs, IPC, and (when asked) the sandbox, in a child that becomes uid. */
static void remove_as(uid_t uid, int sandbox_too) {
    if (harness) return; /* the host's /tmp and IPC are not ours to empty */
    pid_t pid = fork();
    if (pid < 0) die("fork: %s", strerror(errno));
    if (pid == 0) {
        become(uid);
        for (size_t i = 0; i < sizeof SCRATCH / sizeof SCRATCH[0]; i++) remove_owned(SCRATCH[i], uid);
        if (sandbox_too) remove_owned(sandbox_dir, uid);
        remove_ipc(uid);
        _exit(0);
    }
    while (waitpid(pid, NULL, 0) < 0 && errno == EINTR) {
    }
}

void dirty(uid_t uid) {
    dirty_uid = uid;
}

void clean_up(void) {
    if (dirty_uid == 0) return;
    uid_t uid = dirty_uid;
    dirty_uid = 0;
    remove_as(uid, uid == runner_uid);
}

void reset(void) {
    kill_all();
    dirty_uid = 0;
    remove_as(runner_uid, 1);
    remove_as(builder_uid, 1);
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
    framef('K', clean ? "clean" : "dirty");
}
