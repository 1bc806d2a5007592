# @attack opens an AF_VSOCK socket through the i386 socketcall multiplexer (int 0x80 from this 64-bit process), whose arguments the filter cannot see
# @expect-status OK
# @stdout-equals i386 getpid works\ni386 socket(AF_VSOCK) EPERM\ni386 socketcall(SOCKET, AF_VSOCK) ENOSYS\ni386 socketcall(SOCKET, AF_UNIX) ENOSYS\n
import ctypes, errno, os, platform, struct
assert platform.machine() == 'x86_64', 'x86_64 machine code'
libc = ctypes.CDLL(None, use_errno=True)
libc.mmap.restype = ctypes.c_void_p
libc.mmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_long]
# One page below 4 GiB (int 0x80 takes 32-bit pointers), readable, writable and executable.
page = libc.mmap(None, 4096, 7, 0x22 | 0x40, -1, 0)  # MAP_PRIVATE|MAP_ANONYMOUS|MAP_32BIT

def int80(nr, a, b, c):
    # push rbx; mov eax, nr; mov ebx, a; mov ecx, b; mov edx, c; int 0x80; pop rbx; ret
    code = b'\x53\xb8' + struct.pack('<I', nr) + b'\xbb' + struct.pack('<I', a) + b'\xb9' + struct.pack('<I', b) \
        + b'\xba' + struct.pack('<I', c) + b'\xcd\x80\x5b\xc3'
    ctypes.memmove(page, code, len(code))
    r = ctypes.CFUNCTYPE(ctypes.c_int)(page)()
    return 'succeeded' if r >= 0 else errno.errorcode[-r]

print('i386 getpid', 'works' if int80(20, 0, 0, 0) == 'succeeded' else 'fails')  # the 32-bit ABI is there
print('i386 socket(AF_VSOCK)', int80(359, 40, 1, 0))  # the direct call: the family is filtered
ctypes.memmove(page + 512, struct.pack('<III', 40, 1, 0), 12)
print('i386 socketcall(SOCKET, AF_VSOCK)', int80(102, 1, page + 512, 0))  # the multiplexer: arguments in memory
ctypes.memmove(page + 512, struct.pack('<III', 1, 1, 0), 12)
print('i386 socketcall(SOCKET, AF_UNIX)', int80(102, 1, page + 512, 0))  # all of it, not just some families
