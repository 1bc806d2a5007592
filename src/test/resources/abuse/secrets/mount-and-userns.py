# @attack mounts a filesystem and unshares a user namespace
# @expect-status OK
# @stdout-equals mount refused\nunshare refused\n
import ctypes, os
libc = ctypes.CDLL(None, use_errno=True)
print('mount refused' if libc.mount(b'none', b'/tmp', b'tmpfs', 0, None) != 0 else 'mounted')
CLONE_NEWUSER = 0x10000000
print('unshare refused' if libc.unshare(CLONE_NEWUSER) != 0 else 'unshared')
