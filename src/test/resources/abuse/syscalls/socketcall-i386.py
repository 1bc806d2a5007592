# @attack opens an AF_VSOCK socket through the i386 socketcall multiplexer (int 0x80 from this 64-bit process), whose arguments the filter cannot see
# @expect-status OK
# @stdout-equals i386 getpid works\ni386 socket(AF_VSOCK) EPERM\ni386 socketcall(SOCKET, AF_VSOCK) ENOSYS\ni386 socketcall(SOCKET, AF_UNIX) ENOSYS\n
# @no-ia32:stdout-equals i386 getpid killed by SIGSEGV\ni386 socket(AF_VSOCK) killed by SIGSEGV\ni386 socketcall(SOCKET, AF_VSOCK) killed by SIGSEGV\ni386 socketcall(SOCKET, AF_UNIX) killed by SIGSEGV\n
# @note on a kernel without IA32 emulation (HostKernel's no-ia32 trait) every int 0x80 dies with SIGSEGV, on the host too: no call can reach the kernel
import ctypes, errno, os, platform, signal, struct
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
    # In a child, so a kernel that kills the call (no 32-bit ABI) is reported, not fatal.
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        res = ctypes.CFUNCTYPE(ctypes.c_int)(page)()
        os.write(w, ('succeeded' if res >= 0 else errno.errorcode[-res]).encode())
        os._exit(0)
    os.close(w)
    said = os.read(r, 100).decode()
    _, status = os.waitpid(pid, 0)
    return 'killed by ' + signal.Signals(os.WTERMSIG(status)).name if os.WIFSIGNALED(status) else said

getpid = int80(20, 0, 0, 0)
print('i386 getpid', 'works' if getpid == 'succeeded' else getpid)  # is the 32-bit ABI there?
print('i386 socket(AF_VSOCK)', int80(359, 40, 1, 0))  # the direct call: the family is filtered
ctypes.memmove(page + 512, struct.pack('<III', 40, 1, 0), 12)
print('i386 socketcall(SOCKET, AF_VSOCK)', int80(102, 1, page + 512, 0))  # the multiplexer: arguments in memory
ctypes.memmove(page + 512, struct.pack('<III', 1, 1, 0), 12)
print('i386 socketcall(SOCKET, AF_UNIX)', int80(102, 1, page + 512, 0))  # all of it, not just some families
