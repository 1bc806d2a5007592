# @attack writes everywhere outside the scratch directories
# @expect-status OK
# @stdout-equals denied everywhere\n
import os
wrote = []
for d in ['/', '/etc', '/usr', '/usr/bin', '/var/tmp', '/root', '/home', '/opt/code-exec', '/dev', '/proc', '/sys', '/run']:
    try:
        with open(os.path.join(d, 'pwned'), 'w') as f:
            f.write('x')
        wrote.append(d)
    except OSError:
        pass
print('wrote', wrote) if wrote else print('denied everywhere')
