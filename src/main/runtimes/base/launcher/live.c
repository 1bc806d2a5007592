#define _GNU_SOURCE
#include "live.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "launcher.h"
#include "process.h"
#include "protocol.h"

/* True when /proc/PID/status says the process lives in a PID namespace below ours and is not that
 * namespace's PID 1 ("NSpid: 412 7"): a process of a step, not its status reporter. */
static int in_step(const char *pid) {
    char path[300], buf[4096];
    snprintf(path, sizeof path, "/proc/%s/status", pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0) return 0;
    buf[n] = '\0';
    char *line = strstr(buf, "\nNSpid:");
    if (line == NULL) return 0;
    char *end = strchr(line + 1, '\n');
    if (end != NULL) *end = '\0';
    int fields = 0;
    long last = 0;
    for (char *tok = strtok(line + 7, " \t"); tok != NULL; tok = strtok(NULL, " \t")) {
        fields++;
        last = atol(tok);
    }
    return fields >= 2 && last != 1;
}

/* True when pid descends from ancestor (its parent chain, as /proc/PID/stat tells, reaches it): a
 * kept sandbox runs several launchers, and a signal for one step must reach no other. */
static int descends_from(const char *pid, pid_t ancestor) {
    long p = atol(pid);
    for (int depth = 0; depth < 64 && p > 1; depth++) {
        p = parent_of(p);
        if (p == ancestor) return 1;
    }
    return 0;
}

/* Every process of the running step but its status reporter (PID 1 of the step's namespace, which
 * the kernel shields from all but SIGKILL anyway) gets sig: a terminal's ^C. Without bubblewrap
 * (the harness) the step's main process is the program. */
static int signal_step(int sig) {
    if (main_pid <= 0 || main_done) return 0;
    if (harness) return kill(main_pid, sig) == 0;
    DIR *proc = opendir("/proc");
    if (proc == NULL) return 0;
    int sent = 0;
    struct dirent *e;
    while ((e = readdir(proc)) != NULL) {
        if (e->d_name[0] >= '1' && e->d_name[0] <= '9' && in_step(e->d_name) && descends_from(e->d_name, main_pid) && kill(atoi(e->d_name), sig) == 0) sent++;
    }
    closedir(proc);
    return sent;
}

/* A signal that came before the step's program existed (bubblewrap still making its namespaces). */
static int pending;

void live_start(void) {
    pending = 0;
}

int live_retry(void) {
    if (pending != 0 && signal_step(pending) > 0) pending = 0;
    return pending != 0;
}

int live_command(int command, struct feed *feed) {
    switch (command) {
        case 'i': {
            uint32_t len = read_u32();
            if (feed == NULL || len > MAX_PAYLOAD) {
                skip_bytes(len);
                return 1;
            }
            char *data = read_string(len);
            feed_add(feed, data, len); /* past the cap or after 'e': dropped (the service caps it first) */
            free(data);
            return 1;
        }
        case 'e':
            if (feed != NULL) feed->more = 0;
            return 1;
        case 'k': {
            uint8_t sig = read_u8();
            if (feed != NULL && sig >= 1 && sig <= 64 && signal_step(sig) == 0) pending = sig;
            return 1;
        }
        default:
            return 0;
    }
}
