# @attack classic fork bomb
# @timeoutMs 2000
# @expect-status TIMEOUT|RUNTIME_ERROR|MEMORY_LIMIT
# @hang-guard-ms 12000
import os
while True:
    try:
        os.fork()
    except OSError:
        pass
