# @attack attaches ptrace to its own child (allowed by the engine's default profile)
# @expect-status OK
# @stdout-equals ptrace(PTRACE_ATTACH) EPERM\nptrace(PTRACE_TRACEME) EPERM\n
import ctypes, errno, os, platform, signal, time
assert platform.machine() == 'x86_64', 'x86_64 system call numbers'
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long

def call(nr, *args):
    r = libc.syscall(ctypes.c_long(nr), *[ctypes.c_long(a) for a in args])
    return 'succeeded' if r >= 0 else errno.errorcode[ctypes.get_errno()]

child = os.fork()
if child == 0:
    time.sleep(30)
    os._exit(0)
# Same uid, dumpable, our own descendant: without the filter the kernel lets us attach.
print('ptrace(PTRACE_ATTACH)', call(101, 16, child, 0, 0))
os.kill(child, signal.SIGKILL)
while True:  # a traced child reports its stop first
    _, status = os.waitpid(child, 0)
    if os.WIFEXITED(status) or os.WIFSIGNALED(status):
        break
traceme = os.fork()
if traceme == 0:
    os._exit(0 if libc.syscall(ctypes.c_long(101), ctypes.c_long(0), ctypes.c_long(0), ctypes.c_long(0), ctypes.c_long(0)) == 0
             else ctypes.get_errno())
_, status = os.waitpid(traceme, 0)
print('ptrace(PTRACE_TRACEME)', errno.errorcode.get(os.WEXITSTATUS(status), 'succeeded'))
