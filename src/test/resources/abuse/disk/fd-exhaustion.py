# @attack opens files until no descriptor is left
# @expect-status OK
# @stdout-contains EMFILE True
import errno
fds = []
try:
    while True:
        fds.append(open('/dev/null'))
except OSError as e:
    print(errno.errorcode[e.errno], len(fds) < 256)
