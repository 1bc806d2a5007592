# @attack creates empty files until the filesystem runs out of inodes
# @expect-status OK
# @stdout-contains out of inodes True
import errno
n = 0
try:
    while True:
        open(f'/tmp/f{n}', 'w').close()
        n += 1
except OSError as e:
    print('out of inodes', e.errno == errno.ENOSPC and n < 5000)
