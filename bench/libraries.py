"""What the libraries in the runtime images cost a program that uses none: the same service with each
language's image (with its libraries) and with an image named on the command line (e.g. the one built
before the libraries were added), alternating, plain hellos paced apart, medians of the client's time and
of the sandbox's compile and run times.

    python3 bench/libraries.py --before java=code-exec/java:2259e8cc725f,go=code-exec/go:da2347781625
"""

import argparse
import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from client import Client  # noqa: E402
from common import DEFAULT_JAR, REPO, hello, log  # noqa: E402
from service import Service  # noqa: E402


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--before", required=True, help="language=image,... : the images without the libraries")
    p.add_argument("--jar", default=os.path.join(REPO, DEFAULT_JAR))
    p.add_argument("--runs", type=int, default=15, help="hellos per language, phase and round (default: %(default)s)")
    p.add_argument("--rounds", type=int, default=2, help="with/without alternations (default: %(default)s)")
    p.add_argument("--pace-ms", type=int, default=300, help="pause between runs (default: %(default)s)")
    p.add_argument("--out", default=os.path.join(REPO, "bench-results", "libraries.json"))
    a = p.parse_args()
    before = dict(pair.split("=", 1) for pair in a.before.split(","))
    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    samples = {}
    for rnd in range(a.rounds):
        for phase in ("with", "without"):
            extra = {} if phase == "with" else {f"CODE_EXEC_LANGUAGES_{l.upper()}_IMAGE": i for l, i in before.items()}
            service = Service(a.jar, f"libraries-{phase}", "true", os.path.dirname(a.out), ",".join(before), extra)
            service.start()
            client = Client(service.port)
            try:
                time.sleep(5)  # the warm pools fill
                for language in before:
                    for i in range(a.runs + 2):
                        t0 = time.perf_counter()
                        status, answer = client.request("POST", f"/run/{language}", {"code": hello(language)})
                        ms = (time.perf_counter() - t0) * 1000.0
                        if status != 200 or answer.get("status") != "OK":
                            raise SystemExit(f"{language} {phase}: HTTP {status} {str(answer)[:300]}")
                        if i >= 2:  # the first two warm the path up
                            samples.setdefault(language, {}).setdefault(phase, []).append(
                                (ms, answer.get("wallTimeMs"), (answer.get("compile") or {}).get("wallTimeMs")))
                        time.sleep(a.pace_ms / 1000.0)
            finally:
                client.close()
                service.stop()
    table = {}
    print(f"{'language':12} {'client with/without':>22} {'compile with/without':>22} {'run with/without':>18}")
    for language, phases in samples.items():
        row = {}
        for phase, rows in phases.items():
            med = [statistics.median([r[k] for r in rows if r[k] is not None]) if any(r[k] is not None for r in rows)
                   else None for k in range(3)]
            client_ms, run_ms, compile_ms = med
            row[phase] = {"n": len(rows), "client_ms": client_ms, "compile_ms": compile_ms, "run_ms": run_ms}
        table[language] = row
        f = lambda k: "/".join("-" if row[p][k] is None else f"{row[p][k]:.0f}" for p in ("with", "without"))
        print(f"{language:12} {f('client_ms'):>22} {f('compile_ms'):>22} {f('run_ms'):>18}")
    with open(a.out, "w") as out:
        json.dump({"before": before, "runs": a.runs, "rounds": a.rounds, "pace_ms": a.pace_ms, "languages": table}, out, indent=1)
    log(f"results in {a.out}")


if __name__ == "__main__":
    main()
