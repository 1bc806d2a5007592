"""The measurements: sequential and concurrent runs through the service, plain `docker run` for reference."""

import subprocess
import threading
import time

from client import Client
from common import DOCKER_RUN_TIMEOUT_S, EXPECTED_STDOUT, REFERENCE_CMD, REQUEST_TIMEOUT_S, log
from cpu import CpuSnapshot, cpu_report
from stats import summarize


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
