/*
 * code-exec launcher: PID 1 of every sandbox container.
 *
 * It starts as uid 0 with only CAP_SETUID, CAP_SETGID and CAP_KILL (the service drops every other
 * capability) and never runs anything of the program as root: sources and compiler output belong
 * to the builder (uid 10001), programs run as the sandbox user (uid 10000).
 *
 * It reads commands from stdin (the service) and answers in frames on stdout; the program never
 * sees either stream (it gets pipes of its own, relayed by the launcher), so nothing it prints can
 * pass for a frame.
 *
 * Commands (a text line, then a raw payload):
 *   file <mode> <size> <path>\n<size bytes>
 *       Writes a file under /sandbox as the builder (parent directories are created).
 *   step <compile|run> <timeout-ms> <cpu-ms> <output-cap> <argv-bytes> <env-bytes> <input-bytes>\n
 *       <NUL-terminated argv><NUL-terminated env><input>
 *       Runs argv in /sandbox as the builder (compile) or the sandbox user (run), with env (added
 *       to a fixed base environment), input as its stdin (then EOF), its own wall-clock limit,
 *       CPU-time limit (0: none) and cap on stdout + stderr together. When the step's main process
 *       ends, every process it left is killed, so a step's output and processes never outlive it.
 *       Before a step, what the previous step left in /tmp, /dev/shm, /dev/mqueue, System V IPC
 *       and (after a run) /sandbox is removed, so each step starts from the same state.
 *   pack\n
 *       Sends every regular file under /sandbox owned by the builder (for the compile cache).
 *   EOF: kills everything and exits.
 *
 *   reset\n
 *       (with --namespaces) Ends the request: every process killed, every file of both users
 *       removed; answers 'K' with "clean" or "dirty" (something could not be removed).
 *
 * Started as "launcher --namespaces" (throughput mode), the container serves one request after
 * another, and every step runs inside bubblewrap with fresh user, PID, mount, IPC, UTS, network
 * and cgroup namespaces, a fresh /tmp, /dev and /proc, the rest of the container read-only, and
 * /sandbox writable. (The container needs a seccomp profile that allows bubblewrap's namespace
 * and mount calls, and unmasked /proc paths so a fresh proc can be mounted.)
 *
 * Started as "launcher --preload ENV-COUNT K=V... ARGV...", it starts ARGV (a language's loader)
 * at once, as the sandbox user with that environment, stdin/stdout/stderr pipes of its own and the
 * read end of a pipe on fd 3. The first run step with no CPU limit then takes that process
 * instead of starting one: its argv (NUL-terminated strings) is written to fd 3, which is closed,
 * and the loader runs the program as that argv would have. The step's clock starts there.
 *
 * Frames on stdout: one type byte, a 4-byte big-endian length, the payload:
 *   'O' / 'E'  bytes the program wrote to stdout / stderr, in the order the launcher read them
 *   'R'        step result: "exit=N reason=exited|timeout|output|cpu oom=N wall_us=N cpu_us=N maxrss_kb=N"
 *   'F'        packed file: "<mode> <size> <path>\n" + content;  'D': end of pack, "skipped=N"
 *   'K'        answer to reset: "clean" or "dirty"
 *   '!'        launcher error (bad command); the launcher exits after it
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/fsuid.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define SANDBOX "/sandbox"
#define BUILDER 10001
#define RUNNER 10000
#define MAX_LINE 4096
#define MAX_PAYLOAD (64L << 20)
#define CHUNK 65536
#define STACK (64L << 20)

static const char *BASE_ENV[] = {
    "PATH=/usr/local/bin:/usr/bin:/bin", "HOME=" SANDBOX, "HOSTNAME=sandbox", "LANG=C.UTF-8", "TMPDIR=/tmp",
};
static const char *SCRATCH[] = {"/tmp", "/dev/shm", "/dev/mqueue"};

static int sigchld_fd = -1;
static int namespaces; /* --namespaces: every step in bubblewrap */
static uid_t dirty_uid = 0; /* uid whose leftovers the next step must remove (0: none) */

/* ---- output: frames on fd 1, written whole even if fd 1 turns non-blocking ---- */

static void write_all(int fd, const void *data, size_t len) {
    const char *p = data;
    while (len > 0) {
        ssize_t w = write(fd, p, len);
        if (w < 0 && errno == EINTR) continue;
        if (w < 0 && errno == EAGAIN) {
            struct pollfd pfd = {.fd = fd, .events = POLLOUT};
            poll(&pfd, 1, 1000);
            continue;
        }
        if (w <= 0) _exit(125); /* the service is gone */
        p += w;
        len -= (size_t) w;
    }
}

static void frame_header(char type, uint32_t len) {
    unsigned char h[5] = {(unsigned char) type, len >> 24, (len >> 16) & 0xff, (len >> 8) & 0xff, len & 0xff};
    write_all(1, h, sizeof h);
}

static void frame(char type, const void *data, size_t len) {
    frame_header(type, (uint32_t) len);
    write_all(1, data, len);
}

static void framef(char type, const char *fmt, ...) {
    char text[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    frame(type, text, n < 0 ? 0 : (size_t) n < sizeof text ? (size_t) n : sizeof text - 1);
}

static void kill_all(void);

static void die(const char *fmt, ...) {
    char text[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    frame('!', text, strlen(text));
    kill_all();
    _exit(125);
}

/* ---- input: commands from fd 0 ---- */

static char inbuf[CHUNK];
static size_t in_pos, in_len;

static int in_fill(void) {
    for (;;) {
        ssize_t r = read(0, inbuf, sizeof inbuf);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return 0;
        in_pos = 0;
        in_len = (size_t) r;
        return 1;
    }
}

/* Reads a line without its newline; returns 0 at EOF before any byte. */
static int read_line(char *line, size_t cap) {
    size_t n = 0;
    for (;;) {
        if (in_pos == in_len && !in_fill()) {
            if (n == 0) return 0;
            die("truncated command");
        }
        char c = inbuf[in_pos++];
        if (c == '\n') {
            line[n] = '\0';
            return 1;
        }
        if (n + 1 >= cap) die("command line too long");
        line[n++] = c;
    }
}

static void read_exact(char *out, size_t len) {
    while (len > 0) {
        if (in_pos == in_len && !in_fill()) die("truncated payload");
        size_t n = in_len - in_pos < len ? in_len - in_pos : len;
        memcpy(out, inbuf + in_pos, n);
        in_pos += n;
        out += n;
        len -= n;
    }
}

static char *read_payload(long len) {
    if (len < 0 || len > MAX_PAYLOAD) die("payload size %ld out of range", len);
    char *p = malloc((size_t) len + 1);
    if (p == NULL) die("out of memory");
    read_exact(p, (size_t) len);
    p[len] = '\0';
    return p;
}

/* Splits a block of NUL-terminated strings into a NULL-terminated vector after `prefix`. */
static char **split(char *block, long len, const char **prefix, int nprefix) {
    int n = 0;
    for (long i = 0; i < len; i++) if (block[i] == '\0') n++;
    char **v = calloc((size_t) (nprefix + n + 1), sizeof *v);
    if (v == NULL) die("out of memory");
    for (int i = 0; i < nprefix; i++) v[i] = (char *) prefix[i];
    char *p = block;
    for (int i = 0; i < n; i++) {
        v[nprefix + i] = p;
        p += strlen(p) + 1;
    }
    return v;
}

/* ---- processes ---- */

/* A loader started ahead of the program (see --preload); pid -1 when there is none (any more). */
static struct {
    pid_t pid;
    int in, out, err, ctl;
} preloaded = {-1, -1, -1, -1, -1};

static void forget_preloaded(void) {
    int *fds[] = {&preloaded.in, &preloaded.out, &preloaded.err, &preloaded.ctl};
    for (int i = 0; i < 4; i++) {
        if (*fds[i] >= 0) close(*fds[i]);
        *fds[i] = -1;
    }
    preloaded.pid = -1;
}

/* The current step's main process: its status is kept when any reaping loop collects it. */
static pid_t main_pid = -1;
static int main_status;
static int main_done;
static struct rusage peak;

static void collected(pid_t pid, int status, const struct rusage *ru) {
    if (pid == preloaded.pid) forget_preloaded(); /* died unused (killed with a step's leftovers) */
    if (ru->ru_maxrss > peak.ru_maxrss) peak.ru_maxrss = ru->ru_maxrss;
    if (pid == main_pid && !main_done) {
        main_done = 1;
        main_status = status;
    }
}

/* Reaps whatever has ended, without waiting. */
static void reap(void) {
    int status;
    struct rusage ru;
    pid_t pid;
    while ((pid = wait4(-1, &status, WNOHANG, &ru)) > 0) collected(pid, status, &ru);
}

/* SIGKILLs every other process of the container (kill(-1) spares PID 1) and reaps them all. */
static void kill_all(void) {
    for (int round = 0; round < 1000; round++) {
        if (kill(-1, SIGKILL) != 0 && errno == ESRCH) break;
        int status;
        struct rusage ru;
        pid_t pid;
        while ((pid = wait4(-1, &status, 0, &ru)) > 0 || (pid < 0 && errno == EINTR)) {
            if (pid > 0) collected(pid, status, &ru);
        }
    }
    reap();
}

static void become(uid_t uid) {
    gid_t gid = (gid_t) uid;
    if (setgroups(0, NULL) != 0 || setresgid(gid, gid, gid) != 0 || setresuid(uid, uid, uid) != 0
            || getuid() != uid || geteuid() != uid) {
        dprintf(2, "launcher: cannot become uid %d: %s\n", (int) uid, strerror(errno));
        _exit(125);
    }
}

/* ---- files ---- */

static int valid_path(const char *path) {
    if (path[0] == '\0' || path[0] == '/' || strlen(path) > 1024) return 0;
    const char *p = path;
    while (*p) {
        const char *end = strchr(p, '/');
        size_t len = end ? (size_t) (end - p) : strlen(p);
        if (len == 0 || len > 255 || (len == 1 && p[0] == '.') || (len == 2 && p[0] == '.' && p[1] == '.')) return 0;
        if (!end) break;
        p = end + 1;
    }
    return 1;
}

/* As the builder (fsuid only: signals and the rest stay root's), so the file is the builder's. */
static void write_file(const char *path, int mode, const char *data, long size) {
    setfsgid(BUILDER);
    setfsuid(BUILDER);
    char full[PATH_MAX];
    snprintf(full, sizeof full, SANDBOX "/%s", path);
    for (char *slash = strchr(full + strlen(SANDBOX) + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
        *slash = '\0';
        if (mkdir(full, 0755) != 0 && errno != EEXIST) die("mkdir %s: %s", path, strerror(errno));
        *slash = '/';
    }
    int fd = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, (mode_t) (mode & 0755));
    if (fd < 0) die("open %s: %s", path, strerror(errno));
    for (long off = 0; off < size;) {
        ssize_t w = write(fd, data + off, (size_t) (size - off));
        if (w < 0 && errno == EINTR) continue;
        if (w < 0) die("write %s: %s", path, strerror(errno));
        off += w;
    }
    if (fchmod(fd, (mode_t) (mode & 0755)) != 0 || close(fd) != 0) die("close %s: %s", path, strerror(errno));
    setfsuid(0);
    setfsgid(0);
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

/* What the previous step's user left behind, removed by a child that becomes that user. */
static void clean_up(void) {
    if (dirty_uid == 0) return;
    uid_t uid = dirty_uid;
    dirty_uid = 0;
    pid_t pid = fork();
    if (pid < 0) die("fork: %s", strerror(errno));
    if (pid == 0) {
        become(uid);
        for (size_t i = 0; i < sizeof SCRATCH / sizeof SCRATCH[0]; i++) remove_owned(SCRATCH[i], uid);
        if (uid == RUNNER) remove_owned(SANDBOX, uid);
        remove_ipc(uid);
        _exit(0);
    }
    while (waitpid(pid, NULL, 0) < 0 && errno == EINTR) {
    }
}

/* Ends a request in a long-lived container: nothing of it may reach the next one. */
static void reset(void) {
    kill_all();
    dirty_uid = RUNNER;
    clean_up();
    pid_t pid = fork();
    if (pid < 0) die("fork: %s", strerror(errno));
    if (pid == 0) {
        become(BUILDER);
        for (size_t i = 0; i < sizeof SCRATCH / sizeof SCRATCH[0]; i++) remove_owned(SCRATCH[i], BUILDER);
        remove_owned(SANDBOX, BUILDER);
        remove_ipc(BUILDER);
        _exit(0);
    }
    while (waitpid(pid, NULL, 0) < 0 && errno == EINTR) {
    }
    int clean = 1;
    const char *dirs[] = {SANDBOX, "/tmp", "/dev/shm", "/dev/mqueue"};
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

/* ---- resources ---- */

/* The memory cgroup's oom_kill counter (cgroup v2 memory.events, else v1 memory.oom_control), or -1. */
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

/* CPU time of the whole container in µs (cgroup v2 cpu.stat, else v1 cpuacct.usage), or -1. */
static long long cgroup_cpu_us(void) {
    FILE *f = fopen("/sys/fs/cgroup/cpu.stat", "r");
    if (f != NULL) {
        char key[64];
        long long value;
        while (fscanf(f, "%63s %lld", key, &value) == 2) {
            if (strcmp(key, "usage_usec") == 0) {
                fclose(f);
                return value;
            }
        }
        fclose(f);
    }
    const char *v1[] = {"/sys/fs/cgroup/cpuacct/cpuacct.usage", "/sys/fs/cgroup/cpu,cpuacct/cpuacct.usage"};
    for (int i = 0; i < 2; i++) {
        f = fopen(v1[i], "r");
        if (f == NULL) continue;
        long long ns;
        int ok = fscanf(f, "%lld", &ns) == 1;
        fclose(f);
        if (ok) return ns / 1000;
    }
    return -1;
}

static long long now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long) ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static long long tv_us(struct timeval tv) {
    return (long long) tv.tv_sec * 1000000 + tv.tv_usec;
}

/* ---- steps ---- */

struct step {
    uid_t uid;
    long timeout_ms, cpu_ms, output_cap;
    char **argv, **env;
    const char *input;
    long input_len;
};

static void child(const struct step *s, int in, int out, int err, int ctl) {
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    signal(SIGPIPE, SIG_DFL);
    setsid();
    if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0 || (ctl >= 0 && dup2(ctl, 3) < 0)) _exit(125);
    for (int fd = ctl >= 0 ? 4 : 3; fd < 1024; fd++) close(fd);
    if (s->cpu_ms > 0) {
        rlim_t soft = (rlim_t) ((s->cpu_ms + 999) / 1000);
        struct rlimit cpu = {soft, soft + 1};
        setrlimit(RLIMIT_CPU, &cpu);
    }
    /* Deep recursion (a contest's DFS, R, bash) needs more than the usual 8 MiB of stack; the
     * memory limit still bounds what is really used. */
    struct rlimit stack;
    if (getrlimit(RLIMIT_STACK, &stack) == 0 && (stack.rlim_max == RLIM_INFINITY || stack.rlim_max >= STACK)) {
        stack.rlim_cur = STACK;
        setrlimit(RLIMIT_STACK, &stack);
    }
    become(s->uid);
    if (chdir(SANDBOX) != 0) _exit(125);
    extern char **environ;
    environ = s->env;
    if (namespaces) {
        /* /tmp and /dev/shm stay the container's own (tmpfs with size and inode caps, emptied before
         * every step); bwrap's fresh /dev is made read-only so it cannot become uncapped scratch. */
        static const char *bwrap[] = {"/usr/bin/bwrap", "--unshare-all", "--unshare-user", "--disable-userns",
            "--die-with-parent", "--new-session", "--ro-bind", "/", "/", "--bind", SANDBOX, SANDBOX,
            "--bind", "/tmp", "/tmp", "--proc", "/proc", "--dev", "/dev", "--bind", "/dev/shm", "/dev/shm",
            "--remount-ro", "/dev", "--chdir", SANDBOX, "--"};
        int n = (int) (sizeof bwrap / sizeof bwrap[0]);
        int argc = 0;
        while (s->argv[argc] != NULL) argc++;
        char **wrapped = calloc((size_t) (n + argc + 1), sizeof *wrapped);
        if (wrapped == NULL) _exit(125);
        for (int i = 0; i < n; i++) wrapped[i] = (char *) bwrap[i];
        for (int i = 0; i < argc; i++) wrapped[n + i] = s->argv[i];
        execv(wrapped[0], wrapped);
        dprintf(2, "launcher: cannot run bwrap: %s\n", strerror(errno));
        _exit(125);
    }
    execvp(s->argv[0], s->argv);
    dprintf(2, "launcher: cannot run %s: %s\n", s->argv[0], strerror(errno));
    _exit(errno == ENOENT ? 127 : 126);
}

static void set_nonblocking(int fd) {
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

/*
 * Pipes owned by the user who will use them: a program may reopen its stdin or stdout through
 * /dev/stdin, /proc/self/fd/N and the like, which checks the pipe's owner like a file's.
 */
static int user_pipe(int fds[2], uid_t uid) {
    setfsgid((gid_t) uid);
    setfsuid(uid);
    int r = pipe2(fds, O_CLOEXEC);
    setfsuid(0);
    setfsgid(0);
    return r;
}

/* Starts a language's loader as the sandbox user, waiting on fd 3 for the program's argv. */
static void preload(char **argv, char **env) {
    int in[2], out[2], err[2], ctl[2];
    if (user_pipe(in, RUNNER) != 0 || user_pipe(out, RUNNER) != 0 || user_pipe(err, RUNNER) != 0
            || pipe2(ctl, O_CLOEXEC) != 0) {
        die("pipe: %s", strerror(errno));
    }
    struct step s = {.uid = RUNNER, .argv = argv, .env = env};
    pid_t pid = fork();
    if (pid < 0) die("fork: %s", strerror(errno));
    if (pid == 0) child(&s, in[0], out[1], err[1], ctl[0]);
    close(in[0]);
    close(out[1]);
    close(err[1]);
    close(ctl[0]);
    preloaded.pid = pid;
    preloaded.in = in[1];
    preloaded.out = out[0];
    preloaded.err = err[0];
    preloaded.ctl = ctl[1];
}

static void run_step(const struct step *s) {
    clean_up();
    reap();
    int use_preloaded = preloaded.pid > 0 && s->uid == RUNNER && s->cpu_ms == 0;
    int in[2], out[2], err[2];
    if (!use_preloaded && (user_pipe(in, s->uid) != 0 || user_pipe(out, s->uid) != 0 || user_pipe(err, s->uid) != 0)) {
        die("pipe: %s", strerror(errno));
    }
    long oom_before = oom_kills();
    long long cpu_before = s->cpu_ms > 0 ? cgroup_cpu_us() : -1;
    struct rusage before, after;
    getrusage(RUSAGE_CHILDREN, &before);
    memset(&peak, 0, sizeof peak);
    main_done = 0;
    long long start = now_us();
    long long deadline = start + s->timeout_ms * 1000;

    int fds[3]; /* stdout, stderr, stdin; -1 once closed */
    if (use_preloaded) {
        /* The loader is waiting: hand it the program's argv, and it is the step's main process. */
        main_pid = preloaded.pid;
        fds[0] = preloaded.out;
        fds[1] = preloaded.err;
        fds[2] = preloaded.in;
        size_t len = 0;
        for (char **a = s->argv; *a; a++) len += strlen(*a) + 1;
        char *block = malloc(len + 1);
        if (block == NULL) die("out of memory");
        size_t off = 0;
        for (char **a = s->argv; *a; a++) {
            size_t n = strlen(*a) + 1;
            memcpy(block + off, *a, n);
            off += n;
        }
        for (size_t done = 0; done < len;) { /* a loader that died meanwhile is reaped as the step's end */
            ssize_t w = write(preloaded.ctl, block + done, len - done);
            if (w < 0 && errno == EINTR) continue;
            if (w <= 0) break;
            done += (size_t) w;
        }
        free(block);
        close(preloaded.ctl);
        preloaded.pid = -1;
        preloaded.in = preloaded.out = preloaded.err = preloaded.ctl = -1;
    } else {
        main_pid = fork();
        if (main_pid < 0) die("fork: %s", strerror(errno));
        if (main_pid == 0) child(s, in[0], out[1], err[1], -1);
        close(in[0]);
        close(out[1]);
        close(err[1]);
        fds[0] = out[0];
        fds[1] = err[0];
        fds[2] = in[1];
    }
    dirty_uid = s->uid;
    for (int i = 0; i < 3; i++) set_nonblocking(fds[i]);
    long fed = 0;
    if (s->input_len == 0) {
        close(fds[2]);
        fds[2] = -1;
    }

    const char *reason = NULL; /* why the launcher ended the step, if it did */
    int finished = 0;          /* every process of the step is gone */
    long long ended = 0;
    long written = 0;
    char buf[CHUNK];
    while (fds[0] >= 0 || fds[1] >= 0 || !finished) {
        if (!finished && main_done) {
            /* The program ended: what it left running goes now, so nothing writes after it. */
            ended = now_us();
            kill_all();
            finished = 1;
        }
        long long now = now_us();
        if (!finished && reason == NULL && now >= deadline) reason = "timeout";
        if (!finished && reason == NULL && cpu_before >= 0 && cgroup_cpu_us() - cpu_before > s->cpu_ms * 1000) {
            reason = "cpu";
        }
        if (!finished && reason != NULL) {
            /* Out of time, CPU or output: the whole step goes, its main process included. */
            ended = now;
            kill_all();
            finished = 1;
        }
        if (finished && fds[0] < 0 && fds[1] < 0) break;
        struct pollfd p[4];
        int which[4];
        int n = 0;
        for (int i = 0; i < 3; i++) {
            if (fds[i] >= 0) {
                p[n].fd = fds[i];
                p[n].events = i == 2 ? POLLOUT : POLLIN;
                which[n++] = i;
            }
        }
        p[n].fd = sigchld_fd;
        p[n].events = POLLIN;
        which[n++] = 3;
        int wait_ms = -1;
        if (!finished) {
            wait_ms = (int) ((deadline - now + 999) / 1000);
            if (cpu_before >= 0 && wait_ms > 20) wait_ms = 20;
        }
        if (poll(p, (nfds_t) n, wait_ms) < 0 && errno != EINTR) die("poll: %s", strerror(errno));
        for (int k = 0; k < n; k++) {
            if (p[k].revents == 0) continue;
            int i = which[k];
            if (i == 3) {
                struct signalfd_siginfo info;
                while (read(sigchld_fd, &info, sizeof info) > 0) {
                }
                reap();
            } else if (i == 2) {
                ssize_t w = write(fds[2], s->input + fed, (size_t) (s->input_len - fed));
                if (w > 0) fed += w;
                if ((w < 0 && errno != EAGAIN && errno != EINTR) || fed == s->input_len) {
                    close(fds[2]);
                    fds[2] = -1;
                }
            } else {
                ssize_t r = read(fds[i], buf, sizeof buf);
                if (r < 0 && (errno == EAGAIN || errno == EINTR)) continue;
                if (r <= 0) {
                    close(fds[i]);
                    fds[i] = -1;
                    continue;
                }
                long room = s->output_cap - written;
                long keep = r <= room ? r : room > 0 ? room : 0;
                if (keep > 0) frame(i == 0 ? 'O' : 'E', buf, (size_t) keep);
                written += r;
                if (written > s->output_cap && reason == NULL && !finished) reason = "output";
            }
        }
    }
    if (fds[2] >= 0) close(fds[2]);
    getrusage(RUSAGE_CHILDREN, &after);
    long long cpu = tv_us(after.ru_utime) + tv_us(after.ru_stime) - tv_us(before.ru_utime) - tv_us(before.ru_stime);
    if (cpu_before >= 0 && reason == NULL && cpu > s->cpu_ms * 1000) reason = "cpu";
    /* RLIMIT_CPU's signal: the kernel's own count reached the limit before rusage's did. */
    if (reason == NULL && s->cpu_ms > 0 && WIFSIGNALED(main_status) && WTERMSIG(main_status) == SIGXCPU) reason = "cpu";
    long oom_after = oom_kills();
    int code = WIFEXITED(main_status) ? WEXITSTATUS(main_status) : 128 + WTERMSIG(main_status);
    framef('R', "exit=%d reason=%s oom=%ld wall_us=%lld cpu_us=%lld maxrss_kb=%ld", code,
            reason == NULL ? "exited" : reason, oom_before < 0 || oom_after < 0 ? -1 : oom_after - oom_before,
            ended - start, cpu, peak.ru_maxrss);
    main_pid = -1;
}

/* ---- pack ---- */

static long skipped;

static void pack_dir(const char *dir, const char *rel) {
    DIR *d = opendir(dir);
    if (d == NULL) return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        char path[PATH_MAX], relpath[PATH_MAX];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        snprintf(relpath, sizeof relpath, "%s%s%s", rel, *rel ? "/" : "", e->d_name);
        struct stat st;
        if (lstat(path, &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) {
            pack_dir(path, relpath);
            continue;
        }
        if (st.st_uid != BUILDER) continue;
        int printable = 1;
        for (const char *c = relpath; *c; c++) if ((unsigned char) *c < 0x20 || *c == 0x7f) printable = 0;
        int fd = S_ISREG(st.st_mode) && printable ? open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC) : -1;
        if (fd < 0) {
            skipped++;
            continue;
        }
        char head[PATH_MAX + 64];
        int h = snprintf(head, sizeof head, "%o %lld %s\n", (unsigned) (st.st_mode & 0777), (long long) st.st_size, relpath);
        frame_header('F', (uint32_t) (h + st.st_size));
        write_all(1, head, (size_t) h);
        char buf[CHUNK];
        long long left = st.st_size;
        while (left > 0) {
            ssize_t r = read(fd, buf, left < (long long) sizeof buf ? (size_t) left : sizeof buf);
            if (r <= 0) die("pack: %s changed while read", relpath);
            write_all(1, buf, (size_t) r);
            left -= r;
        }
        close(fd);
    }
    closedir(d);
}

/* ---- main loop ---- */

int main(int argc, char **argv) {
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    umask(022);
    signal(SIGPIPE, SIG_IGN);
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, NULL);
    sigchld_fd = signalfd(-1, &chld, SFD_NONBLOCK | SFD_CLOEXEC);
    if (sigchld_fd < 0) die("signalfd: %s", strerror(errno));
    if (argc == 2 && strcmp(argv[1], "--namespaces") == 0) {
        namespaces = 1;
    } else if (argc >= 4 && strcmp(argv[1], "--preload") == 0) {
        int nenv = atoi(argv[2]);
        if (nenv < 0 || 3 + nenv >= argc) die("bad --preload arguments");
        const char *base[sizeof BASE_ENV / sizeof BASE_ENV[0] + 64];
        int n = 0;
        for (size_t i = 0; i < sizeof BASE_ENV / sizeof BASE_ENV[0]; i++) base[n++] = BASE_ENV[i];
        for (int i = 0; i < nenv && n < (int) (sizeof base / sizeof base[0]) - 1; i++) base[n++] = argv[3 + i];
        base[n] = NULL;
        char **env = calloc((size_t) n + 1, sizeof *env);
        if (env == NULL) die("out of memory");
        for (int i = 0; i < n; i++) env[i] = (char *) base[i];
        preload(argv + 3 + nenv, env);
    }

    char line[MAX_LINE];
    while (read_line(line, sizeof line)) {
        char kind[16];
        if (strncmp(line, "file ", 5) == 0) {
            int mode;
            long size;
            int consumed = 0;
            if (sscanf(line, "file %o %ld %n", &mode, &size, &consumed) != 2 || consumed == 0) die("bad file command");
            const char *path = line + consumed;
            if (!valid_path(path)) die("bad file path");
            char *data = read_payload(size);
            write_file(path, mode, data, size);
            free(data);
        } else if (strncmp(line, "step ", 5) == 0) {
            struct step s = {0};
            long argv_len, env_len;
            if (sscanf(line, "step %15s %ld %ld %ld %ld %ld %ld", kind, &s.timeout_ms, &s.cpu_ms, &s.output_cap,
                        &argv_len, &env_len, &s.input_len) != 7
                    || s.timeout_ms <= 0 || s.cpu_ms < 0 || s.output_cap < 0 || argv_len <= 0) {
                die("bad step command");
            }
            if (strcmp(kind, "compile") == 0) s.uid = BUILDER;
            else if (strcmp(kind, "run") == 0) s.uid = RUNNER;
            else die("bad step kind");
            char *argv_block = read_payload(argv_len);
            char *env_block = read_payload(env_len);
            char *input = read_payload(s.input_len);
            s.argv = split(argv_block, argv_len, NULL, 0);
            s.env = split(env_block, env_len, BASE_ENV, (int) (sizeof BASE_ENV / sizeof BASE_ENV[0]));
            if (s.argv[0] == NULL) die("empty argv");
            s.input = input;
            run_step(&s);
            free(s.argv);
            free(s.env);
            free(argv_block);
            free(env_block);
            free(input);
        } else if (strcmp(line, "reset") == 0 && namespaces) {
            reset();
        } else if (strcmp(line, "pack") == 0) {
            skipped = 0;
            pack_dir(SANDBOX, "");
            framef('D', "skipped=%ld", skipped);
        } else {
            die("unknown command");
        }
    }
    kill_all();
    return 0;
}
