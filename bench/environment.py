"""What machine the benchmark ran on: kernel, CPUs, Docker, load."""

import datetime
import os
import subprocess

from common import REPO


def run_text(cmd, timeout=30):
    """A command's stdout (its stderr when stdout is empty), stripped; None when it failed."""
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=REPO)
        return (r.stdout.strip() or r.stderr.strip()) or None
    except Exception:
        return None


def environment():
    cpu_model = None
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                key, _, value = line.partition(":")
                if key.strip() in ("model name", "Model", "cpu model", "Processor") and value.strip():
                    cpu_model = value.strip()
                    break
    except OSError:
        pass
    try:
        nproc = len(os.sched_getaffinity(0))
    except AttributeError:
        nproc = os.cpu_count()
    return {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "kernel": os.uname().release,
        "nproc": nproc,
        "cpu_model": cpu_model,
        "docker_server_version": run_text(["docker", "version", "--format", "{{.Server.Version}}"]),
        "java_version": ((run_text(["java", "-version"]) or "").splitlines() or [None])[0],
        "git_commit": run_text(["git", "rev-parse", "--short", "HEAD"]),
        "loadavg_at_start": open("/proc/loadavg").read().split()[:3],
    }
