# @attack sets O_NONBLOCK on its stdout and floods it, retrying on EAGAIN, so a launcher that shared that file description would cut its own report short
# @expect-status OK
# @stdout-contains done after 200000 bytes
import errno, fcntl, os, sys
for fd in (1, 2):
    fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) | os.O_NONBLOCK)
data = b'x' * 1000
sent = 0
while sent < 200000:
    try:
        sent += os.write(1, data)
    except BlockingIOError:
        pass
while True:
    try:
        os.write(1, b'\ndone after %d bytes\n' % sent)
        break
    except BlockingIOError:
        pass
