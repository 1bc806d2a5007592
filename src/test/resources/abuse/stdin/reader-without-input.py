# @attack reads stdin when none is given
# @expect-status OK
# @stdout-equals ''\n
# @hang-guard-ms 10000
import sys
print(repr(sys.stdin.read()))
