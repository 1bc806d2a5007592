# @attack attaches ptrace to its own child (allowed by the engine's default profile)
# @expect-status OK
# @stdout-equals ptrace(PTRACE_ATTACH) EPERM\nptrace(PTRACE_TRACEME) EPERM\n
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

child = fork { sleep 30 }
# Same uid, dumpable, our own descendant: without the filter the kernel lets us attach.
puts "ptrace(PTRACE_ATTACH) #{call(101, 16, child, 0, 0)[1]}"
Process.kill(:KILL, child)
loop do # a traced child reports its stop first
  _, status = Process.wait2(child)
  break if status.exited? || status.signaled?
end
traceme = fork do
  r, = call(101, 0, 0, 0, 0)
  exit!(r.zero? ? 0 : Fiddle.last_error)
end
_, status = Process.wait2(traceme)
puts "ptrace(PTRACE_TRACEME) #{status.exitstatus.zero? ? 'succeeded' : errname(status.exitstatus)}"
