# @attack kill(-1, SIGKILL): signals every process it may; only its own sandbox's are in reach
# @expect-status OK
# @stdout-equals own child killed, caller survived\n
import os, signal, time
child = os.fork()
if child == 0:
    time.sleep(60)
    os._exit(0)
time.sleep(0.2)
os.kill(-1, signal.SIGKILL)
_, status = os.waitpid(child, 0)
print('own child killed' if os.WIFSIGNALED(status) and os.WTERMSIG(status) == 9 else 'child lived', end=', ')
print('caller survived')
