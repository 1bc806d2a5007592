# @attack leaves state behind for whoever runs next: files in the working directory, /tmp, /dev/shm and /dev/mqueue, a System V shared-memory segment, a background process; then looks for what an earlier run left the same way
# @expect-status OK
# @repeat 3
# @stdout-equals found nothing\nleft things behind\n
import ctypes, os, subprocess
found = []
for d in ('.', '/tmp', '/dev/shm', '/dev/mqueue'):
    try:
        found += [d + '/' + n for n in os.listdir(d) if n.startswith('left-by-')]
    except OSError:
        pass
libc = ctypes.CDLL(None, use_errno=True)
KEY = 0x0c0dec0d
if libc.shmget(KEY, 4096, 0) >= 0:
    found.append('shm segment')
for pid in filter(str.isdigit, os.listdir('/proc')):
    try:
        if b'left-by-an-earlier-run' in open('/proc/%s/cmdline' % pid, 'rb').read():
            found.append('process ' + pid)
    except OSError:
        pass
print('found', found) if found else print('found nothing')
for d in ('.', '/tmp', '/dev/shm'):
    open(d + '/left-by-me', 'w').write('x')
libc.shmget(KEY, 4096, 0o1000 | 0o666)
subprocess.Popen(['sh', '-c', 'exec -a left-by-an-earlier-run sleep 600'], start_new_session=True)
print('left things behind')
