# @attack unbounded recursion with the recursion limit lifted
# @expect-status RUNTIME_ERROR|MEMORY_LIMIT
# @hang-guard-ms 12000
import sys
sys.setrecursionlimit(10**8)
def f(n):
    return f(n + 1) + 1
f(0)
