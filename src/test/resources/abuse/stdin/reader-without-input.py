# @attack reads stdin when none is given
# @expect-status OK
# @stdout-equals ''\n
# @max-wall-ms 2000
import sys
print(repr(sys.stdin.read()))
