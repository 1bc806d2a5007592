// @attack opens a perf event counting its own CPU time (allowed by the kernel at perf_event_paranoid <= 2)
// @expect-status OK
// @stdout-equals perf_event_open EPERM\n
// Node.js has no raw system call binding (no FFI), so this program has Perl make the calls: every
// Debian image has it (perl-base is Essential), child processes are allowed, and the filter covers
// every process of the container, which is what a hostile program would find out.
const { execFileSync } = require('child_process');
// res(r): "succeeded" or the errno name. Perl needs variables (not literals) for buffers.
const prelude = 'use Errno; use POSIX (); sub res { return "succeeded" if $_[0] >= 0; (sort grep { $!{$_} } keys %!)[0] }\n';
const perl = (code) => execFileSync('perl', ['-e', prelude + code], { encoding: 'utf8' });

// struct perf_event_attr, first version (64 bytes): PERF_TYPE_SOFTWARE, PERF_COUNT_SW_CPU_CLOCK,
// disabled, exclude_kernel, exclude_hv. A kernel that forbids it answers EACCES, not EPERM.
process.stdout.write(perl(`
my $attr = pack('LLQQQQQLLQ', 1, 64, 0, 0, 0, 0, 1 | 1 << 5 | 1 << 6, 0, 0, 0);
print "perf_event_open ", res(syscall(298, $attr, 0, -1, -1, 0)), "\\n";
`));
