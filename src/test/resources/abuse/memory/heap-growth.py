# @attack grows the heap without end
# @expect-status MEMORY_LIMIT
# @hang-guard-ms 12000
a = []
while True:
    a.append('x' * 10**6 + str(len(a)))
