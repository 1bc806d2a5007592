#define _GNU_SOURCE
#include "pack.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/fsuid.h>
#include <sys/stat.h>
#include <unistd.h>

#include "launcher.h"
#include "paths.h"
#include "places.h"
#include "protocol.h"

/* What the 'D' frame reports: every file of the builder is either sent or counted as not sent. */
static struct {
    long files, skipped, too_large, unreadable;
} count;

/* An outputs walk ('o'): the patterns a file must match, and its caps; NULL patterns for a pack. */
static struct {
    char **patterns;
    uint32_t count;
    long max_files, max_bytes, bytes;
} want;

/* The path of the entry being looked at, relative to the sandbox. */
static char rel[MAX_PATH_BYTES + MAX_COMPONENT + 2];

static void put_u32(unsigned char *p, uint32_t v) {
    p[0] = v >> 24;
    p[1] = (v >> 16) & 0xff;
    p[2] = (v >> 8) & 0xff;
    p[3] = v & 0xff;
}

/* One regular file of the builder: read whole first, so a frame is never sent half. */
static void pack_file(int dir, const char *name, const struct stat *st, size_t rel_len) {
    if (path_problem(rel, rel_len) != NULL) {
        count.skipped++;
        return;
    }
    if (st->st_size > MAX_PAYLOAD) {
        count.too_large++;
        return;
    }
    if (want.patterns != NULL && count.files >= want.max_files) {
        count.skipped++;
        return;
    }
    if (want.patterns != NULL && want.bytes + st->st_size > want.max_bytes) {
        count.too_large++;
        return;
    }
    /* As the file's owner (the launcher holds no capability to read past modes). */
    setfsgid((gid_t) st->st_uid);
    setfsuid(st->st_uid);
    int fd = openat(dir, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    setfsuid(builder_uid);
    setfsgid((gid_t) builder_uid);
    if (fd < 0) {
        count.unreadable++;
        return;
    }
    size_t size = (size_t) st->st_size;
    char *data = malloc(size + 1);
    size_t got = 0;
    ssize_t r = 1;
    while (data != NULL && got <= size && r > 0) {
        r = read(fd, data + got, size + 1 - got);
        if (r < 0 && errno == EINTR) r = 1;
        else if (r > 0) got += (size_t) r;
    }
    close(fd);
    if (data == NULL || r < 0 || got != size) { /* unreadable, or it changed while read */
        count.unreadable++;
        free(data);
        return;
    }
    unsigned char head[8];
    put_u32(head, (uint32_t) (st->st_mode & 0777));
    put_u32(head + 4, (uint32_t) rel_len);
    frame_header('F', (uint32_t) (sizeof head + rel_len + size));
    write_all(1, head, sizeof head);
    write_all(1, rel, rel_len);
    write_all(1, data, size);
    free(data);
    count.files++;
    want.bytes += (long) size;
}

/* A file the walk sends: a pack's are the builder's; outputs are the builder's or the program's
 * that match a pattern. */
static int wanted(const struct stat *st) {
    if (want.patterns == NULL) return st->st_uid == builder_uid;
    if (st->st_uid != builder_uid && st->st_uid != runner_uid) return 0;
    for (uint32_t i = 0; i < want.count; i++) {
        if (fnmatch(want.patterns[i], rel, FNM_PATHNAME) == 0) return 1;
    }
    return 0;
}

/* Walks dir (an open descriptor, closed here) whose path is rel[0..rel_len), depth components deep. */
static void pack_dir(int dir, size_t rel_len, int depth) {
    DIR *d = fdopendir(dir);
    if (d == NULL) {
        close(dir);
        count.unreadable++;
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        size_t n = strlen(e->d_name);
        size_t len = rel_len + (rel_len > 0) + n;
        struct stat st;
        if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
            count.unreadable++;
            continue;
        }
        if (len > MAX_PATH_BYTES || n > MAX_COMPONENT || (S_ISDIR(st.st_mode) && depth + 1 >= MAX_DEPTH)) {
            /* Beyond the path rule: whatever is there cannot be sent back. */
            if (want.patterns == NULL && (st.st_uid == builder_uid || S_ISDIR(st.st_mode))) count.skipped++;
            continue;
        }
        if (rel_len > 0) rel[rel_len] = '/';
        memcpy(rel + rel_len + (rel_len > 0), e->d_name, n);
        rel[len] = '\0';
        if (S_ISDIR(st.st_mode)) {
            int sub = openat(dirfd(d), e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (sub < 0) count.unreadable++;
            else pack_dir(sub, len, depth + 1);
        } else if (wanted(&st)) {
            if (S_ISREG(st.st_mode)) pack_file(dirfd(d), e->d_name, &st, len);
            else if (want.patterns == NULL) count.skipped++;
        }
        rel[rel_len] = '\0';
    }
    closedir(d);
}

/* Walks root as the builder (directories are readable to both users; each file is read as its owner). */
static void walk(const char *root) {
    memset(&count, 0, sizeof count);
    rel[0] = '\0';
    setfsgid((gid_t) builder_uid);
    setfsuid(builder_uid);
    int dir = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0) count.unreadable++;
    else pack_dir(dir, 0, 0);
    setfsuid(0);
    setfsgid(0);
    framef('D', "files=%ld skipped=%ld too_large=%ld unreadable=%ld", count.files, count.skipped, count.too_large,
            count.unreadable);
}

void pack(void) {
    walk(sandbox_dir);
}

void outputs_command(void) {
    uint32_t n = read_u32();
    if (n > 64) die("too many output patterns");
    char **patterns = calloc(n + 1, sizeof *patterns);
    if (patterns == NULL) die("out of memory");
    for (uint32_t i = 0; i < n; i++) {
        uint32_t len = read_u32();
        if (len > 4096) die("output pattern too long");
        patterns[i] = read_string(len);
    }
    uint32_t max_files = read_u32(), max_bytes = read_u32();
    want.patterns = patterns;
    want.count = n;
    want.max_files = max_files;
    want.max_bytes = max_bytes;
    want.bytes = 0;
    const char *root = kept_work();
    walk(root != NULL ? root : sandbox_dir);
    want.patterns = NULL;
    for (uint32_t i = 0; i < n; i++) free(patterns[i]);
    free(patterns);
    drop_kept_work();
}
