"""Constants, the hello-world programs and the log line the benchmark modules share."""

import os
import sys
import time


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
VARIANTS = [("cold", "false"), ("warm", "true"), ("throughput", "true"), ("refusals", "true"), ("live", "true"),
            ("live-throughput", "true"), ("sessions", "true")]
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
