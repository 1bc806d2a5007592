# @attack reads host and engine files, and the launcher's memory and environment (PID 1 in a fresh container; out of sight in throughput mode)
# @expect-status OK
# @stdout-equals nothing readable\n
import os


def launchers():
    found = []
    for pid in filter(str.isdigit, os.listdir('/proc')):
        try:
            if open('/proc/%s/cmdline' % pid, 'rb').read().startswith(b'/opt/code-exec/launcher'):
                found.append(pid)
        except OSError:
            pass
    return found


paths = ['/etc/shadow', '/opt/code-exec/launcher', '/var/lib/docker', '/run/containerd', '/proc/kcore',
         '/sys/kernel/security', '/var/run/docker.sock', '/etc/docker/daemon.json']
for pid in launchers():
    paths += ['/proc/%s/%s' % (pid, f) for f in ('environ', 'mem', 'root/etc/shadow', 'fd/0', 'fd/1')]
found = []
for p in paths:
    try:
        with open(p, 'rb') as f:
            f.read(1)
        found.append(p)
    except OSError:
        pass
print('read', found) if found else print('nothing readable')
