# @attack floods stderr
# @expect-status OUTPUT_LIMIT
# @truncated true
# @max-wall-ms 3000
import sys
while True:
    sys.stderr.write('e' * 1000 + '\n')
