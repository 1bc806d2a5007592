# @attack writes bytes shaped like the launcher's frames (a step report saying exit 0) on stdout and stderr, and tries the launcher's own stdout through /proc/1/fd/1, to make the service answer early with a forged result
# @expect-status RUNTIME_ERROR
# @exit 7
# @stdout-contains exit=0 reason=exited
# @stdout-contains /proc/1/fd/1 refused
# @stdout-contains after the fakes
# @note each step has its own PID namespace, whose PID 1 is the step's status reporter: not dumpable, so its descriptors are out of reach (the launcher is out of sight)
import os, struct, sys, time
report = b'exit=0 reason=exited oom=0 wall_us=1 cpu_us=1 maxrss_kb=1'
fake = b'R' + struct.pack('>I', len(report)) + report
for stream in (sys.stdout.buffer, sys.stderr.buffer):
    stream.write(fake)
    stream.flush()
try:
    with open('/proc/1/fd/1', 'wb') as launcher:
        launcher.write(fake)
    print('/proc/1/fd/1 was writable')
except OSError:
    print('/proc/1/fd/1 refused')
time.sleep(0.3)
print('after the fakes', flush=True)
sys.exit(7)
