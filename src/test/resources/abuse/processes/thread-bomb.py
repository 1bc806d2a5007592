# @attack starts threads without end
# @timeoutMs 2000
# @expect-status OK|TIMEOUT|RUNTIME_ERROR|MEMORY_LIMIT
# @stdout-contains capped
# @hang-guard-ms 12000
import threading, time
n = 0
try:
    while True:
        threading.Thread(target=time.sleep, args=(30,), daemon=True).start()
        n += 1
except RuntimeError:
    print('capped', n < 64, flush=True)
