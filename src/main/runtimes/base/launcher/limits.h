/* What the kernel counts for the container, the clock, and the limits a step's process starts with. */
#ifndef LIMITS_H
#define LIMITS_H

#include <sys/time.h>

/* The memory cgroup's oom_kill counter (cgroup v2 memory.events, else v1 memory.oom_control), or -1. */
long oom_kills(void);
/* CPU time of the whole container in µs (cgroup v2 cpu.stat, else v1 cpuacct.usage), or -1. */
long long cgroup_cpu_us(void);
long long now_us(void);
long long tv_us(struct timeval tv);
/* In a step's child: its CPU-time limit (0: none) and a large stack. */
void apply_rlimits(long cpu_ms);

#endif
