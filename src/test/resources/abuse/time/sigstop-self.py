# @attack stops itself with SIGSTOP, hoping the clock stops too (a Piston bug)
# @timeoutMs 1500
# @expect-status TIMEOUT
# @hang-guard-ms 10000
import os, signal
print('stopping', flush=True)
os.kill(os.getpid(), signal.SIGSTOP)
print('resumed')
