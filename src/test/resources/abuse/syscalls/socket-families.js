// @attack opens sockets of families and protocols a sandbox never needs (vsock, packet, AF_ALG, TIPC, netlink XFRM/nf_tables, SCTP, ...)
// @expect-status OK
// @stdout-equals allowed: AF_UNIX AF_INET AF_INET6 AF_INET/TCP AF_INET/UDP AF_NETLINK/ROUTE\ndenied: AF_VSOCK AF_PACKET AF_KEY AF_ALG AF_BLUETOOTH AF_TIPC AF_RDS AF_LLC AF_XDP AF_CAN AF_NETLINK/XFRM AF_NETLINK/NETFILTER AF_NETLINK/SOCK_DIAG AF_NETLINK/AUDIT AF_NETLINK/GENERIC AF_INET/SCTP AF_INET/DCCP AF_INET/ICMP AF_INET/MPTCP AF_INET6/SCTP AF_INET6/ICMPV6\nvsock socket EPERM\nvsock socket, family 0x100000028 EPERM\nsocketpair(AF_TIPC) EPERM\n
// Node.js has no raw system call binding (no FFI), so this program has Perl make the calls: every
// Debian image has it (perl-base is Essential), child processes are allowed, and the filter covers
// every process of the container, which is what a hostile program would find out.
const { execFileSync } = require('child_process');
// res(r): "succeeded" or the errno name. Perl needs variables (not literals) for buffers.
const prelude = 'use Errno; use POSIX (); sub res { return "succeeded" if $_[0] >= 0; (sort grep { $!{$_} } keys %!)[0] }\n';
const perl = (code) => execFileSync('perl', ['-e', prelude + code], { encoding: 'utf8' });

// (Node's own net and dgram modules only open AF_UNIX, AF_INET and AF_INET6 sockets.)
// Type 15 is no socket type: past the filter the kernel answers EINVAL before it even looks at the
// family, so EPERM can only come from the seccomp filter. (A real socket of some of these families
// would fail anyway here, for lack of CAP_NET_RAW or of the family in the kernel: that would hide a
// missing filter.)
const probes = [['AF_UNIX', 1, 0], ['AF_INET', 2, 0], ['AF_INET6', 10, 0], ['AF_INET/TCP', 2, 6], ['AF_INET/UDP', 2, 17],
  ['AF_NETLINK/ROUTE', 16, 0],
  ['AF_VSOCK', 40, 0], ['AF_PACKET', 17, 0], ['AF_KEY', 15, 2], ['AF_ALG', 38, 0], ['AF_BLUETOOTH', 31, 0],
  ['AF_TIPC', 30, 0], ['AF_RDS', 21, 0], ['AF_LLC', 26, 0], ['AF_XDP', 44, 0], ['AF_CAN', 29, 0],
  ['AF_NETLINK/XFRM', 16, 6], ['AF_NETLINK/NETFILTER', 16, 12], ['AF_NETLINK/SOCK_DIAG', 16, 4],
  ['AF_NETLINK/AUDIT', 16, 9], ['AF_NETLINK/GENERIC', 16, 16],
  ['AF_INET/SCTP', 2, 132], ['AF_INET/DCCP', 2, 33], ['AF_INET/ICMP', 2, 1], ['AF_INET/MPTCP', 2, 262],
  ['AF_INET6/SCTP', 10, 132], ['AF_INET6/ICMPV6', 10, 58]];
const results = perl(probes.map(([, family, proto]) => `print res(syscall(41, ${family}, 15, ${proto})), "\\n";`).join('\n'))
  .trim().split('\n');
const allowed = [], denied = [];
probes.forEach(([name], i) => {
  const r = results[i];
  if (r === 'EPERM') denied.push(name);
  else allowed.push(r === 'EINVAL' ? name : `${name}(${r === 'succeeded' ? 'created!' : r})`);
});
console.log(['allowed:', ...allowed].join(' '));
console.log(['denied:', ...denied].join(' '));
process.stdout.write(perl(`
# the real thing: a vsock stream socket, which the engine's default profile lets through
my $r = syscall(41, 40, 1, 0);
print "vsock socket ", ($r >= 0 ? "created" : res($r)), "\\n";
# The kernel keeps the low 32 bits of the family: a filter comparing all 64 (as seccomp does) must
# allow-list, or 0x100000028 slips past a rule such as "family != 40" and opens AF_VSOCK.
$r = syscall(41, 0x100000028, 1, 0);
print "vsock socket, family 0x100000028 ", ($r >= 0 ? "created" : res($r)), "\\n";
my $pair = "\\0" x 8;
$r = syscall(53, 30, 2, 0, $pair);
print "socketpair(AF_TIPC) ", ($r >= 0 ? "created" : res($r)), "\\n";
`));
