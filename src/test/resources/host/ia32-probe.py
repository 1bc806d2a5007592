# Asks this machine's kernel whether a 64-bit process may make 32-bit system calls (int 0x80):
# kernels built or booted without IA32 emulation kill it with SIGSEGV. Prints "present" or "absent".
import ctypes, os, platform, struct
if platform.machine() != 'x86_64':
    print('absent')
    raise SystemExit(0)
libc = ctypes.CDLL(None, use_errno=True)
libc.mmap.restype = ctypes.c_void_p
libc.mmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_long]
page = libc.mmap(None, 4096, 7, 0x22 | 0x40, -1, 0)  # RWX, MAP_PRIVATE|MAP_ANONYMOUS|MAP_32BIT
code = b'\x53\xb8' + struct.pack('<I', 20) + b'\xcd\x80\x5b\xc3'  # push rbx; mov eax, 20 (getpid); int 0x80; pop rbx; ret
ctypes.memmove(page, code, len(code))
pid = os.fork()
if pid == 0:
    os._exit(0 if ctypes.CFUNCTYPE(ctypes.c_int)(page)() > 0 else 1)
_, status = os.waitpid(pid, 0)
print('present' if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 else 'absent')
