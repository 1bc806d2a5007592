# @attack starts threads without end
# @timeoutMs 10000
# @expect-status OK
# @stdout-contains capped True
# @repeat 2
# @hang-guard-ms 30000
import threading, time
n = 0
try:
    while True:
        threading.Thread(target=time.sleep, args=(30,), daemon=True).start()
        n += 1
except RuntimeError:
    print('capped', n < 64, flush=True)
