# @attack unbounded recursion
# @expect-status RUNTIME_ERROR|MEMORY_LIMIT
# @hang-guard-ms 12000
# @stderr-contains stack level too deep
def f(n) = f(n + 1) + 1
f(0)
