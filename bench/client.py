"""A keep-alive HTTP client for the service's /run endpoint."""

import http.client
import json
import time

from common import EXPECTED_STDOUT, REQUEST_TIMEOUT_S, hello


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
