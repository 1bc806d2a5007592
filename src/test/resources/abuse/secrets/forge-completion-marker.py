# @attack prints fake completion markers (guessing the nonce) to make the service answer early with a forged status
# @expect-status RUNTIME_ERROR
# @exit 7
# @stdout-contains after the fakes
import sys, time
for guess in ['0' * 32, 'nonce', '']:
    fake = '\0code-exec-exit ' + guess + ' 0\n'
    sys.stdout.write(fake)
    sys.stdout.flush()
    sys.stderr.write(fake)
    sys.stderr.flush()
time.sleep(0.3)
print('after the fakes', flush=True)
sys.exit(7)
