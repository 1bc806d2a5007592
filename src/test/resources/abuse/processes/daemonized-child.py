# @attack a double-forked, setsid daemon outlives the main program
# @timeoutMs 3000
# @expect-status OK
# @hang-guard-ms 10000
# @stdout-equals parent done\n
import os, time
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        time.sleep(60)
    os._exit(0)
print('parent done')
