# @attack calls bpf(2), the gateway to the BPF verifier and maps
# @expect-status OK
# @stdout-equals bpf EPERM\n
import ctypes, errno, platform
assert platform.machine() == 'x86_64', 'x86_64 system call numbers'
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
# A real map or program would also be refused by most kernels themselves
# (kernel.unprivileged_bpf_disabled), which would hide a missing filter. An unknown command reaches
# the kernel's EINVAL (Linux 6.5+: it checks privileges per command) unless the filter stops it first.
r = libc.syscall(ctypes.c_long(321), ctypes.c_long(0x7fff), None, ctypes.c_long(0))
print('bpf', 'succeeded' if r >= 0 else errno.errorcode[ctypes.get_errno()])
