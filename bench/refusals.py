"""How fast a full service says no: the `refusals` variant of bench.py (see bench/README.md).

The service runs with one run slot and QUEUE queue places. FILL programs that sleep take them all;
then BURST clients, each with a connection opened beforehand, send a run at the same moment: a
first burst meets code the JIT has not compiled yet, as a service's first overload does; WARMUP
refusals later (4 clients in turn), a second burst is what a service in overload answers; and
afterwards SEQUENTIAL clients send one each, one after another, on a new connection. Each time is
the client's: from the request's first byte (the connect, for the sequential ones) to the status
line of the answer. asyncio keeps the client to one thread, so the burst is not the client's own
thread scheduling.
"""
import asyncio
import json
import time

SLOTS = 1
QUEUE = 4
FILL = SLOTS + QUEUE
SLEEP_S = 9  # under the default highest time limit (10 s); the burst ends well before
BURST = 200
WARMUP = 1000  # refusals between the first burst and the measured one, as a service under overload sees
SEQUENTIAL = 50
ENV = {
    "CODE_EXEC_EXECUTION_MAX_CONCURRENT": str(SLOTS),
    "CODE_EXEC_EXECUTION_QUEUE": str(QUEUE),
    "CODE_EXEC_RATE_LIMIT_MAX_IN_FLIGHT_PER_CLIENT": str(FILL + BURST),
}


def _request(body):
    data = json.dumps(body).encode()
    head = (f"POST /run/python HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(data)}\r\n\r\n").encode()
    return head + data


HELLO = _request({"code": "print('Hello, World!')"})
SLEEPER = _request({"code": f"import time; time.sleep({SLEEP_S})", "timeoutMs": (SLEEP_S + 1) * 1000})


async def _status(reader):
    line = await reader.readline()
    parts = line.split()
    return int(parts[1]) if len(parts) > 1 else None


async def _send(port, payload, conn=None):
    """(status, ms from the first byte, or the connect when conn is None, to the status line)."""
    t0 = time.perf_counter()
    reader, writer = conn or await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(payload)
        await writer.drain()
        status = await asyncio.wait_for(_status(reader), 60)
        return status, (time.perf_counter() - t0) * 1000.0
    except Exception as e:  # counted as an error, never a refusal
        return f"{type(e).__name__}", (time.perf_counter() - t0) * 1000.0
    finally:
        writer.close()


async def _held(port):
    """Runs executing plus runs queued, from the service's metrics."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(b"GET /q/metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        text = (await reader.read()).decode(errors="replace")
    finally:
        writer.close()
    held = 0
    for line in text.splitlines():
        if line.startswith(("codeexec_runs_in_flight", "codeexec_runs_queued")):
            held += int(float(line.split()[-1]))
    return held


async def _refuse_in_turn(port, n):
    for _ in range(n):
        await _send(port, HELLO)


async def _scenario(port):
    conns = [await asyncio.open_connection("127.0.0.1", port) for _ in range(BURST)]
    fillers = [asyncio.create_task(_send(port, SLEEPER)) for _ in range(FILL)]
    deadline = time.monotonic() + 60
    while await _held(port) < FILL:  # every slot and queue place taken
        if time.monotonic() > deadline or any(f.done() for f in fillers):
            raise RuntimeError(f"{FILL} sleepers did not fill the service: {[f.result() for f in fillers if f.done()]}")
        await asyncio.sleep(0.05)
    t0 = time.monotonic()
    first = await asyncio.gather(*(_send(port, HELLO, c) for c in conns))
    await asyncio.gather(*(_refuse_in_turn(port, WARMUP // 4) for _ in range(4)))
    conns = [await asyncio.open_connection("127.0.0.1", port) for _ in range(BURST)]
    burst = await asyncio.gather(*(_send(port, HELLO, c) for c in conns))
    sequential = [await _send(port, HELLO) for _ in range(SEQUENTIAL)]
    full_for = time.monotonic() - t0
    await asyncio.gather(*fillers)
    return first, burst, sequential, full_for


def measure(port, summarize):
    """Runs the scenario against a started service; results as JSON-able dict."""
    first, burst, sequential, full_for = asyncio.run(_scenario(port))
    if full_for >= SLEEP_S:
        raise RuntimeError(f"the measurement took {full_for:.1f} s: the first sleeper may have ended meanwhile")

    def part(samples):
        refused = [ms for status, ms in samples if status == 503]
        other = {}
        for status, _ in samples:
            if status != 503:
                other[str(status)] = other.get(str(status), 0) + 1
        return {"requests": len(samples), "refused": len(refused), "other": other, "client_ms": summarize(refused)}

    return {"slots": SLOTS, "queue": QUEUE, "first burst": part(first), "burst": part(burst),
            "sequential": part(sequential)}
