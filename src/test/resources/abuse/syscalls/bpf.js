// @attack calls bpf(2), the gateway to the BPF verifier and maps
// @expect-status OK
// @stdout-equals bpf EPERM\n
// Node.js has no raw system call binding (no FFI), so this program has Perl make the calls: every
// Debian image has it (perl-base is Essential), child processes are allowed, and the filter covers
// every process of the container, which is what a hostile program would find out.
const { execFileSync } = require('child_process');
// res(r): "succeeded" or the errno name. Perl needs variables (not literals) for buffers.
const prelude = 'use Errno; use POSIX (); sub res { return "succeeded" if $_[0] >= 0; (sort grep { $!{$_} } keys %!)[0] }\n';
const perl = (code) => execFileSync('perl', ['-e', prelude + code], { encoding: 'utf8' });

// A real map or program would also be refused by most kernels themselves
// (kernel.unprivileged_bpf_disabled), which would hide a missing filter. An unknown command reaches
// the kernel's EINVAL (Linux 6.5+: it checks privileges per command) unless the filter stops it first.
process.stdout.write(perl('print "bpf ", res(syscall(321, 0x7fff, 0, 0)), "\\n";'));
