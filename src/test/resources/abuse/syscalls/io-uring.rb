# @attack sets up an io_uring (a kernel surface with a long record of privilege escalations)
# @expect-status OK
# @stdout-equals io_uring_setup EPERM\nio_uring_enter EPERM\nio_uring_register EPERM\n
require 'fiddle'
raise 'x86_64 system call numbers' unless RUBY_PLATFORM.start_with?('x86_64')
SYSCALL = Fiddle::Function.new(Fiddle.dlopen(nil)['syscall'], [Fiddle::TYPE_LONG] * 7, Fiddle::TYPE_LONG)

def call(name, nr, *args)
  args = args.map { |a| a.is_a?(String) ? Fiddle::Pointer[a].to_i : a }
  r = SYSCALL.call(nr, *args, *[0] * (6 - args.size))
  puts "#{name} #{r >= 0 ? 'succeeded' : SystemCallError.new(nil, Fiddle.last_error).class.name.split('::').last}"
end

call('io_uring_setup', 425, 8, "\0" * 120) # a real ring: 8 entries, zeroed params
# No ring to use, so fd -1: without the filter the kernel answers EBADF.
call('io_uring_enter', 426, -1, 1, 0, 0, 0, 0)
call('io_uring_register', 427, -1, 0, 0, 0)
