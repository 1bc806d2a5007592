# @attack ignores SIGTERM and SIGINT, then spins
# @timeoutMs 1500
# @expect-status TIMEOUT
# @hang-guard-ms 10000
import signal
for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
    signal.signal(s, signal.SIG_IGN)
while True:
    pass
