# @attack sleeps forever
# @timeoutMs 1500
# @expect-status TIMEOUT
# @max-wall-ms 3000
import time
time.sleep(10**6)
