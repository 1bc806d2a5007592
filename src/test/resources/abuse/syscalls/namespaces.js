// @attack creates namespaces (user namespaces make a program root inside one): clone and clone3 with CLONE_NEWUSER, setns, unshare
// @expect-status OK
// @stdout-equals clone(CLONE_NEWUSER) ENOSPC\nclone3(CLONE_NEWUSER) ENOSYS\nsetns EPERM\nunshare(CLONE_NEWUSER) ENOSPC\n
// @note each run is in a user namespace whose limit of nested ones is 0 (bwrap --disable-userns), so the kernel says ENOSPC
// Node.js has no raw system call binding (no FFI), so this program has Perl make the calls: every
// Debian image has it (perl-base is Essential), child processes are allowed, and the filter covers
// every process of the container, which is what a hostile program would find out.
const { execFileSync } = require('child_process');
// res(r): "succeeded" or the errno name. Perl needs variables (not literals) for buffers.
const prelude = 'use Errno; use POSIX (); sub res { return "succeeded" if $_[0] >= 0; (sort grep { $!{$_} } keys %!)[0] }\n';
const perl = (code) => execFileSync('perl', ['-e', prelude + code], { encoding: 'utf8' });

process.stdout.write(perl(`
sub clone_result {
    my ($name, $r) = @_;
    POSIX::_exit(0) if $r == 0;  # the child, in a new user namespace
    waitpid($r, 0) if $r > 0;
    print "$name ", res($r), "\\n";
}
clone_result("clone(CLONE_NEWUSER)", syscall(56, 0x10000000 | 17, 0, 0, 0, 0));
# struct clone_args (64 bytes): flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls
my $args = pack('Q8', 0x10000000, 0, 0, 0, 17, 0, 0, 0);
clone_result("clone3(CLONE_NEWUSER)", syscall(435, $args, 64));
print "setns ", res(syscall(308, -1, 0)), "\\n";  # without the filter: EBADF
print "unshare(CLONE_NEWUSER) ", res(syscall(272, 0x10000000)), "\\n";  # last: it would change this process
`));
