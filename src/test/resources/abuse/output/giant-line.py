# @attack one giant line without a newline
# @expect-status OUTPUT_LIMIT
# @truncated true
# @hang-guard-ms 10000
import sys
sys.stdout.write('x' * (8 << 20))
