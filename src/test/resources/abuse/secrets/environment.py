# @attack dumps the environment looking for the service's secrets
# @expect-status OK
# @stdout-equals ['HOME', 'HOSTNAME', 'LANG', 'PATH', 'PYTHONDONTWRITEBYTECODE', 'TMPDIR']\n
import os
print(sorted(os.environ))
