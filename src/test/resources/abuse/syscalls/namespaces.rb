# @attack creates namespaces (user namespaces make a program root inside one): clone and clone3 with CLONE_NEWUSER, setns, unshare
# @expect-status OK
# @stdout-equals clone(CLONE_NEWUSER) ENOSPC\nclone3(CLONE_NEWUSER) ENOSYS\nsetns EPERM\nunshare(CLONE_NEWUSER) ENOSPC\n
# @note each run is in a user namespace whose limit of nested ones is 0 (bwrap --disable-userns), so the kernel says ENOSPC
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

CLONE_NEWUSER = 0x10000000
SIGCHLD = 17

def clone(name, nr, *args)
  r, result = call(nr, *args)
  exit!(0) if r.zero? # the child, in a new user namespace
  Process.wait(r) if r.positive?
  puts "#{name} #{result}"
end

clone('clone(CLONE_NEWUSER)', 56, CLONE_NEWUSER | SIGCHLD, 0, 0, 0, 0)
# struct clone_args (64 bytes): flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls
clone('clone3(CLONE_NEWUSER)', 435, [CLONE_NEWUSER, 0, 0, 0, SIGCHLD, 0, 0, 0].pack('Q<8'), 64)
puts "setns #{call(308, -1, 0)[1]}" # without the filter: EBADF
puts "unshare(CLONE_NEWUSER) #{call(272, CLONE_NEWUSER)[1]}" # last: it would change this process
