#define _GNU_SOURCE
#include "limits.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#define STACK (64L << 20)

long oom_kills(void) {
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

long long cgroup_cpu_us(void) {
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

long long now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long) ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

long long tv_us(struct timeval tv) {
    return (long long) tv.tv_sec * 1000000 + tv.tv_usec;
}

void apply_rlimits(long cpu_ms) {
    if (cpu_ms > 0) {
        rlim_t soft = (rlim_t) ((cpu_ms + 999) / 1000);
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
}
