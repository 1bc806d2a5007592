# @attack classic fork bomb
# @timeoutMs 2000
# @expect-status TIMEOUT|RUNTIME_ERROR|MEMORY_LIMIT
# @max-wall-ms 4000
import os
while True:
    try:
        os.fork()
    except OSError:
        pass
