# @attack grows the heap without end
# @expect-status MEMORY_LIMIT
# @hang-guard-ms 12000
a = []
loop { a << 'x' * 1_000_000 + a.size.to_s }
