package dev.codeexec.sandbox.docker;

/**
 * What the launcher reported in its completion marker: the program's exit status, and how often
 * the kernel's OOM killer acted in the container's memory cgroup (-1: the launcher could not tell).
 */
record LauncherExit(int status, int oomKills) {
}
