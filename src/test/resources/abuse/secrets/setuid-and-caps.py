# @attack tries to become root
# @expect-status OK
# @stdout-equals setuid EINVAL\nno setuid binaries\n
# @note in the run's user namespace uid 0 is not mapped at all, so setuid(0) is EINVAL
import os, errno, stat
try:
    os.setuid(0)
    print('became root')
except OSError as e:
    print('setuid', errno.errorcode[e.errno])
suid = []
for d in ['/bin', '/usr/bin', '/sbin', '/usr/sbin', '/usr/local/bin']:
    for n in os.listdir(d) if os.path.isdir(d) else []:
        p = os.path.join(d, n)
        try:
            if os.stat(p).st_mode & stat.S_ISUID:
                suid.append(p)
        except OSError:
            pass
# setuid binaries may exist in the image, but no-new-privileges makes the bit inert:
print('no setuid binaries' if not suid or open('/proc/self/status').read().find('NoNewPrivs:\t1') >= 0 else suid)
