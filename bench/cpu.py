"""CPU accounting from /proc: the machine, the service and the Docker engine, per run."""

import os
import time

from common import CLK_TCK, ENGINE_COMMS


def read_proc_stat_busy():
    """Busy jiffies of the whole machine: user+nice+system+irq+softirq+steal (guest is in user)."""
    with open("/proc/stat") as f:
        fields = f.readline().split()
    v = [int(x) for x in fields[1:]]
    while len(v) < 8:
        v.append(0)
    user, nice, system, _idle, _iowait, irq, softirq, steal = v[:8]
    return user + nice + system + irq + softirq + steal


def read_pid_cpu(pid):
    """(starttime, utime+stime, cutime+cstime) in jiffies, or None when the process is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            data = f.read()
    except OSError:
        return None
    # comm may contain spaces/parentheses: split after the last ')'
    rest = data[data.rindex(")") + 2:].split()
    # rest[0] is field 3 (state); field n is rest[n - 3]
    utime, stime, cutime, cstime = (int(rest[i - 3]) for i in (14, 15, 16, 17))
    starttime = int(rest[22 - 3])
    return starttime, utime + stime, cutime + cstime


def pids_by_comm(names):
    out = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/comm") as f:
                comm = f.read().strip()
        except OSError:
            continue
        if comm in names:
            out.setdefault(comm, []).append(int(entry))
    return out


class CpuSnapshot:
    """CPU counters of the machine, the service JVM, the engine daemons, init's reaped children
    (orphaned containerd shims end up there, with the runc and container processes they reaped)
    and this client."""

    def __init__(self, service_pid, engine_pids=None):
        # Find the engine daemons first (a /proc scan) so that the counters below are read
        # close together; the "after" snapshot reuses the "before" snapshot's list.
        self.engine_pids = engine_pids if engine_pids is not None else pids_by_comm(ENGINE_COMMS)
        self.t = time.monotonic()
        self.machine = read_proc_stat_busy()
        self.service = read_pid_cpu(service_pid)
        self.engine = {}
        for comm, pids in self.engine_pids.items():
            for pid in pids:
                cpu = read_pid_cpu(pid)
                if cpu is not None:
                    self.engine[(comm, pid)] = cpu
        self.init = read_pid_cpu(1)
        ru_self = os.times()
        self.client = ru_self.user + ru_self.system

    @staticmethod
    def delta(before, after):
        """utime+stime delta, plus cutime+cstime delta (children reaped in the window)."""
        if before is None or after is None or before[0] != after[0]:
            return None, None
        return (after[1] - before[1]) / CLK_TCK, (after[2] - before[2]) / CLK_TCK


def cpu_report(before, after, runs):
    wall = after.t - before.t
    svc_own, svc_children = CpuSnapshot.delta(before.service, after.service)
    engine_own = 0.0
    engine_detail = {}
    for key, b in before.engine.items():
        own, children = CpuSnapshot.delta(b, after.engine.get(key))
        if own is None:
            continue
        engine_own += own + children  # dockerd reaps containerd if it restarts; normally 0
        engine_detail[f"{key[0]}[{key[1]}]"] = own + children
    _, init_children = CpuSnapshot.delta(before.init, after.init)
    machine = (after.machine - before.machine) / CLK_TCK
    client = after.client - before.client
    per = (lambda x: None if x is None or runs == 0 else x / runs)
    service_total = None if svc_own is None else svc_own + svc_children
    return {
        "runs": runs,
        "window_s": wall,
        "service_cpu_s": service_total,
        "engine_cpu_s": engine_own if before.engine else None,
        "engine_detail_cpu_s": engine_detail,
        "exited_shims_cpu_s": init_children,
        "client_cpu_s": client,
        "machine_busy_cpu_s": machine,
        "machine_cores_busy": machine / wall if wall > 0 else None,
        "per_run": {
            "service_cpu_s": per(service_total),
            "engine_cpu_s": per(engine_own) if before.engine else None,
            "exited_shims_cpu_s": per(init_children),
            "client_cpu_s": per(client),
            "machine_busy_cpu_s": per(machine),
        },
    }
