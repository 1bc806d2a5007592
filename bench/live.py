"""How fast a live run's output reaches its client: the `live` and `live-throughput` variants of
bench.py (see bench/README.md).

A program prints LINES lines, INTERVAL_S apart, each its own wall clock (time.time_ns(), the
host's clock: containers share the kernel's) and flushed; the client notes its own clock when the
line arrives and keeps the difference: the time from the program's write to the client's receipt,
through the launcher, the engine's attach stream, the service and the connection. SESSIONS live
runs, one after another, over the service's WebSocket (GET /run/python/stream) and as many over
Server-Sent Events (POST /run/python, Accept: text/event-stream). A minimal WebSocket client
(RFC 6455, text frames) keeps the benchmark to Python's standard library.
"""
import base64
import http.client
import json
import os
import socket
import struct
import time

LINES = 20
INTERVAL_S = 0.05
PROGRAM = ("import time\n"
           f"for i in range({LINES}):\n"
           "    print(time.time_ns(), flush=True)\n"
           f"    time.sleep({INTERVAL_S})\n")
REQUEST = {"code": PROGRAM, "timeoutMs": 10_000}
THROUGHPUT_ENV = {"CODE_EXEC_THROUGHPUT_ENABLED": "true", "CODE_EXEC_THROUGHPUT_LANGUAGES": "python"}


class WebSocket:
    """Just enough of a WebSocket client for text messages."""

    def __init__(self, port, path):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=60)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("closed during the handshake")
            head += chunk
        status, self.buf = head.split(b"\r\n\r\n", 1)
        if b" 101 " not in status.split(b"\r\n")[0]:
            raise ConnectionError(status.split(b"\r\n")[0].decode())

    def send(self, text):
        data = text.encode()
        mask = os.urandom(4)
        n = len(data)
        head = bytes([0x81]) + (bytes([0x80 | n]) if n < 126 else bytes([0x80 | 126]) + struct.pack(">H", n)
                                if n < 65536 else bytes([0x80 | 127]) + struct.pack(">Q", n))
        self.sock.sendall(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def _read(self, n):
        while len(self.buf) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("closed")
            self.buf += chunk
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def receive(self):
        """The next text message, or None at a close frame."""
        message = b""
        while True:
            b0, b1 = self._read(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._read(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._read(8))[0]
            payload = self._read(n)
            opcode = b0 & 0x0F
            if opcode == 8:
                return None
            if opcode in (0, 1):
                message += payload
                if b0 & 0x80:
                    return message.decode()

    def close(self):
        self.sock.close()


def _websocket_session(port):
    """(latency of each line in ms, the first line's) for one live run over the WebSocket."""
    ws = WebSocket(port, "/run/python/stream")
    lat = []
    try:
        ws.send(json.dumps(REQUEST))
        pending = ""
        while True:
            text = ws.receive()
            now = time.time_ns()
            if text is None:
                break
            m = json.loads(text)
            if m.get("type") == "stdout":
                pending += m["data"]
                while "\n" in pending:
                    line, pending = pending.split("\n", 1)
                    lat.append((now - int(line)) / 1e6)
            elif m.get("type") in ("result", "error"):
                if m.get("type") == "error" or m.get("status") != "OK":
                    raise RuntimeError(f"live run failed: {text[:200]}")
                break
    finally:
        ws.close()
    return lat


def _sse_session(port):
    """The same over Server-Sent Events."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    lat = []
    try:
        conn.request("POST", "/run/python", body=json.dumps(REQUEST),
                     headers={"Content-Type": "application/json", "Accept": "text/event-stream"})
        resp = conn.getresponse()
        if resp.status != 200:
            raise RuntimeError(f"event stream answered {resp.status}")
        event = None
        pending = ""
        while True:
            raw = resp.fp.readline()
            now = time.time_ns()
            if not raw:
                break
            line = raw.decode().rstrip("\r\n")
            if line.startswith("event:"):
                event = line[6:].strip()
            elif line.startswith("data:") and event == "stdout":
                pending += json.loads(line[5:])["data"]
                while "\n" in pending:
                    value, pending = pending.split("\n", 1)
                    lat.append((now - int(value)) / 1e6)
            elif line.startswith("data:") and event == "result":
                break
    finally:
        conn.close()
    return lat


def measure(port, sessions, summarize):
    """Per channel: every line's latency, and the first line's of each session (ms)."""
    out = {}
    for name, session in (("websocket", _websocket_session), ("sse", _sse_session)):
        session(port)  # warm-up: the first live run after start
        every, first = [], []
        for _ in range(sessions):
            lat = session(port)
            if lat:
                first.append(lat[0])
            every.extend(lat)
        out[name] = {"sessions": sessions, "lines_ms": summarize(every), "first_line_ms": summarize(first)}
    return out
