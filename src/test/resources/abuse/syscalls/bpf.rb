# @attack calls bpf(2), the gateway to the BPF verifier and maps
# @expect-status OK
# @stdout-equals bpf EPERM\n
require 'fiddle'
raise 'x86_64 system call numbers' unless RUBY_PLATFORM.start_with?('x86_64')
SYSCALL = Fiddle::Function.new(Fiddle.dlopen(nil)['syscall'], [Fiddle::TYPE_LONG] * 7, Fiddle::TYPE_LONG)

def errname(n) = SystemCallError.new(nil, n).class.name.split('::').last

# The raw result, and the errno name (or "succeeded").
def call(nr, *args)
  args = args.map { |a| a.is_a?(String) ? Fiddle::Pointer[a].to_i : a }
  r = SYSCALL.call(nr, *args, *[0] * (6 - args.size))
  [r, r >= 0 ? 'succeeded' : errname(Fiddle.last_error)]
end

# A real map or program would also be refused by most kernels themselves
# (kernel.unprivileged_bpf_disabled), which would hide a missing filter. An unknown command reaches
# the kernel's EINVAL (Linux 6.5+: it checks privileges per command) unless the filter stops it first.
puts "bpf #{call(321, 0x7fff, 0, 0)[1]}"
