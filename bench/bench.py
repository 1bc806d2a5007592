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
import json
import os
import signal
import subprocess
import sys
import time

import live
import refusals
import sessions

from client import Client
from common import DEFAULT_JAR, DEFAULT_OUT, REFERENCE_CMD, REPO, VARIANTS, hello, log
from environment import environment
from measure import reference_images, reference_runs, sequential, throughput
from report import fmt, render_table
from service import Service
from stats import summarize


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
    p.add_argument("--variants", default="cold,warm,throughput,refusals,live,live-throughput,sessions", help="which variants to run (default: %(default)s)")
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


def bench_live(args, variant, results, log_dir):
    """The live variants: how fast a live run's output reaches its client (live.py)."""
    env = live.THROUGHPUT_ENV if variant == "live-throughput" else {}
    vres = {"instance_id": f"bench-{variant}", "env": env}
    results["variants"][variant] = vres
    svc = Service(results["config"]["jar"], variant, "true", log_dir, "python", env)
    sessions = 10 if args.quick else 30
    try:
        svc.start()
        vres["startup_s"] = svc.startup_s
        log(f"{variant}: {sessions} live runs per channel, {live.LINES} lines each, {live.INTERVAL_S * 1000:.0f} ms apart")
        vres["live"] = live.measure(svc.port, sessions, summarize)
        for channel, r in vres["live"].items():
            log(f"  {channel}: every line p50 {fmt(r['lines_ms']['p50'], 1)} p95 {fmt(r['lines_ms']['p95'], 1)} ms, "
                f"first line p50 {fmt(r['first_line_ms']['p50'], 1)} p95 {fmt(r['first_line_ms']['p95'], 1)} ms")
    finally:
        svc.stop()
    return vres


def bench_sessions(args, results, log_dir):
    """Sessions: create to first cell, cell to cell, a command (sessions.py)."""
    vres = {"instance_id": "bench-sessions"}
    results["variants"]["sessions"] = vres
    svc = Service(results["config"]["jar"], "sessions", "true", log_dir, ",".join(sessions.LANGUAGES))
    count = 5 if args.quick else 15
    try:
        svc.start()
        vres["startup_s"] = svc.startup_s
        log(f"sessions: {count} sessions per language, {sessions.CELLS} cells each")
        vres["sessions"] = sessions.measure(svc.port, count, summarize)
        for language, r in vres["sessions"].items():
            log(f"  {language}: create to first cell p50 {fmt(r['create_to_first_cell_ms']['p50'], 1)} "
                f"p95 {fmt(r['create_to_first_cell_ms']['p95'], 1)} ms; cell to cell p50 {fmt(r['cell_ms']['p50'], 1)} "
                f"p95 {fmt(r['cell_ms']['p95'], 1)} ms; command p50 {fmt(r['command_ms']['p50'], 1)} ms")
    finally:
        svc.stop()
    return vres


def bench_variant(args, variant, pool_enabled, results, log_dir):
    if variant == "sessions":
        return bench_sessions(args, results, log_dir)
    if variant == "refusals":
        return bench_refusals(results, log_dir)
    if variant.startswith("live"):
        return bench_live(args, variant, results, log_dir)
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
