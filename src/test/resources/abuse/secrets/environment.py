# @attack dumps the environment looking for the service's secrets
# @expect-status OK
# @stdout-equals ['HOME', 'HOSTNAME', 'LANG', 'MPLBACKEND', 'MPLCONFIGDIR', 'PATH', 'PYTHONDONTWRITEBYTECODE', 'TMPDIR']\n
import os
print(sorted(os.environ))
