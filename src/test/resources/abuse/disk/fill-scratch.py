# @attack fills the writable scratch directory
# @expect-status OK
# @stdout-contains full ENOSPC
import errno
n = 0
try:
    for i in range(100):
        with open(f'/sandbox/fill{i}', 'wb') as f:
            f.write(b'x' * (1 << 20))
        n += 1
except OSError as e:
    print('full', errno.errorcode[e.errno], n < 17)
