// @attack sets up an io_uring (a kernel surface with a long record of privilege escalations)
// @expect-status OK
// @stdout-equals io_uring_setup EPERM\nio_uring_enter EPERM\nio_uring_register EPERM\n
// Node.js has no raw system call binding (no FFI), so this program has Perl make the calls: every
// Debian image has it (perl-base is Essential), child processes are allowed, and the filter covers
// every process of the container, which is what a hostile program would find out.
const { execFileSync } = require('child_process');
// res(r): "succeeded" or the errno name. Perl needs variables (not literals) for buffers.
const prelude = 'use Errno; use POSIX (); sub res { return "succeeded" if $_[0] >= 0; (sort grep { $!{$_} } keys %!)[0] }\n';
const perl = (code) => execFileSync('perl', ['-e', prelude + code], { encoding: 'utf8' });

process.stdout.write(perl(`
my $params = "\\0" x 120;  # a real ring: 8 entries, zeroed params
print "io_uring_setup ", res(syscall(425, 8, $params)), "\\n";
# No ring to use, so fd -1: without the filter the kernel answers EBADF.
print "io_uring_enter ", res(syscall(426, -1, 1, 0, 0, 0, 0)), "\\n";
print "io_uring_register ", res(syscall(427, -1, 0, 0, 0)), "\\n";
`));
