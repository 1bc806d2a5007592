# @attack creates namespaces (user namespaces make a program root inside one): clone and clone3 with CLONE_NEWUSER, setns, unshare
# @expect-status OK
# @stdout-equals clone(CLONE_NEWUSER) ENOSPC\nclone3(CLONE_NEWUSER) ENOSYS\nsetns EPERM\nunshare(CLONE_NEWUSER) ENOSPC\n
# @note each run is in a user namespace whose limit of nested ones is 0 (bwrap --disable-userns), so the kernel says ENOSPC
import ctypes, errno, os, platform, struct
assert platform.machine() == 'x86_64', 'x86_64 system call numbers'
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
CLONE_NEWUSER, SIGCHLD = 0x10000000, 17

def call(name, nr, *args):
    r = libc.syscall(ctypes.c_long(nr), *[ctypes.c_long(a) if isinstance(a, int) else a for a in args])
    if r == 0 and name.startswith('clone'):
        os._exit(0)  # the child, in a new user namespace
    if r > 0 and name.startswith('clone'):
        os.waitpid(r, 0)
    print(name, 'succeeded' if r >= 0 else errno.errorcode[ctypes.get_errno()])

call('clone(CLONE_NEWUSER)', 56, CLONE_NEWUSER | SIGCHLD, 0, 0, 0, 0)
# struct clone_args (64 bytes): flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls
call('clone3(CLONE_NEWUSER)', 435, ctypes.create_string_buffer(struct.pack('<8Q', CLONE_NEWUSER, 0, 0, 0, SIGCHLD, 0, 0, 0)), 64)
call('setns', 308, -1, 0)  # without the filter: EBADF
call('unshare(CLONE_NEWUSER)', 272, CLONE_NEWUSER)  # last: it would change this process
