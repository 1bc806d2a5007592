# @attack opens sockets of families and protocols a sandbox never needs (vsock, packet, AF_ALG, TIPC, netlink XFRM/nf_tables, SCTP, ...)
# @expect-status OK
# @stdout-equals allowed: AF_UNIX AF_INET AF_INET6 AF_INET/TCP AF_INET/UDP AF_NETLINK/ROUTE\ndenied: AF_VSOCK AF_PACKET AF_KEY AF_ALG AF_BLUETOOTH AF_TIPC AF_RDS AF_LLC AF_XDP AF_CAN AF_NETLINK/XFRM AF_NETLINK/NETFILTER AF_NETLINK/SOCK_DIAG AF_NETLINK/AUDIT AF_NETLINK/GENERIC AF_INET/SCTP AF_INET/DCCP AF_INET/ICMP AF_INET/MPTCP AF_INET6/SCTP AF_INET6/ICMPV6\nvsock socket EPERM\nvsock socket, family 0x100000028 EPERM\nsocketpair(AF_TIPC) EPERM\n
require 'fiddle'
require 'socket'
# Type 15 is no socket type: past the filter the kernel answers EINVAL before it even looks at the
# family, so EPERM can only come from the seccomp filter. (A real socket of some of these families
# would fail anyway here, for lack of CAP_NET_RAW or of the family in the kernel: that would hide a
# missing filter.)
BAD_TYPE = 15
probes = [['AF_UNIX', 1, 0], ['AF_INET', 2, 0], ['AF_INET6', 10, 0], ['AF_INET/TCP', 2, 6], ['AF_INET/UDP', 2, 17],
          ['AF_NETLINK/ROUTE', 16, 0],
          ['AF_VSOCK', 40, 0], ['AF_PACKET', 17, 0], ['AF_KEY', 15, 2], ['AF_ALG', 38, 0], ['AF_BLUETOOTH', 31, 0],
          ['AF_TIPC', 30, 0], ['AF_RDS', 21, 0], ['AF_LLC', 26, 0], ['AF_XDP', 44, 0], ['AF_CAN', 29, 0],
          ['AF_NETLINK/XFRM', 16, 6], ['AF_NETLINK/NETFILTER', 16, 12], ['AF_NETLINK/SOCK_DIAG', 16, 4],
          ['AF_NETLINK/AUDIT', 16, 9], ['AF_NETLINK/GENERIC', 16, 16],
          ['AF_INET/SCTP', 2, 132], ['AF_INET/DCCP', 2, 33], ['AF_INET/ICMP', 2, 1], ['AF_INET/MPTCP', 2, 262],
          ['AF_INET6/SCTP', 10, 132], ['AF_INET6/ICMPV6', 10, 58]]
allowed = []
denied = []
probes.each do |name, family, proto|
  Socket.new(family, BAD_TYPE, proto).close
  allowed << "#{name}(created!)"
rescue Errno::EPERM
  denied << name
rescue Errno::EINVAL
  allowed << name
rescue SystemCallError => e
  allowed << "#{name}(#{e.class.name.split('::').last})"
end
puts "allowed: #{allowed.join(' ')}"
puts "denied: #{denied.join(' ')}".rstrip
begin # the real thing: a vsock stream socket, which the engine's default profile lets through
  Socket.new(40, Socket::SOCK_STREAM, 0)
  puts 'vsock socket created'
rescue SystemCallError => e
  puts "vsock socket #{e.class.name.split('::').last}"
end
# The kernel keeps the low 32 bits of the family: a filter comparing all 64 (as seccomp does) must
# allow-list, or 0x100000028 slips past a rule such as "family != 40" and opens AF_VSOCK.
raise 'x86_64 system call numbers' unless RUBY_PLATFORM.start_with?('x86_64')
syscall = Fiddle::Function.new(Fiddle.dlopen(nil)['syscall'], [Fiddle::TYPE_LONG] * 4, Fiddle::TYPE_LONG)
r = syscall.call(41, 40 | 1 << 32, Socket::SOCK_STREAM, 0)
puts "vsock socket, family 0x100000028 #{r >= 0 ? 'created' : SystemCallError.new(nil, Fiddle.last_error).class.name.split('::').last}"
begin
  Socket.pair(30, Socket::SOCK_DGRAM, 0)
  puts 'socketpair(AF_TIPC) created'
rescue SystemCallError => e
  puts "socketpair(AF_TIPC) #{e.class.name.split('::').last}"
end
