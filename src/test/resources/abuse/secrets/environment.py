# @attack dumps the environment looking for the service's secrets
# @expect-status OK
# @stdout-equals ['HOME', 'HOSTNAME', 'LANG', 'PATH', 'PWD', 'PYTHONDONTWRITEBYTECODE', 'TMPDIR']\n
# @note bubblewrap sets PWD (the scratch directory) in each run
import os
print(sorted(os.environ))
