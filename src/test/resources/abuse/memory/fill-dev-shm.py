# @attack fills /dev/shm, which a read-only root does not cap
# @expect-status OK
# @stdout-contains capped at
import os, errno
n = 0
try:
    with open('/dev/shm/fill', 'wb') as f:
        while True:
            f.write(b'x' * (1 << 20))
            f.flush()
            n += 1
except OSError as e:
    print('capped at', n, 'MiB', errno.errorcode[e.errno])
