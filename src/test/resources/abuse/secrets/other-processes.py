# @attack looks for other runs' processes
# @expect-status OK
# @stdout-contains only mine True
import os
pids = [int(p) for p in os.listdir('/proc') if p.isdigit()]
print('only mine', len(pids) <= 4 and 1 in pids, sorted(pids))
