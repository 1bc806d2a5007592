# @attack eight busy processes
# @timeoutMs 1500
# @expect-status TIMEOUT
# @hang-guard-ms 10000
import os
for _ in range(8):
    if os.fork() == 0:
        break
while True:
    pass
