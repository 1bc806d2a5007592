# @attack plants symlinks for the host to follow (Judge0 CVE-2024-28185/28189)
# @expect-status OK
# @stdout-equals planted\n
import os
for name, target in [('out', '/etc/passwd'), ('stdout', '/proc/1/root'), ('main.py.bak', '/var/run/docker.sock')]:
    os.symlink(target, '/sandbox/' + name)
    os.symlink(target, '/tmp/' + name)
print('planted')
