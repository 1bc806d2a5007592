#!/usr/bin/env python3
"""End-to-end benchmark of the code-exec service (Python 3 standard library only).

Starts the service jar once per variant (cold: CODE_EXEC_POOL_ENABLED=false, warm: =true,
throughput: the warm pool plus CODE_EXEC_THROUGHPUT_ENABLED=true for the measured languages),
measures hello-world runs per language (sequential latency, throughput at several concurrency
levels, CPU per run), compares with a plain `docker run --rm -i --network none` of the same
program, prints a table and writes every number to a JSON file.

Usage: python3 bench/bench.py [--quick] [--languages python,javascript,ruby] ...
See bench/README.md.
"""

import argparse
import datetime
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time

import refusals

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_JAR = os.path.join("target", "quarkus-app", "quarkus-run.jar")
DEFAULT_OUT = os.path.join("bench-results", "bench.json")

EXPECTED_STDOUT = "Hello, World!\n"
HELLO = {
    "python": "print('Hello, World!')",
    "javascript": "console.log('Hello, World!')",
    "ruby": "puts 'Hello, World!'",
}
CONFORMANCE = os.path.join(REPO, "src", "test", "resources", "conformance")


def hello(language):
    """The hello world to run: the three above, else the conformance suite's hello.* of the language."""
    if language in HELLO:
        return HELLO[language]
    folder = os.path.join(CONFORMANCE, language)
    if os.path.isdir(folder):
        for name in sorted(os.listdir(folder)):
            if name.startswith("hello."):
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    return f.read()
    return None


# Command for the `docker run --rm` reference, per language (interpreted ones only).
REFERENCE_CMD = {
    "python": ["python3", "-c", "print('Hello, World!')"],
    "javascript": ["node", "-e", "console.log('Hello, World!')"],
    "ruby": ["ruby", "-e", "puts 'Hello, World!'"],
}
VARIANTS = [("cold", "false"), ("warm", "true"), ("throughput", "true"), ("refusals", "true")]
# The throughput variant: long-lived containers, fresh namespaces per run (code-exec.throughput.*).
THROUGHPUT_VARIANTS = {"throughput"}

READY_TIMEOUT_S = 600        # first start may build the runtime images
STOP_TIMEOUT_S = 60          # after SIGTERM, before SIGKILL
REQUEST_TIMEOUT_S = 60       # one HTTP request
DOCKER_RUN_TIMEOUT_S = 60    # one reference `docker run`
CLK_TCK = os.sysconf("SC_CLK_TCK")
ENGINE_COMMS = ("dockerd", "containerd")
RATE_LIMIT_KEY = "code-exec.rate-limit.enabled"


def log(msg):
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# statistics

def percentile(values, p):
    """Linear interpolation between closest ranks (numpy's default); None for no values."""
    if not values:
        return None
    s = sorted(values)
    if len(s) == 1:
        return float(s[0])
    k = (len(s) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def summarize(values):
    if not values:
        return {"n": 0, "p50": None, "p90": None, "p99": None, "mean": None, "min": None, "max": None}
    return {
        "n": len(values),
        "p50": percentile(values, 50),
        "p90": percentile(values, 90),
        "p99": percentile(values, 99),
        "mean": sum(values) / len(values),
        "min": min(values),
        "max": max(values),
    }


# ---------------------------------------------------------------------------------------------
# /proc CPU accounting

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


# ---------------------------------------------------------------------------------------------
# HTTP client

class Client:
    """One keep-alive connection; reconnects after an error."""

    def __init__(self, port):
        self.port = port
        self.conn = None

    def close(self):
        if self.conn is not None:
            try:
                self.conn.close()
            except Exception:
                pass
            self.conn = None

    def request(self, method, path, body=None):
        """Returns (status, parsed JSON or raw text). Raises on transport errors."""
        headers = {}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        for attempt in range(2):  # one retry when a kept-alive connection was closed by the server
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT_S)
            try:
                self.conn.request(method, path, body=data, headers=headers)
                resp = self.conn.getresponse()
                raw = resp.read()
                try:
                    payload = json.loads(raw) if raw else None
                except ValueError:
                    payload = raw.decode(errors="replace")
                return resp.status, payload
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.close()
                if attempt == 1:
                    raise
            except Exception:
                self.close()
                raise
        raise RuntimeError("unreachable")

    def run(self, language):
        """One hello-world run. Returns (ok, client_ms, server_wall_ms, error_text)."""
        t0 = time.perf_counter()
        try:
            status, payload = self.request("POST", f"/run/{language}", {"code": hello(language)})
        except Exception as e:  # transport error counts as a failed run
            return False, (time.perf_counter() - t0) * 1000.0, None, f"{type(e).__name__}: {e}"
        ms = (time.perf_counter() - t0) * 1000.0
        if status != 200:
            return False, ms, None, f"HTTP {status}: {str(payload)[:200]}"
        if not isinstance(payload, dict):
            return False, ms, None, f"non-JSON answer: {str(payload)[:200]}"
        server_ms = payload.get("wallTimeMs")
        if payload.get("status") != "OK":
            return False, ms, server_ms, f"status {payload.get('status')}: {str(payload.get('message'))[:200]}"
        if payload.get("stdout") != EXPECTED_STDOUT:
            return False, ms, server_ms, f"stdout {payload.get('stdout')!r}"
        return True, ms, server_ms, None


# ---------------------------------------------------------------------------------------------
# service lifecycle

def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Service:
    # None: not tried yet; True/False: whether the service accepts -Dcode-exec.rate-limit.enabled
    rate_limit_flag = None

    def __init__(self, jar, variant, pool_enabled, log_dir, languages="python,javascript,ruby", extra_env=None):
        self.jar = jar
        self.extra_env = extra_env or {}
        self.languages = languages
        self.variant = variant
        self.pool_enabled = pool_enabled
        self.port = free_port()
        self.log_path = os.path.join(log_dir, f"service-{variant}.log")
        self.proc = None
        self.log_file = None
        self.startup_s = None
        self.cmd = None

    def start(self):
        """Starts the service and waits for readiness. A service that does not know the
        rate-limit key yet rejects it (SmallRye validates unknown keys under its `code-exec`
        mapping); then it is started again without the -D flag (the environment variable,
        which an unknown key never trips, stays)."""
        t0 = time.monotonic()
        if Service.rate_limit_flag is not False:
            self._launch(with_rate_limit_flag=True)
            if self._wait_ready(t0, tolerate_unknown_key=True):
                Service.rate_limit_flag = True
                return
            log(f"the service rejects {RATE_LIMIT_KEY} (not known yet): starting it without that flag")
            Service.rate_limit_flag = False
        self._launch(with_rate_limit_flag=False)
        self._wait_ready(t0, tolerate_unknown_key=False)

    def _launch(self, with_rate_limit_flag):
        env = dict(os.environ)
        env["CODE_EXEC_POOL_ENABLED"] = self.pool_enabled
        env["CODE_EXEC_RATE_LIMIT_ENABLED"] = "false"
        env["CODE_EXEC_DOCKER_INSTANCE_ID"] = f"bench-{self.variant}"
        # Every request compiles: compiled languages' figures are compile + run, not a cache hit.
        env["CODE_EXEC_COMPILE_CACHE_ENABLED"] = "false"
        env["CODE_EXEC_LANGUAGES_ENABLED"] = self.languages
        if self.variant in THROUGHPUT_VARIANTS:
            env["CODE_EXEC_THROUGHPUT_ENABLED"] = "true"
            env["CODE_EXEC_THROUGHPUT_LANGUAGES"] = self.languages
        env.update(self.extra_env)
        cmd = ["java", f"-Dquarkus.http.port={self.port}"]
        if with_rate_limit_flag:
            cmd.append(f"-D{RATE_LIMIT_KEY}=false")
        cmd += ["-jar", self.jar]
        self.cmd = cmd
        if self.log_file is not None:
            self.log_file.close()
        self.log_file = open(self.log_path, "w")
        log(f"starting {self.variant} service on port {self.port} (log: {self.log_path})")
        self.launched_at = time.monotonic()
        self.proc = subprocess.Popen(cmd, stdout=self.log_file, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, env=env, cwd=REPO)

    def _wait_ready(self, t0, tolerate_unknown_key):
        """True when ready; False when the service exited over the unknown rate-limit key
        (only if tolerate_unknown_key); raises otherwise."""
        client = Client(self.port)
        deadline = t0 + READY_TIMEOUT_S
        last_note = time.monotonic()
        try:
            while True:
                if self.proc.poll() is not None:
                    if tolerate_unknown_key and self._rejected_rate_limit_key():
                        return False
                    raise RuntimeError(f"service exited with code {self.proc.returncode} before it "
                                       f"was ready; see {self.log_path}")
                try:
                    status, _ = client.request("GET", "/q/health/ready")
                    if status == 200:
                        break
                except Exception:
                    client.close()
                now = time.monotonic()
                if now > deadline:
                    raise RuntimeError(f"service not ready after {READY_TIMEOUT_S} s; see {self.log_path}")
                if now - last_note > 30:
                    log(f"  still waiting for readiness ({now - t0:.0f} s)")
                    last_note = now
                time.sleep(0.25)
        finally:
            client.close()
        self.startup_s = time.monotonic() - self.launched_at
        log(f"{self.variant} service ready after {self.startup_s:.1f} s")
        return True

    def _rejected_rate_limit_key(self):
        self.log_file.flush()
        try:
            with open(self.log_path, errors="replace") as f:
                text = f.read()
        except OSError:
            return False
        return "SRCFG00050" in text and RATE_LIMIT_KEY in text

    def images(self):
        """Images the service said it provisioned, from its log: {language: image}."""
        found = {}
        try:
            with open(self.log_path, errors="replace") as f:
                for line in f:
                    m = re.search(r"\b(\w+) \S+ ready \(image ([^)\s]+)\)", line)
                    if m:
                        found[m.group(1)] = m.group(2)
        except OSError:
            pass
        return found

    def stop(self):
        """SIGTERM, bounded wait, then SIGKILL. A second Ctrl-C (or SIGTERM) while stopping is
        ignored so that the service is never left behind."""
        in_main = threading.current_thread() is threading.main_thread()
        saved = {}
        if in_main:
            for sig in (signal.SIGINT, signal.SIGTERM):
                saved[sig] = signal.signal(sig, signal.SIG_IGN)
        try:
            if self.proc is not None and self.proc.poll() is None:
                log(f"stopping {self.variant} service (pid {self.proc.pid})")
                self.proc.send_signal(signal.SIGTERM)
                try:
                    self.proc.wait(timeout=STOP_TIMEOUT_S)
                except subprocess.TimeoutExpired:
                    log(f"  no exit {STOP_TIMEOUT_S} s after SIGTERM, sending SIGKILL")
                    self.proc.kill()
                    self.proc.wait(timeout=30)
            if self.log_file is not None:
                self.log_file.close()
                self.log_file = None
        finally:
            for sig, handler in saved.items():
                signal.signal(sig, handler)


# ---------------------------------------------------------------------------------------------
# measurements

def sequential(port, language, n, service_pid, pace_ms=0):
    """n runs one after the other; with pace_ms, an untimed pause before each (lets a warm pool refill)."""
    client = Client(port)
    client_ms, server_ms, errors = [], [], []
    before = CpuSnapshot(service_pid)
    t0 = time.monotonic()
    try:
        for _ in range(n):
            if pace_ms:
                time.sleep(pace_ms / 1000)
            ok, ms, srv, err = client.run(language)
            if ok:
                client_ms.append(ms)
                if isinstance(srv, (int, float)):
                    server_ms.append(float(srv))
            else:
                errors.append(err)
    finally:
        elapsed = time.monotonic() - t0
        after = CpuSnapshot(service_pid, before.engine_pids)
        client.close()
    return {
        "requests": n,
        "errors": len(errors),
        "error_samples": errors[:5],
        "elapsed_s": elapsed,
        "client_ms": summarize(client_ms),
        "server_wall_ms": summarize(server_ms),
        "cpu": cpu_report(before, after, n),
    }


def throughput(port, language, concurrency, total):
    """`concurrency` clients, each looping over a shared budget of `total` requests."""
    lock = threading.Lock()
    state = {"next": 0}
    stop = threading.Event()
    lat, errors = [], []

    def worker():
        client = Client(port)
        try:
            while not stop.is_set():
                with lock:
                    if state["next"] >= total:
                        return
                    state["next"] += 1
                ok, ms, _srv, err = client.run(language)
                with lock:
                    if ok:
                        lat.append(ms)
                    else:
                        errors.append(err)
        finally:
            client.close()

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    # Bounded wait: each request has its own timeout, so the whole batch cannot take longer.
    deadline = t0 + total * REQUEST_TIMEOUT_S * 2 / max(concurrency, 1) + 60
    try:
        for t in threads:
            while t.is_alive():
                if time.monotonic() > deadline:
                    raise RuntimeError(f"throughput batch (c={concurrency}) did not finish in time")
                t.join(timeout=0.5)
    finally:
        stop.set()
    elapsed = time.monotonic() - t0
    done = len(lat) + len(errors)
    return {
        "concurrency": concurrency,
        "requests": done,
        "ok": len(lat),
        "errors": len(errors),
        "error_samples": errors[:5],
        "elapsed_s": elapsed,
        "runs_per_s": len(lat) / elapsed if elapsed > 0 else None,
        "client_ms": summarize(lat),
    }


def reference_images(service_images, languages):
    """Image per language: the one the service logged, else the newest local code-exec/<lang>."""
    chosen = {}
    newest = {}
    try:
        out = subprocess.run(
            ["docker", "images", "--format", "{{.Repository}}:{{.Tag}}\t{{.CreatedAt}}", "code-exec/*"],
            capture_output=True, text=True, timeout=60, check=True).stdout
        for line in out.splitlines():
            ref, _, created = line.partition("\t")
            repo, _, tag = ref.partition(":")
            lang = repo.split("/", 1)[-1]
            if tag == "<none>":
                continue
            if lang not in newest or created > newest[lang][1]:
                newest[lang] = (ref, created)
    except Exception as e:
        log(f"docker images failed: {e}")
    for lang in languages:
        if lang in service_images:
            chosen[lang] = (service_images[lang], "service log")
        elif lang in newest:
            chosen[lang] = (newest[lang][0], "newest local image")
    return chosen


def reference_runs(image, language, n):
    cmd = ["docker", "run", "--rm", "-i", "--network", "none", image] + REFERENCE_CMD[language]
    times, errors = [], []
    for i in range(n + 1):  # the first run is a warm-up and not counted
        t0 = time.perf_counter()
        try:
            r = subprocess.run(cmd, input=b"", capture_output=True, timeout=DOCKER_RUN_TIMEOUT_S)
            ms = (time.perf_counter() - t0) * 1000.0
            ok = r.returncode == 0 and r.stdout.decode(errors="replace") == EXPECTED_STDOUT
            err = None if ok else f"exit {r.returncode}: {r.stderr.decode(errors='replace')[:200]}"
        except subprocess.TimeoutExpired:
            ms, ok, err = None, False, f"timeout after {DOCKER_RUN_TIMEOUT_S} s"
        if i == 0:
            continue
        if ok:
            times.append(ms)
        else:
            errors.append(err)
    return {
        "image": image,
        "command": cmd,
        "runs": n,
        "errors": len(errors),
        "error_samples": errors[:5],
        "ms": summarize(times),
    }


# ---------------------------------------------------------------------------------------------
# environment

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


# ---------------------------------------------------------------------------------------------
# output

def fmt(x, nd=0):
    if x is None:
        return "-"
    return f"{x:.{nd}f}"


def render_table(results):
    env = results["environment"]
    conc = results["config"]["concurrency"]
    lines = [
        f"code-exec bench  {env['date']}  kernel {env['kernel']}  nproc {env['nproc']}  "
        f"cpu {env['cpu_model']}  docker {env['docker_server_version']}  commit {env['git_commit']}",
        f"sequential: {results['config']['requests']} requests/measurement; throughput totals: "
        + ", ".join(f"c={c}: {results['config']['throughput_totals'][str(c)]}" for c in conc)
        + "; latencies are client-side ms unless noted",
    ]
    header = ["variant", "language", "p50", "p90", "p99", "mean", "srv p50", "paced p50/p90/p99"]
    header += [f"c={c} run/s (err)" for c in conc]
    header += ["svc CPU-s", "eng CPU-s", "mach CPU-s"]
    rows = [header]
    notes = []
    dashes = ["-"] * (len(header) - 2)
    for variant, vres in results["variants"].items():
        if "error" in vres:
            notes.append(f"{variant}: {vres['error']}")
        for lang, lres in vres.get("languages", {}).items():
            if "error" in lres:
                rows.append([variant, lang + " (error)"] + dashes)
                notes.append(f"{variant}/{lang}: {lres['error']}")
                continue
            seq = lres["sequential"]
            c = seq["client_ms"]
            paced = lres.get("paced", {}).get("client_ms")
            row = [variant, lang, fmt(c["p50"]), fmt(c["p90"]), fmt(c["p99"]), fmt(c["mean"]),
                   fmt(seq["server_wall_ms"]["p50"]),
                   "-" if not paced else f"{fmt(paced['p50'])}/{fmt(paced['p90'])}/{fmt(paced['p99'])}"]
            if seq["errors"]:
                row[1] += f" (seq err {seq['errors']})"
            if seq.get("service_exited_during") or any(
                    t.get("service_exited_during") for t in lres.get("throughput", {}).values()):
                row[1] += " (service died)"
            for cc in conc:
                t = lres.get("throughput", {}).get(str(cc))
                row.append("-" if t is None else f"{fmt(t['runs_per_s'], 2)} ({t['errors']})")
            per = seq["cpu"]["per_run"]
            row += [fmt(per["service_cpu_s"], 3), fmt(per["engine_cpu_s"], 3), fmt(per["machine_busy_cpu_s"], 3)]
            rows.append(row)
    for lang, ref in results.get("reference", {}).items():
        if "error" in ref:
            rows.append(["docker run", lang + " (error)"] + dashes)
            notes.append(f"docker run/{lang}: {ref['error']}")
            continue
        m = ref["ms"]
        label = lang + (f" (err {ref['errors']})" if ref["errors"] else "")
        rows.append(["docker run", label, fmt(m["p50"]), fmt(m["p90"]), fmt(m["p99"]), fmt(m["mean"]), "-", "-"]
                    + ["-"] * len(conc) + ["-", "-", "-"])
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    for i, r in enumerate(rows):
        cells = [r[j].ljust(widths[j]) if j < 2 else r[j].rjust(widths[j]) for j in range(len(header))]
        lines.append("  ".join(cells).rstrip())
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.append("CPU-s = CPU seconds per run over the sequential measurement: svc = service JVM, "
                 "eng = dockerd+containerd, mach = whole machine busy (containers, shims, kernel, this "
                 "client and any other load included).")
    for variant, vres in results["variants"].items():
        extra = []
        for lang, lres in vres.get("languages", {}).items():
            if "sequential" in lres:
                per = lres["sequential"]["cpu"]["per_run"]
                extra.append(f"{lang}: exited shims {fmt(per['exited_shims_cpu_s'], 3)}, "
                             f"client {fmt(per['client_cpu_s'], 3)}")
        flag = {True: "accepted", False: "rejected by the service, env var only", None: "-"}[
            vres.get("rate_limit_flag_accepted")]
        lines.append(f"{variant}: ready after {fmt(vres.get('startup_s'), 1)} s; -D{RATE_LIMIT_KEY}: {flag}; CPU-s/run "
                     + "; ".join(extra))
    for lang, ref in results.get("reference", {}).items():
        if "image" in ref:
            lines.append(f"docker run/{lang}: {ref['image']} ({ref['image_source']}); error samples: "
                         f"{ref['error_samples'][:1] or 'none'}")
    ref = results["variants"].get("refusals", {}).get("refusals")
    if ref:
        for part in ("first burst", "burst", "sequential"):
            r = ref[part]
            c = r["client_ms"]
            lines.append(f"refusals ({ref['slots']} slot + {ref['queue']} queue places full), {part}: "
                         f"{r['refused']}/{r['requests']} answered 503, client ms p50/p90/max "
                         f"{fmt(c['p50'], 1)}/{fmt(c['p90'], 1)}/{fmt(c['max'], 1)}; other answers {r['other'] or 'none'}")
    for n in notes:
        lines.append("ERROR " + n)
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# main

def parse_args(argv):
    p = argparse.ArgumentParser(description="Benchmark the code-exec service end to end (see bench/README.md).")
    p.add_argument("--jar", default=None,
                   help=f"service jar (default: {DEFAULT_JAR} in the repository; built with ./mvnw if missing)")
    p.add_argument("--languages", default="python,javascript,ruby", help="comma-separated (default: %(default)s)")
    p.add_argument("--requests", type=int, default=None,
                   help="sequential requests per measurement (default: 60, 12 with --quick)")
    p.add_argument("--concurrency", default=None,
                   help="comma-separated concurrency levels (default: 1,4,8)")
    p.add_argument("--reference-runs", type=int, default=None,
                   help="`docker run --rm` reference runs per language (default: 20, 6 with --quick)")
    p.add_argument("--variants", default="cold,warm,throughput,refusals", help="which variants to run (default: %(default)s)")
    p.add_argument("--out", default=None, help=f"JSON results (default: {DEFAULT_OUT} in the repository)")
    p.add_argument("--quick", action="store_true", help="short run (a few minutes at most)")
    p.add_argument("--pace-ms", type=int, default=200,
                   help="also measure sequential runs this far apart, untimed, so a warm pool can refill "
                        "(0 skips it; default: %(default)s)")
    a = p.parse_args(argv)
    a.jar = os.path.abspath(a.jar) if a.jar else os.path.join(REPO, DEFAULT_JAR)
    a.out = os.path.abspath(a.out) if a.out else os.path.join(REPO, DEFAULT_OUT)
    a.languages = [x.strip() for x in a.languages.split(",") if x.strip()]
    for lang in a.languages:
        if hello(lang) is None:
            p.error(f"no hello world for {lang!r} (HELLO or src/test/resources/conformance/{lang}/hello.*)")
    a.concurrency = [int(x) for x in (a.concurrency or "1,4,8").split(",") if x.strip()]
    if not a.concurrency or min(a.concurrency) < 1:
        p.error("--concurrency needs positive integers")
    if a.requests is None:
        a.requests = 12 if a.quick else 60
    if a.requests < 1:
        p.error("--requests must be at least 1")
    if a.reference_runs is None:
        a.reference_runs = 6 if a.quick else 20
    a.warmup = 2 if a.quick else 5
    # total requests of one throughput measurement
    a.throughput_totals = {c: (max(3 * c, 12) if a.quick else max(8 * c, 40)) for c in a.concurrency}
    known = dict(VARIANTS)
    a.variants = [v.strip() for v in a.variants.split(",") if v.strip()]
    for v in a.variants:
        if v not in known:
            p.error(f"unknown variant {v!r}; known: {', '.join(known)}")
    return a


def ensure_jar(jar):
    if os.path.isfile(jar):
        return
    if jar != os.path.join(REPO, DEFAULT_JAR):
        raise SystemExit(f"jar not found: {jar}")
    log("jar missing: running ./mvnw -B -q package -DskipTests")
    subprocess.run(["./mvnw", "-B", "-q", "package", "-DskipTests"], cwd=REPO, check=True, timeout=3600)
    if not os.path.isfile(jar):
        raise SystemExit(f"build finished but {jar} is still missing")


def bench_refusals(results, log_dir):
    """The refusals variant: a full service's answers to a burst and to single requests (refusals.py)."""
    vres = {"instance_id": "bench-refusals", "env": refusals.ENV}
    results["variants"]["refusals"] = vres
    svc = Service(results["config"]["jar"], "refusals", "true", log_dir, "python", refusals.ENV)
    try:
        svc.start()
        vres["startup_s"] = svc.startup_s
        log(f"refusals: {refusals.FILL} sleepers fill {refusals.SLOTS} slot(s) + {refusals.QUEUE} queue places, "
            f"then a burst of {refusals.BURST} and {refusals.SEQUENTIAL} one after another")
        vres["refusals"] = refusals.measure(svc.port, summarize)
        for part in ("first burst", "burst", "sequential"):
            r = vres["refusals"][part]
            log(f"  {part}: {r['refused']}/{r['requests']} refused, median {fmt(r['client_ms']['p50'], 1)} ms, "
                f"p90 {fmt(r['client_ms']['p90'], 1)} ms, other answers {r['other'] or 'none'}")
    finally:
        svc.stop()
    return vres


def bench_variant(args, variant, pool_enabled, results, log_dir):
    if variant == "refusals":
        return bench_refusals(results, log_dir)
    vres = {"pool_enabled_env": pool_enabled, "instance_id": f"bench-{variant}", "languages": {}}
    results["variants"][variant] = vres
    svc = Service(args.jar, variant, pool_enabled, log_dir, ",".join(args.languages))
    try:
        svc.start()
        vres["startup_s"] = svc.startup_s
        vres["command"] = svc.cmd
        vres["rate_limit_flag_accepted"] = Service.rate_limit_flag
        vres["port"] = svc.port
        client = Client(svc.port)
        try:
            status, runtimes = client.request("GET", "/runtimes")
        finally:
            client.close()
        vres["runtimes"] = runtimes if status == 200 else None
        available = {r.get("language") for r in runtimes} if status == 200 and isinstance(runtimes, list) else set()
        def check_alive(measurement, what):
            """Something outside this script may stop the service (another developer's broad
            kill, the OOM killer): then the measurement is flagged and the variant ends."""
            rc = svc.proc.poll()
            errors = [] if measurement is None else measurement.get("error_samples", [])
            if rc is None and any("Connection" in e or "Disconnected" in e for e in errors):
                # refused/reset connections: maybe a shutdown in progress, which takes a moment
                try:
                    rc = svc.proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    rc = None
            if rc is not None:
                if measurement is not None:
                    measurement["service_exited_during"] = True
                sig = f" = 128 + {signal.Signals(rc - 128).name}" if 128 < rc < 160 else ""
                raise RuntimeError(f"service exited unexpectedly with code {rc}{sig} during {what}; "
                                   f"results from there on are missing, see {svc.log_path}")

        for lang in args.languages:
            if lang not in available:
                vres["languages"][lang] = {"error": "not provisioned by the service (see its log)"}
                log(f"{variant}/{lang}: not provisioned, skipped")
                continue
            lres = {}
            vres["languages"][lang] = lres
            log(f"{variant}/{lang}: {args.warmup} warm-up runs")
            wc = Client(svc.port)
            try:
                warm_errors = [r[3] for r in (wc.run(lang) for _ in range(args.warmup)) if not r[0]]
                lres["warmup_errors"] = len(warm_errors)
            finally:
                wc.close()
            check_alive({"error_samples": warm_errors}, f"{variant}/{lang} warm-up")
            log(f"{variant}/{lang}: {args.requests} sequential runs")
            lres["sequential"] = sequential(svc.port, lang, args.requests, svc.proc.pid)
            s = lres["sequential"]
            check_alive(s, f"{variant}/{lang} sequential")
            log(f"  p50 {fmt(s['client_ms']['p50'])} ms, p90 {fmt(s['client_ms']['p90'])} ms, "
                f"errors {s['errors']}")
            if args.pace_ms:
                log(f"{variant}/{lang}: {args.requests} sequential runs, {args.pace_ms} ms apart")
                lres["paced"] = sequential(svc.port, lang, args.requests, svc.proc.pid, args.pace_ms)
                check_alive(lres["paced"], f"{variant}/{lang} paced")
            lres["throughput"] = {}
            for c in args.concurrency:
                total = args.throughput_totals[c]
                log(f"{variant}/{lang}: throughput, {c} clients, {total} runs")
                t = throughput(svc.port, lang, c, total)
                lres["throughput"][str(c)] = t
                check_alive(t, f"{variant}/{lang} throughput c={c}")
                log(f"  {fmt(t['runs_per_s'], 2)} runs/s, errors {t['errors']}")
    finally:
        svc.stop()
        vres["images"] = svc.images()
        vres["exit_code"] = svc.proc.returncode if svc.proc is not None else None
    return vres


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)

    # Turn SIGTERM into the same clean-up path as Ctrl-C.
    def on_term(signum, frame):
        raise KeyboardInterrupt()
    signal.signal(signal.SIGTERM, on_term)

    ensure_jar(args.jar)
    out_dir = os.path.dirname(args.out)
    os.makedirs(out_dir, exist_ok=True)

    results = {
        "environment": environment(),
        "config": {
            "jar": args.jar,
            "languages": args.languages,
            "requests": args.requests,
            "warmup": args.warmup,
            "concurrency": args.concurrency,
            "throughput_totals": {str(c): n for c, n in args.throughput_totals.items()},
            "reference_runs": args.reference_runs,
            "quick": args.quick,
            "variants": {v: dict(VARIANTS)[v] for v in args.variants},
        },
        "variants": {},
        "reference": {},
    }
    env = results["environment"]
    log(f"{env['date']} kernel {env['kernel']}, {env['nproc']} cpus, {env['cpu_model']}, "
        f"docker {env['docker_server_version']}, load {' '.join(env['loadavg_at_start'])}")
    t_start = time.monotonic()
    interrupted = False
    try:
        service_images = {}
        for variant in args.variants:
            try:
                vres = bench_variant(args, variant, dict(VARIANTS)[variant], results, out_dir)
            except Exception as e:  # recorded; the other variant and the reference still run
                log(f"{variant} failed: {type(e).__name__}: {e}")
                vres = results["variants"].setdefault(variant, {})
                vres["error"] = f"{type(e).__name__}: {e}"
            service_images.update(vres.get("images") or {})
        measured = [lang for lang in args.languages if lang in REFERENCE_CMD]
        for lang, (image, source) in reference_images(service_images, measured).items():
            log(f"reference: {args.reference_runs} x docker run --rm {image}")
            ref = reference_runs(image, lang, args.reference_runs)
            ref["image_source"] = source
            results["reference"][lang] = ref
        for lang in measured:
            results["reference"].setdefault(lang, {"error": "no code-exec image found"})
    except KeyboardInterrupt:
        interrupted = True
        log("interrupted; partial results follow")
    finally:
        results["elapsed_s"] = time.monotonic() - t_start
        results["interrupted"] = interrupted
        with open(args.out, "w") as f:
            json.dump(results, f, indent=2)
            f.write("\n")
    print(render_table(results))
    print(f"\nresults: {args.out}")
    return 130 if interrupted else 0


if __name__ == "__main__":
    sys.exit(main())
