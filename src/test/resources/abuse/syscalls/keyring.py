# @attack uses the kernel keyring, which is not namespaced (every container's uid 10000 would share one user keyring)
# @expect-status OK
# @stdout-equals keyctl EPERM\nadd_key EPERM\nrequest_key EPERM\n
import ctypes, errno, platform
assert platform.machine() == 'x86_64', 'x86_64 system call numbers'
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long

def call(name, nr, *args):
    r = libc.syscall(ctypes.c_long(nr), *[ctypes.c_long(a) if isinstance(a, int) else a for a in args])
    print(name, 'succeeded' if r >= 0 else errno.errorcode[ctypes.get_errno()])

call('keyctl', 250, 0, -4, 1)  # KEYCTL_GET_KEYRING_ID of the user keyring, creating it
call('add_key', 248, b'user', b'code-exec', b'secret', 6, -2)  # into the process keyring
call('request_key', 249, b'user', b'code-exec-none', None, 0)  # without the filter: ENOKEY
