# @attack reads host and engine files, and the launcher's (PID 1) memory and environment
# @expect-status OK
# @stdout-equals nothing readable\n
found = []
for p in ['/etc/shadow', '/proc/1/root/etc/shadow', '/proc/1/environ', '/proc/1/mem',
          '/opt/code-exec/launcher', '/var/lib/docker', '/run/containerd', '/proc/kcore',
          '/sys/kernel/security', '/var/run/docker.sock', '/etc/docker/daemon.json']:
    try:
        with open(p, 'rb') as f:
            f.read(1)
        found.append(p)
    except OSError:
        pass
print('read', found) if found else print('nothing readable')
