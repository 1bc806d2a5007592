# @attack floods stderr
# @expect-status OUTPUT_LIMIT
# @truncated true
# @hang-guard-ms 10000
import sys
while True:
    sys.stderr.write('e' * 1000 + '\n')
