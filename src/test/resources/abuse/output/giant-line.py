# @attack one giant line without a newline
# @expect-status OUTPUT_LIMIT
# @truncated true
# @max-wall-ms 3000
import sys
sys.stdout.write('x' * (8 << 20))
