"""The table printed at the end, from the results JSON."""


from common import RATE_LIMIT_KEY


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
    for variant in ("live", "live-throughput"):
        for channel, r in (results["variants"].get(variant, {}).get("live") or {}).items():
            e, f = r["lines_ms"], r["first_line_ms"]
            lines.append(f"{variant} {channel} ({r['sessions']} runs): program write to client, every line ms "
                         f"p50/p95/p99/max {fmt(e['p50'], 1)}/{fmt(e['p95'], 1)}/{fmt(e['p99'], 1)}/{fmt(e['max'], 1)}; "
                         f"first line p50/p95/max {fmt(f['p50'], 1)}/{fmt(f['p95'], 1)}/{fmt(f['max'], 1)}")
    for language, r in (results["variants"].get("sessions", {}).get("sessions") or {}).items():
        c, f, k = r["cell_ms"], r["create_to_first_cell_ms"], r["command_ms"]
        lines.append(f"sessions {language} ({r['sessions']} sessions, {r['cells_per_session']} cells each): create to "
                     f"first cell p50/p95 {fmt(f['p50'], 1)}/{fmt(f['p95'], 1)} ms; cell to cell (x + 1) p50/p95/p99 "
                     f"{fmt(c['p50'], 1)}/{fmt(c['p95'], 1)}/{fmt(c['p99'], 1)} ms; first command p50/p95 "
                     f"{fmt(k['p50'], 1)}/{fmt(k['p95'], 1)} ms, next p50/p95 {fmt(r['next_command_ms']['p50'], 1)}/"
                     f"{fmt(r['next_command_ms']['p95'], 1)} ms")
    for n in notes:
        lines.append("ERROR " + n)
    return "\n".join(lines)
