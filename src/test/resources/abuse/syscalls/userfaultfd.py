# @attack creates a userfaultfd, the usual tool for winning kernel race conditions
# @expect-status OK
# @stdout-equals userfaultfd EPERM\n
import ctypes, errno, platform
assert platform.machine() == 'x86_64', 'x86_64 system call numbers'
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
# UFFD_USER_MODE_ONLY | O_CLOEXEC: Linux 5.11+ grants this to anyone, even with vm.unprivileged_userfaultfd=0.
r = libc.syscall(ctypes.c_long(323), ctypes.c_long(1 | 0o2000000))
print('userfaultfd', 'succeeded' if r >= 0 else errno.errorcode[ctypes.get_errno()])
