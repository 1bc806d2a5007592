/* Processes: starting a step's process as its user, reaping, killing everything. */
#ifndef PROCESS_H
#define PROCESS_H

#include <sys/resource.h>
#include <sys/types.h>

#include "places.h"
#include "users.h"

struct step {
    int run; /* 1: a run (the sandbox user), 0: a compile (the builder) */
    int live; /* reads live commands while it runs (live.h) */
    int in_place; /* a kept sandbox's step: as the builder, in /sandbox itself, with live stdin */
    int keep; /* a run whose copy of /sandbox stays for the outputs command that follows */
    uid_t uid;
    long timeout_ms, cpu_ms, output_cap;
    char **argv, **env;
    const char *input;
    long input_len;
    const struct places *places; /* NULL: no bubblewrap (the harness mode) */
};

/* A loader started ahead of the program (see --preload); pid -1 when there is none (any more). */
struct preloaded {
    pid_t pid;
    int in, out, err, ctl, report;
    struct places places;
};
extern struct preloaded preloaded;

/* The current step's main process: its status is kept when any reaping loop collects it. */
extern pid_t main_pid;
extern int main_status;
extern int main_done;
extern struct rusage peak;
extern int sigchld_fd;

/* Blocks SIGCHLD and opens sigchld_fd. */
void watch_children(void);
/* The parent of a process, as /proc/PID/stat tells it; -1 when it is gone or unreadable. */
long parent_of(long pid);
/* Reaps whatever has ended, without waiting. */
void reap(void);
/* SIGKILLs every other process of the container (kill(-1) spares PID 1) and reaps them all. */
void kill_all(void);
/* The launcher binary under another name (a link in the base image): inside bubblewrap, as the
 * step's PID 1 (out of the program's reach: init ignores signals it has no handler for, and it is
 * not dumpable), it runs the program with --report-status. */
#define REPORTER_PATH "/opt/code-exec/report-status"
/* The descriptor on which --report-status writes the program's wait status (an int). */
#define REPORT_FD 4

/* Forks a step's process on the given pipes (ctl >= 0: on fd 3); returns its pid, and in *report
 * the read end of its wait-status pipe (-1 without bubblewrap: the process is the program). */
pid_t spawn(const struct step *s, int in, int out, int err, int ctl, int *report);
/* "launcher --report-status ARGV...", inside bubblewrap: runs ARGV, writes its wait status on
 * REPORT_FD and ends the same way (bubblewrap turns a signal into exit 128 + n, so the launcher
 * could not tell exit(139) from SIGSEGV or see SIGXCPU without it). */
int report_status(char **argv);
/* Starts a language's loader as the sandbox user, waiting on fd 3 for the program's argv. */
void preload(char **argv, char **env);

#endif
