# @attack opens a perf event counting its own CPU time (allowed by the kernel at perf_event_paranoid <= 2)
# @expect-status OK
# @stdout-equals perf_event_open EPERM\n
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

# struct perf_event_attr, first version (64 bytes): PERF_TYPE_SOFTWARE, PERF_COUNT_SW_CPU_CLOCK,
# disabled, exclude_kernel, exclude_hv. A kernel that forbids it answers EACCES, not EPERM.
attr = [1, 64, 0, 0, 0, 0, 1 | 1 << 5 | 1 << 6, 0, 0, 0].pack('VVQ<Q<Q<Q<Q<VVQ<')
puts "perf_event_open #{call(298, attr, 0, -1, -1, 0)[1]}"
