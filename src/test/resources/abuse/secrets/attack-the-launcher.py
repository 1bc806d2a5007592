# @attack signals and ptraces the launcher (PID 1 and root of the container; out of sight: every step has its own PID namespace, whose PID 1 is the step's status reporter) to stop it or take it over
# @expect-status OK
# @stdout-equals launcher out of reach\nstill running\n
import ctypes, os, signal

libc = ctypes.CDLL(None, use_errno=True)
PTRACE_ATTACH = 16
reached = []
for pid in filter(str.isdigit, os.listdir('/proc')):
    try:
        if not open('/proc/%s/cmdline' % pid, 'rb').read().startswith(b'/opt/code-exec/launcher'):
            continue
    except OSError:
        continue
    for name in ('TERM', 'KILL', 'STOP'):
        try:
            os.kill(int(pid), getattr(signal, 'SIG' + name))
            reached.append('kill ' + name)
        except PermissionError:
            pass
    if libc.ptrace(PTRACE_ATTACH, int(pid), None, None) == 0:
        reached.append('ptrace')
print('reached', reached) if reached else print('launcher out of reach')
print('still running')
