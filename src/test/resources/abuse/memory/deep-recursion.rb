# @attack unbounded recursion
# @expect-status RUNTIME_ERROR|MEMORY_LIMIT
# @max-wall-ms 4000
# @stderr-contains stack level too deep
def f(n) = f(n + 1) + 1
f(0)
