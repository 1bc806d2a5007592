/*
 * code-exec launcher: PID 1 of every run's container.
 *
 * Usage: launcher FILE COMMAND [ARG...]
 *
 * 1. Reads one header line from stdin, "<size> <nonce> <argsize>\n", then exactly <size> bytes of
 *    program text, which it writes to FILE, then <argsize> bytes of NUL-terminated arguments for
 *    the program. The rest of stdin is left for the program. (Arguments travel this way so a
 *    container can be started before its run is known.)
 * 2. Runs COMMAND ARG... PROGRAM-ARGS... as its child; the child inherits stdin, stdout, stderr.
 * 3. As init, reaps every orphan. When the child has exited, kills whatever the program left
 *    running (kill(-1) reaches only this container's processes) and reaps until none is left, so
 *    nothing can write after the next step.
 * 4. Writes the completion marker "\0code-exec-exit <nonce> <status> <oom-kills>\n" to stdout and
 *    then to stderr, where <oom-kills> is how often the kernel's OOM killer acted in the
 *    container's memory cgroup (-1 when it cannot be read). Each pipe is FIFO, so the marker on a stream comes after everything written to it.
 *    The service answers as soon as it has both markers, without waiting for the engine to
 *    notice the exit. The nonce came through stdin and this process is not dumpable (and its
 *    binary is not readable), so the program cannot learn it to forge a marker.
 * 5. Exits with the child's status (128 + signal when a signal ended it).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_HEADER 128

static void fail(const char *what) {
    dprintf(2, "launcher: %s: %s\n", what, strerror(errno));
    _exit(125);
}

static int read_header(char *line, size_t cap) {
    size_t n = 0;
    while (n + 1 < cap) {
        ssize_t r = read(0, line + n, 1);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return -1;
        if (line[n] == '\n') { line[n] = '\0'; return 0; }
        n++;
    }
    return -1;
}

static void copy_program(const char *file, long size) {
    int fd = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) fail("open program file");
    char buf[65536];
    while (size > 0) {
        ssize_t r = read(0, buf, size < (long) sizeof buf ? (size_t) size : sizeof buf);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) fail("read program");
        for (ssize_t off = 0; off < r;) {
            ssize_t w = write(fd, buf + off, (size_t) (r - off));
            if (w < 0 && errno == EINTR) continue;
            if (w < 0) fail("write program");
            off += w;
        }
        size -= r;
    }
    if (close(fd) != 0) fail("close program file");
}

/* Reads exactly size bytes of NUL-terminated arguments and appends them to base. */
static char **read_args(char **base, int nbase, long size) {
    char *blob = malloc((size_t) size + 1);
    if (blob == NULL) fail("malloc");
    long got = 0;
    while (got < size) {
        ssize_t r = read(0, blob + got, (size_t) (size - got));
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) fail("read args");
        got += r;
    }
    blob[size] = '\0';
    int n = 0;
    for (long i = 0; i < size; i++) if (blob[i] == '\0') n++;
    char **argv = calloc((size_t) (nbase + n + 1), sizeof *argv);
    if (argv == NULL) fail("calloc");
    for (int i = 0; i < nbase; i++) argv[i] = base[i];
    char *p = blob;
    for (int i = 0; i < n; i++) {
        argv[nbase + i] = p;
        p += strlen(p) + 1;
    }
    return argv;
}

/* The cgroup's oom_kill counter (cgroup v2 memory.events, else v1 memory.oom_control), or -1. */
static long oom_kills(void) {
    const char *paths[] = {"/sys/fs/cgroup/memory.events", "/sys/fs/cgroup/memory/memory.oom_control"};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        FILE *f = fopen(paths[i], "r");
        if (f == NULL) continue;
        char key[64];
        long value;
        while (fscanf(f, "%63s %ld", key, &value) == 2) {
            if (strcmp(key, "oom_kill") == 0) {
                fclose(f);
                return value;
            }
        }
        fclose(f);
    }
    return -1;
}

static void write_all(int fd, const char *s, size_t len) {
    while (len > 0) {
        ssize_t w = write(fd, s, len);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return;
        s += w;
        len -= (size_t) w;
    }
}

int main(int argc, char **argv) {
    if (argc < 3) {
        dprintf(2, "usage: launcher FILE COMMAND [ARG...]\n");
        return 125;
    }
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);

    char header[MAX_HEADER];
    if (read_header(header, sizeof header) != 0) {
        dprintf(2, "launcher: no program received\n");
        return 125;
    }
    char nonce[MAX_HEADER];
    long size;
    long args_size;
    if (sscanf(header, "%ld %127s %ld", &size, nonce, &args_size) != 3 || size < 0 || args_size < 0
            || args_size > (1L << 20)) {
        dprintf(2, "launcher: bad header\n");
        return 125;
    }
    copy_program(argv[1], size);
    char **command = read_args(argv + 2, argc - 2, args_size);

    pid_t child = fork();
    if (child < 0) fail("fork");
    if (child == 0) {
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        execvp(command[0], command);
        fail("exec");
    }

    int status = 0;
    for (;;) {
        pid_t pid = waitpid(-1, &status, 0);
        if (pid == child) break;
        if (pid < 0 && errno != EINTR) fail("wait");
    }
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);

    /* Nothing the program started may outlive it, or write after the marker. Only as PID 1 of
     * the container's own PID namespace: anywhere else kill(-1) would reach far too much. */
    for (int round = 0; getpid() == 1 && round < 100; round++) {
        if (kill(-1, SIGKILL) != 0 && errno == ESRCH) break;
        while (waitpid(-1, NULL, 0) > 0 || errno == EINTR) {
        }
    }

    char marker[MAX_HEADER * 2];
    int len = snprintf(marker, sizeof marker, "%ccode-exec-exit %s %d %ld\n", '\0', nonce, code, oom_kills());
    write_all(1, marker, (size_t) len);
    write_all(2, marker, (size_t) len);
    return code;
}
