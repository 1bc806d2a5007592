# @attack uses the kernel keyring, which is not namespaced (every container's uid 10000 would share one user keyring)
# @expect-status OK
# @stdout-equals keyctl EPERM\nadd_key EPERM\nrequest_key EPERM\n
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

puts "keyctl #{call(250, 0, -4, 1)[1]}" # KEYCTL_GET_KEYRING_ID of the user keyring, creating it
puts "add_key #{call(248, "user\0", "code-exec\0", 'secret', 6, -2)[1]}" # into the process keyring
puts "request_key #{call(249, "user\0", "code-exec-none\0", 0, 0)[1]}" # without the filter: ENOKEY
