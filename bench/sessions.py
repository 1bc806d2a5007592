"""How fast a session answers: the `sessions` variant of bench.py (see bench/README.md).

For each language with a REPL, SESSIONS sessions one after another: the time from POST /sessions
to the answer of the first cell (`x = 1`), the session's own create answer on the way, then CELLS
cells `x + 1` back to back on one keep-alive connection (cell to cell: request sent to answer read),
then two commands (`true`: the first opens a launcher beside the REPL's, `docker exec`; the second
reuses it), then DELETE. Times are the client's (time.perf_counter), in ms.
"""
import http.client
import json
import time

CELLS = 50
LANGUAGES = ("python", "javascript", "ruby")


def _post(conn, path, body):
    conn.request("POST", path, json.dumps(body), {"Content-Type": "application/json"})
    r = conn.getresponse()
    data = r.read()
    if r.status not in (200, 201):
        raise RuntimeError(f"{path}: {r.status} {data[:200]!r}")
    return json.loads(data)


def measure(port, sessions, summarize):
    out = {}
    for language in LANGUAGES:
        created, first_cell, cells, commands, again = [], [], [], [], []
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for _ in range(sessions):
            t0 = time.perf_counter()
            sid = _post(conn, "/sessions", {"language": language})["id"]
            t1 = time.perf_counter()
            first = _post(conn, f"/sessions/{sid}/run", {"code": "x = 1"})
            t2 = time.perf_counter()
            if first["status"] != "OK":
                raise RuntimeError(f"{language}: first cell {first}")
            created.append((t1 - t0) * 1000)
            first_cell.append((t2 - t0) * 1000)
            for _ in range(CELLS):
                t = time.perf_counter()
                r = _post(conn, f"/sessions/{sid}/run", {"code": "x + 1"})
                cells.append((time.perf_counter() - t) * 1000)
                if r.get("result") != "2":
                    raise RuntimeError(f"{language}: x + 1 gave {r}")
            for kind in (commands, again):
                t = time.perf_counter()
                _post(conn, f"/sessions/{sid}/run", {"command": "true"})
                kind.append((time.perf_counter() - t) * 1000)
            conn.request("DELETE", f"/sessions/{sid}")
            conn.getresponse().read()
        conn.close()
        out[language] = {"sessions": sessions, "cells_per_session": CELLS,
                         "create_ms": summarize(created), "create_to_first_cell_ms": summarize(first_cell),
                         "cell_ms": summarize(cells), "command_ms": summarize(commands),
                         "next_command_ms": summarize(again)}
    return out
