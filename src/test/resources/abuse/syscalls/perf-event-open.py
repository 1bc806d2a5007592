# @attack opens a perf event counting its own CPU time (allowed by the kernel at perf_event_paranoid <= 2)
# @expect-status OK
# @stdout-equals perf_event_open EPERM\n
import ctypes, errno, platform, struct
assert platform.machine() == 'x86_64', 'x86_64 system call numbers'
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
# struct perf_event_attr, first version (64 bytes): PERF_TYPE_SOFTWARE, PERF_COUNT_SW_CPU_CLOCK,
# disabled, exclude_kernel, exclude_hv. A kernel that forbids it answers EACCES, not EPERM.
attr = ctypes.create_string_buffer(struct.pack('<IIQQQQQIIQ', 1, 64, 0, 0, 0, 0, 1 | 1 << 5 | 1 << 6, 0, 0, 0))
r = libc.syscall(ctypes.c_long(298), attr, ctypes.c_long(0), ctypes.c_long(-1), ctypes.c_long(-1), ctypes.c_long(0))
print('perf_event_open', 'succeeded' if r >= 0 else errno.errorcode[ctypes.get_errno()])
