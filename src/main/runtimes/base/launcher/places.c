#define _GNU_SOURCE
#include "places.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/fsuid.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "files.h"
#include "launcher.h"

/* Deeper than this, a compile's output is not copied (the run does not see it). */
#define MAX_COPY_DEPTH 64

static unsigned long serial;

static void as_builder(int on) {
    setfsgid(on ? (gid_t) builder_uid : 0);
    setfsuid(on ? builder_uid : 0);
}

/* An empty directory parent/STEP_PREFIX<pid>-<n>, mode 1777 (a step's user may write, not remove
 * others'). The launcher's pid in the name: the launchers a kept sandbox runs side by side share
 * /tmp, /dev/shm and /sandbox. */
static int fresh_dir(const char *parent, char *out, size_t size) {
    if (snprintf(out, size, "%s/" STEP_PREFIX "%d-%lu", parent, (int) getpid(), ++serial) >= (int) size) return -1;
    if (mkdir(out, 0700) != 0 || chmod(out, 01777) != 0) return -1;
    return 0;
}

static int copy_file(int from, int to, const char *name, mode_t mode) {
    int in = openat(from, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (in < 0) return -1;
    int out = openat(to, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode & 07777);
    if (out < 0) {
        close(in);
        return -1;
    }
    int ok = 0;
    for (;;) {
        ssize_t n = sendfile(out, in, NULL, 1 << 20);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) ok = -1;
        if (n <= 0) break;
    }
    if (fchmod(out, mode & 07777) != 0) ok = -1;
    close(in);
    close(out);
    return ok;
}

/*
 * Copies into `to` what the builder made under `from`: directories anew (with their modes), files
 * nobody but the builder may write as hard links (no byte is copied), the rest as copies, symbolic
 * links as links. Whatever another user made (a preloaded first run's files) is left out.
 */
static int copy_builders(int from, int to, int depth) {
    int fd = dup(from);
    DIR *d = fd < 0 ? NULL : fdopendir(fd);
    if (d == NULL) {
        if (fd >= 0) close(fd);
        return -1;
    }
    int failed = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        const char *name = e->d_name;
        if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0) continue;
        struct stat st;
        if (fstatat(from, name, &st, AT_SYMLINK_NOFOLLOW) != 0 || st.st_uid != builder_uid) continue;
        if (depth == 0 && S_ISDIR(st.st_mode) && (st.st_mode & 07777) == 01777
                && strncmp(name, STEP_PREFIX, strlen(STEP_PREFIX)) == 0) continue;
        if (S_ISDIR(st.st_mode)) {
            if (depth >= MAX_COPY_DEPTH) continue;
            if (mkdirat(to, name, 0700) != 0) { failed = -1; continue; }
            int sub_from = openat(from, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            int sub_to = openat(to, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (sub_from >= 0 && sub_to >= 0 && copy_builders(sub_from, sub_to, depth + 1) != 0) failed = -1;
            if (sub_to >= 0 && fchmod(sub_to, st.st_mode & 07777) != 0) failed = -1;
            if (sub_from >= 0) close(sub_from);
            if (sub_to >= 0) close(sub_to);
        } else if (S_ISREG(st.st_mode)) {
            int shared = (st.st_mode & 022) == 0 && linkat(from, name, to, name, 0) == 0;
            if (!shared && copy_file(from, to, name, st.st_mode) != 0) failed = -1;
        } else if (S_ISLNK(st.st_mode)) {
            char target[4096];
            ssize_t n = readlinkat(from, name, target, sizeof target - 1);
            if (n >= 0) {
                target[n] = '\0';
                if (symlinkat(target, to, name) != 0) failed = -1;
            }
        }
    }
    closedir(d);
    return failed;
}

const char *make_places(int run, struct places *p) {
    static char why[160];
    memset(p, 0, sizeof *p);
    if (fresh_dir("/tmp", p->tmp, sizeof p->tmp) != 0 || fresh_dir("/dev/shm", p->shm, sizeof p->shm) != 0) {
        snprintf(why, sizeof why, "cannot make the step's scratch directories: %s", strerror(errno));
        return why;
    }
    if (!run) return NULL;
    const char *failed = NULL;
    as_builder(1);
    int from = open(sandbox_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), to = -1;
    if (from < 0 || fresh_dir(sandbox_dir, p->work, sizeof p->work) != 0) failed = "make";
    else if ((to = open(p->work, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0) failed = "open";
    else if (copy_builders(from, to, 0) != 0) failed = "copy";
    int saved = errno;
    if (from >= 0) close(from);
    if (to >= 0) close(to);
    as_builder(0);
    if (failed == NULL) return NULL;
    snprintf(why, sizeof why, "cannot %s the run's copy of the sandbox: %s", failed, strerror(saved));
    return why;
}

static char kept[64];

const char *kept_work(void) {
    return kept[0] != '\0' ? kept : NULL;
}

void drop_kept_work(void) {
    if (kept[0] == '\0') return;
    struct places old;
    memset(&old, 0, sizeof old);
    memcpy(old.work, kept, sizeof kept);
    kept[0] = '\0';
    remove_places(&old);
}

void keep_work(struct places *p) {
    drop_kept_work();
    memcpy(kept, p->work, sizeof kept);
    p->work[0] = '\0';
    remove_places(p);
}

void remove_places(struct places *p) {
    if (p->work[0] != '\0') {
        /* the run's files as their user, then the builder's directory with what is left */
        remove_tree_as(runner_uid, p->work);
        remove_tree_as(builder_uid, p->work);
        rmdir(p->work);
    }
    const char *scratch[] = {p->tmp, p->shm};
    for (int i = 0; i < 2; i++) {
        if (scratch[i][0] == '\0') continue;
        remove_tree_as(runner_uid, scratch[i]);
        remove_tree_as(builder_uid, scratch[i]);
        rmdir(scratch[i]); /* root's, and empty now */
    }
    memset(p, 0, sizeof *p);
}
