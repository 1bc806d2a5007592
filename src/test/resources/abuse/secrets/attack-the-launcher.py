# @attack signals and ptraces the launcher (PID 1, the only process running as root) to stop it or take it over
# @expect-status OK
# @stdout-equals kill TERM refused\nkill KILL refused\nkill STOP refused\nptrace refused\nstill running\n
import ctypes, os, signal
for name in ('TERM', 'KILL', 'STOP'):
    try:
        os.kill(1, getattr(signal, 'SIG' + name))
        print('kill', name, 'delivered')
    except PermissionError:
        print('kill', name, 'refused')
libc = ctypes.CDLL(None, use_errno=True)
PTRACE_ATTACH = 16
print('ptrace', 'refused' if libc.ptrace(PTRACE_ATTACH, 1, None, None) != 0 else 'attached')
print('still running')
