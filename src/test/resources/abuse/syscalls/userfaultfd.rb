# @attack creates a userfaultfd, the usual tool for winning kernel race conditions
# @expect-status OK
# @stdout-equals userfaultfd EPERM\n
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

# UFFD_USER_MODE_ONLY | O_CLOEXEC: Linux 5.11+ grants this to anyone, even with vm.unprivileged_userfaultfd=0.
puts "userfaultfd #{call(323, 1 | 0o2000000)[1]}"
