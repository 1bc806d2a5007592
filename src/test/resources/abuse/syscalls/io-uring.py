# @attack sets up an io_uring (a kernel surface with a long record of privilege escalations)
# @expect-status OK
# @stdout-equals io_uring_setup EPERM\nio_uring_enter EPERM\nio_uring_register EPERM\n
import ctypes, errno, platform
assert platform.machine() == 'x86_64', 'x86_64 system call numbers'
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long

def call(name, nr, *args):
    r = libc.syscall(ctypes.c_long(nr), *[ctypes.c_long(a) if isinstance(a, int) else a for a in args])
    print(name, 'succeeded' if r >= 0 else errno.errorcode[ctypes.get_errno()])

call('io_uring_setup', 425, 8, ctypes.create_string_buffer(120))  # a real ring: 8 entries, zeroed params
# No ring to use, so fd -1: without the filter the kernel answers EBADF.
call('io_uring_enter', 426, -1, 1, 0, 0, None, 0)
call('io_uring_register', 427, -1, 0, None, 0)
