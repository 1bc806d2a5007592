# @attack an orphan keeps writing to stdout after the main program exits
# @timeoutMs 3000
# @expect-status OK
# @hang-guard-ms 10000
# @stdout-contains parent done
import os, sys, time
if os.fork() == 0:
    while True:
        print('orphan', flush=True)
        time.sleep(0.1)
print('parent done', flush=True)
