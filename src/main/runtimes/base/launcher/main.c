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
 * The commands and frames are in protocol.h: a command byte, fixed-width big-endian numbers and
 * length-prefixed names and payloads, so nothing a client sends is ever parsed for a delimiter.
 * A command the launcher will not carry out (a name outside the rule of paths.h, a file too large,
 * a step it cannot start) is answered with an 'X' frame, and the launcher goes on serving; only a
 * broken command stream (an unknown command byte, a command cut off) ends it, with a '!' frame.
 * Every step runs in bubblewrap with fresh user, IPC, UTS, network and cgroup namespaces and places
 * of its own (places.h): an empty /tmp and /dev/shm, and for a run a fresh copy of what the builder
 * left in /sandbox, so nothing one step makes can be seen by the next, whatever it is (files too
 * deep for a path, System V IPC, POSIX queues). Every step's process starts with an empty
 * capability bounding set and no capability at all. (The container needs a seccomp profile that
 * allows bubblewrap's namespace and mount calls.)
 *
 * Started as "launcher --namespaces" (throughput mode), the container serves one request after
 * another, and every step also gets a PID namespace and a fresh /proc (the container needs
 * unmasked /proc paths for that); between requests, 'r' kills and removes everything.
 *
 * Started as "launcher --preload ENV-COUNT K=V... ARGV...", it starts ARGV (a language's loader)
 * at once, as the sandbox user with that environment, stdin/stdout/stderr pipes of its own and the
 * read end of a pipe on fd 3. The first run step with no CPU limit then takes that process
 * instead of starting one: its argv (NUL-terminated strings) is written to fd 3, which is closed,
 * and the loader runs the program as that argv would have. The step's clock starts there.
 *
 * Started by "docker exec" beside a launcher that is PID 1 (a kept sandbox: a session's container, whose
 * PID 1 only waits), it serves the same commands; "every process" is then its own descendants (it is
 * a subreaper, so orphans of its steps come back to it), and places carry its pid in their names, so
 * launchers side by side never meet. Its steps are usually in place (kind bit 2).
 *
 * Started as "launcher --report-status ARGV..." (by itself, inside bubblewrap, for every step), it
 * runs ARGV and writes its wait status on fd 4, which only it holds (see process.h).
 *
 * Started as "launcher --dir DIR ..." when it is not PID 1 (the Docker-free test harness on a host),
 * it uses DIR instead of /sandbox (see launcher.h).
 */
#define _GNU_SOURCE
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "live.h"
#include "launcher.h"
#include "pack.h"
#include "process.h"
#include "protocol.h"

const char *sandbox_dir = "/sandbox";
uid_t builder_uid = 10001, runner_uid = 10000;
int namespaces;
int harness;

int main(int argc, char **argv) {
    at_death = kill_all;
    if (argc >= 3 && strcmp(argv[1], "--report-status") == 0) return report_status(argv + 2);
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    umask(022);
    signal(SIGPIPE, SIG_IGN);
    watch_children();
    argc--;
    argv++;
    if (getpid() != 1) prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
    if (argc >= 2 && strcmp(argv[0], "--dir") == 0) {
        if (getpid() == 1) die("--dir is for tests outside a container");
        harness = 1;
        sandbox_dir = argv[1];
        /* Root on a test host still runs nothing as root: every step as nobody. */
        builder_uid = runner_uid = getuid() == 0 ? 65534 : getuid();
        argc -= 2;
        argv += 2;
    }
    if (argc == 1 && strcmp(argv[0], "--namespaces") == 0) {
        namespaces = 1;
    } else if (argc >= 3 && strcmp(argv[0], "--preload") == 0) {
        preload_from_args(argc, argv);
    } else if (argc != 0) {
        die("unknown arguments");
    }

    for (int command; (command = read_command()) >= 0;) {
        switch (command) {
            case 'f': file_command(); break;
            case 's': step_command(); break;
            case 'p': pack(); break;
            case 'o': outputs_command(); break;
            case 'r': reset_command(); break;
            case 'i': case 'e': case 'k': live_command(command, NULL); break; /* its step has ended */
            default: die("unknown command 0x%02x", (unsigned) command);
        }
    }
    kill_all();
    return 0;
}
