// @attack creates a userfaultfd, the usual tool for winning kernel race conditions
// @expect-status OK
// @stdout-equals userfaultfd EPERM\n
// Node.js has no raw system call binding (no FFI), so this program has Perl make the calls: every
// Debian image has it (perl-base is Essential), child processes are allowed, and the filter covers
// every process of the container, which is what a hostile program would find out.
const { execFileSync } = require('child_process');
// res(r): "succeeded" or the errno name. Perl needs variables (not literals) for buffers.
const prelude = 'use Errno; use POSIX (); sub res { return "succeeded" if $_[0] >= 0; (sort grep { $!{$_} } keys %!)[0] }\n';
const perl = (code) => execFileSync('perl', ['-e', prelude + code], { encoding: 'utf8' });

// UFFD_USER_MODE_ONLY | O_CLOEXEC: Linux 5.11+ grants this to anyone, even with vm.unprivileged_userfaultfd=0.
process.stdout.write(perl('print "userfaultfd ", res(syscall(323, 1 | 0x80000)), "\\n";'));
