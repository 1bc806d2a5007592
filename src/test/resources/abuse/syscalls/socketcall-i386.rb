# @attack opens an AF_VSOCK socket through the i386 socketcall multiplexer (int 0x80 from this 64-bit process), whose arguments the filter cannot see
# @expect-status OK
# @stdout-equals i386 getpid works\ni386 socket(AF_VSOCK) EPERM\ni386 socketcall(SOCKET, AF_VSOCK) ENOSYS\ni386 socketcall(SOCKET, AF_UNIX) ENOSYS\n
# @no-ia32:stdout-equals i386 getpid killed by SIGSEGV\ni386 socket(AF_VSOCK) killed by SIGSEGV\ni386 socketcall(SOCKET, AF_VSOCK) killed by SIGSEGV\ni386 socketcall(SOCKET, AF_UNIX) killed by SIGSEGV\n
# @note on a kernel without IA32 emulation (HostKernel's no-ia32 trait) every int 0x80 dies with SIGSEGV, on the host too: no call can reach the kernel
require 'fiddle'
raise 'x86_64 machine code' unless RUBY_PLATFORM.start_with?('x86_64')
libc = Fiddle.dlopen(nil)
mmap = Fiddle::Function.new(libc['mmap'], [Fiddle::TYPE_VOIDP, Fiddle::TYPE_SIZE_T, Fiddle::TYPE_INT, Fiddle::TYPE_INT,
                                           Fiddle::TYPE_INT, Fiddle::TYPE_LONG], Fiddle::TYPE_VOIDP)
# Ruby's own SIGSEGV handler prints a bug report and aborts; the child puts the default back so the kernel's answer shows.
SIGNAL = Fiddle::Function.new(libc['signal'], [Fiddle::TYPE_INT, Fiddle::TYPE_VOIDP], Fiddle::TYPE_VOIDP)
# One page below 4 GiB (int 0x80 takes 32-bit pointers), readable, writable and executable.
PAGE = mmap.call(nil, 4096, 7, 0x22 | 0x40, -1, 0) # MAP_PRIVATE|MAP_ANONYMOUS|MAP_32BIT

def int80(nr, a, b, c)
  # push rbx; mov eax, nr; mov ebx, a; mov ecx, b; mov edx, c; int 0x80; pop rbx; ret
  code = ["\x53\xb8".b, [nr].pack('V'), "\xbb".b, [a].pack('V'), "\xb9".b, [b].pack('V'), "\xba".b, [c].pack('V'),
          "\xcd\x80\x5b\xc3".b].join
  PAGE[0, code.bytesize] = code
  # In a child, so a kernel that kills the call (no 32-bit ABI) is reported, not fatal.
  reader, writer = IO.pipe
  pid = fork do
    reader.close
    SIGNAL.call(11, nil) # SIGSEGV, SIG_DFL
    r = Fiddle::Function.new(PAGE.to_i, [], Fiddle::TYPE_INT).call
    writer.write(r >= 0 ? 'succeeded' : SystemCallError.new(nil, -r).class.name.split('::').last)
    writer.close
    exit!(0)
  end
  writer.close
  said = reader.read
  reader.close
  _, status = Process.wait2(pid)
  status.signaled? ? "killed by SIG#{Signal.signame(status.termsig)}" : said
end

getpid = int80(20, 0, 0, 0)
puts "i386 getpid #{getpid == 'succeeded' ? 'works' : getpid}" # is the 32-bit ABI there?
puts "i386 socket(AF_VSOCK) #{int80(359, 40, 1, 0)}" # the direct call: the family is filtered
PAGE[512, 12] = [40, 1, 0].pack('V3')
puts "i386 socketcall(SOCKET, AF_VSOCK) #{int80(102, 1, PAGE.to_i + 512, 0)}" # the multiplexer: arguments in memory
PAGE[512, 12] = [1, 1, 0].pack('V3')
puts "i386 socketcall(SOCKET, AF_UNIX) #{int80(102, 1, PAGE.to_i + 512, 0)}" # all of it, not just some families
