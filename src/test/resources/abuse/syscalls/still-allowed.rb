# @attack none: ordinary things the profile must keep working (threads through glibc's clone3 fallback, fork, subprocess, local sockets, netlink interface listing)
# @expect-status OK
# @stdout-equals threads 8\nfork 0\nsubprocess child\nsocketpair ok\nloopback tcp ok\nipv6 socket ok\ninterfaces ["lo"]\n
require 'socket'
done = Queue.new
8.times.map { |i| Thread.new { done << i } }.each(&:join)
puts "threads #{done.size}"
pid = fork { exit!(0) }
Process.wait(pid)
puts "fork #{$?.exitstatus}"
puts "subprocess #{IO.popen(['/bin/echo', 'child'], &:read).strip}"
a, b = UNIXSocket.pair
a.write('x')
puts "socketpair #{b.read(1) == 'x' ? 'ok' : 'broken'}"
srv = TCPServer.new('127.0.0.1', 0)
c = TCPSocket.new('127.0.0.1', srv.addr[1])
conn = srv.accept
c.write('y')
puts "loopback tcp #{conn.read(1) == 'y' ? 'ok' : 'broken'}"
Socket.new(:INET6, :STREAM).close
puts 'ipv6 socket ok'
puts "interfaces #{Socket.getifaddrs.map(&:name).uniq}" # a NETLINK_ROUTE socket
