#define _GNU_SOURCE
#include "step.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <unistd.h>

#include "files.h"
#include "places.h"
#include "launcher.h"
#include "limits.h"
#include "live.h"
#include "protocol.h"

static void set_nonblocking(int fd) {
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

/* The loader is waiting: hand it the program's argv; it becomes the step's main process. */
static void take_preloaded(const struct step *s, int fds[3], int *report) {
    main_pid = preloaded.pid;
    *report = preloaded.report;
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
    preloaded.in = preloaded.out = preloaded.err = preloaded.ctl = preloaded.report = -1;
}

/* The program's own wait status, as --report-status saw it; bubblewrap's own when there is none
 * (no bubblewrap, or the program killed its reporter: then 128 + n is all there is). */
static int program_status(int report) {
    int status = main_status, real;
    if (report >= 0) {
        if (read(report, &real, sizeof real) == (ssize_t) sizeof real) status = real;
        else if (WIFEXITED(status) && WEXITSTATUS(status) > 128 && WEXITSTATUS(status) < 128 + 65) {
            status = WEXITSTATUS(status) - 128; /* a wait status of "killed by signal n" */
        }
        close(report);
    }
    return status;
}

void run_step(struct step *s) {
    reap();
    drop_kept_work(); /* an earlier run's kept files, never asked for */
    int use_preloaded = preloaded.pid > 0 && s->run && s->cpu_ms == 0;
    /* The step's own /tmp, /dev/shm and (a run's) /sandbox: nothing an earlier step made is there. */
    struct places places;
    if (use_preloaded) {
        places = preloaded.places;
        memset(&preloaded.places, 0, sizeof preloaded.places);
    } else if (!harness) {
        const char *why = make_places(s->run, &places);
        if (why != NULL) {
            remove_places(&places);
            frame('X', why, strlen(why));
            return;
        }
    }
    s->places = harness ? NULL : &places;
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
    int report = -1;
    if (use_preloaded) {
        take_preloaded(s, fds, &report);
    } else {
        main_pid = spawn(s, in[0], out[1], err[1], -1, &report);
        close(in[0]);
        close(out[1]);
        close(err[1]);
        fds[0] = out[0];
        fds[1] = err[0];
        fds[2] = in[1];
    }
    for (int i = 0; i < 3; i++) set_nonblocking(fds[i]);
    struct feed feed;
    feed_start(&feed, s->input, (size_t) s->input_len, s->live && (s->run || s->in_place));
    int commands = s->live; /* the command stream is read while the step runs */
    live_start();

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
        if (fds[2] >= 0 && (finished || feed_ended(&feed))) {
            close(fds[2]); /* the program sees the end of its input */
            fds[2] = -1;
        }
        if (finished && fds[0] < 0 && fds[1] < 0) break;
        struct pollfd p[5];
        int which[5];
        int n = 0;
        for (int i = 0; i < 3; i++) {
            if (fds[i] >= 0 && (i != 2 || feed_pending(&feed) > 0)) {
                p[n].fd = fds[i];
                p[n].events = i == 2 ? POLLOUT : POLLIN;
                which[n++] = i;
            }
        }
        p[n].fd = sigchld_fd;
        p[n].events = POLLIN;
        which[n++] = 3;
        if (commands && !finished) {
            p[n].fd = 0;
            p[n].events = POLLIN;
            which[n++] = 4;
        }
        int wait_ms = -1;
        if (!finished) {
            wait_ms = (int) ((deadline - now + 999) / 1000);
            if (cpu_before >= 0 && wait_ms > 20) wait_ms = 20;
            if (commands && command_buffered()) wait_ms = 0;
            if (commands && live_retry() && wait_ms > 5) wait_ms = 5;
        }
        if (poll(p, (nfds_t) n, wait_ms) < 0 && errno != EINTR) die("poll: %s", strerror(errno));
        if (commands && !finished && command_buffered()) {
            p[n - 1].revents |= POLLIN; /* read ahead: poll on fd 0 cannot see it */
        }
        for (int k = 0; k < n; k++) {
            if (p[k].revents == 0) continue;
            int i = which[k];
            if (i == 4) {
                int command = read_command();
                if (command < 0) {
                    /* The service is gone: so is the step (main then sees the end too). */
                    commands = 0;
                    if (reason == NULL && !finished) reason = "gone";
                } else if (!live_command(command, &feed)) {
                    unread_command(); /* not for this step: the main loop takes it after the report */
                    commands = 0;
                }
            } else if (i == 3) {
                struct signalfd_siginfo info;
                while (read(sigchld_fd, &info, sizeof info) > 0) {
                }
                reap();
            } else if (i == 2) {
                ssize_t w = write(fds[2], feed.data + feed.fed, feed_pending(&feed));
                if (w > 0) feed.fed += (size_t) w;
                if (w < 0 && errno != EAGAIN && errno != EINTR) { /* the program closed its stdin */
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
    feed_free(&feed);
    getrusage(RUSAGE_CHILDREN, &after);
    long long cpu = tv_us(after.ru_utime) + tv_us(after.ru_stime) - tv_us(before.ru_utime) - tv_us(before.ru_stime);
    if (cpu_before >= 0 && reason == NULL && cpu > s->cpu_ms * 1000) reason = "cpu";
    int status = program_status(report);
    /* RLIMIT_CPU's signal: the kernel's own count reached the limit before rusage's did. */
    if (reason == NULL && s->cpu_ms > 0 && WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU) reason = "cpu";
    long oom_after = oom_kills();
    /* A signal is told by the wait status, never guessed from the number (exit(139) is no SIGSEGV). */
    int signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + signal;
    /* Gone before the report, so the service never changes limits while they still hold memory (the
     * removal's own processes are reaped after the rusage above: they do not count as the step's). */
    if (!harness && s->keep) keep_work(&places);
    else if (!harness) remove_places(&places);
    framef('R', "exit=%d signal=%d reason=%s oom=%ld wall_us=%lld cpu_us=%lld maxrss_kb=%ld", code, signal,
            reason == NULL ? "exited" : reason, oom_before < 0 || oom_after < 0 ? -1 : oom_after - oom_before,
            ended - start, cpu, peak.ru_maxrss);
    main_pid = -1;
}
