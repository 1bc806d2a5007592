# @attack reads host and engine files, and init's environment
# @expect-status OK
# @stdout-equals nothing readable\ninit env: ['HOME', 'HOSTNAME', 'LANG', 'PATH', 'TMPDIR']\n
found = []
for p in ['/etc/shadow', '/proc/1/root/etc/shadow', '/var/lib/docker', '/run/containerd', '/proc/kcore',
          '/sys/kernel/security', '/var/run/docker.sock', '/etc/docker/daemon.json']:
    try:
        with open(p, 'rb') as f:
            f.read(1)
        found.append(p)
    except OSError:
        pass
print('read', found) if found else print('nothing readable')
# PID 1 is the sandbox's own init (tini, same user): its environment is the sandbox's, nothing of the host.
env = open('/proc/1/environ', 'rb').read().split(b'\0')
print('init env:', sorted(e.split(b'=')[0].decode() for e in env if e))
