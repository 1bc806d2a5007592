#define _GNU_SOURCE
#include "process.h"

#include <dirent.h>
#include <errno.h>
#include <linux/capability.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/fsuid.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "launcher.h"
#include "limits.h"
#include "protocol.h"
#include "users.h"

struct preloaded preloaded = {.pid = -1, .in = -1, .out = -1, .err = -1, .ctl = -1, .report = -1};
pid_t main_pid = -1;
int main_status;
int main_done;
struct rusage peak;
int sigchld_fd = -1;

void watch_children(void) {
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, NULL);
    sigchld_fd = signalfd(-1, &chld, SFD_NONBLOCK | SFD_CLOEXEC);
    if (sigchld_fd < 0) die("signalfd: %s", strerror(errno));
}

static void forget_preloaded(void) {
    int *fds[] = {&preloaded.in, &preloaded.out, &preloaded.err, &preloaded.ctl, &preloaded.report};
    for (int i = 0; i < 5; i++) {
        if (*fds[i] >= 0) close(*fds[i]);
        *fds[i] = -1;
    }
    preloaded.pid = -1;
}

static void collected(pid_t pid, int status, const struct rusage *ru) {
    if (pid == preloaded.pid) forget_preloaded(); /* died unused (killed with a step's leftovers) */
    if (ru->ru_maxrss > peak.ru_maxrss) peak.ru_maxrss = ru->ru_maxrss;
    if (pid == main_pid && !main_done) {
        main_done = 1;
        main_status = status;
    }
}

void reap(void) {
    int status;
    struct rusage ru;
    pid_t pid;
    while ((pid = wait4(-1, &status, WNOHANG, &ru)) > 0) collected(pid, status, &ru);
}

long parent_of(long pid) {
    char path[64], stat[512];
    snprintf(path, sizeof path, "/proc/%ld/stat", pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    ssize_t n = read(fd, stat, sizeof stat - 1);
    close(fd);
    if (n <= 0) return -1;
    stat[n] = '\0';
    char *end = strrchr(stat, ')'); /* "pid (comm) state ppid ...": the name may hold anything */
    char state;
    long ppid;
    return end != NULL && sscanf(end + 1, " %c %ld", &state, &ppid) == 2 ? ppid : -1;
}

/* Not PID 1 (the harness, a joined launcher): SIGKILLs the launcher's own children (orphans of the
 * step come back to it, a subreaper); returns how many it found. */
static int kill_children(void) {
    DIR *proc = opendir("/proc");
    if (proc == NULL) return 0;
    int found = 0;
    struct dirent *e;
    while ((e = readdir(proc)) != NULL) {
        if (e->d_name[0] < '0' || e->d_name[0] > '9' || parent_of(atol(e->d_name)) != getpid()) continue;
        kill(atoi(e->d_name), SIGKILL);
        found++;
    }
    closedir(proc);
    return found;
}

static void kill_descendants(void) {
    for (int round = 0; round < 100000; round++) {
        int found = kill_children();
        int status;
        struct rusage ru;
        pid_t pid;
        while ((pid = wait4(-1, &status, WNOHANG, &ru)) > 0) collected(pid, status, &ru);
        if (found == 0 && pid < 0 && errno == ECHILD) return;
        usleep(1000);
    }
}

void kill_all(void) {
    /* kill(-1) is "every process of the container" only for its init: anywhere else (a test on a
     * host, perhaps as root) it would be every process of the machine. */
    if (getpid() != 1) {
        kill_descendants();
        return;
    }
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

/* No capability may come back through an exec: the bounding set goes while the launcher's child
 * still has CAP_SETPCAP (the container grants it to the launcher for this alone). */
static void drop_bounding_set(void) {
    if (harness && getuid() != 0) return; /* an ordinary user: nothing to drop, and no CAP_SETPCAP */
    for (int cap = 0; prctl(PR_CAPBSET_READ, cap, 0, 0, 0) >= 0; cap++) {
        if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0) {
            dprintf(2, "launcher: cannot drop capability %d from the bounding set: %s\n", cap, strerror(errno));
            _exit(125);
        }
    }
}

/* After the switch to the step's user: ambient, inheritable, permitted and effective sets all empty. */
static void drop_capabilities(void) {
    struct __user_cap_header_struct head = {_LINUX_CAPABILITY_VERSION_3, 0};
    struct __user_cap_data_struct none[2] = {{0, 0, 0}, {0, 0, 0}};
    if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) != 0 || syscall(SYS_capset, &head, none) != 0) {
        dprintf(2, "launcher: cannot drop capabilities: %s\n", strerror(errno));
        _exit(125);
    }
}

static void child(const struct step *s, int in, int out, int err, int ctl, int report) {
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    signal(SIGPIPE, SIG_DFL);
    setsid();
    if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0 || (ctl >= 0 && dup2(ctl, 3) < 0)
            || (report >= 0 && dup2(report, REPORT_FD) < 0)) {
        _exit(125);
    }
    for (int fd = 3; fd < 1024; fd++) {
        if ((fd != 3 || ctl < 0) && (fd != REPORT_FD || report < 0)) close(fd);
    }
    apply_rlimits(s->cpu_ms);
    drop_bounding_set();
    become(s->uid);
    drop_capabilities();
    if (chdir(sandbox_dir) != 0) _exit(125);
    extern char **environ;
    environ = s->env;
    if (s->places != NULL) {
        /* Fresh user, PID, IPC, UTS, network and cgroup namespaces, a fresh /proc, the step's own
         * /tmp, /dev/shm and (for a run) /sandbox, made by make_places in the container's capped
         * mounts; bwrap's fresh /dev is read-only. */
        const char *bwrap[48];
        int n = 0;
        const char *args[] = {"/usr/bin/bwrap", "--unshare-all", "--unshare-user", "--disable-userns",
            "--as-pid-1", "--die-with-parent", "--new-session", "--cap-drop", "ALL", "--ro-bind", "/", "/",
            "--bind", s->places->work[0] != '\0' ? s->places->work : sandbox_dir, sandbox_dir,
            "--bind", s->places->tmp, "/tmp", "--proc", "/proc", "--dev", "/dev", "--bind", s->places->shm, "/dev/shm",
            "--remount-ro", "/dev", "--chdir", sandbox_dir};
        for (size_t i = 0; i < sizeof args / sizeof args[0]; i++) bwrap[n++] = args[i];
        bwrap[n++] = "--";
        bwrap[n++] = REPORTER_PATH; /* PID 1 of the step: reports the program's own wait status */
        bwrap[n++] = "--report-status";
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

pid_t spawn(const struct step *s, int in, int out, int err, int ctl, int *report) {
    int status_pipe[2] = {-1, -1};
    if (s->places != NULL && pipe2(status_pipe, O_CLOEXEC) != 0) die("pipe: %s", strerror(errno));
    pid_t pid = fork();
    if (pid < 0) die("fork: %s", strerror(errno));
    if (pid == 0) child(s, in, out, err, ctl, status_pipe[1]);
    if (status_pipe[1] >= 0) close(status_pipe[1]);
    *report = status_pipe[0];
    return pid;
}

int report_status(char **argv) {
    fcntl(REPORT_FD, F_SETFD, FD_CLOEXEC); /* the program never gets it */
    pid_t pid = fork();
    if (pid < 0) _exit(125);
    if (pid == 0) {
        unsetenv("PWD"); /* bubblewrap's: the program gets exactly the environment the launcher gave */
        execvp(argv[0], argv);
        dprintf(2, "launcher: cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(errno == ENOENT ? 127 : 126);
    }
    /* PID 1 of the step's PID namespace: orphans come here too; when the program ends, this ends,
     * and the kernel ends whatever the program left running. */
    int status;
    for (;;) {
        pid_t done = wait(&status);
        if (done == pid) break;
        if (done < 0 && errno != EINTR) _exit(125);
    }
    if (write(REPORT_FD, &status, sizeof status) != (ssize_t) sizeof status) _exit(125);
    _exit(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
}

void preload(char **argv, char **env) {
    int in[2], out[2], err[2], ctl[2];
    if (user_pipe(in, runner_uid) != 0 || user_pipe(out, runner_uid) != 0 || user_pipe(err, runner_uid) != 0
            || pipe2(ctl, O_CLOEXEC) != 0) {
        die("pipe: %s", strerror(errno));
    }
    /* The loader sees /sandbox itself (the program's files come after it started): the runs after
     * it get copies that leave out whatever it made there. */
    if (!harness) {
        const char *why = make_places(0, &preloaded.places);
        if (why != NULL) die("%s", why);
    }
    struct step s = {.run = 1, .uid = runner_uid, .argv = argv, .env = env,
        .places = harness ? NULL : &preloaded.places};
    pid_t pid = spawn(&s, in[0], out[1], err[1], ctl[0], &preloaded.report);
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
