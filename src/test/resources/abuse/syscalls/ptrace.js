// @attack attaches ptrace to its own child (allowed by the engine's default profile)
// @expect-status OK
// @stdout-equals ptrace(PTRACE_ATTACH) EPERM\nptrace(PTRACE_TRACEME) EPERM\n
// Node.js has no raw system call binding (no FFI), so this program has Perl make the calls: every
// Debian image has it (perl-base is Essential), child processes are allowed, and the filter covers
// every process of the container, which is what a hostile program would find out.
const { execFileSync } = require('child_process');
// res(r): "succeeded" or the errno name. Perl needs variables (not literals) for buffers.
const prelude = 'use Errno; use POSIX (); sub res { return "succeeded" if $_[0] >= 0; (sort grep { $!{$_} } keys %!)[0] }\n';
const perl = (code) => execFileSync('perl', ['-e', prelude + code], { encoding: 'utf8' });

process.stdout.write(perl(`
my $child = fork();
if ($child == 0) { sleep 30; POSIX::_exit(0); }
# Same uid, dumpable, our own descendant: without the filter the kernel lets us attach.
print "ptrace(PTRACE_ATTACH) ", res(syscall(101, 16, $child, 0, 0)), "\\n";
kill 'KILL', $child;
while (waitpid($child, 0) == $child && POSIX::WIFSTOPPED($?)) {}  # a traced child reports its stop first
my $traceme = fork();
if ($traceme == 0) { POSIX::_exit(syscall(101, 0, 0, 0, 0) == 0 ? 0 : $! + 0); }
waitpid($traceme, 0);
$! = $? >> 8;
print "ptrace(PTRACE_TRACEME) ", ($? >> 8 ? res(-1) : "succeeded"), "\\n";
`));
