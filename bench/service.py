"""Starts and stops the service jar for one variant and reads its images and logs."""

import os
import re
import signal
import socket
import subprocess
import threading
import time

from client import Client
from common import RATE_LIMIT_KEY, READY_TIMEOUT_S, REPO, STOP_TIMEOUT_S, THROUGHPUT_VARIANTS, log


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
