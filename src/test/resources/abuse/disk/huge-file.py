# @attack one file larger than the file size limit
# @expect-status OK|RUNTIME_ERROR
# @stdout-not-contains wrote 20 MiB
import signal
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
try:
    with open('/tmp/huge', 'wb') as f:
        for _ in range(20):
            f.write(b'x' * (1 << 20))
    print('wrote 20 MiB')
except OSError as e:
    print('stopped', e.errno)
