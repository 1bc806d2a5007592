// @attack uses the kernel keyring, which is not namespaced (every container's uid 10000 would share one user keyring)
// @expect-status OK
// @stdout-equals keyctl EPERM\nadd_key EPERM\nrequest_key EPERM\n
// Node.js has no raw system call binding (no FFI), so this program has Perl make the calls: every
// Debian image has it (perl-base is Essential), child processes are allowed, and the filter covers
// every process of the container, which is what a hostile program would find out.
const { execFileSync } = require('child_process');
// res(r): "succeeded" or the errno name. Perl needs variables (not literals) for buffers.
const prelude = 'use Errno; use POSIX (); sub res { return "succeeded" if $_[0] >= 0; (sort grep { $!{$_} } keys %!)[0] }\n';
const perl = (code) => execFileSync('perl', ['-e', prelude + code], { encoding: 'utf8' });

process.stdout.write(perl(`
my ($type, $name, $none, $secret) = ("user", "code-exec", "code-exec-none", "secret");
print "keyctl ", res(syscall(250, 0, -4, 1)), "\\n";  # KEYCTL_GET_KEYRING_ID of the user keyring, creating it
print "add_key ", res(syscall(248, $type, $name, $secret, 6, -2)), "\\n";  # into the process keyring
print "request_key ", res(syscall(249, $type, $none, 0, 0)), "\\n";  # without the filter: ENOKEY
`));
